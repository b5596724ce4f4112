import type { ReactNode } from 'react';
import type { Summary } from '../../../shared/api/reports.js';
import { FeltBar, Figure } from './Figure.js';
import { count, duration, ofCount, percent, plural } from './numbers.js';

type Definitions = Summary['definitions'];

function FigureRow({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="dash-figure-row">
      <h2 className="dash-figure-row__title">{title}</h2>
      <div className="dash-figure-row__grid">{children}</div>
    </div>
  );
}

const noSessions = 'No sessions in this period to count.';

/** The first row: how much happened, and how much of it left with homework. */
export function GlanceFigures({ summary: s, definitions: d }: { summary: Summary; definitions: Definitions }) {
  const coverage = s.homeworkCoverage;
  return (
    <FigureRow title="At a glance">
      <Figure title="Sessions" value={count(s.sessions)} detail="recorded in this period" definition={d.sessions} />
      <Figure title="Clients seen" value={count(s.clientsSeen)} detail="different clients on the table" definition={d.clientsSeen} />
      <Figure
        title="Homework coverage"
        wide
        value={percent(coverage.value)}
        detail={`${ofCount(coverage, 'sessions')} ended with homework`}
        emptyNote={coverage.value === null && noSessions}
        definition={d.homeworkCoverage}
      >
        <div className="coverage-goal">
          {coverage.value !== null && (
            <progress className="coverage-goal__bar" value={coverage.numerator} max={coverage.denominator} aria-hidden="true" />
          )}
          <p className="coverage-goal__text">
            <span>Goal: every client, every session</span>
            {coverage.value !== null && <span>{goalGap(coverage.denominator - coverage.numerator)}</span>}
          </p>
        </div>
      </Figure>
    </FigureRow>
  );
}

function goalGap(missing: number) {
  return missing === 0 ? 'Reached' : `${plural(missing, 'session')} without`;
}

/** What was given, shown, done, and how it felt. */
export function HomeworkFigures({ summary: s, definitions: d }: { summary: Summary; definitions: Definitions }) {
  const feelings = s.felt.better + s.felt.same + s.felt.worse;
  return (
    <FigureRow title="Homework">
      <Figure
        title="Items per session"
        value={s.itemsPerSession.value === null ? '—' : s.itemsPerSession.value.toFixed(1)}
        detail={`${plural(s.itemsPerSession.numerator, 'item')} at ${plural(s.itemsPerSession.denominator, 'session')}`}
        emptyNote={s.itemsPerSession.value === null && noSessions}
        definition={d.itemsPerSession}
      />
      <Figure
        title="Shown in the room"
        value={percent(s.demonstrated.value)}
        detail={`${ofCount(s.demonstrated, 'items')} demonstrated by the client`}
        emptyNote={s.demonstrated.value === null && 'No homework given in this period.'}
        definition={d.demonstrated}
      />
      <Figure
        title="Homework done"
        value={percent(s.adherence.value)}
        detail={`${ofCount(s.adherence, 'asked-for days')} ticked off`}
        emptyNote={s.adherence.value === null && 'No homework was active in this period.'}
        definition={d.adherence}
      />
      <Figure
        title="How it felt"
        value={percent(feelings ? s.felt.better / feelings : null)}
        detail={`felt better · ${plural(feelings, 'check-in')}`}
        emptyNote={!feelings && 'No client said how an item felt in this period.'}
        definition={d.felt}
      >
        {feelings > 0 && <FeltBar felt={s.felt} />}
      </Figure>
    </FigureRow>
  );
}

/** Rebooking and retention: the figures homework is meant to move. */
export function ReturnFigures({ summary: s, definitions: d }: { summary: Summary; definitions: Definitions }) {
  const retention = [
    { days: 30, rate: s.retention30, definition: d.retention30 },
    { days: 60, rate: s.retention60, definition: d.retention60 },
    { days: 90, rate: s.retention90, definition: d.retention90 },
  ];
  return (
    <FigureRow title="Coming back">
      <Figure
        title="Rebooked before leaving"
        value={percent(s.rebooked.value)}
        detail={ofCount(s.rebooked, 'sessions')}
        emptyNote={s.rebooked.value === null && noSessions}
        definition={d.rebooked}
      />
      {retention.map(({ days, rate, definition }) => (
        <Figure
          key={days}
          title={`Back within ${days} days`}
          value={percent(rate.value)}
          detail={ofCount(rate, 'clients')}
          emptyNote={rate.value === null && `No first visit in this period is ${days} days old yet.`}
          definition={definition}
        />
      ))}
    </FigureRow>
  );
}

/** Word of mouth, and how quickly clients' questions get an answer. */
export function ReachFigures({ summary: s, definitions: d }: { summary: Summary; definitions: Definitions }) {
  const { made, converted } = s.referrals;
  const { asked, answered, medianAnswerHours } = s.questions;
  return (
    <FigureRow title="Referrals and questions">
      <Figure title="Friends referred" value={count(made)} detail="new clients sent by a client" definition={d.referrals} />
      <Figure
        title="Referrals who booked"
        value={count(converted)}
        detail={`of ${plural(made, 'referred friend')} booked or came in`}
        definition={d.referrals}
      />
      <Figure
        title="Questions answered"
        value={percent(asked ? answered / asked : null)}
        detail={`${count(answered)} of ${plural(asked, 'question')}`}
        emptyNote={!asked && 'No questions asked in this period.'}
        definition={d.questions}
      />
      <Figure
        title="Median answer time"
        value={duration(medianAnswerHours)}
        detail={`from question to answer, over ${plural(answered, 'answer')}`}
        emptyNote={medianAnswerHours === null && 'No answered questions in this period.'}
        definition={d.questions}
      />
    </FigureRow>
  );
}
