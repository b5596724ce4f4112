import { Alert } from './design/components/index.js';

/** The message at the top of a form; useForm focuses it when no field is to blame. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert tone="error" className="form-error">
      {message}
    </Alert>
  );
}
