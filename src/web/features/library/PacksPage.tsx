import { Link, useLocation } from 'react-router';
import type { Exercise } from '../../../shared/api/exercises.js';
import { api } from '../../api.js';
import { Alert, Button, ButtonLink, Card, ConfirmInline, PageHeader, Spinner } from '../../design/components/index.js';
import type { LibraryReturn } from './ExercisePage.js';
import { findItem, type Pack, useCatalogue, usePacks } from './libraryData.js';
import './library.css';
import './library-forms.css';
import { pages, paths } from '../../paths.js';

/** Starter packs and the practice's own: groups of items for a kind of client. */
export function PacksPage() {
  const packs = usePacks();
  const catalogue = useCatalogue();
  const saved = (useLocation().state as LibraryReturn | null)?.saved;
  const items = catalogue.state.status === 'ready' ? catalogue.state.data.exercises : null;
  const all = packs.state.status === 'ready' ? packs.state.data.packs : [];
  const own = all.filter((p) => p.source === 'custom');
  const starter = all.filter((p) => p.source === 'builtin');

  return (
    <>
      <p className="back-link">
        <Link to="/library">
          <span aria-hidden="true">← </span>Back to the library
        </Link>
      </p>
      <PageHeader
        title="Packs"
        description="Groups of items that suit a kind of client, like desk workers or runners. Open a pack to see its items in the library."
        actions={<ButtonLink to="/library/packs/new">New pack</ButtonLink>}
      />
      {saved && <Alert tone="success">{saved}</Alert>}
      {packs.state.status === 'loading' && <Spinner label="Loading packs…" />}
      {packs.state.status === 'error' && (
        <Alert tone="error" title="The packs did not load">
          <p>{packs.state.message}</p>
          <Button variant="secondary" onClick={packs.reload}>
            Try again
          </Button>
        </Alert>
      )}
      {packs.state.status === 'ready' && (
        <div className="stack-lg">
          <Card title="Your packs">
            {own.length === 0 ? (
              <p className="muted">None yet. Make one from any items, or copy a starter pack below and change it.</p>
            ) : (
              <ul className="plain-list pack-list">
                {own.map((p) => (
                  <PackRow key={p.id} pack={p} items={items} onDeleted={packs.reload} />
                ))}
              </ul>
            )}
          </Card>
          <Card title="Starter packs" description="Carryover’s own. Copy one to make it yours.">
            <ul className="plain-list pack-list">
              {starter.map((p) => (
                <PackRow key={p.id} pack={p} items={items} />
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}

function PackRow({ pack, items, onDeleted }: { pack: Pack; items: Exercise[] | null; onDeleted?: () => void }) {
  const names = items ? pack.exerciseIds.map((id) => findItem(items, id)?.name).filter(Boolean) : [];
  // Once the library is here, count only items that still exist (a deleted custom item may linger in a pack).
  const count = items ? names.length : pack.exerciseIds.length;
  return (
    <li className="pack-row">
      <div className="pack-row__text">
        <h3 className="pack-row__title">{pack.name}</h3>
        {pack.description && <p>{pack.description}</p>}
        <p className="muted small">
          {count === 0 ? 'No items yet' : `${count} ${count === 1 ? 'item' : 'items'}`}
          {names.length > 0 && `: ${names.join(', ')}`}
        </p>
      </div>
      <div className="cluster">
        <ButtonLink variant="secondary" to={pages.library({ pack: pack.id })}>
          Show items<span className="visually-hidden"> of {pack.name}</span>
        </ButtonLink>
        {pack.source === 'custom' ? (
          <>
            <ButtonLink variant="ghost" to={pages.packEdit(pack.id)}>
              Rename or change<span className="visually-hidden"> {pack.name}</span>
            </ButtonLink>
            <DeletePack pack={pack} onDeleted={onDeleted} />
          </>
        ) : (
          <ButtonLink variant="ghost" to={pages.newPack({ from: pack.id })}>
            Copy<span className="visually-hidden"> {pack.name}</span> to your packs
          </ButtonLink>
        )}
      </div>
    </li>
  );
}

function DeletePack({ pack, onDeleted }: { pack: Pack; onDeleted?: () => void }) {
  return (
    <ConfirmInline
      trigger={
        <>
          Delete<span className="visually-hidden"> {pack.name}</span>
        </>
      }
      question={`Delete the pack “${pack.name}”? Its items stay in the library.`}
      confirmLabel="Delete pack"
      onConfirm={async () => {
        await api.delete(paths.pack(pack.id));
        onDeleted?.();
      }}
    />
  );
}
