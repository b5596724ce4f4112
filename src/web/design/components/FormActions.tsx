import { Button, ButtonLink } from './Button.js';

interface FormActionsProps {
  /** The submit button's words, and what it says while the form is being sent. */
  label: string;
  busyLabel?: string;
  sending: boolean;
  /** Cancel goes back to a page, or closes the form in place; none when neither is given. */
  cancelTo?: string;
  onCancel?: () => void;
  /** Keeps the buttons pinned at the bottom of a long form (on a phone above the bottom bar). */
  sticky?: boolean;
  className?: string;
}

/** A form's submit button with its Cancel, the same on every form. */
export function FormActions({ label, busyLabel = 'Saving…', sending, cancelTo, onCancel, sticky, className }: FormActionsProps) {
  return (
    <div className={[sticky ? 'sticky-actions' : 'cluster', className].filter(Boolean).join(' ')}>
      <Button type="submit" loading={sending}>
        {sending ? busyLabel : label}
      </Button>
      {cancelTo !== undefined && (
        <ButtonLink to={cancelTo} variant="ghost">
          Cancel
        </ButtonLink>
      )}
      {cancelTo === undefined && onCancel && (
        <Button variant="ghost" onClick={onCancel} disabled={sending}>
          Cancel
        </Button>
      )}
    </div>
  );
}
