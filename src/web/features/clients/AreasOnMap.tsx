import { useState } from 'react';
import { BODY_AREAS } from '../../../shared/body-map.js';
import type { Region } from '../../../shared/vocabulary.js';
import { BodyMap, type BodyMapMark } from '../../components/BodyMap.js';
import { Button, ChoiceChips } from '../../design/components/index.js';
import { areaText, errorAt, type Side, sideLabels } from './labels.js';

export interface Area {
  region: Region;
  side?: Side;
}
type Mode = 'worked' | 'more-time';
type ListKey = 'areasWorked' | 'areasNeedingMoreTime';
const listOf: Record<Mode, ListKey> = { worked: 'areasWorked', 'more-time': 'areasNeedingMoreTime' };

/** Regions drawn only on the midline (head, back of neck…): a side means nothing there. */
const MIDLINE = new Set(BODY_AREAS.map((a) => a.region).filter((r) => BODY_AREAS.every((a) => a.region !== r || a.side === 'center')));

const sidesOf = (a: Area) => new Set(a.side === 'left' ? ['left'] : a.side === 'right' ? ['right'] : ['left', 'right']);

/**
 * One tap on the map adds that side of the area; a tap on the other side makes it both sides;
 * a tap on a marked side takes it off again.
 */
export function tapArea(list: Area[], region: Region, tapped: 'left' | 'right' | undefined): Area[] {
  const at = list.findIndex((a) => a.region === region);
  if (at === -1) return [...list, tapped ? { region, side: tapped } : { region }];
  if (!tapped) return list.filter((_, i) => i !== at);
  const sides = sidesOf(list[at]);
  if (sides.has(tapped)) sides.delete(tapped);
  else sides.add(tapped);
  if (sides.size === 0) return list.filter((_, i) => i !== at);
  const side: Side = sides.size === 2 ? 'both' : ([...sides][0] as Side);
  return list.map((a, i) => (i === at ? { region, side } : a));
}

interface AreasOnMapProps {
  areasWorked: Area[];
  areasNeedingMoreTime: Area[];
  onChange: (key: ListKey, next: Area[]) => void;
  /** The last area tapped, so a new finding can start there. */
  onTapped?: (area: Area) => void;
  errors: Record<string, string>;
}

/** The body map with a "Worked" / "Needed more time" switch, and the chosen areas listed with their side. */
export function AreasOnMap({ areasWorked, areasNeedingMoreTime, onChange, onTapped, errors }: AreasOnMapProps) {
  const [mode, setMode] = useState<Mode>('worked');
  const lists: Record<ListKey, Area[]> = { areasWorked, areasNeedingMoreTime };
  const marked: BodyMapMark[] = [
    ...areasWorked.map((a) => ({ ...a, kind: 'worked' as const })),
    ...areasNeedingMoreTime.map((a) => ({ ...a, kind: 'more-time' as const })),
  ];

  function tap(region: Region, side: 'left' | 'right' | undefined) {
    const key = listOf[mode];
    onChange(key, tapArea(lists[key], region, side));
    onTapped?.(side ? { region, side } : { region });
  }

  return (
    <div className="areas">
      <div className="areas__map">
        <ChoiceChips
          legend="A tap on the map marks"
          name="mapMode"
          size="large"
          options={[
            { value: 'worked', label: 'Worked' },
            { value: 'more-time', label: 'Needed more time' },
          ]}
          value={mode}
          onChange={setMode}
          className={`areas__mode areas__mode--${mode}`}
        />
        <BodyMap label="Body map: tap an area to mark it" marked={marked} onSelect={tap} size="large" />
      </div>
      <div className="areas__lists">
        {(['areasWorked', 'areasNeedingMoreTime'] as const).map((key) => (
          <AreaList
            key={key}
            title={key === 'areasWorked' ? 'Worked' : 'Needed more time'}
            listKey={key}
            areas={lists[key]}
            onChange={(next) => onChange(key, next)}
            errors={errors}
          />
        ))}
      </div>
    </div>
  );
}

function AreaList({
  title,
  listKey,
  areas,
  onChange,
  errors,
}: {
  title: string;
  listKey: ListKey;
  areas: Area[];
  onChange: (next: Area[]) => void;
  errors: Record<string, string>;
}) {
  const listError = errors[listKey];
  return (
    <section className={`area-list area-list--${listKey}`} aria-label={title}>
      <h3 className="area-list__title">{title}</h3>
      {listError && <p className="field__error">{listError}</p>}
      {areas.length === 0 ? (
        <p className="muted small">None marked.</p>
      ) : (
        <ul className="plain-list stack area-list__items">
          {areas.map((a, i) => {
            const error = errorAt(errors, `${listKey}.${i}`);
            return (
              <li key={a.region} className="area-list__item">
                <div className="area-list__row">
                  <span className="area-list__name">{areaText({ region: a.region })}</span>
                  <Button variant="ghost" className="area-list__remove" onClick={() => onChange(areas.filter((_, j) => j !== i))}>
                    Remove
                    <span className="visually-hidden">
                      {' '}
                      {areaText(a)} from {title.toLowerCase()}
                    </span>
                  </Button>
                </div>
                {!MIDLINE.has(a.region) && (
                  <ChoiceChips
                    legend={`Side for ${areaText({ region: a.region })}, ${title.toLowerCase()}`}
                    hideLegend
                    name={`${listKey}-${a.region}-side`}
                    options={(['left', 'right', 'both'] as const).map((s) => ({ value: s, label: sideLabels[s] }))}
                    value={a.side ?? 'both'}
                    onChange={(side) => onChange(areas.map((x, j) => (j === i ? { ...x, side } : x)))}
                    error={error}
                    className="area-list__sides"
                  />
                )}
                {MIDLINE.has(a.region) && error && <p className="field__error">{error}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
