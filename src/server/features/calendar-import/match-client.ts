import type { FeedEvent } from './read-feed.js';

export interface MatchableClient {
  id: string;
  first_name: string;
  last_name: string;
  email: string | null;
}

const words = (s: string) =>
  ` ${s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9@.]+/g, ' ')
    .trim()} `;

/**
 * Which client a booking is for: by the attendee's email address, else by the client's full name
 * appearing in the attendee's name or the event's title. Two clients who both fit is no match:
 * the therapist matches it with one tap instead of Carryover guessing.
 */
export function matchClient(clients: MatchableClient[], e: Pick<FeedEvent, 'attendeeEmail' | 'attendeeNames' | 'title'>) {
  if (e.attendeeEmail) {
    const byEmail = clients.filter((c) => c.email?.toLowerCase() === e.attendeeEmail);
    if (byEmail.length === 1 && byEmail[0]) return { clientId: byEmail[0].id, by: 'email' as const };
  }
  const texts = [...e.attendeeNames, e.title].map(words);
  const byName = clients.filter((c) => {
    const full = words(`${c.first_name} ${c.last_name}`);
    return full.trim().includes(' ') && texts.some((t) => t.includes(full));
  });
  if (byName.length === 1 && byName[0]) return { clientId: byName[0].id, by: 'name' as const };
  return null;
}
