import type { CsvValue } from '../../../shared/csv.js';
import { downloadCsv } from '../../csv.js';
import { Button } from '../../design/components/index.js';

/** Downloads a table as a CSV file; `rows` is built only when pressed. */
export function ExportButton({ what, fileName, rows }: { what: string; fileName: string; rows: () => CsvValue[][] }) {
  return (
    <Button variant="secondary" className="export-button" onClick={() => downloadCsv(fileName, rows())}>
      Download CSV<span className="visually-hidden"> of {what}</span>
    </Button>
  );
}
