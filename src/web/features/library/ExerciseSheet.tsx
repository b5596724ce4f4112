import { Fragment } from 'react';
import { Link } from 'react-router';
import type { Exercise } from '../../../shared/api/exercises.js';
import { BodyMap } from '../../components/BodyMap.js';
import { ItemDrawing } from '../../components/ItemDrawing.js';
import { ItemSafety } from '../../components/ItemSafety.js';
import { pages } from '../../paths.js';
import { findItem } from './libraryData.js';
import {
  categoryLabel,
  cautionsText,
  complaintsText,
  DIFFICULTIES,
  doseRows,
  lifestyleText,
  regionsText,
  toolNeedText,
} from './libraryText.js';

/** Everything about one item, laid out to read on a tablet and to print on one page. */
export function ExerciseSheet({ item, catalogue }: { item: Exercise; catalogue: Exercise[] | null }) {
  return (
    <div className="exercise-sheet">
      <div className="exercise-sheet__aside">
        <div className="exercise-sheet__map">
          <BodyMap
            label={`Areas it works: ${regionsText(item.regions)}`}
            highlighted={item.regions.map((region) => ({ region }))}
            size="small"
          />
        </div>
        <dl className="sheet-facts">
          <dt>Areas</dt>
          <dd>{regionsText(item.regions)}</dd>
          {item.muscles.length > 0 && (
            <>
              <dt>Muscles</dt>
              <dd>{item.muscles.join(', ')}</dd>
            </>
          )}
          <dt>Helps with</dt>
          <dd>{complaintsText(item.complaints)}</dd>
          {item.lifestyle.length > 0 && (
            <>
              <dt>Suits</dt>
              <dd>{lifestyleText(item.lifestyle)}</dd>
            </>
          )}
          <dt>Kind</dt>
          <dd>{categoryLabel(item.category)}</dd>
          <dt>Difficulty</dt>
          <dd>{DIFFICULTIES[item.difficulty]}</dd>
          <dt>Needs at home</dt>
          <dd>
            {item.tools.length === 0 ? (
              'Nothing'
            ) : (
              <ul className="plain-list">
                {item.tools.map((need) => (
                  <li key={need.join()}>{toolNeedText(need)}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <Cautions item={item} />
      </div>

      <div className="exercise-sheet__main">
        <div className="exercise-sheet__drawing">
          <ItemDrawing item={item} size="sheet" eager />
        </div>
        <section aria-labelledby="sheet-steps">
          <h2 id="sheet-steps">How to do it</h2>
          <ol className="sheet-steps">
            {item.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
        <p className="stop-if">
          <strong>Safety: </strong>
          {item.stopIf}
        </p>
        <section aria-labelledby="sheet-dose">
          <h2 id="sheet-dose">How much</h2>
          <dl className="details-list">
            {doseRows(item.dose).map((row) => (
              <Fragment key={row.label}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
        <ItemSafety item={item} />
        <Variations item={item} catalogue={catalogue} />
      </div>
    </div>
  );
}

function Cautions({ item }: { item: Exercise }) {
  return (
    <section className="sheet-cautions" aria-labelledby="sheet-cautions">
      <h2 id="sheet-cautions">Health cautions</h2>
      {item.excludedBy.length === 0 && item.cautionWith.length === 0 && <p>None listed.</p>}
      {item.excludedBy.length > 0 && (
        <p>
          <strong>Not for clients with: </strong>
          {cautionsText(item.excludedBy)}.
        </p>
      )}
      {item.cautionWith.length > 0 && (
        <p>
          <strong>Take care with: </strong>
          {cautionsText(item.cautionWith)}.
        </p>
      )}
    </section>
  );
}

function Variations({ item, catalogue }: { item: Exercise; catalogue: Exercise[] | null }) {
  if (item.easier.length === 0 && item.harder.length === 0) return null;
  const linked = (ids: string[]) => (catalogue ? ids.map((id) => findItem(catalogue, id)).filter((e) => e !== undefined) : []);
  const groups = [
    { title: 'Easier', items: linked(item.easier) },
    { title: 'Harder', items: linked(item.harder) },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="sheet-variations" className="sheet-variations">
      <h2 id="sheet-variations">Easier and harder</h2>
      <dl className="details-list">
        {groups.map((g) => (
          <Fragment key={g.title}>
            <dt>{g.title}</dt>
            <dd>
              <ul className="plain-list">
                {g.items.map((e) => (
                  <li key={e.id}>
                    <Link to={pages.libraryItem(e.id)}>{e.name}</Link>
                  </li>
                ))}
              </ul>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
