import { Link } from 'react-router';
import { CopyField } from '../../components/CopyField.js';
import { Alert, Badge, Card, Spinner } from '../../design/components/index.js';
import { formatDay } from '../../format.js';
import { pages, paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { ThankedToggle } from './ThankedToggle.js';
import { useReferralReport } from './useReferralReport.js';

/** The client's share link and code, the friends who came through it, and whether they were thanked. */
export function ReferralPanel({ clientId, firstName }: { clientId: string; firstName: string }) {
  const link = useApiQuery<{ code: string; url: string }>(paths.clientReferral(clientId));
  const report = useReferralReport();
  const rows = report.state.status === 'ready' ? report.state.data.referrals : [];
  const friends = rows.filter((r) => r.referrerId === clientId);
  const referredBy = rows.find((r) => r.referredId === clientId);
  const thanked = friends.some((r) => r.thanked);

  return (
    <Card title="Referrals" description={`A friend who books through ${firstName}’s link is credited to ${firstName}.`}>
      {link.state.status === 'loading' && <Spinner label="Loading the share link…" />}
      {link.state.status === 'error' && <Alert tone="error">{link.state.message}</Alert>}
      {link.state.status === 'ready' && (
        <>
          <CopyField label={`${firstName}’s share link`} value={link.state.data.url} copyLabel="Copy link" />
          <CopyField label="Their code" value={link.state.data.code} copyLabel="Copy code" />
        </>
      )}
      {referredBy && (
        <p>
          Came through <Link to={pages.client(referredBy.referrerId)}>{referredBy.referrerName}</Link>’s link.
        </p>
      )}
      {report.state.status === 'error' && <Alert tone="error">{report.state.message}</Alert>}
      {report.state.status === 'ready' &&
        (friends.length === 0 ? (
          <p className="muted">Nobody has come through {firstName}’s link yet.</p>
        ) : (
          <div className="stack">
            <ul className="plain-list stack">
              {friends.map((f) => (
                <li key={f.referredId} className="cluster">
                  <Link to={pages.client(f.referredId)}>{f.referredName}</Link>
                  {f.booked ? (
                    <Badge tone="success">First visit {f.firstVisit ? formatDay(f.firstVisit) : 'booked'}</Badge>
                  ) : (
                    <Badge>Not booked yet</Badge>
                  )}
                </li>
              ))}
            </ul>
            <ThankedToggle
              referrerId={clientId}
              referrerName={firstName}
              thanked={thanked}
              onThanked={() =>
                report.setData((d) => ({ referrals: d.referrals.map((r) => (r.referrerId === clientId ? { ...r, thanked: true } : r)) }))
              }
            />
          </div>
        ))}
    </Card>
  );
}
