import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FollowUp } from '../../components/FollowUp.js';
import { useDebounced } from '../../components/useDebounced.js';
import { useNotice } from '../../components/useNotice.js';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  ChoiceChips,
  ClientsIcon,
  EmptyState,
  PageHeader,
  Spinner,
} from '../../design/components/index.js';
import { formatDay, fullName } from '../../format.js';
import { useSignedIn } from '../../session.js';
import { FirstSteps } from './FirstSteps.js';
import { type ClientSort, useClientSearch } from './useClientSearch.js';
import './clients.css';
import { pages, paths } from '../../paths.js';

type Show = 'current' | 'archived';

/** Everyone the therapist sees: search as you type, most recent first. */
export function ClientsPage() {
  const { member } = useSignedIn();
  const [notice] = useNotice();
  const [q, setQ] = useState('');
  const [show, setShow] = useState<Show>('current');
  const [sort, setSort] = useState<ClientSort>('recent');
  const settled = useDebounced(q);
  const { state, showMore, retry, hasMore } = useClientSearch({ q: settled, archived: show === 'archived', sort });
  const searchId = useId();
  const searching = settled.trim() !== '';
  const firstLoad = state.status === 'loading' && state.clients.length === 0;

  return (
    <>
      <PageHeader
        title="Clients"
        description="Everyone you see, when you last saw them, how their homework goes and when they come next."
        actions={
          <div className="cluster">
            <ButtonLink to="/clients/new">Add a client</ButtonLink>
            <ButtonLink to="/clients/import" variant="secondary">
              Import from CSV
            </ButtonLink>
          </div>
        }
      />
      <div className="stack">
        {notice && <Alert tone="success">{notice}</Alert>}
        <FirstSteps />
        <search className="client-search">
          <label htmlFor={searchId} className="field__label">
            Find a client
          </label>
          <input
            id={searchId}
            type="search"
            className="field__control client-search__input"
            placeholder="Name, email or phone"
            autoComplete="off"
            spellCheck={false}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </search>
        <div className="client-filters">
          <ChoiceChips
            legend="Show"
            name="show"
            options={[
              { value: 'current', label: 'Current clients' },
              { value: 'archived', label: 'Archived' },
            ]}
            value={show}
            onChange={setShow}
          />
          <ChoiceChips
            legend="Order"
            name="sort"
            options={[
              { value: 'recent', label: 'Recent first' },
              { value: 'name', label: 'By last name' },
              { value: 'adherence', label: 'Most homework done' },
              { value: 'next-visit', label: 'Next visit soonest' },
            ]}
            value={sort}
            onChange={setSort}
          />
        </div>

        <p className="muted small" role="status">
          {state.status === 'ready' && resultText(state.total, settled.trim(), show)}
          {state.status === 'loading' && !firstLoad && 'Searching…'}
        </p>

        {firstLoad && <Spinner label="Loading your clients…" />}
        {state.status === 'error' && (
          <Alert tone="error" title="Your clients did not load">
            <p>{state.message}</p>
            <Button variant="secondary" onClick={retry}>
              Try again
            </Button>
          </Alert>
        )}
        {state.status === 'ready' && state.total === 0 && !searching && show === 'current' && (
          <EmptyState icon={ClientsIcon} title="No clients yet" action={<ButtonLink to="/clients/new">Add your first client</ButtonLink>}>
            <p>Add a client to record why they came in and give them homework, or import your client list from a CSV file.</p>
          </EmptyState>
        )}
        {state.clients.length > 0 && (
          <ul className="plain-list client-list" aria-busy={state.status === 'loading'}>
            {state.clients.map((c) => (
              <li key={c.id}>
                <Link to={pages.client(c.id)} className="client-list__link">
                  <span className="client-list__name">
                    {fullName(c)}
                    {c.archived && <Badge>Archived</Badge>}
                  </span>
                  <span className="client-list__contact muted small">{[c.email, c.phone].filter(Boolean).join(' · ')}</span>
                  <span className="client-list__last small">
                    {c.lastSessionDate ? `Last session ${formatDay(c.lastSessionDate)}` : 'No session yet'}
                  </span>
                  <FollowUp client={c} as="span" className="client-list__follow-up small" />
                </Link>
              </li>
            ))}
          </ul>
        )}
        {hasMore && state.status !== 'error' && (
          <div>
            <Button variant="secondary" onClick={showMore} loading={state.status === 'loading'}>
              Show more clients
            </Button>
          </div>
        )}

        <footer className="cluster clients-footer">
          <a className="text-link" href={paths.clientsExportCsv()} download>
            Export all clients (CSV)
          </a>
          {member.role === 'owner' && (
            <Link className="text-link" to="/clients/audit-log">
              Audit log: who opened or changed client records
            </Link>
          )}
        </footer>
      </div>
    </>
  );
}

function resultText(total: number, q: string, show: Show) {
  const who = show === 'archived' ? 'archived client' : 'client';
  const count = `${total} ${who}${total === 1 ? '' : 's'}`;
  if (q) return total === 0 ? `No ${who} matches “${q}”.` : `${count} ${total === 1 ? 'matches' : 'match'} “${q}”.`;
  return total === 0 && show === 'archived' ? 'No archived clients.' : count;
}
