import type { ReactNode } from 'react';
import { CATEGORIES, COMPLAINTS, REGIONS, type Region, TOOLS } from '../../../shared/vocabulary.js';
import { BodyMap } from '../../components/BodyMap.js';
import { FieldFrame } from '../../design/components/Field.js';
import type { Pack } from './libraryData.js';
import { optionsOf, SOURCES, type Vocabulary } from './libraryText.js';
import type { FilterKey, Filters } from './useLibraryFilters.js';

interface LibraryFiltersProps {
  filters: Filters;
  setFilter: (key: FilterKey, value: string | undefined) => void;
  packs: Pack[] | null;
  onSkipToResults: () => void;
}

/** The body map and the filter menus beside the list; every choice goes into the URL. */
export function LibraryFilters({ filters, setFilter, packs, onSkipToResults }: LibraryFiltersProps) {
  const region = filters.region as Region | undefined;
  const starter = packs?.filter((p) => p.source === 'builtin') ?? [];
  const own = packs?.filter((p) => p.source === 'custom') ?? [];
  const knownPack = !filters.pack || packs === null || packs.some((p) => p.id === filters.pack);

  return (
    <section className="library-filters" aria-labelledby="library-filters-title">
      <h2 id="library-filters-title" className="visually-hidden">
        Filters
      </h2>
      <button type="button" className="skip-inline" onClick={onSkipToResults}>
        Skip the body map and filters
      </button>
      <div className="library-filters__map">
        <p className="library-filters__map-hint small muted">Tap an area to show items for it; tap it again to show all.</p>
        <BodyMap
          label="Body areas: choose one to filter the library"
          size="medium"
          selectedRegions={region ? [region] : []}
          onSelect={(tapped) => setFilter('region', tapped === region ? undefined : tapped)}
        />
      </div>
      <FilterSelect label="Body area" name="region" value={filters.region} onChange={(v) => setFilter('region', v)} any="All areas">
        <Options vocabulary={REGIONS} />
      </FilterSelect>
      <FilterSelect
        label="Complaint"
        name="complaint"
        value={filters.complaint}
        onChange={(v) => setFilter('complaint', v)}
        any="Any complaint"
      >
        <Options vocabulary={COMPLAINTS} />
      </FilterSelect>
      <FilterSelect label="Tool at home" name="tool" value={filters.tool} onChange={(v) => setFilter('tool', v)} any="Any tool, or none">
        <option value="none">Needs no tools</option>
        <Options vocabulary={TOOLS} />
      </FilterSelect>
      <FilterSelect
        label="Kind of item"
        name="category"
        value={filters.category}
        onChange={(v) => setFilter('category', v)}
        any="All kinds"
      >
        <Options vocabulary={CATEGORIES} />
      </FilterSelect>
      <FilterSelect label="Show" name="source" value={filters.source} onChange={(v) => setFilter('source', v)} any="All items">
        <Options vocabulary={SOURCES} />
      </FilterSelect>
      <FilterSelect label="Pack" name="pack" value={filters.pack} onChange={(v) => setFilter('pack', v)} any="Any pack">
        {!knownPack && <option value={filters.pack}>A pack that no longer exists</option>}
        {starter.length > 0 && (
          <optgroup label="Starter packs">
            {starter.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        )}
        {own.length > 0 && (
          <optgroup label="Your packs">
            {own.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        )}
      </FilterSelect>
    </section>
  );
}

function Options({ vocabulary }: { vocabulary: Vocabulary }) {
  return optionsOf(vocabulary).map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

interface FilterSelectProps {
  label: string;
  name: string;
  value: string | undefined;
  /** The first option, which clears this filter. */
  any: string;
  onChange: (value: string | undefined) => void;
  children: ReactNode;
}

/** A select that narrows the list; unlike a form field it is never required. */
function FilterSelect({ label, name, value, any, onChange, children }: FilterSelectProps) {
  return (
    <FieldFrame label={label}>
      {(ids) => (
        <select
          id={ids.id}
          name={name}
          className="field__control field__select"
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{any}</option>
          {children}
        </select>
      )}
    </FieldFrame>
  );
}
