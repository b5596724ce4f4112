import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionRecord } from '../../../shared/api/clients.js';
import { Alert, Badge, ButtonLink, Card, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { doseSummary } from '../library/libraryText.js';
import { capText, type HomeworkList } from './homeworkData.js';
import './homework.css';
import { pages, paths } from '../../paths.js';

/** On the client page: their current items at a glance, and the way into the latest session's homework step. */
export function ClientHomeworkPanel({ clientId, clientFirstName }: { clientId: string; clientFirstName: string }) {
  const homework = useApiQuery<HomeworkList>(paths.clientHomework(clientId));
  const sessions = useApiQuery<{ sessions: SessionRecord[] }>(paths.clientSessions(clientId));
  const latest = sessions.state.status === 'ready' ? sessions.state.data.sessions[0] : undefined;

  let body: ReactNode;
  if (homework.state.status === 'loading') body = <Spinner label="Loading homework…" />;
  else if (homework.state.status === 'error') body = <Alert tone="error">{homework.state.message}</Alert>;
  else {
    const { homework: items, cap } = homework.state.data;
    body = (
      <>
        <p className="muted">{capText(items.length, cap)}</p>
        {items.length === 0 ? (
          <p>{clientFirstName} has no homework right now.</p>
        ) : (
          <ul className="plain-list client-homework__list">
            {[...items].reverse().map((h) => (
              <li key={h.id} className="client-homework__item">
                <Link to={pages.teach(h)} className="homework-link client-homework__name">
                  {h.exercise.name}
                </Link>
                <span className="small muted">{doseSummary(h.dose)}</span>
                {h.demonstratedAt ? <Badge tone="success">Demonstrated</Badge> : <Badge>Not taught yet</Badge>}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }

  return (
    <Card title="Homework" className="client-homework">
      {body}
      <div className="cluster">
        {latest ? (
          <ButtonLink to={pages.homeworkStep(latest.id, clientId)} variant="secondary">
            Homework for the latest session
          </ButtonLink>
        ) : (
          sessions.state.status === 'ready' && <p className="small muted">Record a session to give homework.</p>
        )}
        {homework.state.status === 'ready' && homework.state.data.homework.length > 0 && (
          <Link to={pages.clientHandout(clientId)} className="homework-link">
            Handout to print
          </Link>
        )}
      </div>
    </Card>
  );
}
