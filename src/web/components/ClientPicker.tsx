import { useState } from 'react';
import type { Client } from '../../shared/api/clients.js';
import { Alert, Button, Spinner, TextField } from '../design/components/index.js';
import { fullName } from '../format.js';
import { paths } from '../paths.js';
import { useApiQuery } from '../query.js';
import { useDebounced } from './useDebounced.js';
import './ClientPicker.css';

const SHOWN = 6;

interface ClientPickerProps {
  /** The search box's label and hint, e.g. "Client" and how to search. */
  label: string;
  hint: string;
  name: string;
  optional?: boolean;
  error?: string;
  /** The name of the client chosen, or null while searching. */
  chosen: string | null;
  /** What the chosen client is shown as ("Client", "Referred by") and the button that clears it. */
  chosenLabel: string;
  clearLabel: string;
  onClear: () => void;
  onPick: (client: Client) => void;
  /** A client never offered (the client being edited cannot have referred themselves). */
  excludeId?: string;
}

/** Search the practice's clients by name, email or phone and tap one; the chosen one shows with a way to undo. */
export function ClientPicker(props: ClientPickerProps) {
  const { label, hint, name, optional, error, chosen, chosenLabel, clearLabel, onClear, onPick, excludeId } = props;
  const [q, setQ] = useState('');
  const settled = useDebounced(q.trim());
  const results = useApiQuery<{ clients: Client[] }>(
    settled ? paths.clients({ sort: 'recent', limit: SHOWN, offset: 0, q: settled }) : null,
  );

  if (chosen !== null)
    return (
      <div className="client-picker">
        <p className="field__label">{chosenLabel}</p>
        <div className="cluster">
          <span className="client-picker__name">{chosen}</span>
          <Button variant="ghost" onClick={onClear}>
            {clearLabel}
          </Button>
        </div>
        {error && <p className="field__error">{error}</p>}
      </div>
    );

  const found = settled && results.state.status === 'ready' ? results.state.data.clients.filter((c) => c.id !== excludeId) : [];
  return (
    <div className="client-picker">
      <TextField
        label={label}
        name={name}
        type="search"
        optional={optional}
        autoComplete="off"
        hint={hint}
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
        <ul className="plain-list client-picker__results">
          {found.length === 0 && <li className="muted">No client matches “{settled}”.</li>}
          {found.map((c) => (
            <li key={c.id}>
              <Button
                variant="secondary"
                className="client-picker__choice"
                onClick={() => {
                  setQ('');
                  onPick(c);
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
