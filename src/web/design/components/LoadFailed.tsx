import { Alert } from './Alert.js';
import { Button } from './Button.js';

/** What a panel shows when its data did not load: the reason and one way forward. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Alert tone="error">
      <div className="cluster">
        <span>{message}</span>
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      </div>
    </Alert>
  );
}
