import type { Client } from '../../shared/api/clients.js';
import { formatDateTime, formatDay } from '../format.js';
import './FollowUp.css';

type FollowUpFields = Pick<Client, 'adherence' | 'nextAppointment'>;

/** "Homework done 9 of the last 14 days", or why there is nothing to count yet. */
export function adherenceText(adherence: Client['adherence']): string {
  if (!adherence || adherence.ofDays === 0) return 'No homework yet';
  const of = adherence.ofDays === 14 ? 'the last 14' : String(adherence.ofDays);
  return `Homework done ${adherence.doneDays} of ${of} day${adherence.ofDays === 1 ? '' : 's'}`;
}

/** How the homework went, the latest check-in and the next visit, in one line. */
export function FollowUp({ client, className, as: Tag = 'p' }: { client: FollowUpFields; className?: string; as?: 'p' | 'span' }) {
  const a = client.adherence;
  // Only list and record responses carry it (not the answer to an edit): say nothing rather than "none".
  if (!a) return null;
  const parts = [
    adherenceText(a),
    a.lastCheckIn ? `last check-in ${formatDay(a.lastCheckIn)}` : a.ofDays > 0 ? 'no check-in yet' : null,
    client.nextAppointment ? `next visit ${formatDateTime(client.nextAppointment)}` : 'no visit booked',
  ].filter((p): p is string => p !== null);
  return (
    <Tag className={['follow-up', className].filter(Boolean).join(' ')}>
      {parts.map((p, i) => (
        <span key={p} className="follow-up__part">
          {i === 0 ? p : ` · ${p}`}
        </span>
      ))}
    </Tag>
  );
}
