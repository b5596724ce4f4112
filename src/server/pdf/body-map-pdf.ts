import { BODY_AREAS, BODY_OUTLINES, BODY_VIEWS } from '../../shared/body-map.js';
import type { Region } from '../../shared/vocabulary.js';

/** Draws the body map (only the views that show a target) with the item's regions highlighted. */
export function drawBodyMap(doc: PDFKit.PDFDocument, regions: Region[], box: { x: number; y: number; height: number }) {
  const views = (['front', 'back'] as const).filter((v) => BODY_AREAS.some((a) => a.view === v && regions.includes(a.region)));
  const shown = views.length ? views : (['front'] as const);
  const scale = box.height / 440;
  let x = box.x;
  for (const view of shown) {
    const offsetX = BODY_VIEWS[view].centreX - 100;
    doc.save();
    doc.translate(x - offsetX * scale, box.y).scale(scale);
    doc.path(BODY_OUTLINES[view]).fill('#f1ebe3');
    for (const area of BODY_AREAS.filter((a) => a.view === view)) {
      const hit = regions.includes(area.region);
      doc
        .path(area.d)
        .lineWidth(0.8)
        .fillAndStroke(hit ? '#2f6b63' : '#f1ebe3', '#ffffff');
    }
    doc.path(BODY_OUTLINES[view]).lineWidth(1.4).stroke('#6f6a62');
    doc.restore();
    x += 200 * scale;
  }
  return { width: x - box.x };
}
