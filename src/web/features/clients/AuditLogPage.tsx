import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Client } from '../../../shared/api/clients.js';
import { TableScroll } from '../../components/TableScroll.js';
import { Alert, Button, ButtonLink, EmptyState, InfoIcon, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDateTime, fullName } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { clientListPath } from './useClientSearch.js';
import './clients.css';
import './import.css';
import { pages, paths } from '../../paths.js';

interface AuditEntry {
  actor: string;
  action: string;
  clientId: string | null;
  at: string;
}

// The server's words for what happened, in a sentence a practice owner reads at a glance.
const actionLabels: Record<string, string> = {
  viewed: 'Opened the record',
  created: 'Added the client',
  changed: 'Changed details or intake',
  archived: 'Archived the client',
  exported: 'Downloaded everything',
};
const actionText = (action: string) => actionLabels[action] ?? action.charAt(0).toUpperCase() + action.slice(1);

/** Who opened or changed client records, newest first (the practice owner only). */
export function AuditLogPage() {
  const { member } = useSignedIn();
  if (member.role !== 'owner')
    return (
      <>
        <PageHeader title="Audit log" />
        <Alert tone="info">Only the practice owner can read the audit log.</Alert>
      </>
    );
  return <AuditLog />;
}

function AuditLog() {
  const [params] = useSearchParams();
  const clientId = params.get('clientId');
  const [limit, setLimit] = useState(100);
  const log = useApiQuery<{ entries: AuditEntry[] }>(paths.audit({ clientId, limit }));
  // Names come from the client lists, which (unlike opening a client) are not themselves logged as a view.
  const current = useApiQuery<{ clients: Client[] }>(clientListPath({ q: '', pageSize: 200 }));
  const archived = useApiQuery<{ clients: Client[] }>(clientListPath({ q: '', archived: true, pageSize: 200 }));
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const s of [current.state, archived.state]) if (s.status === 'ready') for (const c of s.data.clients) map.set(c.id, fullName(c));
    return map;
  }, [current.state, archived.state]);
  const entries = log.state.status === 'ready' ? log.state.data.entries : [];
  const named = clientId ? names.get(clientId) : undefined;

  return (
    <>
      <PageHeader
        title="Audit log"
        description={
          clientId
            ? `Who opened or changed ${named ?? 'this client'}’s record, newest first.`
            : 'Who opened or changed client records, newest first. It says what was done, never what was seen.'
        }
        actions={
          <ButtonLink to={clientId ? pages.client(clientId) : '/clients'} variant="ghost">
            {clientId ? 'Back to the client' : 'Back to clients'}
          </ButtonLink>
        }
      />
      <div className="stack">
        {clientId && (
          <p>
            <Link className="text-link" to="/clients/audit-log">
              Show every client
            </Link>
          </p>
        )}
        {log.state.status === 'loading' && <Spinner label="Loading the audit log…" />}
        {log.state.status === 'error' && <Alert tone="error">{log.state.message}</Alert>}
        {log.state.status === 'ready' && entries.length === 0 && (
          <EmptyState icon={InfoIcon} title="Nothing logged yet">
            <p>Each time someone opens, changes, exports or deletes a client record, it is listed here.</p>
          </EmptyState>
        )}
        {entries.length > 0 && (
          <TableScroll label="Audit log entries">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">What</th>
                  <th scope="col">Client</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id; the list is replaced, never reordered
                  <tr key={i}>
                    <td>
                      <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                    </td>
                    <td>{e.actor}</td>
                    <td>{actionText(e.action)}</td>
                    <td>
                      {e.clientId ? (
                        <Link className="text-link" to={pages.client(e.clientId)}>
                          {names.get(e.clientId) ?? 'Open client'}
                        </Link>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {entries.length >= limit && limit < 500 && (
          <div>
            <Button variant="secondary" onClick={() => setLimit(500)}>
              Show older entries
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
