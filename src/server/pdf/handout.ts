import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import pLimit from 'p-limit';
import PDFDocument from 'pdfkit';
import { type RenderedDrawing, renderedDrawing } from '../features/library/drawing-files.js';
import { type Column, type Flow, newFlow, nextColumn, paragraph, room, splitColumns } from './flow.js';
import { COLOURS, type HandoutItem, type HandoutStyle, itemBlock, itemHeight } from './handout-item.js';

export type { HandoutItem } from './handout-item.js';

const require = createRequire(import.meta.url);
// Parsed once and shared by every document (each still embeds its own subset): parsing the
// TrueType files per handout was half of its rendering time.
const font = (file: string) =>
  fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as unknown as PDFKit.Mixins.PDFFontSource;
// On the first handout rather than at start-up.
let fonts: { body: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource } | undefined;
export const parsedFonts = () => (fonts ??= { body: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') });

export interface Handout {
  practiceName: string;
  therapistName: string;
  questionsEmail: string | null;
  clientFirstName: string;
  date: string;
  items: HandoutItem[];
  goals: string | null;
  nextAppointment: string | null;
  clientUrl: string;
  qrPng: Buffer;
  paperSize: 'letter' | 'a4';
}

// Largest first. Below 8 points (DejaVu Sans runs large) or a drawing under 72 points (2.5 cm) the page is hard to use:
// past that the handout takes a second page instead of shrinking further.
const STYLES: HandoutStyle[] = [
  { size: 10.5, drawing: 180 },
  { size: 10, drawing: 165 },
  { size: 10, drawing: 140 },
  { size: 9.5, drawing: 130 },
  { size: 9.5, drawing: 110 },
  { size: 9, drawing: 105 },
  { size: 9, drawing: 90 },
  { size: 8.5, drawing: 80 },
  { size: 8, drawing: 72 },
];
const QR = 58;

// Two handouts render at a time; more would only queue for the CPU while each holds its buffers.
const rendering = pLimit(2);

/** The printable handout: each item with its drawing, steps, dose, don'ts, tips, stop and get-help lines; one page when it fits. */
export const renderHandout = (h: Handout): Promise<Buffer> => rendering(() => render(h));

function render(h: Handout): Promise<Buffer> {
  const { body, bold } = parsedFonts();
  const doc = new PDFDocument({
    size: h.paperSize === 'a4' ? 'A4' : 'LETTER',
    margin: 32,
    // No default font: pdfkit would load Helvetica's metrics for every document. And not the parsed
    // font itself either: a font set by object is never cached by name, so every later
    // `font('body')` would open it again and compare name tables (a third of the rendering time).
    font: false as never,
    info: { Title: `Self-care homework for ${h.clientFirstName}`, Author: h.practiceName },
  });
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);
  doc.font('body');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const drawings = h.items.map((item) => renderedDrawing(item.exercise));
  const pagesAt = (style: HandoutStyle) => layout(newFlow(doc, false), h, drawings, style);
  // The largest style on one page (measured only down to it); failing that, the largest on two, or on as few as it can.
  let style = STYLES.find((s) => pagesAt(s) === 1);
  if (!style) {
    const pages = STYLES.map(pagesAt);
    const fewest = Math.max(2, Math.min(...pages));
    style = STYLES[pages.findIndex((n) => n <= fewest)];
  }
  layout(newFlow(doc, true), h, drawings, style);
  doc.end();
  return done;
}

/** Lays the whole handout out (or only measures it) and answers how many pages it takes. */
function layout(flow: Flow, h: Handout, drawings: RenderedDrawing[], style: HandoutStyle): number {
  const { size } = style;
  paragraph(flow, `${h.practiceName.toUpperCase()} · ${h.therapistName} · ${h.date}`, {
    font: 'bold',
    size: 8.5,
    color: COLOURS.accent,
    after: 2,
  });
  paragraph(flow, `Your homework, ${h.clientFirstName}`, { font: 'bold', size: size + 8, color: COLOURS.ink, after: 1 });
  paragraph(flow, 'Do these at home between visits. A few minutes most days helps the work we did today last longer.', {
    font: 'body',
    size,
    color: COLOURS.soft,
  });
  rule(flow, size);
  // One item takes the width; two sit side by side, one a column. Past that, or when an item runs
  // into the next column, items follow one another, each kept whole where a column can hold it.
  const columns = Math.min(h.items.length, 2);
  splitColumns(flow, columns, 22);
  h.items.forEach((item, i) => {
    const block = { item, number: i + 1, drawing: drawings[i], therapistName: h.therapistName, style };
    if (i > 0 && h.items.length <= columns && flow.page === 1 && flow.column === i - 1) nextColumn(flow);
    else if (i > 0) {
      flow.y += size;
      const height = itemHeight(flow, block);
      if (height <= flow.bottom - flow.columnsTop) room(flow, height);
    }
    itemBlock(flow, block);
  });
  splitColumns(flow, 1, 0);
  rule(flow, size);
  footer(flow, h, size);
  return flow.page;
}

function rule(flow: Flow, size: number) {
  flow.y += size * 0.3;
  if (flow.draw && flow.y < flow.bottom) {
    flow.doc
      .moveTo(flow.left, flow.y)
      .lineTo(flow.left + flow.width, flow.y)
      .lineWidth(0.6)
      .stroke(COLOURS.line);
  }
  flow.y += size * 0.9;
}

/** The QR code to the client's page beside the goal, the next visit and whom to ask; the self-care line under them. */
function footer(flow: Flow, h: Handout, size: number) {
  const half = flow.width / 2;
  const qrText = { x: flow.left + QR + 10, width: half - QR - 10 };
  const right = { x: flow.left + half + 10, width: half - 10 };
  // Measured as it will be drawn, so the whole footer moves to a new page together.
  const heightOf = (lines: typeof qrLines, col: Column) => {
    const measure = { ...flow, draw: false, bottom: Number.POSITIVE_INFINITY };
    lines(measure, h, size, col);
    return measure.y - flow.y;
  };
  const rowHeight = Math.max(QR, heightOf(qrLines, qrText), heightOf(rightLines, right));
  room(flow, rowHeight + size * 2);
  const top = flow.y;
  if (flow.draw) flow.doc.image(h.qrPng, flow.left, top, { width: QR });
  qrLines(flow, h, size, qrText);
  flow.y = top;
  rightLines(flow, h, size, right);
  flow.y = top + rowHeight + size * 0.4;
  paragraph(flow, 'This is self-care advice, not medical treatment. If anything hurts sharply, stop and tell us.', {
    font: 'body',
    size: size - 1,
    color: COLOURS.soft,
  });
}

function qrLines(flow: Flow, h: Handout, size: number, col: Column) {
  const at = () => col;
  paragraph(flow, 'Tick it off on your phone', { font: 'bold', size, color: COLOURS.ink, after: 1 }, at);
  paragraph(
    flow,
    'Scan the code with your phone camera. Tap "done" each day and tell us how it felt.',
    {
      font: 'body',
      size: size - 0.5,
      color: COLOURS.soft,
      after: 1,
    },
    at,
  );
  const top = flow.y;
  paragraph(flow, h.clientUrl, { font: 'body', size: size - 2, color: COLOURS.accent }, at);
  if (flow.draw) flow.doc.link(col.x, top, col.width, flow.y - top, h.clientUrl);
}

function rightLines(flow: Flow, h: Handout, size: number, col: Column) {
  const at = () => col;
  const heading = { font: 'bold' as const, size, color: COLOURS.ink };
  const text = { font: 'body' as const, size, color: COLOURS.ink, after: size * 0.4 };
  if (h.goals) {
    paragraph(flow, 'What you are working towards', heading, at);
    paragraph(flow, h.goals, text, at);
  }
  if (h.nextAppointment) {
    paragraph(flow, 'Your next visit', heading, at);
    paragraph(flow, h.nextAppointment, text, at);
  }
  if (h.questionsEmail) paragraph(flow, `Questions? Email ${h.questionsEmail}`, heading, at);
}
