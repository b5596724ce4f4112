import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionRecord } from '../../../shared/api/clients.js';
import { COMPLAINTS } from '../../../shared/vocabulary.js';
import {
  CalendarIcon,
  CheckIcon,
  ClientsIcon,
  CompassIcon,
  type Icon,
  InfoIcon,
  LibraryIcon,
  MailIcon,
  QuestionIcon,
} from '../../design/components/index.js';
import { formatDay } from '../../format.js';
import { pages } from '../../paths.js';
import { areaText, findingText } from './labels.js';

/** One thing that happened with a client. Kinds are open-ended: homework, check-ins and others add theirs. */
export interface TimelineEntry {
  kind: string;
  at: string;
  title: string;
  detail: string | null;
  sessionId?: string | null;
}

interface KindContext {
  clientId: string;
  sessions: Map<string, SessionRecord>;
}

interface TimelineKind {
  icon: Icon;
  /** Where the entry leads, if anywhere, with the link's words. */
  link?: (entry: TimelineEntry, ctx: KindContext) => { to: string; label: string } | null;
  /** Replaces the server's one-line detail with something richer. */
  details?: (entry: TimelineEntry, ctx: KindContext) => ReactNode;
}

/**
 * How each kind of entry is shown. An unknown kind still shows its title, detail and date,
 * so the server can add kinds before the web app knows them.
 */
export const timelineKinds: Record<string, TimelineKind> = {
  session: {
    icon: CalendarIcon,
    link: (e, { clientId }) => (e.sessionId ? { to: pages.clientSession(clientId, e.sessionId), label: 'Open the session record' } : null),
    details: (e, { sessions }) => {
      const s = e.sessionId ? sessions.get(e.sessionId) : undefined;
      return s ? <SessionSummary session={s} /> : e.detail;
    },
  },
  intake: { icon: CheckIcon },
  created: { icon: ClientsIcon },
  homework: {
    icon: LibraryIcon,
    link: (e, { clientId }) => (e.sessionId ? { to: pages.homeworkStep(e.sessionId, clientId), label: 'Open that homework step' } : null),
  },
  'homework-ended': { icon: LibraryIcon },
  email: { icon: MailIcon },
  'check-in': { icon: CheckIcon },
  question: { icon: QuestionIcon },
  answer: { icon: QuestionIcon },
  booking: { icon: CalendarIcon },
  goal: { icon: CompassIcon },
  'goal-progress': { icon: CompassIcon },
};
const fallbackKind: TimelineKind = { icon: InfoIcon };

export function Timeline({ entries, ...ctx }: { entries: TimelineEntry[] } & KindContext) {
  return (
    <ol className="plain-list timeline">
      {entries.map((entry, i) => {
        const kind = timelineKinds[entry.kind] ?? fallbackKind;
        const Drawing = kind.icon;
        const link = kind.link?.(entry, ctx);
        const details = kind.details ? kind.details(entry, ctx) : entry.detail;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id, and two of a kind can share a moment
          <li key={`${entry.kind}-${entry.sessionId ?? ''}-${entry.at}-${i}`} className={`timeline__entry timeline__entry--${entry.kind}`}>
            <span className="timeline__icon">
              <Drawing size={20} />
            </span>
            <div className="timeline__body">
              <p className="timeline__title">
                {entry.title} <time dateTime={entry.at}>{formatDay(entry.at)}</time>
              </p>
              {details && <div className="timeline__detail">{details}</div>}
              {link && (
                <Link to={link.to} className="text-link">
                  {link.label}
                </Link>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

export function SessionSummary({ session }: { session: SessionRecord }) {
  const rows: [string, string][] = [
    ['Focus', session.focusComplaints.map((c) => COMPLAINTS[c]).join(', ')],
    ['Worked', session.areasWorked.map(areaText).join(', ')],
    ['Needed more time', session.areasNeedingMoreTime.map(areaText).join(', ')],
    ['Findings', session.findings.map(findingText).join('; ')],
    ['Notes', session.notes ?? ''],
  ];
  const shown = rows.filter(([, text]) => text);
  if (!shown.length) return null;
  return (
    <dl className="session-summary">
      {shown.map(([term, text]) => (
        <div key={term} className="session-summary__row">
          <dt>{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
