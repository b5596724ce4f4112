import { useMemo } from 'react';
import { useParams } from 'react-router';
import type { Client, SessionRecord } from '../../../shared/api/clients.js';
import { FollowUp } from '../../components/FollowUp.js';
import { useNotice } from '../../components/useNotice.js';
import { Alert, Badge, Button, ButtonLink, Card, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDay, fullName } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { ClientAppointmentsPanel } from '../calendar/ClientAppointmentsPanel.js';
import { GoalsPanel } from '../goals/GoalsPanel.js';
import { ClientHomeworkPanel } from '../homework/ClientHomeworkPanel.js';
import { ClientQuestionsPanel } from '../questions/ClientQuestionsPanel.js';
import { ReferralPanel } from '../referrals/ReferralPanel.js';
import { EmailPanel } from './EmailPanel.js';
import { IntakeLinkPanel } from './IntakeLinkPanel.js';
import { IntakeSummary } from './IntakeSummary.js';
import { PrivacyPanel } from './PrivacyPanel.js';
import { Timeline, type TimelineEntry } from './Timeline.js';
import './clients.css';
import { pages, paths } from '../../paths.js';

/** One client: why they came, what happened since, and the way to record today's session. */
export function ClientPage() {
  const { clientId = '' } = useParams();
  const [notice, setNotice] = useNotice();
  const client = useApiQuery<Client>(paths.client(clientId));
  const timeline = useApiQuery<{ entries: TimelineEntry[] }>(paths.clientTimeline(clientId));
  const sessions = useApiQuery<{ sessions: SessionRecord[] }>(paths.clientSessions(clientId));
  const byId = useMemo(
    () => new Map(sessions.state.status === 'ready' ? sessions.state.data.sessions.map((s) => [s.id, s]) : []),
    [sessions.state],
  );

  if (client.state.status === 'loading')
    return (
      <>
        <PageHeader title="Client" />
        <Spinner label="Opening the client…" />
      </>
    );
  if (client.state.status === 'error')
    return (
      <>
        <PageHeader title={client.state.error?.status === 404 ? 'Client not found' : 'The client did not open'} />
        <div className="stack">
          <Alert tone="error">{client.state.message}</Alert>
          <div className="cluster">
            <ButtonLink to="/clients" variant="secondary">
              Back to clients
            </ButtonLink>
            {client.state.error?.status !== 404 && <Button onClick={client.reload}>Try again</Button>}
          </div>
        </div>
      </>
    );

  const c = client.state.data;
  const contact = [c.email, c.phone].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        title={fullName(c)}
        description={
          <>
            <span className="cluster cluster--tight">
              {c.archived && <Badge>Archived</Badge>}
              <span>{contact || 'No email or phone yet'}</span>
              <span>· {c.lastSessionDate ? `Last session ${formatDay(c.lastSessionDate)}` : 'No session yet'}</span>
            </span>
            <FollowUp client={c} />
          </>
        }
        actions={
          <div className="cluster">
            <ButtonLink to={pages.newSession(c.id)}>Record a session</ButtonLink>
            <ButtonLink to={pages.clientEdit(c.id)} variant="secondary">
              Edit details and intake
            </ButtonLink>
          </div>
        }
      />
      <div className="stack-lg">
        {notice && <Alert tone="success">{notice}</Alert>}
        <div className="client-columns">
          <div className="stack-lg">
            <ClientHomeworkPanel clientId={c.id} clientFirstName={c.firstName} />
            <ClientAppointmentsPanel clientId={c.id} clientName={fullName(c)} />
            <Card title="Intake">
              <IntakeSummary client={c} />
            </Card>
            <Card title="Intake form for the client">
              <IntakeLinkPanel client={c} />
            </Card>
          </div>
          <Card title="Timeline" description="Newest first.">
            {timeline.state.status === 'loading' && <Spinner label="Loading the timeline…" />}
            {timeline.state.status === 'error' && <Alert tone="error">{timeline.state.message}</Alert>}
            {timeline.state.status === 'ready' && <Timeline entries={timeline.state.data.entries} clientId={c.id} sessions={byId} />}
          </Card>
        </div>
        <GoalsPanel clientId={c.id} firstName={c.firstName} />
        <ClientQuestionsPanel clientId={c.id} firstName={c.firstName} />
        <ReferralPanel clientId={c.id} firstName={c.firstName} />
        <EmailPanel client={c} onChanged={client.setData} />
        <Card title="Privacy">
          <PrivacyPanel
            client={c}
            onChanged={(next, message) => {
              client.setData(next);
              setNotice(message);
              timeline.reload();
            }}
          />
        </Card>
      </div>
    </>
  );
}
