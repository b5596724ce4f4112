import { Link } from 'react-router';
import type { Summary } from '../../../shared/api/reports.js';
import { Card } from '../../design/components/index.js';
import { pages } from '../../paths.js';
import { Definition } from './Definition.js';
import { ExportButton } from './ExportButton.js';
import { formatDay } from './numbers.js';

type Client = Summary['followUp'][number];

/** Clients with homework who have gone quiet and have nothing booked: a short list to call or email. */
export function FollowUp({ clients, definition, fileStem }: { clients: Client[]; definition: string | undefined; fileStem: string }) {
  return (
    <Card
      title="Clients to follow up"
      description="Homework at home, no check-in for two weeks, and no next visit booked."
      actions={
        clients.length > 0 && (
          <ExportButton what="clients to follow up" fileName={`${fileStem}-follow-up.csv`} rows={() => followUpCsv(clients)} />
        )
      }
    >
      {clients.length === 0 ? (
        <p className="muted">Nobody to chase: everyone with homework has checked in lately or has a visit booked.</p>
      ) : (
        <div className="dash-table-box">
          <table className="dash-table">
            <caption className="visually-hidden">Clients to follow up</caption>
            <thead>
              <tr>
                <th scope="col">Client</th>
                <th scope="col">Last check-in</th>
                <th scope="col">Last visit</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.clientId}>
                  <th scope="row">
                    <Link to={pages.client(c.clientId)}>{c.name}</Link>
                  </th>
                  <td>{c.lastCheckIn ? formatDay(c.lastCheckIn) : 'Never'}</td>
                  <td>{c.lastVisit ? formatDay(c.lastVisit) : 'None recorded'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Definition subject="clients to follow up" text={definition} />
    </Card>
  );
}

function followUpCsv(clients: Client[]) {
  return [['Client', 'Last check-in', 'Last visit'], ...clients.map((c) => [c.name, c.lastCheckIn ?? '', c.lastVisit ?? ''])];
}
