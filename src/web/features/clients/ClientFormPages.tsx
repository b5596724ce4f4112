import { useParams } from 'react-router';
import type { Client } from '../../../shared/api/clients.js';
import { Alert, PageHeader, Spinner } from '../../design/components/index.js';
import { fullName } from '../../format.js';
import { useApiQuery } from '../../query.js';
import { ClientForm } from './ClientForm.js';
import './clients.css';
import { paths } from '../../paths.js';

export function NewClientPage() {
  return (
    <>
      <PageHeader
        title="Add a client"
        description="Only a first name is needed now. Fill in the rest, or send them the intake form later."
      />
      <ClientForm />
    </>
  );
}

export function EditClientPage() {
  const { clientId } = useParams();
  const { state } = useApiQuery<Client>(paths.client(clientId ?? ''));
  if (state.status === 'loading')
    return (
      <>
        <PageHeader title="Edit client" />
        <Spinner label="Opening the client…" />
      </>
    );
  if (state.status === 'error')
    return (
      <>
        <PageHeader title="Client not found" />
        <Alert tone="error">{state.message}</Alert>
      </>
    );
  return (
    <>
      <PageHeader title={`Edit ${fullName(state.data)}`} description="Contact details and intake." />
      <ClientForm client={state.data} />
    </>
  );
}
