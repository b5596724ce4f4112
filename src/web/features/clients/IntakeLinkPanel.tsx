import { useState } from 'react';
import type { Client } from '../../../shared/api/clients.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, CopyIcon, MailIcon, TextField } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { paths } from '../../paths.js';

interface IntakeLink {
  url: string;
  expiresAt: string;
  emailed: boolean;
}

/** Sends the client the intake form by email, or shows its link to copy or open on their phone. */
export function IntakeLinkPanel({ client }: { client: Client }) {
  const [link, setLink] = useState<IntakeLink | null>(null);
  const [busy, setBusy] = useState<'email' | 'show' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  async function make(send: boolean) {
    setBusy(send ? 'email' : 'show');
    setError(null);
    setCopied(null);
    try {
      setLink(await api.post<IntakeLink>(paths.clientIntakeLink(client.id), { send }));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      (document.getElementById('intake-link-url') as HTMLInputElement | null)?.select();
      setCopied('select');
    }
  }

  return (
    <div className="stack">
      <p className="muted">
        The client answers the same questions on their phone, in plain words. The link works once, for 7 days; a new link turns off an
        earlier one.
      </p>
      <div className="cluster">
        {client.email && (
          <Button
            icon={<MailIcon size={20} />}
            variant="secondary"
            loading={busy === 'email'}
            disabled={busy !== null}
            onClick={() => make(true)}
          >
            Email the form
          </Button>
        )}
        <Button variant="secondary" loading={busy === 'show'} disabled={busy !== null} onClick={() => make(false)}>
          Show link
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {link?.emailed && (
        <Alert tone="success">
          Emailed to {client.email}. The link works until {formatDateTime(link.expiresAt)}.
        </Alert>
      )}
      {link && !link.emailed && (
        <div className="stack">
          <TextField
            id="intake-link-url"
            label="Intake form link"
            name="intakeLink"
            value={link.url}
            readOnly
            spellCheck={false}
            hint={`Works once, until ${formatDateTime(link.expiresAt)}.`}
            onFocus={(e) => e.target.select()}
          />
          <div className="cluster">
            <Button icon={<CopyIcon size={20} />} onClick={() => copy(link.url)}>
              Copy link
            </Button>
          </div>
          <p role="status" className="small">
            {copied === 'yes' && 'Copied.'}
            {copied === 'select' && 'Your browser did not allow copying. The link is selected: press Ctrl+C (or ⌘+C).'}
          </p>
        </div>
      )}
    </div>
  );
}
