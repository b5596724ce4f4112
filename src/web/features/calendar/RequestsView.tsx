import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Practice } from '../../../shared/api/practice.js';
import { Alert, CalendarIcon, EmptyState, LoadFailed, Spinner } from '../../design/components/index.js';
import { pages } from '../../paths.js';
import type { Loaded } from '../../query.js';
import { whenText } from './labels.js';
import { type BookingRequest, RequestCard } from './RequestCard.js';

/** Appointment requests from clients' pages and friends' share links, waiting for an answer. */
export function RequestsView({
  practice,
  state,
  reload,
}: {
  practice: Practice;
  state: Loaded<{ requests: BookingRequest[] }>;
  reload: () => void;
}) {
  const [notice, setNotice] = useState<ReactNode>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const tz = practice.timezone;

  return (
    <div className="stack">
      {notice && (
        <Alert ref={noticeRef} tone="success">
          {notice}
        </Alert>
      )}
      {state.status === 'loading' && <Spinner label="Loading requests…" />}
      {state.status === 'error' && <LoadFailed message={state.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.requests.length === 0 && (
        <EmptyState icon={CalendarIcon} title="No requests waiting">
          <p>When a client asks for a time from their page, or a friend books through a client’s share link, the request appears here.</p>
        </EmptyState>
      )}
      {state.status === 'ready' && state.data.requests.length > 0 && (
        <ul className="plain-list stack">
          {state.data.requests.map((r) => (
            <RequestCard
              key={r.id}
              request={r}
              timeZone={tz}
              defaultDuration={practice.defaultDurationMinutes}
              onConfirmed={(req, { appointment, clientId }) => {
                setNotice(
                  <>
                    Booked {req.name} for {whenText(appointment.startsAt, tz)}. An email with the calendar invite is on its way.{' '}
                    <Link to={pages.client(clientId)}>Open {req.name}’s page</Link>
                  </>,
                );
                reload();
              }}
              onProposed={(req, startsAt) => {
                setNotice(`${whenText(startsAt, tz)} is suggested to ${req.name} by email.`);
                reload();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
