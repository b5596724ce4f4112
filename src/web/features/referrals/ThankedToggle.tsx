import { useState } from 'react';
import { api, messageOf } from '../../api.js';
import { Alert, CheckboxField } from '../../design/components/index.js';
import { paths } from '../../paths.js';

/**
 * "Thank you sent" for one referrer. The server records the day it was marked and has no way to
 * unmark it, so once ticked the box stays ticked.
 */
export function ThankedToggle({
  referrerId,
  referrerName,
  thanked,
  onThanked,
  labelWithName = false,
}: {
  referrerId: string;
  referrerName: string;
  thanked: boolean;
  onThanked: () => void;
  labelWithName?: boolean;
}) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function mark() {
    setSending(true);
    setError(null);
    try {
      await api.post(paths.clientReferralThanks(referrerId));
      onThanked();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="thanked">
      <CheckboxField
        name={`thanked-${referrerId}`}
        label={labelWithName ? `Thank you sent to ${referrerName}` : 'Thank you sent'}
        checked={thanked || sending}
        disabled={thanked || sending}
        aria-busy={sending || undefined}
        onChange={(e) => {
          if (e.target.checked) void mark();
        }}
      />
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
