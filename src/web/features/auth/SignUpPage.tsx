import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type Me, signupBody } from '../../../shared/api/auth.js';
import { api } from '../../api.js';
import { Button, Card, PageHeader, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { useSession } from '../../session.js';
import './auth.css';
import { paths } from '../../paths.js';

export function SignUpPage() {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState({ practiceName: '', name: '', email: '', password: '' });
  const change = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  function createAccount(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: signupBody,
      values,
      send: async (body) => {
        const me = await api.post<Me>(paths.signup(), body);
        signedIn(me);
        navigate('/clients', { replace: true });
      },
    });
  }

  return (
    <>
      <PageHeader title="Create your practice" description="Set up Carryover for your practice. You can invite other therapists later." />
      <Card>
        <form ref={formRef} className="auth-form" noValidate onSubmit={createAccount}>
          <FormError message={formError} />
          <TextField
            label="Practice name"
            name="practiceName"
            autoComplete="organization"
            value={values.practiceName}
            onChange={change('practiceName')}
            error={fieldErrors.practiceName}
          />
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            value={values.name}
            onChange={change('name')}
            error={fieldErrors.name}
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
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
            autoComplete="new-password"
            hint="At least 10 characters. A short sentence is easy to remember."
            value={values.password}
            onChange={change('password')}
            error={fieldErrors.password}
          />
          <Button type="submit" loading={sending}>
            {sending ? 'Creating your practice…' : 'Create practice'}
          </Button>
        </form>
      </Card>
      <p className="auth-links">
        <Link to="/signin">Already have an account? Sign in</Link>
      </p>
    </>
  );
}
