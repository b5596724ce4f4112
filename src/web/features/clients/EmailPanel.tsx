import { type FormEvent, Fragment, useState } from 'react';
import type { Client } from '../../../shared/api/clients.js';
import type { ConsentVia, EmailStatus } from '../../../shared/api/email-consent.js';
import { REMINDER_RHYTHMS, type ReminderRhythm } from '../../../shared/api/portal.js';
import { api, messageOf } from '../../api.js';
import { Alert, Badge, Button, Card, CheckboxField, SelectField, Spinner } from '../../design/components/index.js';
import { formatDateTime } from '../../format.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

const VIA: Record<ConsentVia, string> = {
  therapist: 'told the practice (recorded on their record)',
  intake: 'ticked it on their intake form',
  'client-page': 'chose reminders on their page',
};
const RHYTHM: Record<ReminderRhythm, string> = {
  daily: 'Every day',
  'every-other-day': 'Every other day',
  'twice-a-week': 'Twice a week',
  weekly: 'Once a week',
  none: 'No reminders',
};
const KINDS = [
  ['homework', 'Homework email'],
  ['reminders', 'Reminders'],
  ['comeBack', 'Come-back email'],
] as const;

/**
 * What Carryover emails this client and, for what it does not send, why; the therapist sets
 * reminders here, only with the client's agreement ticked.
 */
export function EmailPanel({ client, onChanged }: { client: Client; onChanged: (client: Client) => void }) {
  const status = useApiQuery<EmailStatus>(paths.clientEmailStatus(client.id));
  const [agreed, setAgreed] = useState(client.consentToEmail);
  const [rhythm, setRhythm] = useState<string>(client.reminderRhythm ?? 'default');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setMessage(null);
    try {
      const body = agreed
        ? { consentToEmail: true, reminderRhythm: rhythm === 'default' ? null : rhythm }
        : { consentToEmail: false, reminderRhythm: null };
      const saved = await api.patch<Client>(paths.client(client.id), body);
      onChanged({ ...saved, lastSessionDate: saved.lastSessionDate ?? client.lastSessionDate });
      status.reload();
      setMessage({ tone: 'success', text: 'Saved.' });
    } catch (err) {
      setMessage({ tone: 'error', text: messageOf(err) });
    } finally {
      setSaving(false);
    }
  }

  const s = status.state.status === 'ready' ? status.state.data : null;
  return (
    <Card title="Email" description="What Carryover sends, and why not when it does not.">
      {status.state.status === 'loading' && <Spinner label="Loading…" />}
      {status.state.status === 'error' && <Alert tone="error">{status.state.message}</Alert>}
      {s?.notSent && (
        <Alert tone="warning" title={s.notSent.status === 'failed' ? 'An email did not go' : 'An email may not have arrived'}>
          “{s.notSent.subject}”, {formatDateTime(s.notSent.at)}. {s.notSent.reason}
        </Alert>
      )}
      {s && (
        <dl className="details-list">
          {KINDS.map(([key, label]) => (
            <Fragment key={key}>
              <dt>{label}</dt>
              <dd>
                {s[key].sends ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>}{' '}
                {key === 'reminders' &&
                  s.reminders.sends &&
                  `${RHYTHM[s.reminders.rhythm]}${s.reminders.fromPracticeDefault ? ' (practice default)' : ''}`}
                {s[key].reason}
              </dd>
            </Fragment>
          ))}
          <dt>Agreement</dt>
          <dd>
            {s.consent
              ? `Agreed to reminder and come-back emails on ${formatDateTime(s.consent.at)}: they ${VIA[s.consent.via]}.`
              : 'Has not agreed to reminder or come-back emails.'}
          </dd>
        </dl>
      )}
      <form className="stack" onSubmit={save}>
        <CheckboxField
          name="consentToEmail"
          label={`${client.firstName} agreed to reminder and come-back emails`}
          hint="Tick this only when they said yes. Unticking it stops them."
          checked={agreed}
          onChange={(e) => setAgreed(e.target.checked)}
        />
        <SelectField
          label="Reminders"
          name="reminderRhythm"
          value={agreed ? rhythm : 'none'}
          disabled={!agreed}
          onChange={(e) => setRhythm(e.target.value)}
          options={[{ value: 'default', label: 'The practice default' }, ...REMINDER_RHYTHMS.map((r) => ({ value: r, label: RHYTHM[r] }))]}
        />
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <div>
          <Button type="submit" variant="secondary" loading={saving}>
            Save email choices
          </Button>
        </div>
      </form>
    </Card>
  );
}
