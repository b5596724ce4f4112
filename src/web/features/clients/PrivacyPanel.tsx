import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Client } from '../../../shared/api/clients.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, buttonClass, Dialog, TextField } from '../../design/components/index.js';
import { fullName } from '../../format.js';
import { pages, paths } from '../../paths.js';
import { useSignedIn } from '../../session.js';

interface PrivacyPanelProps {
  client: Client;
  onChanged: (client: Client, notice: string) => void;
}

/** Download everything, archive or restore, delete for good; the owner can see who opened the record. */
export function PrivacyPanel({ client, onChanged }: PrivacyPanelProps) {
  const { member } = useSignedIn();
  const [archiving, setArchiving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  async function setArchived(archived: boolean) {
    setArchiving(true);
    setError(null);
    try {
      const saved = await api.patch<Client>(paths.client(client.id), { archived });
      onChanged(
        { ...saved, lastSessionDate: saved.lastSessionDate ?? client.lastSessionDate },
        archived
          ? `${client.firstName} is archived: hidden from your client list, nothing deleted.`
          : `${client.firstName} is back in your client list.`,
      );
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setArchiving(false);
    }
  }

  return (
    <div className="stack">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="cluster">
        <a className={buttonClass('secondary')} href={paths.clientExport(client.id)} download>
          Download everything
        </a>
        <Button variant="secondary" loading={archiving} onClick={() => setArchived(!client.archived)}>
          {client.archived ? 'Restore to client list' : 'Archive'}
        </Button>
        <Button variant="danger" onClick={() => setDeleting(true)}>
          Delete client…
        </Button>
      </div>
      <p className="muted small">
        “Download everything” saves all Carryover holds about {client.firstName} as one file, for a request to see their data. Archiving
        hides a client you no longer see; deleting removes them and everything of theirs.
      </p>
      {member.role === 'owner' && (
        <Link className="text-link" to={pages.auditLog(client.id)}>
          Who opened or changed this record
        </Link>
      )}
      <DeleteClientDialog client={client} open={deleting} onClose={() => setDeleting(false)} />
    </div>
  );
}

function DeleteClientDialog({ client, open, onClose }: { client: Client; open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const name = fullName(client);
  const [typed, setTyped] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim().replace(/\s+/g, ' ').toLowerCase() === name.toLowerCase();

  function close() {
    setTyped('');
    setError(null);
    onClose();
  }

  async function remove() {
    setSending(true);
    setError(null);
    try {
      await api.delete(paths.client(client.id));
      navigate('/clients', { replace: true, state: { notice: `${name} and everything of theirs is deleted.` } });
    } catch (err) {
      setError(messageOf(err));
      setSending(false);
    }
  }

  return (
    <Dialog open={open} title={`Delete ${name}?`} onClose={close} tone="danger">
      <p>
        This deletes {name} and everything of theirs: intake, session records, homework, emails, and the record of who opened their file. It
        cannot be undone.
      </p>
      <p className="muted small">To keep a copy, close this and use “Download everything” first.</p>
      {error && <Alert tone="error">{error}</Alert>}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) remove();
        }}
      >
        <TextField
          label={`Type “${name}” to confirm`}
          name="confirmName"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <div className="cluster">
          <Button type="submit" variant="danger" disabled={!matches} loading={sending}>
            Delete for good
          </Button>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
