import type { UploadProgress } from '../../api.js';
import { Spinner } from '../../design/components/index.js';

/** While a file goes up: a real progress bar; once it is all sent, a busy sign while the server works. */
export function UploadStatus({
  progress,
  sendingLabel,
  workingLabel,
}: {
  progress: UploadProgress;
  sendingLabel: string;
  workingLabel: string;
}) {
  if (progress.done) return <Spinner label={workingLabel} />;
  const percent = progress.total ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return (
    <div className="progress upload-progress">
      <label htmlFor="upload-progress" className="progress__label">
        {sendingLabel} <span className="muted">{percent}%</span>
      </label>
      <progress id="upload-progress" className="progress__bar" value={percent} max={100}>
        {percent}%
      </progress>
    </div>
  );
}
