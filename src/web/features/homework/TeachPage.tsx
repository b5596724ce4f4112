import { type PointerEvent, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { describeDose } from '../../../shared/dose.js';
import { ItemDrawing } from '../../components/ItemDrawing.js';
import { ItemSafety, TeachInRoomBadge } from '../../components/ItemSafety.js';
import { Alert, Button, ButtonLink, PageHeader, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { useDocumentTitle } from '../../useDocumentTitle.js';
import { Demonstrated } from './Demonstrated.js';
import { HoldTimer } from './HoldTimer.js';
import type { Homework, HomeworkList } from './homeworkData.js';
import { RoomMedia } from './RoomMedia.js';
import './teach.css';
import { pages, paths } from '../../paths.js';

/** /homework/:id/teach?client=… — the item full screen on the tablet, one step at a time. */
export function TeachPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const clientId = search.get('client');
  const list = useApiQuery<HomeworkList>(clientId ? paths.clientHomework(clientId, { status: 'all' }) : null);

  const problem = !clientId
    ? 'Open the teach view from the homework step, so Carryover knows whose item it is.'
    : list.state.status === 'error'
      ? list.state.message
      : list.state.status === 'ready' && !list.state.data.homework.some((h) => h.id === id)
        ? 'This item is not among the client’s homework any more.'
        : null;
  if (problem)
    return (
      <>
        <PageHeader title="Teach" />
        <div className="stack">
          <Alert tone="error">{problem}</Alert>
          <div>
            <ButtonLink to={clientId ? pages.client(clientId) : pages.clients()} variant="secondary">
              Back
            </ButtonLink>
          </div>
        </div>
      </>
    );
  if (list.state.status !== 'ready')
    return (
      <>
        <PageHeader title="Teach" />
        <Spinner label="Opening the item…" />
      </>
    );
  const homework = list.state.data.homework.find((h) => h.id === id)!;
  return <TeachView key={homework.id} initial={homework} />;
}

function TeachView({ initial }: { initial: Homework }) {
  const navigate = useNavigate();
  const [homework, setHomework] = useState(initial);
  const [step, setStep] = useState(0);
  const swipeFrom = useRef<number | null>(null);
  const { exercise } = homework;
  useDocumentTitle(`Teach · ${exercise.name}`);
  const steps = exercise.steps;
  const last = steps.length - 1;
  const dose = describeDose(homework.dose);
  const doneTo = homework.sessionId ? pages.homeworkStep(homework.sessionId, homework.clientId) : pages.client(homework.clientId);

  const onPointerDown = (e: PointerEvent) => {
    if (e.pointerType !== 'mouse') swipeFrom.current = e.clientX;
  };
  const onPointerUp = (e: PointerEvent) => {
    if (swipeFrom.current === null) return;
    const dx = e.clientX - swipeFrom.current;
    swipeFrom.current = null;
    if (dx < -60) setStep((s) => Math.min(last, s + 1));
    if (dx > 60) setStep((s) => Math.max(0, s - 1));
  };

  return (
    <div className="teach-view">
      <div className="teach__top">
        <div>
          <p className="teach__kicker">Teach</p>
          <h1 tabIndex={-1} className="teach__title">
            {exercise.name}
          </h1>
          {exercise.teachInRoom && (
            <p className="teach__badge">
              <TeachInRoomBadge item={exercise} />
            </p>
          )}
        </div>
        <Button className="teach__done" onClick={() => navigate(doneTo)}>
          Done
        </Button>
      </div>

      <div className="teach__layout">
        <div className="teach__aside">
          <ItemDrawing item={exercise} size="large" eager />
          <p className="teach__dose">
            <strong>{dose.what ? `${dose.what}.` : ''}</strong> {dose.when}.
            {dose.pressure && <span className="teach__pressure"> {dose.pressure}.</span>}
          </p>
          {homework.dose.holdSeconds && <HoldTimer seconds={homework.dose.holdSeconds} perSide={Boolean(homework.dose.perSide)} />}
        </div>

        <section className="teach__steps" aria-labelledby="teach-steps-title" onPointerDown={onPointerDown} onPointerUp={onPointerUp}>
          <h2 id="teach-steps-title" className="visually-hidden">
            How to do it
          </h2>
          <div aria-live="polite" aria-atomic="true" className="teach__step">
            <p className="teach__count">
              Step {step + 1} of {steps.length}
            </p>
            <p className="teach__text">{steps[step]}</p>
          </div>
          <div className="teach__nav">
            <Button variant="secondary" className="teach__nav-button" disabled={step === 0} onClick={() => setStep(step - 1)}>
              Back
            </Button>
            <Button className="teach__nav-button" disabled={step === last} onClick={() => setStep(step + 1)}>
              Next step
            </Button>
          </div>
          {homework.note && (
            <p className="teach__cue">
              <strong>Your cue: </strong>
              {homework.note}
            </p>
          )}
          <p className="teach__stop">
            <strong>Safety: </strong>
            {exercise.stopIf}
          </p>
          <div className="teach__told">
            <ItemSafety item={exercise} headingLevel={3} />
          </div>
        </section>
      </div>

      <div className="teach__record">
        <Demonstrated homework={homework} onChanged={setHomework} />
        <RoomMedia homework={homework} onAdded={(m) => setHomework((h) => ({ ...h, media: [...h.media, m] }))} />
      </div>
    </div>
  );
}
