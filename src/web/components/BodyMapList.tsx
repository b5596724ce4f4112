import { BODY_AREAS } from '../../shared/body-map.js';
import { REGIONS, type Region } from '../../shared/vocabulary.js';

/** Regions drawn only on the midline (head, back of neck…): no side to choose there. */
const MIDLINE = new Set(BODY_AREAS.map((a) => a.region).filter((r) => BODY_AREAS.every((a) => a.region !== r || a.side === 'center')));
const ON_MAP = (Object.keys(REGIONS) as Region[]).filter((r) => BODY_AREAS.some((a) => a.region === r));

interface BodyMapListProps {
  label: string;
  onSelect: (region: Region, side: 'left' | 'right' | undefined) => void;
  /** Whether this region (and side, when given) is marked or chosen now. */
  isOn: (region: Region, side: 'left' | 'right' | undefined) => boolean;
  /** Choosing regions only (a filter): one button a region, no sides. */
  regionsOnly: boolean;
}

/**
 * The body map's areas as a list of buttons, for a phone: many areas of the drawing are smaller
 * than a fingertip there, and every button here is at least 44 px tall.
 */
export function BodyMapList({ label, onSelect, isOn, regionsOnly }: BodyMapListProps) {
  return (
    <fieldset className="body-map-list">
      <legend className="body-map-list__legend">{label}</legend>
      <ul className="body-map-list__rows">
        {ON_MAP.map((region) => {
          const sides: ('left' | 'right' | undefined)[] = regionsOnly || MIDLINE.has(region) ? [undefined] : ['left', 'right'];
          return (
            <li key={region} className="body-map-list__row">
              <span className="body-map-list__name" id={`body-map-list-${region}`}>
                {REGIONS[region]}
              </span>
              <span className="body-map-list__sides">
                {sides.map((side) => (
                  <button
                    key={side ?? 'one'}
                    type="button"
                    className="body-map-list__button"
                    aria-pressed={isOn(region, side)}
                    aria-label={side ? `${REGIONS[region]}, ${side}` : REGIONS[region]}
                    onClick={() => onSelect(region, side)}
                  >
                    {side === 'left' ? 'Left' : side === 'right' ? 'Right' : isOn(region, side) ? 'Chosen' : 'Choose'}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
