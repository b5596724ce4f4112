import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { Me } from '../../../shared/api/auth.js';
import { twoFactorCodeBody } from '../../../shared/api/two-factor.js';
import { api, messageOf } from '../../api.js';
import { Alert, Button, Card, CheckboxField, Spinner, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';

type Setup = { secret: string; otpauthUri: string; qrSvg: string };

/** Two-step sign-in: a code from an authenticator app after the password, with recovery codes for a lost phone. */
export function TwoFactorSection({ isOwner }: { isOwner: boolean }) {
  const me = useApiQuery<Me>(paths.me());
  const [setup, setSetup] = useState<Setup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      setSetup(await api.post<Setup>(paths.twoFactor()));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setStarting(false);
    }
  }

  const status = me.state.status === 'ready' ? me.state.data.twoFactor : null;
  return (
    <Card
      title="Two-step sign-in"
      description="After your password, Carryover also asks for a code from an app on your phone, so a stolen password alone cannot open your clients' records."
    >
      {me.state.status === 'loading' && <Spinner label="Loading…" />}
      {me.state.status === 'error' && <Alert tone="error">{me.state.message}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      {recoveryCodes && (
        <RecoveryCodes
          codes={recoveryCodes}
          onDone={() => {
            setRecoveryCodes(null);
            me.reload();
          }}
        />
      )}
      {status && !recoveryCodes && status.on && <TurnedOn required={status.required} isOwner={isOwner} onChanged={me.reload} />}
      {status && !status.on && !setup && (
        <>
          {status.required && (
            <Alert tone="warning">Your practice asks everyone to use two-step sign-in. Turn it on to carry on using Carryover.</Alert>
          )}
          <p>You need an authenticator app on your phone, such as one from your phone's app store.</p>
          <Button onClick={start} loading={starting}>
            Turn on two-step sign-in
          </Button>
        </>
      )}
      {status && !status.on && setup && (
        <ConfirmSetup
          setup={setup}
          onConfirmed={(codes) => {
            setSetup(null);
            setRecoveryCodes(codes);
          }}
        />
      )}
    </Card>
  );
}

function ConfirmSetup({ setup, onConfirmed }: { setup: Setup; onConfirmed: (codes: string[]) => void }) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [code, setCode] = useState('');
  function confirm(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: twoFactorCodeBody,
      values: { code },
      send: async (body) => {
        const answer = await api.post<{ recoveryCodes: string[] }>(paths.twoFactorConfirm(), body);
        onConfirmed(answer.recoveryCodes);
      },
    });
  }
  return (
    <form ref={formRef} className="stack" noValidate onSubmit={confirm}>
      <FormError message={formError} />
      <ol className="stack">
        <li>Open your authenticator app and add an account by scanning this code.</li>
        <li>Type the 6-digit code the app shows for Carryover.</li>
      </ol>
      <img
        className="two-factor__qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
        alt="QR code for your authenticator app"
        width={200}
        height={200}
      />
      <p className="small">
        Cannot scan it? Type this key into the app instead: <code data-testid="two-factor-secret">{setup.secret}</code>
      </p>
      <TextField
        label="Code from your app"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={fieldErrors.code}
      />
      <Button type="submit" loading={sending}>
        Check the code and turn it on
      </Button>
    </form>
  );
}

/** The ten recovery codes, shown once: the server keeps only their hashes. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => boxRef.current?.focus(), []);
  return (
    <div ref={boxRef} tabIndex={-1} className="stack">
      <Alert tone="success" title="Two-step sign-in is on">
        Save these recovery codes now, on paper or in your password manager. Each one works once, if you lose your phone. You will not see
        them again.
      </Alert>
      <ul className="plain-list two-factor__codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={onDone}>
        I have saved them
      </Button>
    </div>
  );
}

function TurnedOn({ required, isOwner, onChanged }: { required: boolean; isOwner: boolean; onChanged: () => void }) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [code, setCode] = useState('');
  const [requireError, setRequireError] = useState<string | null>(null);
  function turnOff(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: twoFactorCodeBody,
      values: { code },
      send: async (body) => {
        await api.delete(paths.twoFactor(), body);
        onChanged();
      },
    });
  }
  async function setRequired(value: boolean) {
    setRequireError(null);
    try {
      await api.patch(paths.practice(), { requireTwoFactor: value });
      onChanged();
    } catch (err) {
      setRequireError(messageOf(err));
    }
  }
  return (
    <div className="stack">
      <p role="status">Two-step sign-in is on for your account.</p>
      {isOwner && (
        <CheckboxField
          name="requireTwoFactor"
          label="Everyone in the practice must use two-step sign-in"
          hint="Team members without it can only turn it on until they do."
          checked={required}
          onChange={(e) => setRequired(e.target.checked)}
          error={requireError ?? undefined}
        />
      )}
      {!required && (
        <form ref={formRef} className="stack" noValidate onSubmit={turnOff}>
          <FormError message={formError} />
          <TextField
            label="To turn it off, type a code from your app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldErrors.code}
          />
          <Button type="submit" variant="secondary" loading={sending}>
            Turn off two-step sign-in
          </Button>
        </form>
      )}
    </div>
  );
}
