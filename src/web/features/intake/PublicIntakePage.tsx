import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { type Intake, publicIntakeBody } from '../../../shared/api/clients.js';
import { api } from '../../api.js';
import { Alert, Button, CarryoverMark, Spinner } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { SkipLink } from '../../layout/SkipLink.js';
import { useApiQuery } from '../../query.js';
import { useDocumentTitle } from '../../useDocumentTitle.js';
import { type Answers, IntakeQuestions } from './IntakeQuestions.js';
import './intake.css';
import { paths } from '../../paths.js';

interface IntakeView {
  practiceName: string;
  firstName: string;
  intake: Intake;
  consentToEmail: boolean;
  expiresAt: string;
}

const answersFrom = (view: IntakeView): Answers => ({
  complaints: view.intake.complaints,
  complaintNotes: view.intake.complaintNotes ?? '',
  goals: view.intake.goals ?? '',
  lifestyle: view.intake.lifestyle,
  tools: view.intake.tools,
  lacksTools: view.intake.lacksTools,
  cautions: view.intake.cautions,
  cautionNotes: view.intake.cautionNotes ?? '',
  referralSource: view.intake.referralSource ?? null,
  consentToEmail: view.consentToEmail,
  phone: '',
});

const hasAnswers = (i: Intake) =>
  [i.complaints, i.lifestyle, i.tools, i.lacksTools, i.cautions].some((list) => list.length > 0) ||
  Boolean(i.complaintNotes || i.goals || i.cautionNotes || i.referralSource);

function deviceTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The intake form a client opens from a link, on their phone, without an account. It never asks
 * who is signed in on this device: the link's token is all it uses.
 */
export function PublicIntakePage() {
  const { token = '' } = useParams();
  const { state } = useApiQuery<IntakeView>(paths.intake(token));
  const [finished, setFinished] = useState<'sent' | 'gone' | null>(null);

  let content: ReactNode;
  if (finished === 'gone' || (state.status === 'error' && (state.error?.status === 404 || state.error?.status === 400)))
    content = <LinkGone />;
  else if (state.status === 'error')
    content = (
      <Message title="This page did not load">
        <Alert tone="error">{state.message}</Alert>
        <p>Check your internet connection, then reload the page.</p>
      </Message>
    );
  else if (state.status === 'loading') content = <Spinner label="Opening your form…" />;
  else if (finished === 'sent') content = <ThankYou view={state.data} />;
  else content = <IntakeForm token={token} view={state.data} onSent={() => setFinished('sent')} onGone={() => setFinished('gone')} />;

  const practiceName = state.status === 'ready' ? state.data.practiceName : null;
  return (
    <div className="intake-frame">
      <SkipLink />
      <header className="intake-header">
        {practiceName ? <p className="intake-header__practice">{practiceName}</p> : <CarryoverMark size={28} />}
      </header>
      <main id="main" tabIndex={-1} className="intake-main">
        {content}
      </main>
    </div>
  );
}

function IntakeForm({ token, view, onSent, onGone }: { token: string; view: IntakeView; onSent: () => void; onGone: () => void }) {
  useDocumentTitle(`About you · ${view.practiceName}`);
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [answers, setAnswers] = useState(() => answersFrom(view));

  function send(event: FormEvent<HTMLFormElement>) {
    const { phone, complaintNotes, goals, cautionNotes, ...rest } = answers;
    return submit(event, {
      schema: publicIntakeBody,
      values: {
        ...rest,
        complaintNotes: complaintNotes.trim() || null,
        goals: goals.trim() || null,
        cautionNotes: cautionNotes.trim() || null,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(deviceTimeZone() ? { timezone: deviceTimeZone() } : {}),
      },
      send: async (body) => {
        await api.post(paths.intake(token), body);
        onSent();
      },
      onApiError: (err) => {
        if (err.status !== 404) return false;
        onGone();
        return true;
      },
    });
  }

  return (
    <form ref={formRef} className="intake-form" noValidate onSubmit={send}>
      <div className="intake-greeting">
        <h1 tabIndex={-1}>Hi {view.firstName}!</h1>
        <p>
          {view.practiceName} would like to know a little about you before your visit. It takes about 3 minutes. You can skip anything you
          do not want to answer.
        </p>
        {hasAnswers(view.intake) && <p>We have filled in what we already know. Change anything that is not right.</p>}
      </div>
      <FormError message={formError} />
      <IntakeQuestions answers={answers} onChange={setAnswers} errors={fieldErrors} practiceName={view.practiceName} />
      <div className="intake-send">
        <Button type="submit" loading={sending} className="intake-send__button">
          {sending ? 'Sending…' : `Send to ${view.practiceName}`}
        </Button>
        <p className="intake-send__note">Only {view.practiceName} will see your answers.</p>
      </div>
    </form>
  );
}

function ThankYou({ view }: { view: IntakeView }) {
  return (
    <Message title={`Thank you, ${view.firstName}!`}>
      <p>{view.practiceName} has your answers. They will read them before your visit.</p>
      <p>You can close this page now.</p>
    </Message>
  );
}

function LinkGone() {
  return (
    <Message title="This link has already been used">
      <p>Links to this form work once, for 7 days. This one has been used, or it is too old.</p>
      <p>If you still want to send your answers, ask your massage therapist for a new link. They will be happy to send one.</p>
    </Message>
  );
}

function Message({ title, children }: { title: string; children: ReactNode }) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="intake-message">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
