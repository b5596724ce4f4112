import { Link } from 'react-router';
import type { Practice } from '../../../shared/api/practice.js';
import { Badge, Button, ClientsIcon, EmptyState, LoadFailed, Spinner } from '../../design/components/index.js';
import { formatDay } from '../../format.js';
import { pages } from '../../paths.js';
import type { Loaded } from '../../query.js';
import type { ChosenClient } from './ClientChooser.js';

export interface LapsedClient {
  id: string;
  name: string;
  lastVisit: string | null;
  comeBackMailedAt: string | null;
}

/** "Come back?": clients not seen for the practice's lapse weeks with nothing booked. */
export function ComeBackList({
  practice,
  state,
  reload,
  onBook,
}: {
  practice: Practice;
  state: Loaded<{ clients: LapsedClient[] }>;
  reload: () => void;
  onBook: (client: ChosenClient) => void;
}) {
  const weeks = practice.lapseWeeks;
  return (
    <div className="stack">
      <p className="muted">
        Clients you have not seen for {weeks} weeks or more, with nothing booked. Carryover sends each one a single come-back email; a call
        or a text from you may do more.
      </p>
      {state.status === 'loading' && <Spinner label="Looking for clients who have not been back…" />}
      {state.status === 'error' && <LoadFailed message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.clients.length === 0 && (
        <EmptyState icon={ClientsIcon} title="Everyone has been back lately">
          <p>No client has gone {weeks} weeks without a visit or a booking.</p>
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.clients.length > 0 && (
        <ul className="plain-list cal-rows">
          {state.data.clients.map((c) => (
            <li key={c.id} className="cal-rows__item">
              <div>
                <Link to={pages.client(c.id)} className="cal-rows__title">
                  {c.name}
                </Link>
                <p className="muted small">{c.lastVisit ? `Last visit ${formatDay(c.lastVisit)}` : 'No visit yet'}</p>
              </div>
              <div className="cluster">
                {c.comeBackMailedAt ? (
                  <Badge tone="success">Come-back email sent {formatDay(c.comeBackMailedAt)}</Badge>
                ) : (
                  <Badge>No come-back email yet</Badge>
                )}
                <Button variant="secondary" onClick={() => onBook(c)} aria-label={`Book ${c.name}`}>
                  Book
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
