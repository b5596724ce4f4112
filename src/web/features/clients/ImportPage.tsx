import { type ChangeEvent, useId, useState } from 'react';
import { IMPORT_MAX_BYTES, IMPORT_TOO_BIG } from '../../../shared/api/clients.js';
import { ApiError, messageOf, postJsonWithProgress, type UploadProgress } from '../../api.js';
import { Alert, Button, ButtonLink, Card, PageHeader } from '../../design/components/index.js';
import { ImportMapping, type Mapping, type Preview } from './ImportMapping.js';
import { type ImportOutcome, ImportResult } from './ImportResult.js';
import { UploadStatus } from './UploadStatus.js';
import './clients.css';
import './import.css';
import { paths } from '../../paths.js';

type Step =
  | { name: 'choose' }
  | { name: 'reading'; progress: UploadProgress }
  | { name: 'mapping'; file: string; csv: string; preview: Preview; mapping: Mapping }
  | { name: 'importing'; file: string; progress: UploadProgress }
  | { name: 'done'; result: ImportOutcome };

const starting: UploadProgress = { sent: 0, total: 1, done: false };

/** Import clients from a booking tool's CSV export: choose the file, check the columns, import, see what happened. */
export function ImportPage() {
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const inputId = useId();

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    setFieldErrors({});
    if (file.size > IMPORT_MAX_BYTES) return setError(IMPORT_TOO_BIG);
    setStep({ name: 'reading', progress: starting });
    try {
      const csv = await file.text();
      const preview = await postJsonWithProgress<Preview>(paths.clientsImportPreview(), { csv }, (progress) =>
        setStep({ name: 'reading', progress }),
      );
      setStep({ name: 'mapping', file: file.name, csv, preview, mapping: preview.mapping });
    } catch (err) {
      setError(messageOf(err));
      setStep({ name: 'choose' });
    }
  }

  async function runImport(current: Extract<Step, { name: 'mapping' }>) {
    setError(null);
    setFieldErrors({});
    setStep({ name: 'importing', file: current.file, progress: starting });
    try {
      const result = await postJsonWithProgress<ImportOutcome>(
        paths.clientsImport(),
        { csv: current.csv, mapping: current.mapping },
        (progress) => setStep({ name: 'importing', file: current.file, progress }),
      );
      setStep({ name: 'done', result });
    } catch (err) {
      setError(messageOf(err));
      if (err instanceof ApiError) setFieldErrors(err.fields);
      setStep(current);
    }
  }

  function startOver() {
    setError(null);
    setFieldErrors({});
    setStep({ name: 'choose' });
  }

  return (
    <>
      <PageHeader
        title="Import clients"
        description="From your booking or scheduling tool’s export, saved as a CSV file. Nothing is added until you press Import."
        actions={
          <ButtonLink to="/clients" variant="ghost">
            Back to clients
          </ButtonLink>
        }
      />
      <div className="stack-lg">
        {error && (
          <Alert tone="error" className="form-error">
            {error}
          </Alert>
        )}
        {step.name === 'choose' && (
          <Card title="1. Choose the file">
            <p className="muted">The first row must name the columns, for example “First name”, “Last name”, “Email”, “Phone”.</p>
            <div className="file-choice">
              <label htmlFor={inputId} className="file-choice__label">
                Choose a CSV file
              </label>
              <input id={inputId} type="file" accept=".csv,text/csv" className="file-choice__input" onChange={chooseFile} />
            </div>
          </Card>
        )}
        {step.name === 'reading' && (
          <Card title="1. Choose the file">
            <UploadStatus progress={step.progress} sendingLabel="Sending your file" workingLabel="Reading your file…" />
          </Card>
        )}
        {step.name === 'mapping' && (
          <Card title="2. Check the columns" description={`${step.file}: ${step.preview.rowCount} rows.`}>
            <ImportMapping
              preview={step.preview}
              mapping={step.mapping}
              onChange={(mapping) => setStep({ ...step, mapping })}
              errors={fieldErrors}
            />
            <div className="cluster">
              <Button onClick={() => runImport(step)}>
                Import {step.preview.rowCount} {step.preview.rowCount === 1 ? 'row' : 'rows'}
              </Button>
              <Button variant="ghost" onClick={startOver}>
                Choose another file
              </Button>
            </div>
          </Card>
        )}
        {step.name === 'importing' && (
          <Card title="3. Importing" description={step.file}>
            <UploadStatus progress={step.progress} sendingLabel="Sending your file" workingLabel="Adding your clients…" />
          </Card>
        )}
        {step.name === 'done' && (
          <Card title="3. Done">
            <ImportResult result={step.result} onAnother={startOver} />
          </Card>
        )}
      </div>
    </>
  );
}
