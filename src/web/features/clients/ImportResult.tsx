import { useEffect, useMemo } from 'react';
import { TableScroll } from '../../components/TableScroll.js';
import { csvBlob } from '../../csv.js';
import { Alert, Button, ButtonLink, buttonClass } from '../../design/components/index.js';

export interface ImportOutcome {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: { row: number; reason: string }[];
}

/** The rows that did not come in, as a CSV file to fix and import again. */
const errorsCsv = (errors: ImportOutcome['errors']) => csvBlob([['row', 'reason'], ...errors.map((e) => [e.row, e.reason])]);

/** How the import went: counts, then each row that did not come in and why. */
export function ImportResult({ result, onAnother }: { result: ImportOutcome; onAnother: () => void }) {
  const download = useMemo(() => (result.errors.length ? URL.createObjectURL(errorsCsv(result.errors)) : null), [result.errors]);
  useEffect(() => () => (download ? URL.revokeObjectURL(download) : undefined), [download]);
  const n = (count: number, word: string) => `${count} ${word}`;

  return (
    <div className="stack-lg">
      <Alert tone={result.errors.length ? 'warning' : 'success'} title="Import finished">
        <p>
          {n(result.created, 'added')}, {n(result.updated, 'updated')}, {n(result.unchanged, 'unchanged')}
          {result.errors.length > 0 && `, ${result.errors.length} not imported`} — of {result.total} rows.
        </p>
      </Alert>
      <dl className="import-counts">
        <div>
          <dt>Added</dt>
          <dd>{result.created}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{result.updated}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{result.unchanged}</dd>
        </div>
        <div>
          <dt>Not imported</dt>
          <dd>{result.errors.length}</dd>
        </div>
      </dl>
      {result.errors.length > 0 && (
        <section className="stack" aria-labelledby="import-errors-title">
          <h2 id="import-errors-title" className="form-section__title">
            Rows not imported
          </h2>
          <p className="muted">
            Fix these rows in your spreadsheet and import the file again. A client whose email is already here is updated, not added twice.
          </p>
          <TableScroll labelledBy="import-errors-caption">
            <table className="data-table">
              <caption id="import-errors-caption" className="visually-hidden">
                Each row not imported, with the reason
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="data-table__narrow">
                    Row
                  </th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((e) => (
                  <tr key={e.row}>
                    <td>{e.row}</td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {download && (
            <div>
              <a className={buttonClass('secondary')} href={download} download="carryover-import-errors.csv">
                Download errors as CSV
              </a>
            </div>
          )}
        </section>
      )}
      <div className="cluster">
        <ButtonLink to="/clients">Go to your clients</ButtonLink>
        <Button variant="ghost" onClick={onAnother}>
          Import another file
        </Button>
      </div>
    </div>
  );
}
