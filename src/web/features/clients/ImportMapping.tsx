import { IMPORT_FIELDS, type ImportField } from '../../../shared/api/clients.js';
import { TableScroll } from '../../components/TableScroll.js';
import { SelectField } from '../../design/components/index.js';
import { errorAt } from './labels.js';

export type Mapping = Partial<Record<ImportField, string>>;
export interface Preview {
  headers: string[];
  rowCount: number;
  mapping: Mapping;
  sample: Record<string, string>[];
}

export const importFieldLabels: Record<ImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name (first and last in one column)',
  email: 'Email',
  phone: 'Phone',
  notes: 'Notes (kept as “in their words”)',
};
const shown: ImportField[] = ['firstName', 'lastName', 'email', 'phone', 'notes'];

/** A sample row as the import will read it: a full name splits at its first space, like the server does. */
function readSample(row: Record<string, string>, mapping: Mapping): Record<ImportField, string> {
  const get = (f: ImportField) => (mapping[f] ? (row[mapping[f]!] ?? '').trim() : '');
  let firstName = get('firstName');
  let lastName = get('lastName');
  if (!firstName && get('fullName')) {
    const [first, ...rest] = get('fullName').split(/\s+/);
    firstName = first;
    lastName ||= rest.join(' ');
  }
  return { firstName, lastName, fullName: '', email: get('email'), phone: get('phone'), notes: get('notes') };
}

interface ImportMappingProps {
  preview: Preview;
  mapping: Mapping;
  onChange: (next: Mapping) => void;
  errors: Record<string, string>;
}

/** Which column of the file holds what, and the first rows as they will come in. */
export function ImportMapping({ preview, mapping, onChange, errors }: ImportMappingProps) {
  const columnOptions = [{ value: '', label: 'Not in this file' }, ...preview.headers.filter(Boolean).map((h) => ({ value: h, label: h }))];
  return (
    <div className="stack-lg">
      <p>
        Columns found in your file: <span className="import-columns">{preview.headers.filter(Boolean).join(', ')}</span>
      </p>
      <fieldset className="import-mapping">
        <legend className="form-section__title">Which column holds what</legend>
        <p className="muted small">
          Choose “First name” or “Full name”: every client needs a name. Clients whose email is already here are updated, not added twice.
        </p>
        <div className="form-grid">
          {IMPORT_FIELDS.map((field) => (
            <SelectField
              key={field}
              label={importFieldLabels[field]}
              name={`mapping.${field}`}
              optional
              options={columnOptions}
              value={mapping[field] ?? ''}
              onChange={(e) => onChange({ ...mapping, [field]: e.target.value || undefined })}
              error={errorAt(errors, `mapping.${field}`)}
            />
          ))}
        </div>
      </fieldset>
      {preview.sample.length > 0 && (
        <TableScroll labelledBy="import-preview-caption">
          <table className="data-table">
            <caption id="import-preview-caption">
              The first {preview.sample.length} of {preview.rowCount} rows, as they will be imported
            </caption>
            <thead>
              <tr>
                {shown.map((f) => (
                  <th key={f} scope="col">
                    {importFieldLabels[f].replace(/ \(.*\)$/, '')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((row, i) => {
                const read = readSample(row, mapping);
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no id and never reorder
                  <tr key={i}>
                    {shown.map((f) => (
                      <td key={f}>{read[f] || <span className="muted">—</span>}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
