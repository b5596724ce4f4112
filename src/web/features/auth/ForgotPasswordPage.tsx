import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { resetRequestBody } from '../../../shared/api/auth.js';
import { api } from '../../api.js';
import { Alert, Button, Card, PageHeader, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import './auth.css';
import { paths } from '../../paths.js';

export function ForgotPasswordPage() {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  function askForLink(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: resetRequestBody,
      values: { email },
      send: async (body) => {
        await api.post(paths.passwordReset(), body);
        setSent(true);
      },
    });
  }

  return (
    <>
      <PageHeader
        title="Reset your password"
        description="Enter the email you sign in with. We will email you a link to choose a new password."
      />
      <Card>
        {sent ? (
          <div className="stack">
            <Alert tone="success" title="Check your email">
              If that email has an account, we've sent a link. It works for 1 hour.
            </Alert>
            <p className="muted small">
              No email after a few minutes? Check your spam folder, or <Link to="/mailbox">open the local mailbox</Link> if this Carryover
              has no mail server.
            </p>
          </div>
        ) : (
          <form ref={formRef} className="auth-form" noValidate onSubmit={askForLink}>
            <FormError message={formError} />
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldErrors.email}
            />
            <Button type="submit" loading={sending}>
              {sending ? 'Sending…' : 'Email me a link'}
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
