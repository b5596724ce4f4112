import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Exercise } from '../../../shared/api/exercises.js';
import { MAX_PACK_ITEMS, packBody } from '../../../shared/api/exercises.js';
import { api } from '../../api.js';
import { FieldFrame } from '../../design/components/Field.js';
import { Alert, FieldGroup, FormActions, PageHeader, Spinner, TextAreaField, TextField } from '../../design/components/index.js';
import { FormError } from '../../FormError.js';
import { useForm } from '../../forms.js';
import type { LibraryReturn } from './ExercisePage.js';
import { type Pack, useCatalogue, usePacks } from './libraryData.js';
import './library.css';
import './library-forms.css';
import { paths } from '../../paths.js';

/** Make a pack (from ?items=a,b or a copy of ?from=pack), or rename and change one of the practice's own (/:id/edit). */
export function PackFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const packs = usePacks();
  const catalogue = useCatalogue();

  const loading = packs.state.status === 'loading' || catalogue.state.status === 'loading';
  const failed = [packs.state, catalogue.state].find((s) => s.status === 'error');
  const all = packs.state.status === 'ready' ? packs.state.data.packs : [];
  const editing = id ? all.find((p) => p.id === id && p.source === 'custom') : undefined;
  const from = all.find((p) => p.id === params.get('from'));
  const title = id ? (editing ? `Change “${editing.name}”` : 'Change pack') : 'New pack';

  return (
    <>
      <p className="back-link">
        <Link to="/library/packs">
          <span aria-hidden="true">← </span>All packs
        </Link>
      </p>
      <PageHeader title={title} />
      {loading && <Spinner label="Getting the form ready…" />}
      {failed?.status === 'error' && <Alert tone="error">{failed.message}</Alert>}
      {!loading && !failed && id && !editing && (
        <Alert tone="error" title="Pack not found">
          It may have been deleted. <Link to="/library/packs">See all packs</Link>
        </Alert>
      )}
      {!loading && !failed && (!id || editing) && catalogue.state.status === 'ready' && (
        <PackForm
          pack={editing}
          initial={
            editing ?? {
              name: from ? `${from.name} (ours)` : '',
              description: from?.description ?? '',
              exerciseIds: from?.exerciseIds ?? (params.get('items')?.split(',').filter(Boolean) ?? []).slice(0, MAX_PACK_ITEMS),
            }
          }
          items={catalogue.state.data.exercises}
        />
      )}
    </>
  );
}

interface PackFormProps {
  pack?: Pack;
  initial: { name: string; description: string | null; exerciseIds: string[] };
  items: Exercise[];
}

function PackForm({ pack, initial, items }: PackFormProps) {
  const navigate = useNavigate();
  const { formRef, fieldErrors, formError, sending, submit } = useForm();
  const [name, setName] = useState(initial.name);
  const [description, setDescription] = useState(initial.description ?? '');
  const [chosen, setChosen] = useState(initial.exerciseIds.filter((i) => items.some((e) => e.id === i)));

  function save(event: FormEvent<HTMLFormElement>) {
    return submit(event, {
      schema: packBody,
      values: { name, description: description.trim() || null, exerciseIds: chosen },
      send: async (body) => {
        if (pack) await api.patch(paths.pack(pack.id), body);
        else await api.post(paths.packs(), body);
        navigate('/library/packs', { state: { saved: `Saved the pack “${body.name}”.` } satisfies LibraryReturn });
      },
    });
  }

  return (
    <form ref={formRef} className="stack-lg" noValidate onSubmit={save}>
      <FormError message={formError} />
      <TextField
        label="Name"
        name="name"
        hint="Like “Desk worker” or “Weekend gardeners”."
        maxLength={80}
        value={name}
        error={fieldErrors.name}
        onChange={(e) => setName(e.target.value)}
      />
      <TextAreaField
        label="What it is for"
        name="description"
        optional
        maxLength={300}
        value={description}
        error={fieldErrors.description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <ItemPicker items={items} chosen={chosen} onChange={setChosen} error={fieldErrors.exerciseIds} />
      <FormActions className="library-form__actions" label="Save pack" sending={sending} cancelTo="/library/packs" />
    </form>
  );
}

function ItemPicker({
  items,
  chosen,
  onChange,
  error,
}: {
  items: Exercise[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const [find, setFind] = useState('');
  const shown = useMemo(() => {
    const words = find.toLowerCase().split(/\s+/).filter(Boolean);
    return items.filter((e) => words.every((w) => `${e.name} ${e.purpose}`.toLowerCase().includes(w)));
  }, [items, find]);
  const full = chosen.length >= MAX_PACK_ITEMS;

  return (
    <FieldGroup legend="Items in the pack" hint={`Tick up to ${MAX_PACK_ITEMS}.`} error={error}>
      {({ describedBy, invalid }) => (
        <div className="stack">
          <p role="status" className="muted">
            {chosen.length === 0
              ? 'No items chosen yet.'
              : `${chosen.length} chosen${full ? ' (the most a pack can hold)' : ''}: ${chosen.map((id) => items.find((e) => e.id === id)?.name).join(', ')}.`}
          </p>
          <FieldFrame label="Find an item">
            {(ids) => (
              <input
                {...ids}
                type="search"
                name="find"
                autoComplete="off"
                className="field__control"
                value={find}
                onChange={(e) => setFind(e.target.value)}
              />
            )}
          </FieldFrame>
          <ul className="plain-list item-picker">
            {shown.map((e) => {
              const checked = chosen.includes(e.id);
              return (
                <li key={e.id}>
                  <label className="item-picker__option">
                    <input
                      type="checkbox"
                      name="exerciseIds"
                      value={e.id}
                      checked={checked}
                      disabled={!checked && full}
                      aria-describedby={describedBy}
                      aria-invalid={invalid}
                      onChange={(ev) => onChange(ev.target.checked ? [...chosen, e.id] : chosen.filter((c) => c !== e.id))}
                    />
                    <span>
                      <span className="item-picker__name">{e.name}</span>
                      <span className="muted small"> — {e.purpose}</span>
                    </span>
                  </label>
                </li>
              );
            })}
            {shown.length === 0 && <li className="muted">No item matches “{find}”.</li>}
          </ul>
        </div>
      )}
    </FieldGroup>
  );
}
