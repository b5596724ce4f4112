import { useEffect, useState } from 'react';
import type { Exercise } from '../../../shared/api/exercises.js';
import { api, messageOf } from '../../api.js';
import { FieldFrame } from '../../design/components/Field.js';
import { Alert, Spinner } from '../../design/components/index.js';
import { paths } from '../../paths.js';
import type { GiveOptions, Homework, SuggestedItem } from './homeworkData.js';
import { SuggestionCard } from './SuggestionCard.js';

const SHOWN = 6;

interface LibrarySearchProps {
  active: Homework[];
  /** At the cap: the items a found item would replace. */
  replaceable: Homework[];
  clientFirstName: string;
  onGive: (item: SuggestedItem, options: GiveOptions) => Promise<Homework>;
  onChanged: (homework: Homework) => void;
}

type Found =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'error'; message: string }
  | { status: 'found'; items: Exercise[]; total: number };

/** Any item from the library instead of a suggestion, found by what the therapist types. */
export function LibrarySearch({ active, replaceable, clientFirstName, onGive, onChanged }: LibrarySearchProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ status: 'idle' });
  const words = query.trim();

  useEffect(() => {
    if (words.length < 2) {
      setFound({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setFound({ status: 'searching' });
    // Wait for a pause in typing before asking.
    const timer = setTimeout(() => {
      api
        .get<{ exercises: Exercise[]; total: number }>(paths.exercises({ q: words }), { signal: controller.signal })
        .then((data) => setFound({ status: 'found', items: data.exercises.slice(0, SHOWN), total: data.exercises.length }))
        .catch((err: unknown) => {
          if (!controller.signal.aborted) setFound({ status: 'error', message: messageOf(err) });
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [words]);

  return (
    <section className="stack library-search" aria-labelledby="library-search-title">
      <h2 id="library-search-title" className="homework-section__title">
        Or pick any item
      </h2>
      <FieldFrame label="Search the library" hint="A name, a muscle or an area, like “calf” or “levator”.">
        {(ids) => (
          <input
            {...ids}
            type="search"
            name="q"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            className="field__control library-search__input"
          />
        )}
      </FieldFrame>
      <p role="status" className="small muted">
        {found.status === 'found' &&
          (found.total === 0
            ? `Nothing in the library matches “${words}”.`
            : found.total > SHOWN
              ? `${found.total} items match; the first ${SHOWN} are shown.`
              : `${found.total} item${found.total === 1 ? '' : 's'} match.`)}
      </p>
      {found.status === 'searching' && <Spinner label="Searching…" />}
      {found.status === 'error' && <Alert tone="error">{found.message}</Alert>}
      {found.status === 'found' && found.items.length > 0 && (
        <ul className="plain-list suggestion-grid">
          {found.items.map((item) => (
            <li key={item.id} className="suggestion-grid__cell">
              <SuggestionCard
                item={item}
                reasons={[]}
                warnings={[]}
                given={active.find((h) => h.exerciseId === item.id)}
                clientFirstName={clientFirstName}
                replaceable={replaceable}
                onGive={onGive}
                onChanged={onChanged}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
