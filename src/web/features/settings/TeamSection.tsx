import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import type { Member } from '../../../shared/api/auth.js';
import { type invitationSchema, inviteBody } from '../../../shared/api/practice.js';
import { api } from '../../api.js';
import { Alert, Badge, Button, Card, Spinner, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { formatDate } from '../../format.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { useSignedIn } from '../../session.js';
import { DeactivateMemberDialog } from './DeactivateMemberDialog.js';
import { roleLabels } from './practiceLabels.js';

type Invitation = z.infer<typeof invitationSchema>;

/** Who works in the practice, who has been invited, and a form to invite a therapist (owner only). */
export function TeamSection() {
  const { member: me } = useSignedIn();
  const members = useApiQuery<{ members: Member[] }>(paths.members());
  const invitations = useApiQuery<{ invitations: Invitation[] }>(paths.invitations());
  const [leaving, setLeaving] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const pending = invitations.state.status === 'ready' ? invitations.state.data.invitations.filter((i) => !i.acceptedAt) : [];

  return (
    <Card title="Team" description="Therapists you invite see their own clients and share your library.">
      <h3>Members</h3>
      {members.state.status === 'loading' && <Spinner label="Loading your team…" />}
      {members.state.status === 'error' && <Alert tone="error">{members.state.message}</Alert>}
      {members.state.status === 'ready' && (
        <ul className="plain-list row-list">
          {members.state.data.members.map((m) => (
            <li key={m.id} className="row-list__item">
              <div>
                <p className="row-list__title">
                  {m.name}
                  {m.id === me.id && <span className="muted"> (you)</span>}
                </p>
                <p className="muted small">
                  {m.email}
                  {m.deactivatedAt && ` · deactivated ${formatDate(m.deactivatedAt)}`}
                </p>
              </div>
              <div className="cluster">
                <Badge>{m.deactivatedAt ? 'Deactivated' : roleLabels[m.role]}</Badge>
                {me.role === 'owner' && m.id !== me.id && !m.deactivatedAt && (
                  <Button variant="ghost" onClick={() => setLeaving(m)} aria-label={`Deactivate ${m.name}`}>
                    Deactivate
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {notice && <Alert tone="success">{notice}</Alert>}
      {leaving && members.state.status === 'ready' && (
        <DeactivateMemberDialog
          member={leaving}
          team={members.state.data.members}
          onClose={() => setLeaving(null)}
          onDone={(message) => {
            setLeaving(null);
            setNotice(message);
            members.reload();
          }}
        />
      )}

      <h3>Waiting to join</h3>
      {invitations.state.status === 'loading' && <Spinner label="Loading invitations…" />}
      {invitations.state.status === 'error' && <Alert tone="error">{invitations.state.message}</Alert>}
      {invitations.state.status === 'ready' &&
        (pending.length === 0 ? (
          <p className="muted">No open invitations.</p>
        ) : (
          <ul className="plain-list row-list">
            {pending.map((i) => (
              <li key={i.id} className="row-list__item">
                <div>
                  <p className="row-list__title">{i.name || i.email}</p>
                  <p className="muted small">
                    {i.name ? `${i.email} · ` : ''}
                    {new Date(i.expiresAt) < new Date()
                      ? `Expired ${formatDate(i.expiresAt)}`
                      : `Link works until ${formatDate(i.expiresAt)}`}
                  </p>
                </div>
                <Badge>{roleLabels[i.role]}</Badge>
              </li>
            ))}
          </ul>
        ))}

      <InviteForm onInvited={invitations.reload} />
    </Card>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState({ email: '', name: '' });
  const [sentTo, setSentTo] = useState<Invitation | null>(null);

  function invite(event: FormEvent<HTMLFormElement>) {
    setSentTo(null);
    return submit(event, {
      schema: inviteBody,
      values: { email: values.email, name: values.name.trim() || undefined, role: 'therapist' },
      send: async (body) => {
        const invitation = await api.post<Invitation>(paths.invitations(), body);
        setSentTo(invitation);
        setValues({ email: '', name: '' });
        onInvited();
      },
    });
  }

  return (
    <form ref={formRef} className="stack subsection" noValidate onSubmit={invite}>
      <h3>Invite a therapist</h3>
      <p className="muted">They get an email with a link to choose a password and join your practice.</p>
      <FormError message={formError} />
      {sentTo && (
        <Alert tone="success">
          Invitation sent to {sentTo.email}. The link works until {formatDate(sentTo.expiresAt)}.
        </Alert>
      )}
      <TextField
        label="Their email"
        name="email"
        type="email"
        autoComplete="off"
        inputMode="email"
        spellCheck={false}
        value={values.email}
        onChange={(e) => setValues((v) => ({ ...v, email: e.target.value }))}
        error={fieldErrors.email}
      />
      <TextField
        label="Their name"
        name="name"
        optional
        autoComplete="off"
        value={values.name}
        onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
        error={fieldErrors.name}
      />
      <div>
        <Button type="submit" variant="secondary" loading={sending}>
          {sending ? 'Sending invitation…' : 'Send invitation'}
        </Button>
      </div>
    </form>
  );
}
