import { Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../../NotFoundPage.js';
import { AuditLogPage } from './AuditLogPage.js';
import { EditClientPage, NewClientPage } from './ClientFormPages.js';
import { ClientPage } from './ClientPage.js';
import { ClientsPage } from './ClientsPage.js';
import { ImportPage } from './ImportPage.js';
import { SessionPage } from './SessionPage.js';

/** Everything under /clients: the list, adding and importing, one client, their sessions, the audit log. */
export function ClientsRoutes() {
  return (
    <Routes>
      <Route index element={<ClientsPage />} />
      <Route path="new" element={<NewClientPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="audit-log" element={<AuditLogPage />} />
      <Route path=":clientId" element={<OneClientPage />} />
      <Route path=":clientId/edit" element={<EditClientPage />} />
      <Route path=":clientId/sessions/new" element={<SessionPage />} />
      <Route path=":clientId/sessions/:sessionId" element={<SessionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** A fresh page per client, so going from one client to another (their referrer) never shows the first one's data. */
function OneClientPage() {
  const { clientId } = useParams();
  return <ClientPage key={clientId} />;
}
