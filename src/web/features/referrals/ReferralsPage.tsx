import { Link } from 'react-router';
import { TableScroll } from '../../components/TableScroll.js';
import { downloadCsv } from '../../csv.js';
import { Badge, Button, ClientsIcon, EmptyState, LoadFailed, PageHeader, Spinner } from '../../design/components/index.js';
import { formatDay, todayHere } from '../../format.js';
import { pages } from '../../paths.js';
import { referralsCsv } from './referralsCsv.js';
import { ThankedToggle } from './ThankedToggle.js';
import { useReferralReport } from './useReferralReport.js';

/** Who referred whom, whether the friend booked and came, and whether the referrer was thanked. */
export function ReferralsPage() {
  const report = useReferralReport();
  const rows =
    report.state.status === 'ready' ? [...report.state.data.referrals].sort((a, b) => b.referredAt.localeCompare(a.referredAt)) : [];
  const referrers = new Set(rows.map((r) => r.referrerId)).size;
  const booked = rows.filter((r) => r.booked).length;

  const markThanked = (referrerId: string) =>
    report.setData((d) => ({ referrals: d.referrals.map((r) => (r.referrerId === referrerId ? { ...r, thanked: true } : r)) }));

  return (
    <>
      <PageHeader
        title="Referrals"
        description="Friends who came through a client’s share link, and whether you have thanked the client who sent them."
        actions={
          rows.length > 0 && (
            <Button variant="secondary" onClick={() => downloadCsv(`referrals-${todayHere()}.csv`, referralsCsv(rows, formatDay))}>
              Download CSV
            </Button>
          )
        }
      />
      <div className="stack">
        {report.state.status === 'loading' && <Spinner label="Loading referrals…" />}
        {report.state.status === 'error' && <LoadFailed message={report.state.message} onRetry={report.reload} />}
        {report.state.status === 'ready' && rows.length === 0 && (
          <EmptyState icon={ClientsIcon} title="No referrals yet">
            <p>
              Every client has a share link on their page in Carryover. When a friend books through it, they appear here, credited to the
              client who sent them.
            </p>
          </EmptyState>
        )}
        {rows.length > 0 && (
          <>
            <p>
              {rows.length} {rows.length === 1 ? 'friend' : 'friends'} referred by {referrers} {referrers === 1 ? 'client' : 'clients'} ·{' '}
              {booked} booked
            </p>
            <TableScroll label="Referrals">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Referred by</th>
                    <th scope="col">Friend</th>
                    <th scope="col">Referred on</th>
                    <th scope="col">Booked</th>
                    <th scope="col">First visit</th>
                    <th scope="col">Thank you sent</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.referredId}>
                      <td>
                        <Link to={pages.client(r.referrerId)}>{r.referrerName}</Link>
                      </td>
                      <td>
                        <Link to={pages.client(r.referredId)}>{r.referredName}</Link>
                      </td>
                      <td>{formatDay(r.referredAt)}</td>
                      <td>{r.booked ? <Badge tone="success">Booked</Badge> : <Badge>Not yet</Badge>}</td>
                      <td>{r.firstVisit ? formatDay(r.firstVisit) : '—'}</td>
                      <td>
                        <ThankedToggle
                          referrerId={r.referrerId}
                          referrerName={r.referrerName}
                          thanked={r.thanked}
                          labelWithName
                          onThanked={() => markThanked(r.referrerId)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        )}
      </div>
    </>
  );
}
