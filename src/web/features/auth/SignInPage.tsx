import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Me } from '../../../shared/api/auth.js';
import { api } from '../../api.js';
import { Alert, Button, Card, PageHeader, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { safeReturnPath } from '../../layout/guards.js';
import { useSession } from '../../session.js';
import './auth.css';
import { paths } from '../../paths.js';

// The sign-in form paints without zod and the shared schemas (a third of the first screen's
// scripting on a slow phone); they load once the form is touched, well before it is sent.
const loginSchema = () => import('../../../shared/api/auth.js').then((m) => m.loginBody);

export function SignInPage() {
  const { state, signedIn } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState({ email: '', password: '', code: '' });
  // Shown once the server says this account uses two-step sign-in.
  const [askCode, setAskCode] = useState(false);
  const change = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  useEffect(() => {
    if (askCode) formRef.current?.querySelector<HTMLInputElement>('input[name="code"]')?.focus();
  }, [askCode, formRef]);
  const sessionEnded = state.status === 'signed-out' && state.expired;

  function signIn(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: loginSchema,
      values: askCode ? values : { email: values.email, password: values.password },
      onApiError: (err) => {
        if (err.code !== 'two_factor_required') return false;
        setAskCode(true);
        return true;
      },
      send: async (body) => {
        const me = await api.post<Me>(paths.login(), body);
        signedIn(me);
        navigate(safeReturnPath(location.state), { replace: true });
      },
    });
  }

  return (
    <>
      <PageHeader title="Sign in" documentTitle="Sign in" description="Welcome back. Sign in to see your clients and their homework." />
      <Card>
        <form ref={formRef} className="auth-form" noValidate onSubmit={signIn} onFocus={() => loginSchema().catch(() => undefined)}>
          {sessionEnded && !formError && <Alert tone="info">You were signed out. Sign in again to carry on where you were.</Alert>}
          <FormError message={formError} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={values.email}
            onChange={change('email')}
            error={fieldErrors.email}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={values.password}
            onChange={change('password')}
            error={fieldErrors.password}
          />
          {askCode && (
            <TextField
              label="Code from your authenticator app"
              hint="Type the 6-digit code your app shows now. Lost your phone? Type one of your recovery codes."
              name="code"
              autoComplete="one-time-code"
              spellCheck={false}
              value={values.code}
              onChange={change('code')}
              error={fieldErrors.code}
            />
          )}
          <Button type="submit" loading={sending}>
            {sending ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </Card>
      <p className="auth-links">
        <Link to="/forgot-password">Forgot your password?</Link>
        <Link to="/signup">New to Carryover? Create your practice</Link>
      </p>
    </>
  );
}
