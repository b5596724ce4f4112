import { useState } from 'react';
import { Link } from 'react-router';
import type { Summary } from '../../../shared/api/reports.js';
import { Card } from '../../design/components/index.js';
import { pages } from '../../paths.js';
import { Definition } from './Definition.js';
import { ExportButton } from './ExportButton.js';
import { count, percent } from './numbers.js';

type Item = Summary['topItems'][number];
type SortKey = 'adherence' | 'feltBetter';

const SORTS: { key: SortKey; label: string }[] = [
  { key: 'adherence', label: 'Most done' },
  { key: 'feltBetter', label: 'Most often felt better' },
];

/** The items clients do most, and the ones that most often feel better. */
export function TopItems({ items, definition, fileStem }: { items: Item[]; definition: string | undefined; fileStem: string }) {
  const [sort, setSort] = useState<SortKey>('adherence');
  const sorted = [...items].sort((a, b) => (b[sort] ?? -1) - (a[sort] ?? -1) || a.name.localeCompare(b.name));
  return (
    <Card
      title="Items that work"
      description="Homework given in this period, by how often it was done and how often it felt better."
      actions={items.length > 0 && <ExportButton what="the items" fileName={`${fileStem}-items.csv`} rows={() => itemsCsv(sorted)} />}
    >
      {items.length === 0 ? (
        <p className="muted">No item has three check-ins in this period yet. Items appear here as clients tick off their homework.</p>
      ) : (
        <>
          <fieldset className="sort-switch">
            <legend className="sort-switch__legend">Sort by</legend>
            {SORTS.map((s) => (
              <button
                key={s.key}
                type="button"
                className="sort-switch__option"
                aria-pressed={sort === s.key}
                onClick={() => setSort(s.key)}
              >
                {s.label}
              </button>
            ))}
          </fieldset>
          <div className="dash-table-box">
            <table className="dash-table">
              <caption className="visually-hidden">
                Items that work, sorted by {sort === 'adherence' ? 'homework done' : 'felt better'}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="num">
                    Clients
                  </th>
                  <th scope="col" className="num" aria-sort={sort === 'adherence' ? 'descending' : undefined}>
                    Homework done
                  </th>
                  <th scope="col" className="num" aria-sort={sort === 'feltBetter' ? 'descending' : undefined}>
                    Felt better
                  </th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((item) => (
                  <tr key={item.exerciseId}>
                    <th scope="row">
                      <Link to={pages.libraryItem(item.exerciseId)}>{item.name}</Link>
                    </th>
                    <td className="num">{count(item.clients)}</td>
                    <td className="num">{percent(item.adherence)}</td>
                    <td className="num">{percent(item.feltBetter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Definition subject="items that work" text={definition} />
    </Card>
  );
}

function itemsCsv(items: Item[]) {
  const pct = (v: number | null) => (v === null ? '' : Math.round(v * 100));
  return [
    ['Item', 'Clients', 'Homework done (%)', 'Felt better (%)'],
    ...items.map((i) => [i.name, i.clients, pct(i.adherence), pct(i.feltBetter)]),
  ];
}
