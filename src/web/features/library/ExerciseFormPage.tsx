import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import type { Exercise } from '../../../shared/api/exercises.js';
import { api } from '../../api.js';
import { Alert, Button, PageHeader, Spinner } from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { ExerciseForm } from './ExerciseForm.js';
import { ItemNotFound, type LibraryReturn } from './ExercisePage.js';
import { draftFrom, emptyDraft } from './exerciseDraft.js';
import { useCatalogue } from './libraryData.js';
import './library.css';
import './library-forms.css';
import { pages, paths } from '../../paths.js';

const itemPath = (id: string) => pages.libraryItem(id);

/** Write a new item from scratch, or start from a copy of another (?copy=id). */
export function NewExercisePage() {
  const [params] = useSearchParams();
  const copyOf = params.get('copy');
  const navigate = useNavigate();
  const original = useApiQuery<Exercise>(copyOf ? paths.exercise(copyOf) : null);
  const catalogue = useCatalogue();

  const title = copyOf ? 'Make your own version' : 'Write an item';
  const loading = catalogue.state.status === 'loading' || (copyOf !== null && original.state.status === 'loading');
  const failed = [catalogue.state, copyOf ? original.state : null].find((s) => s?.status === 'error');

  return (
    <>
      <PageHeader title={title} description="Your practice’s own self-care item. Only your practice sees it." />
      {loading && <Spinner label="Getting the form ready…" />}
      {failed?.status === 'error' && (
        <Alert tone="error" title={copyOf && failed.error?.status === 404 ? 'The item to copy was not found' : 'The form did not load'}>
          <p>{failed.message}</p>
          <Button
            variant="secondary"
            onClick={() => {
              catalogue.reload();
              original.reload();
            }}
          >
            Try again
          </Button>
        </Alert>
      )}
      {!loading && !failed && catalogue.state.status === 'ready' && (
        <>
          {copyOf && original.state.status === 'ready' && (
            <Alert tone="info" className="library-intro">
              You are starting from “{original.state.data.name}”. Change what you like; the original stays in the library as it is.
            </Alert>
          )}
          <ExerciseForm
            initial={copyOf && original.state.status === 'ready' ? draftFrom(original.state.data) : emptyDraft()}
            catalogue={catalogue.state.data.exercises}
            saveLabel="Save item"
            cancelTo={copyOf ? itemPath(copyOf) : '/library'}
            save={async (body) => {
              const created = await api.post<Exercise>(paths.exercises(), copyOf ? { ...body, basedOn: copyOf } : body);
              navigate(itemPath(created.id), {
                state: { saved: 'Saved. Add a photo or a short video below if it helps.' } satisfies LibraryReturn,
              });
            }}
          />
        </>
      )}
    </>
  );
}

/** Change one of the practice's own items. */
export function EditExercisePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const back = (useLocation().state as LibraryReturn | null)?.back;
  const item = useApiQuery<Exercise>(paths.exercise(id));
  const catalogue = useCatalogue();

  if (item.state.status === 'error' && item.state.error?.status === 404) return <ItemNotFound />;
  const ready = item.state.status === 'ready' && catalogue.state.status === 'ready';
  const failed = [item.state, catalogue.state].find((s) => s.status === 'error');
  const exercise = item.state.status === 'ready' ? item.state.data : null;

  return (
    <>
      <PageHeader title={exercise ? `Edit “${exercise.name}”` : 'Edit item'} />
      {!ready && !failed && <Spinner label="Loading the item…" />}
      {failed?.status === 'error' && (
        <Alert tone="error" title="The item did not load">
          <p>{failed.message}</p>
          <Button
            variant="secondary"
            onClick={() => {
              item.reload();
              catalogue.reload();
            }}
          >
            Try again
          </Button>
        </Alert>
      )}
      {exercise?.source === 'builtin' && (
        <Alert tone="info" title="Built-in items cannot be changed">
          Make your own version of it instead, from the item’s page.
        </Alert>
      )}
      {ready && exercise?.source === 'custom' && catalogue.state.status === 'ready' && (
        <ExerciseForm
          initial={draftFrom(exercise)}
          catalogue={catalogue.state.data.exercises}
          selfId={exercise.id}
          saved={exercise}
          saveLabel="Save changes"
          cancelTo={itemPath(exercise.id)}
          save={async (body) => {
            const { basedOn: _ignored, slug: _slug, ...changes } = body;
            // A field left empty is removed (null), not left as it was.
            const cleared = { pose: changes.pose ?? null, drawing: changes.drawing ?? null, getHelp: changes.getHelp ?? null };
            await api.patch<Exercise>(paths.exercise(exercise.id), { ...changes, ...cleared });
            navigate(itemPath(exercise.id), { state: { saved: 'Changes saved.', back } satisfies LibraryReturn });
          }}
        />
      )}
    </>
  );
}
