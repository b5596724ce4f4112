import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { resetConfirmBody } from '../../../shared/api/auth.js';
import { api } from '../../api.js';
import { Alert, Button, ButtonLink, Card, PageHeader, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import './auth.css';
import { paths } from '../../paths.js';

type Stage = 'choosing' | 'done' | 'expired';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [password, setPassword] = useState('');
  const [stage, setStage] = useState<Stage>(token ? 'choosing' : 'expired');

  function savePassword(event: FormEvent<HTMLFormElement>) {
    if (!resetConfirmBody.shape.token.safeParse(token).success) {
      event.preventDefault();
      setStage('expired');
      return;
    }
    return submit(event, {
      schema: resetConfirmBody,
      values: { token, password },
      send: async (body) => {
        await api.post(paths.passwordResetConfirm(), body);
        setStage('done');
      },
      onApiError: (error) => {
        if (error.code !== 'invalid_token' && !error.fields.token) return false;
        setStage('expired');
        return true;
      },
    });
  }

  return (
    <>
      <PageHeader title="Choose a new password" />
      <Card>
        {stage === 'done' && (
          <div className="stack">
            <Alert tone="success" title="Your password is changed">
              For your safety, every device that was signed in has been signed out.
            </Alert>
            <ButtonLink to="/signin">Sign in with your new password</ButtonLink>
          </div>
        )}
        {stage === 'expired' && (
          <div className="stack">
            <Alert tone="error" title="This link has expired or was already used">
              Reset links work once, for 1 hour. Ask for a new one and use the newest email.
            </Alert>
            <ButtonLink to="/forgot-password" variant="secondary">
              Ask for a new link
            </ButtonLink>
          </div>
        )}
        {stage === 'choosing' && (
          <form ref={formRef} className="auth-form" noValidate onSubmit={savePassword}>
            <FormError message={formError} />
            <TextField
              label="New password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters."
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldErrors.password}
            />
            <Button type="submit" loading={sending}>
              {sending ? 'Saving…' : 'Save new password'}
            </Button>
          </form>
        )}
      </Card>
      <p className="auth-links">
        <Link to="/signin">Back to sign in</Link>
      </p>
    </>
  );
}
