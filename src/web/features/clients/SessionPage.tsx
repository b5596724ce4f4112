import { useParams, useSearchParams } from 'react-router';
import type { Client, SessionRecord } from '../../../shared/api/clients.js';
import type { SinceLastSession } from '../../../shared/api/soap.js';
import { isLocalDate } from '../../../shared/time/zone.js';
import { Alert, ButtonLink, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDay, fullName } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { SessionForm } from './SessionForm.js';
import './clients.css';
import './session.css';
import { pages, paths } from '../../paths.js';

/** Records a new session (/clients/:clientId/sessions/new) or corrects one (/clients/:clientId/sessions/:sessionId). */
export function SessionPage() {
  const { clientId, sessionId } = useParams();
  const isNew = !sessionId || sessionId === 'new';
  const client = useApiQuery<Client>(paths.client(clientId ?? ''));
  const session = useApiQuery<SessionRecord>(isNew ? null : paths.session(sessionId ?? ''));
  // A new session pre-fills what the client reported since last time; from Today it also carries the visit.
  const report = useApiQuery<SinceLastSession>(isNew ? paths.clientSinceLastSession(clientId ?? '') : null);
  const [params] = useSearchParams();
  const appointmentId = params.get('appointmentId') ?? undefined;
  const visitDate = params.get('date');

  const failed = client.state.status === 'error' ? client.state : !isNew && session.state.status === 'error' ? session.state : null;
  if (failed)
    return (
      <>
        <PageHeader title={isNew ? 'Record a session' : 'Session record'} />
        <div className="stack">
          <Alert tone="error">{failed.message}</Alert>
          <div>
            <ButtonLink to={clientId ? pages.client(clientId) : '/clients'} variant="secondary">
              Back
            </ButtonLink>
          </div>
        </div>
      </>
    );
  if (client.state.status !== 'ready' || (!isNew && session.state.status !== 'ready') || (isNew && report.state.status === 'loading'))
    return (
      <>
        <PageHeader title={isNew ? 'Record a session' : 'Session record'} />
        <Spinner label="Opening…" />
      </>
    );

  const c = client.state.data;
  const s = !isNew && session.state.status === 'ready' ? session.state.data : undefined;
  return (
    <>
      <PageHeader
        title={s ? `Session on ${formatDay(s.date)}` : `Session for ${fullName(c)}`}
        documentTitle={s ? `Session · ${fullName(c)}` : `New session · ${fullName(c)}`}
        description={s ? `${fullName(c)}. Change anything and save.` : 'Mark what you worked and what needed more time. One tap saves it.'}
        actions={
          s && (
            <>
              <ButtonLink to={pages.sessionSoap(s.id)} variant="secondary">
                SOAP note
              </ButtonLink>
              <ButtonLink to={pages.homeworkStep(s.id, s.clientId)}>Homework</ButtonLink>
            </>
          )
        }
      />
      <SessionForm
        client={c}
        session={s}
        visit={isNew ? { appointmentId, date: isLocalDate(visitDate) ? visitDate : undefined } : undefined}
        report={report.state.status === 'ready' ? report.state.data : undefined}
      />
    </>
  );
}
