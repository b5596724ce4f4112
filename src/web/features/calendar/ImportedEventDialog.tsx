import { useState } from 'react';
import { Link } from 'react-router';
import type { ImportedEvent } from '../../../shared/api/calendar-subscriptions.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, Dialog } from '../../design/components/index.js';
import { pages, paths } from '../../paths.js';
import { type ChosenClient, ClientChooser } from './ClientChooser.js';
import { dateText, fullWhenText, timeRangeText } from './labels.js';

const matchedWords = { email: 'matched by email', name: 'matched by name', therapist: 'matched by you' } as const;

interface Props {
  event: ImportedEvent | null;
  timeZone: string;
  onClose: () => void;
  /** The event after a match changed, with a sentence saying so. */
  onMatched: (event: ImportedEvent, message: string) => void;
}

/** A booking from the therapist's own booking calendar: read-only here, with a one-tap match to a client. */
export function ImportedEventDialog({ event, onClose, ...rest }: Props) {
  return (
    <Dialog open={event !== null} title={event ? event.title : 'Booking'} onClose={onClose}>
      {event && <ImportedEventDetails key={event.id} event={event} onClose={onClose} {...rest} />}
    </Dialog>
  );
}

function ImportedEventDetails({ event: e, timeZone, onClose, onMatched }: Props & { event: ImportedEvent }) {
  const [choosing, setChoosing] = useState(e.clientId === null);
  const [chosen, setChosen] = useState<ChosenClient | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function match(clientId: string | null, message: string) {
    setBusy(true);
    setError(null);
    try {
      onMatched(await api.patch<ImportedEvent>(paths.importedEvent(e.id), { clientId }), message);
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <dl className="details-list">
        <dt>When</dt>
        <dd>
          {e.allDay
            ? `All day, ${dateText(e.startsAt, timeZone)}`
            : `${fullWhenText(e.startsAt, timeZone)} (${timeRangeText(e.startsAt, e.endsAt, timeZone)})`}
        </dd>
        <dt>Client</dt>
        <dd>
          {e.clientId && e.clientName ? (
            <>
              <Link to={pages.client(e.clientId)}>{e.clientName}</Link>
              {e.matchedBy && <span className="muted small"> · {matchedWords[e.matchedBy]}</span>}
            </>
          ) : (
            'Not matched to a client yet'
          )}
        </dd>
      </dl>
      <p className="small muted">From your booking calendar. Carryover only reads it: move or cancel this booking there.</p>
      {error && <Alert tone="error">{error}</Alert>}
      {choosing ? (
        <div className="stack">
          <ClientChooser value={chosen} onChange={setChosen} />
          {chosen && (
            <div className="cluster">
              <Button loading={busy} onClick={() => match(chosen.id, `Matched to ${chosen.name}, with the rest of this booking’s series.`)}>
                This is {chosen.name}
              </Button>
            </div>
          )}
        </div>
      ) : (
        <div className="cluster">
          <Button variant="secondary" onClick={() => setChoosing(true)}>
            Someone else
          </Button>
          {e.matchedBy === 'therapist' && (
            <Button variant="ghost" loading={busy} onClick={() => match(null, 'The match is undone.')}>
              Undo the match
            </Button>
          )}
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
        </div>
      )}
    </div>
  );
}
