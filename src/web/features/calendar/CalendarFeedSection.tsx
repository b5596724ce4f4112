import { useEffect, useRef, useState } from 'react';
import { api, messageOf } from '../../api.js';
import { CopyField } from '../../components/CopyField.js';
import { Alert, Button, Card } from '../../design/components/index.js';
import { paths } from '../../paths.js';

/**
 * A private calendar address for the therapist's phone. The server keeps only a hash of it, so
 * it is shown once, right after it is made; making another stops the one before.
 */
export function CalendarFeedSection() {
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState<'make' | 'stop' | null>(null);
  const [confirmingStop, setConfirmingStop] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function make() {
    setBusy('make');
    setError(null);
    setNotice(null);
    try {
      setUrl((await api.post<{ url: string }>(paths.calendarFeed())).url);
      setNotice('Your calendar address is ready. Any address you made before has stopped working.');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  async function stop() {
    setBusy('stop');
    setError(null);
    try {
      await api.delete(paths.calendarFeed());
      setUrl(null);
      setConfirmingStop(false);
      setNotice('The address is stopped. Your phone’s calendar will no longer get your appointments from it.');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card
      title="Add your appointments to your phone’s calendar"
      description="A private address your phone’s calendar app can subscribe to. It shows each client’s first name and last initial, never notes."
    >
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {notice}
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {url && (
        <>
          <CopyField
            label="Your calendar address"
            value={url}
            copyLabel="Copy address"
            hint="In your calendar app choose “Add subscribed calendar” (or “From URL”) and paste it. Keep it private: anyone with it sees your appointment times."
          />
          <p className="small muted">Copy it now: for your privacy Carryover shows it only this once.</p>
        </>
      )}
      {confirmingStop ? (
        <fieldset className="confirm-step">
          <legend>Stop the address? Calendars subscribed to it stop getting your appointments.</legend>
          <div className="cluster">
            <Button variant="danger" loading={busy === 'stop'} onClick={stop}>
              Yes, stop it
            </Button>
            <Button variant="ghost" onClick={() => setConfirmingStop(false)} disabled={busy === 'stop'}>
              Keep it
            </Button>
          </div>
        </fieldset>
      ) : (
        <div className="cluster">
          <Button variant={url ? 'secondary' : 'primary'} loading={busy === 'make'} onClick={make}>
            {url ? 'Make a new address' : 'Make my calendar address'}
          </Button>
          <Button variant="ghost" onClick={() => setConfirmingStop(true)} disabled={busy !== null}>
            {url ? 'Stop this address' : 'Stop an address I made before'}
          </Button>
        </div>
      )}
    </Card>
  );
}
