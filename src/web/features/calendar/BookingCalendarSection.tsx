import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { CalendarSubscription } from '../../../shared/api/calendar-subscriptions.js';
import { api, messageOf } from '../../api.js';
import { Alert, Badge, Button, Card, LoadFailed, Spinner, TextField } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

/** "Last updated Wed 16 Dec, 10:00" and, after a failed fetch, why: the copy shown is the last good one. */
export function subscriptionStatusText(s: CalendarSubscription): string {
  const updated = s.lastUpdatedAt ? `Last updated ${formatDateTime(s.lastUpdatedAt)}` : 'Not read yet';
  if (s.status === 'failed')
    return `${updated}. The last try failed: ${s.lastError ?? 'the calendar could not be read.'} Carryover still shows the copy from then.`;
  return `${updated} · ${s.eventCount} ${s.eventCount === 1 ? 'booking' : 'bookings'}.`;
}

/**
 * The booking calendar the therapist already uses (Jane, MassageBook, Google, Outlook…), by its
 * private iCal address: Carryover shows its bookings in the calendar and never offers those times.
 */
export function BookingCalendarSection() {
  const list = useApiQuery<{ subscriptions: CalendarSubscription[] }>(paths.calendarSubscriptions());
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  async function add(e: FormEvent) {
    e.preventDefault();
    setBusy('add');
    setError(null);
    setNotice(null);
    try {
      const added = await api.post<CalendarSubscription>(paths.calendarSubscriptions(), { url });
      setUrl('');
      setNotice(
        `Added. Carryover found ${added.eventCount} ${added.eventCount === 1 ? 'booking' : 'bookings'} and reads the calendar again every half hour.`,
      );
      list.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  async function act(s: CalendarSubscription, what: 'refresh' | 'remove') {
    setBusy(`${what}:${s.id}`);
    setError(null);
    setNotice(null);
    try {
      if (what === 'refresh') {
        const fresh = await api.post<CalendarSubscription>(paths.calendarSubscriptionRefresh(s.id));
        setNotice(fresh.status === 'ok' ? 'Read again just now.' : subscriptionStatusText(fresh));
      } else {
        await api.delete(paths.calendarSubscription(s.id));
        setNotice('Removed. Its bookings no longer show or block times in Carryover.');
      }
      list.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(null);
    }
  }

  const subscriptions = list.state.status === 'ready' ? list.state.data.subscriptions : [];
  return (
    <Card
      title="The booking calendar you already use"
      description="Paste the private calendar (iCal) address from your booking system or calendar app. Carryover shows those bookings in your calendar and never offers a time that clashes with them. It only reads: nothing is changed there."
    >
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {notice}
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {list.state.status === 'loading' && <Spinner label="Loading your calendars…" />}
      {list.state.status === 'error' && <LoadFailed message={list.state.message} onRetry={list.reload} />}
      {subscriptions.length > 0 && (
        <ul className="plain-list stack booking-calendars">
          {subscriptions.map((s) => (
            <li key={s.id} className="booking-calendar">
              <p>
                <strong>{s.name ?? s.address}</strong>{' '}
                {s.status === 'failed' ? <Badge tone="warning">Last try failed</Badge> : <Badge tone="success">Working</Badge>}
              </p>
              <p className="small muted">{subscriptionStatusText(s)}</p>
              <div className="cluster">
                <Button variant="secondary" loading={busy === `refresh:${s.id}`} onClick={() => act(s, 'refresh')}>
                  Read it now
                </Button>
                <Button variant="ghost" loading={busy === `remove:${s.id}`} onClick={() => act(s, 'remove')}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={add} noValidate>
        <TextField
          label="Calendar address (iCal)"
          name="calendarUrl"
          type="url"
          inputMode="url"
          autoComplete="off"
          hint="It starts with https:// or webcal:// and often ends in .ics. Your booking system shows it under calendar sync or export."
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <div>
          <Button type="submit" loading={busy === 'add'} disabled={!url.trim()}>
            Add calendar
          </Button>
        </div>
      </form>
    </Card>
  );
}
