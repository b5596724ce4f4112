import { useParams } from 'react-router';
import type { Client } from '../../../shared/api/clients.js';
import { Alert, PageHeader, Spinner } from '../../design/components/index.js';
import { useApiData } from '../../useApiData.js';
import { ClientForm } from './ClientForm.js';
import { fullName } from './labels.js';
import './clients.css';

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
  const { state } = useApiData<Client>(`/api/v1/clients/${clientId}`);
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
