import { Alert, Button, CarryoverMark, Spinner } from '../design/components/index.js';
import { useDocumentTitle } from '../useDocumentTitle.js';
import { SkipLink } from './SkipLink.js';
import './layout.css';

/** Shown while Carryover asks the server who is signed in. */
export function LoadingScreen() {
  useDocumentTitle('');
  return (
    <>
      <SkipLink />
      <main id="main" tabIndex={-1} className="status-screen">
        <div className="brand">
          <CarryoverMark size={32} />
          <h1 className="brand__name">Carryover</h1>
        </div>
        <Spinner label="Opening Carryover…" />
      </main>
    </>
  );
}

/** Shown when the server did not answer at all (not when the user is simply signed out). */
export function UnreachableScreen({ message, onRetry }: { message: string; onRetry: () => void }) {
  useDocumentTitle('Cannot reach Carryover');
  return (
    <>
      <SkipLink />
      <main id="main" tabIndex={-1} className="status-screen">
        <h1 tabIndex={-1}>Carryover is not answering</h1>
        <Alert tone="error">{message}</Alert>
        <p>Check your internet connection, then try again. If it keeps happening, the Carryover server may be stopped.</p>
        <div>
          <Button onClick={onRetry}>Try again</Button>
        </div>
      </main>
    </>
  );
}
