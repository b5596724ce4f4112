import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Client } from '../../../shared/api/clients.js';
import { ASSUMED_TOOLS, CAUTIONS, COMPLAINTS, LIFESTYLES, TOOLS, type Tool } from '../../../shared/vocabulary.js';
import { Badge } from '../../design/components/index.js';
import { formatDay } from '../../format.js';
import { pages } from '../../paths.js';
import { referralLabels } from './labels.js';

const list = (items: readonly string[]) => items.join(', ');

/** The intake at a glance, in the order a therapist reads it before a session. */
export function IntakeSummary({ client }: { client: Client }) {
  const i = client.intake;
  const owned = i.tools.filter((t) => !(ASSUMED_TOOLS as readonly Tool[]).includes(t));
  const rows: { term: string; value: ReactNode }[] = [
    { term: 'Complaints', value: list(i.complaints.map((c) => COMPLAINTS[c])) },
    { term: 'In their words', value: i.complaintNotes },
    { term: 'Goals', value: i.goals },
    { term: 'Lifestyle', value: list(i.lifestyle.map((l) => LIFESTYLES[l])) },
    {
      term: 'Tools at home',
      value: [
        owned.length ? list(owned.map((t) => TOOLS[t])) : '',
        i.lacksTools.length ? `No ${list(i.lacksTools.map((t) => TOOLS[t].toLowerCase()))}` : '',
      ]
        .filter(Boolean)
        .join('. '),
    },
    {
      term: 'Health cautions',
      value: i.cautions.length ? (
        <span className="cluster cluster--tight">
          {i.cautions.map((c) => (
            <Badge key={c} tone="warning">
              {CAUTIONS[c]}
            </Badge>
          ))}
        </span>
      ) : null,
    },
    { term: 'Health notes', value: i.cautionNotes },
    { term: 'Came through', value: i.referralSource ? referralLabels[i.referralSource] : null },
    {
      term: 'Referred by',
      value: i.referredByClientId ? (
        <Link className="text-link" to={pages.client(i.referredByClientId)}>
          Open the client who referred them
        </Link>
      ) : null,
    },
  ];
  const filled = rows.filter((r) => r.value);
  return (
    <div className="stack">
      {client.intakeCompletedAt && <p className="muted small">They filled in the intake form on {formatDay(client.intakeCompletedAt)}.</p>}
      {filled.length === 0 ? (
        <p className="muted">No intake yet. Fill it in with them, or send them the form.</p>
      ) : (
        <dl className="details-list">
          {filled.map((r) => (
            <div key={r.term} className="details-list__row">
              <dt>{r.term}</dt>
              <dd>{r.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
