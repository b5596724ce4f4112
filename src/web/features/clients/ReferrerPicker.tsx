import { useId, useState } from 'react';
import type { Client } from '../../../shared/api/clients.js';
import { useDebounced } from '../../components/useDebounced.js';
import { Button, TextField } from '../../design/components/index.js';
import { fullName } from '../../format.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { clientListPath } from './useClientSearch.js';

interface ReferrerPickerProps {
  value: string | null | undefined;
  onChange: (clientId: string | null) => void;
  /** The client being edited, who cannot have referred themselves. */
  selfId?: string;
  error?: string;
}

/** "Referred by": search the practice's clients by name, email or phone and choose one. */
export function ReferrerPicker({ value, onChange, selfId, error }: ReferrerPickerProps) {
  const [chosen, setChosen] = useState<Client | null>(null);
  const [q, setQ] = useState('');
  const settled = useDebounced(q);
  const known = useApiQuery<Client>(value && chosen?.id !== value ? paths.client(value) : null);
  const results = useApiQuery<{ clients: Client[] }>(settled.trim() ? clientListPath({ q: settled, pageSize: 6 }) : null);
  const statusId = useId();

  if (value) {
    const name = chosen?.id === value ? fullName(chosen) : known.state.status === 'ready' ? fullName(known.state.data) : 'another client';
    return (
      <div className="referrer">
        <p className="referrer__label">Referred by</p>
        <div className="cluster">
          <span className="referrer__name">{name}</span>
          <Button variant="ghost" onClick={() => onChange(null)}>
            Remove
          </Button>
        </div>
        {error && <p className="field__error">{error}</p>}
      </div>
    );
  }

  const found = results.state.status === 'ready' ? results.state.data.clients.filter((c) => c.id !== selfId) : [];
  return (
    <div className="referrer">
      <TextField
        label="Referred by another client"
        name="referrerSearch"
        type="search"
        optional
        autoComplete="off"
        hint="Type a name, email or phone number, then choose them."
        value={q}
        onChange={(e) => setQ(e.target.value)}
        error={error}
      />
      <p id={statusId} className="visually-hidden" role="status">
        {settled.trim() && results.state.status === 'ready' && `${found.length} ${found.length === 1 ? 'client' : 'clients'} found`}
      </p>
      {settled.trim() && results.state.status === 'ready' && (
        <ul className="plain-list referrer__results">
          {found.length === 0 && <li className="muted">No client matches “{settled.trim()}”.</li>}
          {found.map((c) => (
            <li key={c.id}>
              <Button
                variant="secondary"
                className="referrer__choice"
                onClick={() => {
                  setChosen(c);
                  setQ('');
                  onChange(c.id);
                }}
              >
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
