import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { type Client, clientBody, clientPatch, type Intake } from '../../../shared/api/clients.js';
import { api } from '../../api.js';
import { CheckboxField, FormActions, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import { pages, paths } from '../../paths.js';
import { emptyIntake, IntakeFields } from './IntakeFields.js';

interface Values {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  consentToEmail: boolean;
  intake: Intake;
}

const valuesOf = (c?: Client): Values => ({
  firstName: c?.firstName ?? '',
  lastName: c?.lastName ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  consentToEmail: c?.consentToEmail ?? false,
  intake: c?.intake ?? emptyIntake(),
});

const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** What the API takes: empty optional text is sent as "none" (null), not as an empty string. */
function bodyOf(v: Values) {
  return {
    firstName: v.firstName,
    lastName: v.lastName.trim(),
    email: orNull(v.email),
    phone: orNull(v.phone),
    consentToEmail: v.consentToEmail,
    intake: {
      ...v.intake,
      complaintNotes: orNull(v.intake.complaintNotes),
      goals: orNull(v.intake.goals),
      cautionNotes: orNull(v.intake.cautionNotes),
    },
  };
}

/** Adds a client, or changes one: contact details and the whole intake on one page. */
export function ClientForm({ client }: { client?: Client }) {
  const navigate = useNavigate();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [values, setValues] = useState(() => valuesOf(client));
  const text = (field: 'firstName' | 'lastName' | 'email' | 'phone') => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  function save(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: client ? clientPatch : clientBody,
      values: bodyOf(values),
      send: async (body) => {
        const saved = client ? await api.patch<Client>(paths.client(client.id), body) : await api.post<Client>(paths.clients(), body);
        navigate(pages.client(saved.id), { state: { notice: client ? 'Changes saved.' : `${saved.firstName} is added.` } });
      },
    });
  }

  return (
    <form ref={formRef} className="stack-lg client-form" noValidate onSubmit={save}>
      <FormError message={formError} />
      <section className="stack" aria-labelledby="contact-title">
        <h2 id="contact-title" className="form-section__title">
          Contact
        </h2>
        <div className="form-grid">
          <TextField
            label="First name"
            name="firstName"
            autoComplete="off"
            value={values.firstName}
            onChange={text('firstName')}
            error={fieldErrors.firstName}
          />
          <TextField
            label="Last name"
            name="lastName"
            optional
            autoComplete="off"
            value={values.lastName}
            onChange={text('lastName')}
            error={fieldErrors.lastName}
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            optional
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            hint="Their homework is emailed here after each session, because they gave it for that. Leave it empty to print the handout instead."
            value={values.email}
            onChange={text('email')}
            error={fieldErrors.email}
          />
          <TextField
            label="Phone"
            name="phone"
            type="tel"
            optional
            inputMode="tel"
            autoComplete="off"
            value={values.phone}
            onChange={text('phone')}
            error={fieldErrors.phone}
          />
        </div>
        <CheckboxField
          name="consentToEmail"
          label="They agreed to reminder and come-back emails"
          hint="Reminders to do their homework, and one note if they stop booking, go only with this ticked. They can stop them at any time."
          checked={values.consentToEmail}
          onChange={(e) => setValues((v) => ({ ...v, consentToEmail: e.target.checked }))}
          error={fieldErrors.consentToEmail}
        />
      </section>
      <IntakeFields
        value={values.intake}
        onChange={(intake) => setValues((v) => ({ ...v, intake }))}
        errors={fieldErrors}
        selfId={client?.id}
      />
      <FormActions
        sticky
        label={client ? 'Save changes' : 'Add client'}
        sending={sending}
        cancelTo={client ? pages.client(client.id) : pages.clients()}
      />
    </form>
  );
}
