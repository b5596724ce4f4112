import { useParams } from 'react-router';
import { describeDose } from '../../../shared/dose.js';
import { watchLinesFor } from '../../../shared/watch-for.js';
import { ItemDrawing } from '../../components/ItemDrawing.js';
import { ItemSafety } from '../../components/ItemSafety.js';
import { Alert, Button, ButtonLink, EmptyState, InfoIcon, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDayHeading } from '../../format.js';
import { useDocumentTitle } from '../../useDocumentTitle.js';
import type { Homework } from './homeworkData.js';
import { whenLabel } from './rebookText.js';
import { type HandoutData, useHandout } from './useHandout.js';
import './handout.css';
import { pages } from '../../paths.js';

/** /clients/:id/handout — the PDF handout as a web page, with a print stylesheet. */
export function HandoutPage() {
  const { id = '' } = useParams();
  const state = useHandout(id);
  if (state.status === 'loading')
    return (
      <>
        <PageHeader title="Handout" />
        <Spinner label="Preparing the handout…" />
      </>
    );
  if (state.status === 'error')
    return (
      <>
        <PageHeader title="The handout did not open" />
        <Alert tone="error">{state.message}</Alert>
      </>
    );
  const { client, items } = state.data;
  if (items.length === 0)
    return (
      <>
        <PageHeader title={`Handout for ${client.firstName}`} />
        <EmptyState
          icon={InfoIcon}
          title="No homework to print yet"
          action={
            <ButtonLink to={pages.client(client.id)} variant="secondary">
              Back to {client.firstName}
            </ButtonLink>
          }
        >
          Give {client.firstName} an item on the homework step after a session; it shows here ready to print.
        </EmptyState>
      </>
    );
  return <Handout data={state.data} />;
}

function Handout({ data }: { data: HandoutData }) {
  const { practice, client, items, therapist, nextVisit, link } = data;
  useDocumentTitle(`Handout · ${client.firstName} ${client.lastName}`.trim());
  return (
    <div className="handout-page">
      <div className="handout__toolbar no-print">
        <Button onClick={() => window.print()}>Print</Button>
        <ButtonLink to={pages.client(client.id)} variant="secondary">
          Back to {client.firstName}
        </ButtonLink>
      </div>
      <article className="handout" aria-labelledby="handout-title">
        <header className="handout__header">
          <p className="handout__practice">{practice.name}</p>
          <h1 id="handout-title" tabIndex={-1} className="handout__title">
            Your homework, {client.firstName}
          </h1>
          <p className="handout__from">
            From {therapist.name} · {formatDayHeading(new Date())}
          </p>
          <p>Do these at home between visits. A few minutes most days helps the work we did today last longer.</p>
        </header>

        <ol className="plain-list handout__items">
          {items.map((h, i) => (
            <li key={h.id}>
              <HandoutItem homework={h} number={i + 1} therapistName={therapist.name} cautions={client.intake.cautions} />
            </li>
          ))}
        </ol>

        {client.intake.goals && (
          <section className="handout__section" aria-labelledby="handout-goals">
            <h2 id="handout-goals">What you are working towards</h2>
            <p>{client.intake.goals}</p>
          </section>
        )}
        {nextVisit && (
          <section className="handout__section" aria-labelledby="handout-next">
            <h2 id="handout-next">Your next visit</h2>
            <p>{whenLabel(nextVisit.startsAt, nextVisit.timezone)}</p>
          </section>
        )}

        <section className="handout__qr" aria-labelledby="handout-phone">
          {/* Our server draws this SVG; as an image it cannot run script, and CSP allows data: images. */}
          <img
            src={`data:image/svg+xml;utf8,${encodeURIComponent(link.qrSvg)}`}
            alt={`QR code that opens ${client.firstName}’s page`}
            className="handout__qr-image"
          />
          <div>
            <h2 id="handout-phone">Tick it off on your phone</h2>
            <p>Scan the code with your phone camera. Tap “done” each day and tell us how it felt.</p>
            <p className="handout__url">{link.url}</p>
          </div>
        </section>

        <footer className="handout__footer">
          {therapist.email && <p className="handout__questions">Questions? Email {therapist.email}</p>}
          <p className="small">This is self-care advice, not medical treatment. If anything hurts sharply, stop and tell us.</p>
        </footer>
      </article>
    </div>
  );
}

function HandoutItem({
  homework: h,
  number,
  therapistName,
  cautions,
}: {
  homework: Homework;
  number: number;
  therapistName: string;
  cautions: Parameters<typeof watchLinesFor>[1];
}) {
  const dose = describeDose(h.dose);
  const watch = watchLinesFor(h.exercise, cautions);
  const titleId = `handout-item-${h.id}`;
  return (
    <section className="handout-item" aria-labelledby={titleId}>
      <div className="handout-item__top">
        <ItemDrawing item={h.exercise} size="card" eager />
        <div>
          <h2 id={titleId} className="handout-item__name">
            {number}. {h.exercise.name}
          </h2>
          <p className="handout-item__purpose">{h.exercise.purpose}</p>
          <p className="handout-item__dose">
            {dose.what ? `${dose.what}. ` : ''}
            {dose.when}.{dose.pressure && <span className="handout-item__pressure"> {dose.pressure}.</span>}
          </p>
        </div>
      </div>
      <h3 className="handout-item__how">How to do it</h3>
      <ol className="handout-item__steps">
        {h.exercise.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {h.note && (
        <p className="handout-item__cue">
          <strong>A tip from {therapistName}: </strong>
          {h.note}
        </p>
      )}
      <ItemSafety item={h.exercise} headingLevel={3} />
      {watch.map((line) => (
        <p key={line} className="handout-item__cue">
          {line}
        </p>
      ))}
      <p className="handout-item__stop">{h.exercise.stopIf}</p>
    </section>
  );
}
