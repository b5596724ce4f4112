import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { apiKeyCreateBody, type apiKeyCreated, type apiKeySchema } from '../../../shared/api/practice.js';
import { api } from '../../api.js';
import { Alert, Badge, Button, Card, ConfirmInline, Spinner, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { formatDate } from '../../format.js';
import { useForm } from '../../forms.js';
import { paths } from '../../paths.js';
import { useApiQuery } from '../../query.js';
import { NewKeyNotice } from './NewKeyNotice.js';

type ApiKey = z.infer<typeof apiKeySchema>;
type CreatedKey = z.infer<typeof apiKeyCreated>;

/** Keys that let other tools (a booking system, a spreadsheet) use Carryover's API for the practice. */
export function ApiKeysSection() {
  const keys = useApiQuery<{ apiKeys: ApiKey[] }>(paths.apiKeys());
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revokedName, setRevokedName] = useState<string | null>(null);
  const revokedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (revokedName) revokedRef.current?.focus();
  }, [revokedName]);

  return (
    <Card
      title="API keys"
      description="For connecting other tools, such as your booking system, to Carryover. Each key acts for the whole practice."
    >
      {revokedName && (
        <Alert ref={revokedRef} tone="success">
          “{revokedName}” is revoked. Tools using it can no longer connect.
        </Alert>
      )}
      {created && <NewKeyNotice created={created} onDone={() => setCreated(null)} />}
      {keys.state.status === 'loading' && <Spinner label="Loading API keys…" />}
      {keys.state.status === 'error' && <Alert tone="error">{keys.state.message}</Alert>}
      {keys.state.status === 'ready' &&
        (keys.state.data.apiKeys.length === 0 ? (
          <p className="muted">No API keys yet.</p>
        ) : (
          <ul className="plain-list row-list">
            {keys.state.data.apiKeys.map((key) => (
              <ApiKeyRow
                key={key.id}
                apiKey={key}
                onRevoked={() => {
                  setRevokedName(key.name);
                  keys.reload();
                }}
              />
            ))}
          </ul>
        ))}
      <CreateKeyForm
        onCreated={(key) => {
          setRevokedName(null);
          setCreated(key);
          keys.reload();
        }}
      />
    </Card>
  );
}

function ApiKeyRow({ apiKey, onRevoked }: { apiKey: ApiKey; onRevoked: () => void }) {
  const used = apiKey.lastUsedAt ? `last used ${formatDate(apiKey.lastUsedAt)}` : 'never used';
  return (
    <li className="row-list__item">
      <div>
        <p className="row-list__title">{apiKey.name}</p>
        <p className="muted small">
          <code>{apiKey.prefix}…</code> · created {formatDate(apiKey.createdAt)} · {used}
        </p>
      </div>
      {apiKey.revokedAt ? (
        <Badge tone="danger">Revoked {formatDate(apiKey.revokedAt)}</Badge>
      ) : (
        <ConfirmInline
          trigger="Revoke"
          triggerVariant="secondary"
          triggerLabel={`Revoke ${apiKey.name}`}
          question={`Revoke “${apiKey.name}”? Tools using it stop working at once.`}
          confirmLabel="Yes, revoke"
          onConfirm={async () => {
            await api.delete(paths.apiKey(apiKey.id));
            onRevoked();
          }}
        />
      )}
    </li>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedKey) => void }) {
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [name, setName] = useState('');

  function create(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: apiKeyCreateBody,
      values: { name },
      send: async (body) => {
        onCreated(await api.post<CreatedKey>(paths.apiKeys(), body));
        setName('');
      },
    });
  }

  return (
    <form ref={formRef} className="stack subsection" noValidate onSubmit={create}>
      <h3>Create a key</h3>
      <FormError message={formError} />
      <TextField
        label="Key name"
        name="name"
        autoComplete="off"
        hint="Say what will use it, so you know which one to revoke later."
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldErrors.name}
      />
      <div>
        <Button type="submit" variant="secondary" loading={sending}>
          {sending ? 'Creating…' : 'Create key'}
        </Button>
      </div>
    </form>
  );
}
