import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Badge, Button, Card, EmptyState, MailIcon, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { EmailText } from './EmailText.js';
import './mailbox.css';
import { pages, paths } from '../../paths.js';

export interface KeptEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
  status: string;
}

/** The local mailbox: mail Carryover kept instead of sending, because no SMTP server is set up. */
export function MailboxPage() {
  const { state, reload } = useApiQuery<{ emails: KeptEmail[] }>(paths.mailbox());
  const [params] = useSearchParams();
  const openId = params.get('email');
  const emails = state.status === 'ready' ? [...state.data.emails].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) : [];
  const open = emails.find((e) => e.id === openId) ?? null;
  const unavailable = state.status === 'error' && state.error?.status === 404;

  return (
    <div className="wide-page">
      <PageHeader
        title="Mailbox"
        documentTitle={open ? `${open.subject} · Mailbox` : 'Mailbox'}
        description="Carryover keeps mail here because no SMTP server is set up. Nothing was sent."
        actions={
          state.status === 'ready' && (
            <Button variant="secondary" onClick={reload}>
              Check for new mail
            </Button>
          )
        }
      />
      {state.status === 'loading' && <Spinner label="Loading the mailbox…" />}
      {unavailable && (
        <Alert tone="info" title="There is no local mailbox here">
          This Carryover sends its email through a mail server, so nothing is kept here.
        </Alert>
      )}
      {state.status === 'error' && !unavailable && <Alert tone="error">{state.message}</Alert>}
      {state.status === 'ready' && emails.length === 0 && (
        <EmptyState icon={MailIcon} title="No mail yet">
          <p>Password reset links, invitations and homework emails will appear here when Carryover sends them.</p>
        </EmptyState>
      )}
      {emails.length > 0 && (
        <div className="mailbox">
          <ul className="plain-list mailbox__list" aria-label="Emails, newest first">
            {emails.map((email) => (
              <li key={email.id}>
                <Link to={pages.mailbox(email.id)} className="mailbox__item" aria-current={email.id === openId ? 'true' : undefined}>
                  <span className="mailbox__subject">{email.subject}</span>
                  <span className="mailbox__meta">
                    To {email.to} · {formatDateTime(email.createdAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {open ? <OpenEmail email={open} /> : <p className="mailbox__hint muted">Choose an email to read it.</p>}
        </div>
      )}
    </div>
  );
}

function OpenEmail({ email }: { email: KeptEmail }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to each newly opened email
  useEffect(() => {
    headingRef.current?.focus();
  }, [email.id]);
  return (
    <Card className="mailbox__open">
      <article className="stack" aria-labelledby={`email-${email.id}`}>
        <h2 id={`email-${email.id}`} ref={headingRef} tabIndex={-1}>
          {email.subject}
        </h2>
        <dl className="details-list small">
          <dt>To</dt>
          <dd>{email.to}</dd>
          <dt>Kept</dt>
          <dd>{formatDateTime(email.createdAt)}</dd>
          <dt>Status</dt>
          <dd>
            <Badge>{email.status}</Badge>
          </dd>
        </dl>
        {email.text ? <EmailText text={email.text} /> : <p className="muted">This email has no plain-text version.</p>}
      </article>
    </Card>
  );
}
