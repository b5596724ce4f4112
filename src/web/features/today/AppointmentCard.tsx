import { Link } from 'react-router';
import type { TodayAppointment } from '../../../shared/api/today.js';
import { dayForFormatting } from '../../../shared/time/zone.js';
import { CAUTIONS, COMPLAINTS } from '../../../shared/vocabulary.js';
import { ButtonLink } from '../../design/components/index.js';
import { formatDate, usePracticeClock } from '../../format.js';
import { pages } from '../../paths.js';

const reportLabels = { 'most-days': 'most days', 'some-days': 'some days', 'not-really': 'not really' } as const;

/** Where "Start session" goes: the session form, pre-filled from this visit. */
export const startSessionPath = (a: TodayAppointment, date: string) => pages.newSession(a.client.id, { appointmentId: a.id, date });

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

function feelingsText(f: TodayAppointment['homework']['feelings']) {
  const parts = [
    f.better && `better ${times(f.better)}`,
    f.same && `the same ${times(f.same)}`,
    f.worse && `worse ${times(f.worse)}`,
  ].filter(Boolean);
  return parts.length ? `Felt ${parts.join(', ')}` : null;
}

/** One visit of the day: when, who, what to watch for, how the homework went, and one action. */
export function AppointmentCard({
  appointment: a,
  date,
  therapistName,
}: {
  appointment: TodayAppointment;
  date: string;
  therapistName?: string;
}) {
  const clock = usePracticeClock();
  const name = [a.client.firstName, a.client.lastName].filter(Boolean).join(' ');
  const hw = a.homework;
  const titleId = `visit-${a.id}`;
  const feelings = feelingsText(hw.feelings);
  const end = new Date(Date.parse(a.startsAt) + a.durationMinutes * 60_000);
  return (
    <article className={`today-card${a.status === 'done' ? ' today-card--done' : ''}`} aria-labelledby={titleId}>
      <div className="today-card__when">
        <span className="today-card__time">{clock.time(a.startsAt)}</span>
        <span className="muted">
          {a.durationMinutes} min · until {clock.time(end)}
        </span>
      </div>
      <div className="today-card__body stack">
        <h2 id={titleId} className="today-card__name">
          <Link to={pages.client(a.client.id)}>{name}</Link>
          {a.status === 'done' && <span className="today-card__status">Attended</span>}
          {a.status === 'no-show' && <span className="today-card__status">No-show</span>}
        </h2>
        {therapistName && <p className="muted">With {therapistName}</p>}
        {a.client.cautions.length > 0 && (
          <div className="today-card__cautions" role="note" aria-label="Cautions">
            <strong>Caution:</strong> {a.client.cautions.map((c) => CAUTIONS[c]).join(', ')}
            {a.client.cautionNotes && <span> · {a.client.cautionNotes}</span>}
          </div>
        )}
        {a.client.complaints.length > 0 && (
          <p className="today-card__complaints">
            <span className="muted">Came in for </span>
            {a.client.complaints.map((c) => COMPLAINTS[c]).join(', ')}
          </p>
        )}
        <div className="today-card__homework">
          {hw.ofDays > 0 ? (
            <p>
              <strong>
                Homework done {hw.doneDays} of {hw.ofDays} days
              </strong>
              {hw.active > 0 ? ` · ${hw.active} item${hw.active === 1 ? '' : 's'} now` : ''}
            </p>
          ) : (
            <p className="muted">No homework yet.</p>
          )}
          {(feelings || hw.lastCheckIn || hw.report) && (
            <p className="muted">
              {[
                feelings,
                hw.lastCheckIn &&
                  `last ticked ${formatDate(dayForFormatting(hw.lastCheckIn), { timeZone: 'UTC', hourStyle: clock.hourStyle })}`,
                hw.report && `said “${reportLabels[hw.report]}” before the visit`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          )}
          {a.openQuestions.length > 0 && (
            <p className="today-card__question">
              <strong>Open question:</strong> “{a.openQuestions[0].text}”
              {a.openQuestions.length > 1 && <span className="muted"> and {a.openQuestions.length - 1} more</span>}
            </p>
          )}
        </div>
      </div>
      <div className="today-card__action">
        {a.sessionId ? (
          <ButtonLink to={pages.homeworkStep(a.sessionId, a.client.id)} variant="secondary">
            Open session
          </ButtonLink>
        ) : (
          a.status !== 'no-show' && <ButtonLink to={startSessionPath(a, date)}>Start session</ButtonLink>
        )}
      </div>
    </article>
  );
}
