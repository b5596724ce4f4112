import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { Exercise } from '../../../shared/api/exercises.js';
import { api } from '../../api.js';
import { TeachInRoomBadge } from '../../components/ItemSafety.js';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  CompassIcon,
  ConfirmInline,
  EmptyState,
  PageHeader,
  Spinner,
} from '../../design/components/index.js';
import { useApiQuery } from '../../query.js';
import { ExerciseSheet } from './ExerciseSheet.js';
import { FavouriteButton } from './FavouriteButton.js';
import { useCatalogue } from './libraryData.js';
import { itemKind } from './libraryText.js';
import { MediaSection } from './MediaSection.js';
import './library.css';
import './exercise-sheet.css';
import './library-print.css';
import { pages, paths } from '../../paths.js';

/** Where "Back to the library" goes: the filtered list the therapist came from, when there was one. */
export interface LibraryReturn {
  back?: string;
  saved?: string;
}

const safeBack = (back: unknown) => (typeof back === 'string' && back.startsWith('/library') ? back : '/library');

export function ExercisePage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const state = (location.state ?? {}) as LibraryReturn;
  const item = useApiQuery<Exercise>(paths.exercise(id));
  const hasVariations = item.state.status === 'ready' && item.state.data.easier.length + item.state.data.harder.length > 0;
  const catalogue = useCatalogue(hasVariations);
  const back = safeBack(state.back);

  // A link to another item keeps this page: show the spinner, not the last item, until the new one is here.
  const shown = item.state.status === 'ready' && (item.state.data.id === id || item.state.data.slug === id);
  if (item.state.status === 'loading' || (item.state.status === 'ready' && !shown)) return <Spinner label="Loading the item…" />;
  if (item.state.status === 'error') {
    if (item.state.error?.status === 404) return <ItemNotFound />;
    return (
      <>
        <PageHeader title="Library item" />
        <Alert tone="error" title="The item did not load">
          <p>{item.state.message}</p>
          <Button variant="secondary" onClick={item.reload}>
            Try again
          </Button>
        </Alert>
      </>
    );
  }
  const exercise = item.state.data;
  const setExercise = item.setData;

  return (
    <article className="exercise-page">
      <p className="back-link no-print">
        <Link to={back}>
          <span aria-hidden="true">← </span>Back to the library
        </Link>
      </p>
      <PageHeader
        title={exercise.name}
        description={
          <>
            <p>{exercise.purpose}</p>
            <p className="cluster exercise-page__badges">
              <Badge tone={exercise.source === 'custom' ? 'success' : 'neutral'}>{itemKind(exercise)}</Badge>
              <TeachInRoomBadge item={exercise} />
            </p>
          </>
        }
        actions={<ItemActions item={exercise} back={back} />}
      />
      {state.saved && (
        <Alert tone="success" className="no-print">
          {state.saved}
        </Alert>
      )}
      <ExerciseSheet item={exercise} catalogue={catalogue.state.status === 'ready' ? catalogue.state.data.exercises : null} />
      <MediaSection
        key={exercise.id}
        itemId={exercise.id}
        itemName={exercise.name}
        media={exercise.media}
        editable={exercise.source === 'custom'}
        onChange={(media) => setExercise({ ...exercise, media })}
      />
    </article>
  );
}

function ItemActions({ item, back }: { item: Exercise; back: string }) {
  return (
    <div className="cluster no-print">
      <FavouriteButton key={item.id} itemId={item.id} itemName={item.name} favourite={item.favourite} />
      <Button variant="secondary" onClick={() => window.print()}>
        Print
      </Button>
      {item.source === 'builtin' ? (
        <ButtonLink variant="secondary" to={pages.newLibraryItem({ copy: item.id })}>
          Make your own version
        </ButtonLink>
      ) : (
        <>
          <ButtonLink variant="secondary" to={pages.libraryItemEdit(item.id)} state={{ back }}>
            Edit
          </ButtonLink>
          <DeleteItem item={item} />
        </>
      )}
    </div>
  );
}

function DeleteItem({ item }: { item: Exercise }) {
  const navigate = useNavigate();
  return (
    <ConfirmInline
      trigger="Delete"
      question="Delete this item and its photos and videos? This cannot be undone."
      confirmLabel="Delete item"
      onConfirm={async () => {
        await api.delete(paths.exercise(item.id));
        navigate('/library?source=custom', { state: { saved: `Deleted “${item.name}”.` } });
      }}
    />
  );
}

export function ItemNotFound() {
  return (
    <>
      <PageHeader title="Item not found" />
      <EmptyState
        icon={CompassIcon}
        title="We could not find that item"
        action={
          <ButtonLink to="/library" variant="secondary">
            Go to the library
          </ButtonLink>
        }
      >
        <p>It may have been deleted, or the link may be wrong.</p>
      </EmptyState>
    </>
  );
}
