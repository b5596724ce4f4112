import { BODY_AREAS, BODY_OUTLINES, BODY_VIEWS, type BodyView, VIEW_LABEL_Y } from '../../../../shared/body-map.js';
import { REGIONS, type Region } from '../../../../shared/vocabulary.js';
import { html, SafeHtml } from '../../../page-kit/html.js';

/*
 * The body map on the client's page: the figure once per page (as <defs>), and per item only the views
 * it needs with only its areas filled. Small enough for a cheap phone, and it prints.
 */

const VIEW_WIDTH = 200;
const HEIGHT = 460;
const hasView = (region: Region, view: BodyView) => BODY_AREAS.some((a) => a.region === region && a.view === view);

/** The fewest views that show every region: back for "back of neck", both for chin tucks (front and back of neck). */
export function viewsFor(regions: Region[]): BodyView[] {
  const frontOnly = regions.some((r) => hasView(r, 'front') && !hasView(r, 'back'));
  const backOnly = regions.some((r) => hasView(r, 'back') && !hasView(r, 'front'));
  if (frontOnly && backOnly) return ['front', 'back'];
  return backOnly ? ['back'] : ['front'];
}

/** The outlines every figure on the page refers to; render once, before the first figure. */
export function figureDefs(views: Set<BodyView>): SafeHtml {
  if (views.size === 0) return new SafeHtml('');
  return html`<svg class="defs" aria-hidden="true" focusable="false"><defs>${[...views].map(
    (v) => html`<path id="body-${v}" d="${BODY_OUTLINES[v]}"/>`,
  )}</defs></svg>`;
}

/** One item's figure: the views it needs, its regions filled in, named for screen readers. */
export function bodyFigure(regions: Region[]): SafeHtml {
  const views = viewsFor(regions);
  const left = views[0] === 'front' ? 0 : VIEW_WIDTH;
  const areas = BODY_AREAS.filter((a) => views.includes(a.view) && regions.includes(a.region));
  const label = `Where you should feel it: ${regions.map((r) => REGIONS[r]).join(', ')}`;
  return html`<svg class="figure figure-${views.length}" viewBox="${left} 0 ${VIEW_WIDTH * views.length} ${HEIGHT}" role="img" aria-label="${label}">${views.map(
    (v) => html`<use href="#body-${v}" class="figure-body"/>`,
  )}${areas.map((a) => html`<path d="${a.d}" class="figure-area"/>`)}${views.map(
    (v) => html`<use href="#body-${v}" class="figure-line"/>`,
  )}${
    views.length > 1 &&
    views.map((v) => html`<text x="${BODY_VIEWS[v].centreX}" y="${VIEW_LABEL_Y}" class="figure-label">${BODY_VIEWS[v].label}</text>`)
  }</svg>`;
}
