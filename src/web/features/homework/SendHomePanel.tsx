import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, messageOf } from '../../api.js';
import { Alert, Button, Card, Dialog, MailIcon } from '../../design/components/index.js';
import { pages, paths } from '../../paths.js';
import type { ClientLink, SendResult } from './homeworkData.js';

interface SendHomePanelProps {
  sessionId: string;
  client: { id: string; firstName: string; email: string | null };
  itemCount: number;
  onSent: (result: SendResult) => void;
}

/** The handout on paper, by email, and as a QR code the client scans in the room. */
export function SendHomePanel({ sessionId, client, itemCount, onSent }: SendHomePanelProps) {
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SendResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; code: string } | null>(null);

  async function email() {
    setProblem(null);
    setSent(null);
    setSending(true);
    try {
      const result = await api.post<SendResult>(paths.sessionSend(sessionId));
      setSent(result);
      onSent(result);
    } catch (err) {
      setProblem({ message: messageOf(err), code: err instanceof ApiError ? err.code : '' });
    } finally {
      setSending(false);
    }
  }

  return (
    <Card
      title="Send home"
      description={
        itemCount === 0
          ? `Give ${client.firstName} an item first; then print it, email it or show the QR code.`
          : `Paper, email and phone: the same ${itemCount === 1 ? 'item' : `${itemCount} items`}, each with the “stop if” line.`
      }
      className="send-home"
    >
      <div className="send-home__actions">
        {itemCount === 0 ? (
          <Button variant="secondary" disabled>
            Print<span className="send-home__long"> handout</span>
          </Button>
        ) : (
          <a href={paths.clientHandoutPdf(client.id)} target="_blank" rel="noopener" className="button button--secondary">
            <span>
              Print<span className="send-home__long"> handout</span>
              <span className="visually-hidden"> (PDF, opens in a new tab)</span>
            </span>
          </a>
        )}
        <Button icon={<MailIcon size={20} />} onClick={email} loading={sending} disabled={itemCount === 0}>
          Email it
        </Button>
        <QrButton clientId={client.id} clientFirstName={client.firstName} disabled={itemCount === 0} />
      </div>
      {itemCount > 0 && (
        <p className="small send-home__extra">
          <Link to={pages.clientHandout(client.id)} className="homework-link">
            Open the handout as a page to print
          </Link>
        </p>
      )}
      {sent && <Alert tone="success">Sent to {sent.to} — it will arrive in a minute.</Alert>}
      {problem && (
        <Alert tone="error">
          {problem.message}
          {problem.code === 'no_email' && (
            <>
              {' '}
              <Link to={pages.clientEdit(client.id)} className="homework-link">
                Add an email for {client.firstName}
              </Link>
            </>
          )}
        </Alert>
      )}
      {!client.email && !problem && (
        <p className="small muted">{client.firstName} has no email on file: print the handout or show the QR code.</p>
      )}
    </Card>
  );
}

/** The link to the client's page as a QR code, big enough to scan from a phone across the table. */
function QrButton({ clientId, clientFirstName, disabled }: { clientId: string; clientFirstName: string; disabled: boolean }) {
  const [link, setLink] = useState<ClientLink | null>(null);
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function show() {
    setProblem(null);
    setLoading(true);
    try {
      setLink(await api.post<ClientLink>(paths.clientLink(clientId)));
      setOpen(true);
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={show} loading={loading} disabled={disabled}>
        <span className="send-home__long">Show </span>QR code
      </Button>
      {problem && <Alert tone="error">{problem}</Alert>}
      <Dialog open={open} title={`${clientFirstName}’s page`} onClose={() => setOpen(false)}>
        {link && (
          <div className="qr">
            {/* Our server draws this SVG; as an image it cannot run script, and CSP allows data: images. */}
            <img
              src={`data:image/svg+xml;utf8,${encodeURIComponent(link.qrSvg)}`}
              alt={`QR code that opens ${clientFirstName}’s page`}
              className="qr__image"
            />
            <p>Point the phone camera at the code and tap the link that appears.</p>
            <p className="small muted qr__url">{link.url}</p>
          </div>
        )}
        <div className="cluster">
          <Button onClick={() => setOpen(false)}>Done</Button>
        </div>
      </Dialog>
    </>
  );
}
