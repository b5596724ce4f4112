import { ClientPicker } from '../../components/ClientPicker.js';
import { fullName } from '../../format.js';

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
  return (
    <ClientPicker
      label="Client"
      name="clientSearch"
      hint="Type a name, email or phone number, then tap the client."
      error={error}
      chosen={value?.name ?? null}
      chosenLabel="Client"
      clearLabel="Choose someone else"
      onClear={() => onChange(null)}
      onPick={(c) => onChange({ id: c.id, name: fullName(c) })}
    />
  );
}
