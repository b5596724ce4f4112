import { useState } from 'react';
import type { Client } from '../../../shared/api/clients.js';
import { useDebounced } from '../../components/useDebounced.js';
import { Alert, Button, Spinner, TextField } from '../../design/components/index.js';
import { fullName } from '../../format.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

export interface ChosenClient {
  id: string;
  name: string;
}

/** "Who is it for?": search clients by name, email or phone and tap one. */
export function ClientChooser({
  value,
  onChange,
  error,
}: {
  value: ChosenClient | null;
  onChange: (client: ChosenClient | null) => void;
  error?: string;
}) {
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim());
  const results = useApiQuery<{ clients: Client[] }>(settled ? paths.clients({ sort: 'recent', limit: 6, offset: 0, q: settled }) : null);

  if (value)
    return (
      <div className="chosen-client">
        <p className="field__label">Client</p>
        <div className="cluster">
          <span className="chosen-client__name">{value.name}</span>
          <Button variant="ghost" onClick={() => onChange(null)}>
            Choose someone else
          </Button>
        </div>
      </div>
    );

  const found = settled && results.state.status === 'ready' ? results.state.data.clients : [];
  return (
    <div className="chosen-client">
      <TextField
        label="Client"
        name="clientSearch"
        type="search"
        autoComplete="off"
        hint="Type a name, email or phone number, then tap the client."
        value={q}
        onChange={(e) => setQ(e.target.value)}
        error={error}
      />
      <p className="visually-hidden" role="status">
        {settled && results.state.status === 'ready' && `${found.length} ${found.length === 1 ? 'client' : 'clients'} found`}
      </p>
      {settled && results.state.status === 'loading' && <Spinner label="Searching…" />}
      {settled && results.state.status === 'error' && <Alert tone="error">{results.state.message}</Alert>}
      {settled && results.state.status === 'ready' && (
        <ul className="plain-list chosen-client__results">
          {found.length === 0 && <li className="muted">No client matches “{settled}”.</li>}
          {found.map((c) => (
            <li key={c.id}>
              <Button variant="secondary" className="chosen-client__choice" onClick={() => onChange({ id: c.id, name: fullName(c) })}>
                {fullName(c)}
                {c.email && <span className="muted small"> · {c.email}</span>}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
