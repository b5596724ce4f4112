import { useState } from 'react';
import type { Client } from '../../../shared/api/clients.js';
import { ClientPicker } from '../../components/ClientPicker.js';
import { fullName } from '../../format.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

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
  // A referrer saved before this form opened: only their id is known, so their name is asked for.
  const known = useApiQuery<Client>(value && chosen?.id !== value ? paths.client(value) : null);
  let name: string | null = null;
  if (value)
    name = chosen?.id === value ? fullName(chosen) : known.state.status === 'ready' ? fullName(known.state.data) : 'another client';

  return (
    <ClientPicker
      label="Referred by another client"
      name="referrerSearch"
      optional
      hint="Type a name, email or phone number, then choose them."
      error={error}
      chosen={name}
      chosenLabel="Referred by"
      clearLabel="Remove"
      onClear={() => onChange(null)}
      onPick={(c) => {
        setChosen(c);
        onChange(c.id);
      }}
      excludeId={selfId}
    />
  );
}
