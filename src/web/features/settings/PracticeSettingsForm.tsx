import { type FormEvent, useMemo, useState } from 'react';
import { HOMEWORK_CAP, PAPER_SIZES, type Practice, practicePatch } from '../../../shared/api/practice.js';
import { api } from '../../api.js';
import { Alert, Button, SelectField, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { useSession } from '../../session.js';
import { paperSizeLabels } from './practiceLabels.js';
import { deviceTimeZone, timeZoneGroups, timeZoneLabel } from './timezones.js';

type Editable = 'name' | 'timezone' | 'timeFormat' | 'paperSize' | 'homeworkCap' | 'senderName' | 'replyTo' | 'reminderDefault';
type Values = Record<Editable, string>;

function valuesOf(p: Practice): Values {
  return {
    name: p.name,
    timezone: p.timezone,
    timeFormat: p.timeFormat,
    paperSize: p.paperSize,
    homeworkCap: String(p.homeworkCap),
    senderName: p.senderName ?? '',
    replyTo: p.replyTo ?? '',
    reminderDefault: p.reminderDefault,
  };
}

/** Only what the owner changed, in the API's types; an emptied optional text becomes null. */
function changesBetween(saved: Practice, values: Values): Record<string, unknown> {
  const next: Record<Editable, unknown> = {
    name: values.name,
    timezone: values.timezone,
    timeFormat: values.timeFormat,
    paperSize: values.paperSize,
    homeworkCap: Number(values.homeworkCap),
    senderName: values.senderName.trim() || null,
    replyTo: values.replyTo.trim() || null,
    reminderDefault: values.reminderDefault,
  };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== saved[key as Editable]));
}

const capOptions = Array.from({ length: HOMEWORK_CAP.max - HOMEWORK_CAP.min + 1 }, (_, i) => {
  const n = HOMEWORK_CAP.min + i;
  const label = `${n} ${n === 1 ? 'item' : 'items'}${n === HOMEWORK_CAP.default ? ' (recommended)' : ''}`;
  return { value: String(n), label };
});

export function PracticeSettingsForm({ practice, onSaved }: { practice: Practice; onSaved: (practice: Practice) => void }) {
  const { practiceRenamed } = useSession();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState(() => valuesOf(practice));
  const [notice, setNotice] = useState<string | null>(null);
  const zoneGroups = useMemo(() => timeZoneGroups(practice.timezone), [practice.timezone]);
  const change = (field: Editable) => (event: { target: { value: string } }) => {
    setNotice(null);
    setValues((v) => ({ ...v, [field]: event.target.value }));
  };

  function save(event: FormEvent<HTMLFormElement>) {
    setNotice(null);
    const changes = changesBetween(practice, values);
    if (Object.keys(changes).length === 0) {
      event.preventDefault();
      setNotice('Nothing to save: no setting was changed.');
      return;
    }
    return submit(event, {
      schema: practicePatch,
      values: changes,
      send: async (body) => {
        const saved = await api.patch<Practice>(paths.practice(), body);
        onSaved(saved);
        setValues(valuesOf(saved));
        practiceRenamed({ name: saved.name, timezone: saved.timezone, timeFormat: saved.timeFormat });
        setNotice('Settings saved.');
      },
    });
  }

  return (
    <form ref={formRef} className="stack settings-form" noValidate onSubmit={save}>
      <FormError message={formError} />
      <TextField
        label="Practice name"
        name="name"
        autoComplete="organization"
        value={values.name}
        onChange={change('name')}
        error={fieldErrors.name}
      />
      <SelectField
        label="Time zone"
        name="timezone"
        hint={`Reminders are never sent at night in this time zone. This device is set to ${deviceTimeZone()}.`}
        value={values.timezone}
        onChange={change('timezone')}
        error={fieldErrors.timezone}
      >
        {zoneGroups.map((group) => (
          <optgroup key={group.region} label={group.region}>
            {group.zones.map((zone) => (
              <option key={zone} value={zone}>
                {timeZoneLabel(zone)}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <SelectField
        label="Clock"
        name="timeFormat"
        hint="How times are written in Carryover, on the client's page, in emails and on handouts."
        value={values.timeFormat}
        onChange={change('timeFormat')}
        error={fieldErrors.timeFormat}
        options={[
          { value: '12h', label: '12-hour (2:30 PM)' },
          { value: '24h', label: '24-hour (14:30)' },
        ]}
      />
      <SelectField
        label="Homework per client"
        name="homeworkCap"
        hint="The most self-care items a client can have at once. Two done beats eight ignored."
        value={values.homeworkCap}
        onChange={change('homeworkCap')}
        error={fieldErrors.homeworkCap}
        options={capOptions}
      />
      <SelectField
        label="Handout paper size"
        name="paperSize"
        value={values.paperSize}
        onChange={change('paperSize')}
        error={fieldErrors.paperSize}
        options={PAPER_SIZES.map((size) => ({ value: size, label: paperSizeLabels[size] }))}
      />
      <SelectField
        label="Homework reminders"
        name="reminderDefault"
        hint="For clients who agreed to reminders and chose no rhythm. A client can change theirs on their page."
        value={values.reminderDefault}
        onChange={change('reminderDefault')}
        error={fieldErrors.reminderDefault}
        options={[
          { value: 'off', label: 'Off until the client chooses' },
          { value: 'daily', label: 'Every day at 8 in the morning, their time' },
        ]}
      />
      <TextField
        label="Sender name on emails"
        name="senderName"
        optional
        hint="The name clients see in their inbox. Leave empty to use the practice name."
        value={values.senderName}
        onChange={change('senderName')}
        error={fieldErrors.senderName}
      />
      <TextField
        label="Reply-to email"
        name="replyTo"
        type="email"
        optional
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        hint="Where client replies to Carryover emails go."
        value={values.replyTo}
        onChange={change('replyTo')}
        error={fieldErrors.replyTo}
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      <div>
        <Button type="submit" loading={sending}>
          {sending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
