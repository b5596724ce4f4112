/*
 * A cursor down the handout's columns and pages that either measures or draws, with the same
 * arithmetic both times: the handout is laid out once to see whether it fits, then again for real.
 * Text that does not fit moves to the next column, then to a new page: never off the paper.
 */

export interface Column {
  x: number;
  width: number;
}

export interface Flow {
  doc: PDFKit.PDFDocument;
  /** False while measuring: nothing is written to the document. */
  draw: boolean;
  left: number;
  width: number;
  /** Top and bottom of the printable area of a page. */
  top: number;
  bottom: number;
  /** The columns text runs in now, left to right, and the one the cursor is in. */
  columns: Column[];
  column: number;
  /** Where the columns start on this page (below the heading on the first). */
  columnsTop: number;
  y: number;
  /** The lowest point written on this page, in any column. */
  lowest: number;
  /** Pages used so far (1 on the first). */
  page: number;
}

export function newFlow(doc: PDFKit.PDFDocument, draw: boolean): Flow {
  const { margins } = doc.page;
  const width = doc.page.width - margins.left - margins.right;
  return {
    doc,
    draw,
    left: margins.left,
    width,
    top: margins.top,
    bottom: doc.page.height - margins.bottom,
    columns: [{ x: margins.left, width }],
    column: 0,
    columnsTop: margins.top,
    y: margins.top,
    lowest: margins.top,
    page: 1,
  };
}

export const columnOf = (flow: Flow) => flow.columns[flow.column];

/** Splits the width below the cursor into `count` columns `gap` apart (1 for the whole width again). */
export function splitColumns(flow: Flow, count: number, gap: number) {
  flow.y = Math.max(flow.y, flow.lowest);
  const width = (flow.width - gap * (count - 1)) / count;
  flow.columns = Array.from({ length: count }, (_, i) => ({ x: flow.left + i * (width + gap), width }));
  flow.column = 0;
  flow.columnsTop = flow.y;
}

/** The top of the next column, or of a new page after the last. */
export function nextColumn(flow: Flow) {
  flow.lowest = Math.max(flow.lowest, flow.y);
  if (flow.column + 1 < flow.columns.length) {
    flow.column += 1;
  } else {
    if (flow.draw) flow.doc.addPage();
    flow.page += 1;
    flow.column = 0;
    flow.columnsTop = flow.top;
    flow.lowest = flow.top;
  }
  flow.y = flow.columnsTop;
}

/** Moves on to the next column (or page) unless `height` fits below the cursor. */
export function room(flow: Flow, height: number) {
  if (flow.y + height > flow.bottom && flow.y > flow.columnsTop) nextColumn(flow);
}

export interface TextStyle {
  font: 'body' | 'bold';
  size: number;
  color: string;
  /** A mark hung in the margin before the text, like "1." or "✕". */
  bullet?: string;
  bulletColor?: string;
  /** Space after, in points. */
  after?: number;
}

const lineGap = (size: number) => size * 0.12;
const indentOf = (style: TextStyle) => (style.bullet ? style.size * 1.5 : 0);

// Heights depend only on the text, the font, the size and the width (the fonts are parsed once
// for every document), and the same steps and don'ts recur in most handouts: measured once each.
const heights = new Map<string, number>();
const MAX_HEIGHTS = 20_000;

/** The height of `text` set in `style` at `width`. */
export function textHeight(flow: Flow, text: string, style: TextStyle, width: number) {
  const key = `${style.font}|${style.size}|${width - indentOf(style)}|${text}`;
  let height = heights.get(key);
  if (height === undefined) {
    flow.doc.font(style.font).fontSize(style.size);
    height = flow.doc.heightOfString(text, { width: width - indentOf(style), lineGap: lineGap(style.size) });
    if (heights.size >= MAX_HEIGHTS) heights.clear();
    heights.set(key, height);
  }
  return height;
}

/** A paragraph in the part of the column `at` gives (the whole column by default); never split, never past the bottom. */
export function paragraph(flow: Flow, text: string, style: TextStyle, at: () => Column = () => columnOf(flow)) {
  let col = at();
  let height = textHeight(flow, text, style, col.width);
  if (flow.y + height > flow.bottom) {
    room(flow, height);
    col = at();
    height = textHeight(flow, text, style, col.width);
  }
  if (flow.draw) {
    const { doc } = flow;
    const indent = indentOf(style);
    if (style.bullet) {
      doc
        .font('bold')
        .fontSize(style.size)
        .fillColor(style.bulletColor ?? style.color)
        .text(style.bullet, col.x, flow.y, { width: indent, lineBreak: false });
    }
    doc
      .font(style.font)
      .fontSize(style.size)
      .fillColor(style.color)
      .text(text, col.x + indent, flow.y, { width: col.width - indent, lineGap: lineGap(style.size) });
  }
  flow.y += height;
  flow.lowest = Math.max(flow.lowest, flow.y);
  flow.y += style.after ?? 0;
}

/** A line on a tinted band across the column, like the stop line; kept together. */
export function band(
  flow: Flow,
  text: string,
  o: { size: number; ink: string; background: string; bar?: boolean; font?: 'body' | 'bold'; after: number },
) {
  const pad = o.size * 0.45;
  const inset = o.bar ? pad + 3 : pad;
  const style: TextStyle = { font: o.font ?? 'bold', size: o.size, color: o.ink };
  const height = textHeight(flow, text, style, columnOf(flow).width - inset - pad) + pad * 2;
  room(flow, height);
  const { x, width } = columnOf(flow);
  if (flow.draw) {
    const { doc } = flow;
    doc.save().roundedRect(x, flow.y, width, height, 4).fill(o.background).restore();
    if (o.bar) doc.save().rect(x, flow.y, 3, height).fill(o.ink).restore();
    doc
      .font(style.font)
      .fontSize(o.size)
      .fillColor(o.ink)
      .text(text, x + inset, flow.y + pad, { width: width - inset - pad, lineGap: lineGap(o.size) });
  }
  flow.y += height;
  flow.lowest = Math.max(flow.lowest, flow.y);
  flow.y += o.after;
}
