import SVGtoPDF from 'svg-to-pdfkit';
import type { ClientCopy } from '../../shared/client-copy.js';
import { describeDose } from '../../shared/dose.js';
import type { Dose, ExerciseContent } from '../../shared/exercise.js';
import type { RenderedDrawing } from '../features/library/drawing-files.js';
import { band, type Column, columnOf, type Flow, paragraph, room, textHeight } from './flow.js';

export interface HandoutItem {
  exercise: Pick<ExerciseContent, 'slug' | 'name' | 'purpose' | 'category' | 'regions' | 'steps' | 'stopIf' | 'pose' | 'drawing'>;
  dose: Dose;
  note: string | null;
  /** The don'ts, tips, get-help and watch-for lines this client reads. */
  copy: ClientCopy;
}

/** How big things are drawn; the handout tries the largest first and shrinks until it fits. */
export interface HandoutStyle {
  /** Body text, in points. */
  size: number;
  /** The tallest a drawing may be, in points. */
  drawing: number;
}

export const COLOURS = {
  ink: '#1f2a2a',
  soft: '#4a5555',
  accent: '#2f6b63',
  line: '#cfc8bd',
  stopBg: '#fbf3dc',
  stopInk: '#5b4a12',
  helpBg: '#fbeee6',
  helpInk: '#7a2e12',
};

const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const GAP = 14;

/** "This week" and seven boxes, one a day, for a client who ticks on paper; answers its height. */
function tickRow(flow: Flow, x: number, y: number, width: number, size: number) {
  const label = size * 0.8;
  const lead = 'This week:';
  flow.doc.font('bold').fontSize(label);
  const leadWidth = flow.doc.widthOfString(lead) + 6;
  const cell = Math.min((width - leadWidth) / 7, size * 3.2);
  const height = size * 1.9;
  if (flow.draw) {
    const { doc } = flow;
    doc.fillColor(COLOURS.ink).text(lead, x, y + (height - label) / 2, { lineBreak: false });
    WEEK.forEach((day, i) => {
      const cx = x + leadWidth + i * cell;
      doc
        .lineWidth(0.8)
        .rect(cx + 1, y, cell - 2, height)
        .stroke(COLOURS.ink);
      doc
        .font('body')
        .fontSize(label * 0.85)
        .fillColor(COLOURS.soft)
        .text(day, cx + 3, y + 2, { lineBreak: false });
    });
  }
  return height;
}

/** Room for the drawing's box: beside the text in a wide column, above it in a narrow one. */
function drawingBox(column: Column, aspect: number, style: HandoutStyle) {
  const beside = column.width >= 380;
  const maxWidth = beside ? column.width * 0.42 : column.width;
  const height = Math.min(style.drawing, maxWidth / aspect);
  const width = height * aspect;
  // The tick row needs about 20 ems; beside the text the column is at least that wide.
  const boxWidth = beside ? Math.max(width, Math.min(maxWidth, style.size * 20)) : column.width;
  return { beside, width, height, boxWidth };
}

/** One item: name; drawing with the week's tick boxes; how much and how to do it; the don'ts and tips; stop and get-help lines. */
export function itemBlock(
  flow: Flow,
  o: {
    item: HandoutItem;
    number: number;
    drawing: Pick<RenderedDrawing, 'svg' | 'width' | 'height'>;
    therapistName: string;
    style: HandoutStyle;
  },
) {
  const { item, style } = o;
  const { exercise, copy } = item;
  const size = style.size;
  const column = columnOf(flow);
  const box = drawingBox(column, o.drawing.width / o.drawing.height, style);
  const tickWidth = Math.min(box.boxWidth, size * 28);
  const leftH = box.height + 6 + size * 1.9;
  const title = { font: 'bold' as const, size: size + 3.5, color: COLOURS.ink, after: 4 };
  const titleText = `${o.number}. ${exercise.name}`;
  room(flow, textHeight(flow, titleText, title, column.width) + 4 + leftH);
  paragraph(flow, titleText, title);

  const { x } = columnOf(flow);
  const leftTop = flow.y;
  const leftPage = flow.page;
  if (flow.draw) {
    // Sized by the box given here, in points, not by the drawing's own pixel size.
    const svg = o.drawing.svg
      .replace(/^(<svg\b[^>]*?)\s(?:width|height)="[^"]*"/, '$1')
      .replace(/^(<svg\b[^>]*?)\s(?:width|height)="[^"]*"/, '$1');
    SVGtoPDF(flow.doc, svg, x + (box.boxWidth - box.width) / 2, leftTop, { width: box.width, height: box.height, assumePt: true });
  }
  tickRow(flow, x, leftTop + box.height + 6, tickWidth, size);
  const leftBottom = leftTop + leftH;
  flow.lowest = Math.max(flow.lowest, leftBottom);
  if (!box.beside) flow.y = leftBottom + size * 0.6;
  const at = (): Column => {
    const col = columnOf(flow);
    return box.beside && flow.page === leftPage && flow.y < leftBottom - size
      ? { x: col.x + box.boxWidth + GAP, width: col.width - box.boxWidth - GAP }
      : col;
  };

  const heading = { font: 'bold' as const, size, color: COLOURS.ink, after: size * 0.15 };
  /** A heading stays with the first lines under it. */
  const headingAt = (text: string) => {
    room(flow, size * 4);
    paragraph(flow, text, heading, at);
  };
  const body = { font: 'body' as const, size, color: COLOURS.ink, after: size * 0.25 };
  const line = { ...body, after: size * 0.15 };
  paragraph(flow, exercise.purpose, { ...body, color: COLOURS.soft }, at);
  const dose = describeDose(item.dose);
  const doseText = [dose.what, dose.when, dose.pressure].filter(Boolean).join('. ');
  paragraph(flow, `${doseText}.`, { ...heading, color: COLOURS.accent, after: size * 0.5 }, at);
  headingAt('How to do it');
  exercise.steps.forEach((step, n) => {
    paragraph(flow, step, { ...line, bullet: `${n + 1}.`, bulletColor: COLOURS.accent }, at);
  });
  if (copy.donts.length) {
    flow.y += size * 0.35;
    headingAt('Take care');
    for (const dont of copy.donts) paragraph(flow, dont, { ...line, bullet: '✕', bulletColor: COLOURS.helpInk }, at);
  }
  if (item.note) {
    flow.y += size * 0.35;
    paragraph(flow, `A tip from ${o.therapistName}: ${item.note}`, { ...heading, color: COLOURS.accent }, at);
  }
  if (copy.tips.length) {
    flow.y += size * 0.35;
    headingAt(copy.tips.length > 1 ? 'Tips' : 'Tip');
    for (const tip of copy.tips) paragraph(flow, tip, { ...line, bullet: '•' }, at);
  }
  if (flow.page === leftPage && box.beside) flow.y = Math.max(flow.y, leftBottom);
  flow.y += size * 0.5;

  const warning = { size, after: size * 0.4 };
  if (copy.watchFor.length) {
    band(flow, `Watch for: ${copy.watchFor.join(' ')}`, { ...warning, ink: COLOURS.stopInk, background: COLOURS.stopBg, font: 'body' });
  }
  band(flow, exercise.stopIf, { ...warning, ink: COLOURS.stopInk, background: COLOURS.stopBg });
  if (copy.getHelp) band(flow, copy.getHelp, { ...warning, ink: COLOURS.helpInk, background: COLOURS.helpBg, bar: true });
}

/** How tall the item would be in the current column, if nothing broke it. */
export function itemHeight(flow: Flow, o: Parameters<typeof itemBlock>[1]) {
  const probe: Flow = {
    ...flow,
    draw: false,
    columns: [columnOf(flow)],
    column: 0,
    columnsTop: 0,
    y: 0,
    lowest: 0,
    bottom: Number.POSITIVE_INFINITY,
  };
  itemBlock(probe, o);
  return probe.lowest;
}
