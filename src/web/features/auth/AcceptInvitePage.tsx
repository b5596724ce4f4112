import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { Me } from '../../../shared/api/auth.js';
import { acceptInviteBody, type invitationPreview } from '../../../shared/api/practice.js';
import { api } from '../../api.js';
import { Alert, Button, Card, CompassIcon, EmptyState, PageHeader, Spinner, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { useApiQuery } from '../../query.js';
import { useSession } from '../../session.js';
import './auth.css';
import { paths } from '../../paths.js';

type Preview = z.infer<typeof invitationPreview>;

function isGone(status: number) {
  return status === 400 || status === 404 || status === 410;
}

export function AcceptInvitePage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const tokenLooksRight = acceptInviteBody.shape.token.safeParse(token).success;
  const { state } = useApiQuery<Preview>(tokenLooksRight ? paths.invitationPreview(token) : null);
  const [gone, setGone] = useState(!tokenLooksRight);

  useEffect(() => {
    if (state.status === 'error' && state.error && isGone(state.error.status)) setGone(true);
  }, [state]);

  if (gone) return <InvitationGone />;
  if (state.status === 'loading') {
    return (
      <>
        <PageHeader title="Join your practice" />
        <Spinner label="Opening your invitation…" />
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <PageHeader title="Join your practice" />
        <Alert tone="error">{state.message}</Alert>
      </>
    );
  }
  return <AcceptForm token={token} preview={state.data} onGone={() => setGone(true)} />;
}

function AcceptForm({ token, preview, onGone }: { token: string; preview: Preview; onGone: () => void }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState({ name: preview.name ?? '', password: '' });

  function join(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: acceptInviteBody,
      values: { token, ...values },
      send: async (body) => {
        const me = await api.post<Me>(paths.invitationAccept(), body);
        signedIn(me);
        navigate('/clients', { replace: true });
      },
      onApiError: (error) => {
        if (!isGone(error.status) || Object.keys(error.fields).some((f) => f !== 'token')) return false;
        onGone();
        return true;
      },
    });
  }

  return (
    <>
      <PageHeader
        title={`Join ${preview.practiceName}`}
        description="You have been invited to give homework and follow up with clients in this practice. Choose your name and a password to start."
      />
      <Card>
        <form ref={formRef} className="auth-form" noValidate onSubmit={join}>
          <FormError message={formError} />
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            value={preview.email}
            readOnly
            hint="The invitation was sent to this address."
          />
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            value={values.name}
            onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
            error={fieldErrors.name}
          />
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            value={values.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            error={fieldErrors.password}
          />
          <Button type="submit" loading={sending}>
            {sending ? 'Joining…' : `Join ${preview.practiceName}`}
          </Button>
        </form>
      </Card>
    </>
  );
}

function InvitationGone() {
  return (
    <>
      <PageHeader title="This invitation is no longer valid" />
      <EmptyState icon={CompassIcon} title="Ask for a new invitation" action={<Link to="/signin">Already joined? Sign in</Link>}>
        <p>Invitations work once and expire after a week. Ask the practice owner to send you a new one from their settings.</p>
      </EmptyState>
    </>
  );
}
