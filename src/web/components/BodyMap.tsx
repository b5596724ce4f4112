import { type KeyboardEvent, useId, useState } from 'react';
import {
  areaLabel,
  BODY_AREAS,
  BODY_MAP_VIEWBOX,
  BODY_OUTLINES,
  BODY_VIEWS,
  type BodyArea,
  SIDE_MARKERS,
  VIEW_LABEL_Y,
} from '../../shared/body-map.js';
import { REGIONS, type Region, type SIDES } from '../../shared/vocabulary.js';
import { BodyMapList } from './BodyMapList.js';
import { usePhone } from './usePhone.js';
import './BodyMap.css';

type Side = (typeof SIDES)[number];
export interface BodyMapSpot {
  region: Region;
  side?: Side;
}
export type MarkKind = 'worked' | 'more-time';
export interface BodyMapMark extends BodyMapSpot {
  kind: MarkKind;
}

interface BodyMapProps {
  /** Names the map for screen readers, e.g. "Areas this stretch targets". */
  label: string;
  highlighted?: BodyMapSpot[];
  marked?: BodyMapMark[];
  /** Makes every area a button; `side` is undefined for areas on the midline. */
  onSelect?: (region: Region, side: 'left' | 'right' | undefined) => void;
  selectedRegions?: Region[];
  size?: 'small' | 'medium' | 'large';
}

const KIND_LABELS: Record<MarkKind, string> = { worked: 'Worked', 'more-time': 'Needs more time' };
const VIEWS = Object.entries(BODY_VIEWS) as [keyof typeof BODY_VIEWS, (typeof BODY_VIEWS)[keyof typeof BODY_VIEWS]][];
const ON_BOTH_VIEWS = new Set(
  BODY_AREAS.filter((a) => a.view === 'back')
    .map((a) => a.region)
    .filter((r) => BODY_AREAS.some((a) => a.region === r && a.view === 'front')),
);

/** A spot with no side (or both) covers every area of its region; a midline area is covered by either side. */
const covers = (spot: BodyMapSpot, area: BodyArea) =>
  spot.region === area.region && (!spot.side || spot.side === 'both' || area.side === 'center' || spot.side === area.side);

const spotText = (s: BodyMapSpot) => (s.side && s.side !== 'both' ? `${REGIONS[s.region]} (${s.side})` : REGIONS[s.region]);

export function BodyMap(props: BodyMapProps) {
  const phone = usePhone();
  const { onSelect, selectedRegions, marked = [] } = props;
  // On a phone most areas of the drawing are smaller than a fingertip: the drawing shows, a list takes the taps.
  if (!phone || !onSelect) return <BodyMapDrawing {...props} />;
  const isOn = (region: Region, side: 'left' | 'right' | undefined) =>
    selectedRegions
      ? selectedRegions.includes(region)
      : marked.some((m) => covers(m, { region, side: side ?? 'center', view: 'front', d: '' }));
  return (
    <div className="stack">
      <BodyMapDrawing {...props} onSelect={undefined} />
      <BodyMapList label={`${props.label}: choose from the list`} onSelect={onSelect} isOn={isOn} regionsOnly={Boolean(selectedRegions)} />
    </div>
  );
}

function BodyMapDrawing({ label, highlighted = [], marked = [], onSelect, selectedRegions, size = 'medium' }: BodyMapProps) {
  const id = useId().replace(/[^\w-]/g, '');
  const [focused, setFocused] = useState<BodyArea | null>(null);
  const interactive = Boolean(onSelect);

  const description = [
    highlighted.length > 0 && `Highlighted: ${highlighted.map(spotText).join(', ')}.`,
    ...(['worked', 'more-time'] as const).map((kind) => {
      const spots = marked.filter((m) => m.kind === kind);
      return spots.length > 0 && `${KIND_LABELS[kind]}: ${spots.map(spotText).join(', ')}.`;
    }),
  ]
    .filter(Boolean)
    .join(' ');
  const kindsShown = (['worked', 'more-time'] as const).filter((kind) => marked.some((m) => m.kind === kind));

  const areas = BODY_AREAS.map((area) => {
    const marks = marked.filter((m) => covers(m, area));
    const kind: MarkKind | undefined = marks.some((m) => m.kind === 'more-time') ? 'more-time' : marks.length > 0 ? 'worked' : undefined;
    const selected = selectedRegions?.includes(area.region);
    const lit = selected || highlighted.some((h) => covers(h, area));
    const className = `body-map__area${kind ? ` body-map__area--${kind}` : lit ? ' body-map__area--highlighted' : ''}`;
    const key = `${area.view}-${area.region}-${area.side}`;
    if (!onSelect) return <path key={key} d={area.d} className={className} />;
    const name = [areaLabel(area), ON_BOTH_VIEWS.has(area.region) && `${area.view} view`, kind && KIND_LABELS[kind].toLowerCase()]
      .filter(Boolean)
      .join(', ');
    const activate = () => onSelect(area.region, area.side === 'center' ? undefined : area.side);
    return (
      // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; role, tabIndex and keys make it one.
      <path
        key={key}
        d={area.d}
        className={className}
        role="button"
        tabIndex={0}
        aria-label={name}
        aria-pressed={selectedRegions ? Boolean(selected) : undefined}
        onClick={activate}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            activate();
          }
        }}
        onFocus={(e) => setFocused(isFocusVisible(e.currentTarget) ? area : null)}
        onBlur={() => setFocused(null)}
      />
    );
  });

  return (
    <div className={`body-map body-map--${size}${interactive ? ' body-map--interactive' : ''}`}>
      <svg
        className="body-map__map"
        viewBox={BODY_MAP_VIEWBOX}
        role={interactive ? 'group' : 'img'}
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-desc` : undefined}
      >
        <title id={`${id}-title`}>{label}</title>
        {description && <desc id={`${id}-desc`}>{description}</desc>}
        <defs>
          <pattern id={`${id}-hatch`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="2" height="5" className="body-map__hatch-stripe" />
          </pattern>
        </defs>
        {VIEWS.map(([view]) => (
          <path key={view} d={BODY_OUTLINES[view]} className="body-map__figure" />
        ))}
        {areas}
        {/* Stripes over "more time" areas, so colour is not the only cue. */}
        {BODY_AREAS.filter((a) => marked.some((m) => m.kind === 'more-time' && covers(m, a))).map((a) => (
          <path key={`${a.view}-${a.region}-${a.side}-hatch`} d={a.d} fill={`url(#${id}-hatch)`} className="body-map__hatch" />
        ))}
        {VIEWS.map(([view]) => (
          <path key={view} d={BODY_OUTLINES[view]} className="body-map__outline" />
        ))}
        {focused && (
          <g className="body-map__focus">
            <path d={focused.d} className="body-map__focus-halo" />
            <path d={focused.d} className="body-map__focus-ring" />
          </g>
        )}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <g> of text is not focusable; the areas' names already say the side. */}
        <g aria-hidden="true" className="body-map__text">
          {VIEWS.map(([view, { centreX, label: viewLabel }]) => (
            <text key={view} x={centreX} y={VIEW_LABEL_Y} className="body-map__view-label">
              {viewLabel}
            </text>
          ))}
          {SIDE_MARKERS.map((m) => (
            <text key={`${m.view}-${m.side}`} x={m.x} y={m.y} className="body-map__side-marker">
              {m.side === 'left' ? 'L' : 'R'}
            </text>
          ))}
        </g>
      </svg>
      {kindsShown.length > 0 && (
        <ul className="body-map__legend">
          {kindsShown.map((kind) => (
            <li key={kind}>
              <svg viewBox="0 0 16 16" aria-hidden="true" className="body-map__swatch">
                <rect x="1" y="1" width="14" height="14" rx="3" className={`body-map__area body-map__area--${kind}`} />
                {kind === 'more-time' && (
                  <rect x="1" y="1" width="14" height="14" rx="3" fill={`url(#${id}-hatch)`} className="body-map__hatch" />
                )}
              </svg>
              {KIND_LABELS[kind]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The focus ring is drawn on top of every area, and only for keyboard focus. */
function isFocusVisible(el: Element) {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true;
  }
}
