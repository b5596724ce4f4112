import { useState } from 'react';
import type { Member } from '../../../shared/api/auth.js';
import { ApiError, api, messageOf } from '../../api.js';
import { Alert, Button, Dialog, SelectField } from '../../design/components/index.js';
import { paths } from '../../paths.js';

/**
 * The owner deactivates someone who left the practice: they are signed out everywhere at once and
 * their clients go to the member chosen here (the server refuses without one when they have clients).
 */
export function DeactivateMemberDialog({
  member,
  team,
  onClose,
  onDone,
}: {
  member: Member;
  /** Everyone still active, to take over the clients. */
  team: Member[];
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const heirs = team.filter((m) => m.id !== member.id && !m.deactivatedAt);
  const [clientsTo, setClientsTo] = useState(heirs[0]?.id ?? '');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [sending, setSending] = useState(false);

  async function deactivate() {
    setSending(true);
    setError(null);
    try {
      const done = await api.post<{ clientsMoved: number }>(paths.memberDeactivate(member.id), {
        clientsTo: clientsTo || undefined,
      });
      const heir = heirs.find((m) => m.id === clientsTo);
      const moved = done.clientsMoved ? ` Their ${done.clientsMoved} client(s) now belong to ${heir?.name ?? 'the member you chose'}.` : '';
      onDone(`${member.name} is deactivated and signed out everywhere.${moved}`);
    } catch (err) {
      setError({ message: messageOf(err), field: err instanceof ApiError ? err.fields.clientsTo : undefined });
      setSending(false);
    }
  }

  return (
    <Dialog open title={`Deactivate ${member.name}?`} onClose={onClose} tone="danger">
      <p>
        {member.name} is signed out on every device at once and cannot sign in again. Their calendar address stops working, and any API key
        they made is revoked. Their clients and coming appointments move to the person you choose below.
      </p>
      {error && !error.field && <Alert tone="error">{error.message}</Alert>}
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          deactivate();
        }}
      >
        <SelectField
          label="Who takes over their clients?"
          name="clientsTo"
          value={clientsTo}
          onChange={(e) => setClientsTo(e.target.value)}
          options={heirs.map((m) => ({ value: m.id, label: m.name }))}
          error={error?.field}
        />
        <div className="cluster">
          <Button type="submit" variant="danger" loading={sending}>
            Deactivate {member.name}
          </Button>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
