import { useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { MAX_PACK_ITEMS } from '../../../shared/api/exercises.js';
import { CATEGORIES, COMPLAINTS, REGIONS } from '../../../shared/vocabulary.js';
import { FieldFrame } from '../../design/components/Field.js';
import { Alert, Button, ButtonLink, EmptyState, LibraryIcon, PageHeader, Spinner } from '../../design/components/index.js';
import { ExerciseCard } from './ExerciseCard.js';
import type { LibraryReturn } from './ExercisePage.js';
import { LibraryFilters } from './LibraryFilters.js';
import { useExerciseList, usePacks } from './libraryData.js';
import { SOURCES, toolNeedText, type Vocabulary } from './libraryText.js';
import { exercisesPath, type FilterKey, type Filters, useLibraryFilters } from './useLibraryFilters.js';
import './library.css';
import { pages } from '../../paths.js';

/** Browse and search the library: the body map and menus narrow the list, the search box narrows it as you type. */
export function LibraryPage() {
  const { filters, searchText, search, setFilter, clearAll, active } = useLibraryFilters();
  const { list, updating, error, retry } = useExerciseList(exercisesPath(filters));
  const packs = usePacks();
  const packList = packs.state.status === 'ready' ? packs.state.data.packs : null;
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const items = list?.exercises ?? [];
  const location = useLocation();
  const saved = (location.state as LibraryReturn | null)?.saved;

  const filterLabel = (key: FilterKey, value: string): string => {
    const vocabularies: Partial<Record<FilterKey, Vocabulary>> = {
      region: REGIONS,
      complaint: COMPLAINTS,
      category: CATEGORIES,
      source: SOURCES,
    };
    if (key === 'tool') return value === 'none' ? 'Needs no tools' : `Uses ${toolNeedText([value]).toLowerCase()}`;
    if (key === 'pack') return `Pack: ${packList ? (packList.find((p) => p.id === value)?.name ?? 'no longer there') : '…'}`;
    return vocabularies[key]?.[value] ?? value;
  };
  const chosen = Object.entries(filters).filter(([key]) => key !== 'q') as [FilterKey, string][];

  return (
    <>
      <PageHeader
        title="Library"
        description="Stretches and self-massage to give as homework: the ones Carryover comes with and your practice’s own."
        actions={
          <div className="cluster">
            <ButtonLink to="/library/packs" variant="secondary">
              Packs
            </ButtonLink>
            <ButtonLink to="/library/new">Write an item</ButtonLink>
          </div>
        }
      />
      {saved && (
        <Alert tone="success" className="library-saved">
          {saved}
        </Alert>
      )}
      <search className="library-search">
        <FieldFrame label="Search the library" hint="By name, what it is for, or a muscle, like “levator”.">
          {(ids) => (
            <input
              {...ids}
              type="search"
              name="q"
              className="field__control library-search__input"
              autoComplete="off"
              spellCheck={false}
              value={searchText}
              onChange={(e) => search(e.target.value)}
            />
          )}
        </FieldFrame>
      </search>

      <div className="library-layout">
        <LibraryFilters filters={filters} setFilter={setFilter} packs={packList} onSkipToResults={() => resultsHeading.current?.focus()} />

        <section className="library-results" aria-labelledby="library-results-title" aria-busy={updating || undefined}>
          <div className="library-results__header">
            <h2 id="library-results-title" ref={resultsHeading} tabIndex={-1}>
              Items
            </h2>
            <p role="status" className="muted">
              {list && !updating && countText(list.total, active)}
            </p>
            {updating && list && (
              <p aria-hidden="true" className="muted">
                Updating…
              </p>
            )}
          </div>

          {chosen.length > 0 && (
            <ul className="plain-list cluster library-chips" aria-label="Filters in use">
              {chosen.map(([key, value]) => (
                <li key={key}>
                  <button type="button" className="filter-chip" onClick={() => setFilter(key, undefined)}>
                    <span className="visually-hidden">Remove filter: </span>
                    {filterLabel(key, value)}
                    <span aria-hidden="true" className="filter-chip__x">
                      ×
                    </span>
                  </button>
                </li>
              ))}
              <li>
                <Button variant="ghost" onClick={clearAll}>
                  Clear all
                </Button>
              </li>
            </ul>
          )}

          {error && (
            <Alert tone="error" title="The library did not load">
              <p>{error}</p>
              <Button variant="secondary" onClick={retry}>
                Try again
              </Button>
            </Alert>
          )}
          {!list && !error && <Spinner label="Loading the library…" />}
          {list && items.length === 0 && !updating && <NothingMatches filters={filters} onClear={clearAll} />}
          {items.length > 0 && (
            <ul className={`plain-list exercise-list${updating ? ' exercise-list--updating' : ''}`}>
              {items.map((item) => (
                <ExerciseCard key={item.id} item={item} back={`/library${location.search}`} />
              ))}
            </ul>
          )}
          {active && !updating && items.length > 0 && items.length <= MAX_PACK_ITEMS && (
            <p>
              <Link className="icon-link" to={pages.newPack({ items: items.map((i) => i.id) })}>
                Make a pack from {items.length === 1 ? 'this item' : `these ${items.length} items`}
              </Link>
            </p>
          )}
        </section>
      </div>
    </>
  );
}

function countText(total: number, filtered: boolean): string {
  const count = total === 0 ? 'No items' : total === 1 ? '1 item' : `${total} items`;
  return filtered ? `${count} ${total === 1 ? 'matches' : 'match'}` : count;
}

function NothingMatches({ filters, onClear }: { filters: Filters; onClear: () => void }) {
  const favourites = filters.source === 'favourites' && Object.keys(filters).length === 1;
  const own = filters.source === 'custom' && Object.keys(filters).length === 1;
  if (favourites) {
    return (
      <EmptyState icon={LibraryIcon} title="No favourites yet" headingLevel={3}>
        <p>Tap the star on an item you give often, and it will be here, one tap away.</p>
      </EmptyState>
    );
  }
  if (own) {
    return (
      <EmptyState
        icon={LibraryIcon}
        title="No items of your own yet"
        headingLevel={3}
        action={<ButtonLink to="/library/new">Write an item</ButtonLink>}
      >
        <p>Write one from scratch, or open a built-in item and make your own version of it.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={LibraryIcon}
      title="Nothing matches"
      headingLevel={3}
      action={
        <Button variant="secondary" onClick={onClear}>
          Show the whole library
        </Button>
      }
    >
      <p>Try fewer filters, or a shorter search.</p>
    </EmptyState>
  );
}
