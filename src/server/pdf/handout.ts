import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import pLimit from 'p-limit';
import PDFDocument from 'pdfkit';
import { describeDose } from '../../shared/dose.js';
import type { Dose, ExerciseContent } from '../../shared/exercise.js';
import { drawBodyMap } from './body-map-pdf.js';

const require = createRequire(import.meta.url);
// Parsed once and shared by every document (each still embeds its own subset): parsing the
// TrueType files per handout was half of its rendering time.
const font = (file: string) =>
  fontkit.create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))) as unknown as PDFKit.Mixins.PDFFontSource;
// On the first handout rather than at start-up.
let fonts: { body: PDFKit.Mixins.PDFFontSource; bold: PDFKit.Mixins.PDFFontSource } | undefined;
const parsedFonts = () => (fonts ??= { body: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') });

export interface HandoutItem {
  exercise: Pick<ExerciseContent, 'name' | 'purpose' | 'regions' | 'steps' | 'stopIf' | 'cues'>;
  dose: Dose;
  note: string | null;
}

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

const INK = '#1f2a2a';
const SOFT = '#4a5555';
const ACCENT = '#2f6b63';
const WARN_BG = '#fbeee6';
const WARN_INK = '#7a2e12';

// Two handouts render at a time; more would only queue for the CPU while each holds its buffers.
const rendering = pLimit(2);

/** The printable handout: each item with its picture, steps, dose, cue and stop-if line. Fonts are embedded. */
export const renderHandout = (h: Handout): Promise<Buffer> => rendering(() => render(h));

function render(h: Handout): Promise<Buffer> {
  const { body, bold } = parsedFonts();
  const doc = new PDFDocument({
    size: h.paperSize === 'a4' ? 'A4' : 'LETTER',
    margin: 48,
    font: body as never, // pdfkit would otherwise load Helvetica's metrics for every document
    info: { Title: `Self-care homework for ${h.clientFirstName}`, Author: h.practiceName },
  });
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const ensure = (space: number) => {
    if (doc.y + space > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };

  doc.font('bold').fontSize(11).fillColor(ACCENT).text(h.practiceName.toUpperCase(), { characterSpacing: 1 });
  doc.font('bold').fontSize(22).fillColor(INK).text(`Your homework, ${h.clientFirstName}`);
  doc.font('body').fontSize(11).fillColor(SOFT).text(`From ${h.therapistName} · ${h.date}`);
  doc.moveDown(0.5);
  doc
    .fontSize(11)
    .fillColor(INK)
    .text('Do these at home between visits. A few minutes most days helps the work we did today last longer.', { width });
  doc.moveDown(0.8);

  /** The height of an item's block, so an item is never split from its stop-if line. */
  const blockHeight = (item: HandoutItem) => {
    doc.font('body').fontSize(11);
    const steps = item.exercise.steps.reduce((sum, step) => sum + doc.heightOfString(step, { width: width - 30 }), 0);
    const cue = item.note ?? item.exercise.cues[0] ?? '';
    return (
      130 +
      8 +
      16 +
      steps +
      (cue ? doc.heightOfString(cue, { width }) + 6 : 0) +
      doc.heightOfString(item.exercise.stopIf, { width: width - 20 }) +
      40
    );
  };

  h.items.forEach((item, i) => {
    ensure(Math.min(blockHeight(item), doc.page.height - doc.page.margins.top - doc.page.margins.bottom));
    const top = doc.y;
    const pictureHeight = 130;
    const picture = drawBodyMap(doc, item.exercise.regions, { x: left, y: top, height: pictureHeight });
    const textX = left + picture.width + 16;
    const textWidth = width - picture.width - 16;
    doc.x = textX;
    doc.y = top;
    doc
      .font('bold')
      .fontSize(15)
      .fillColor(INK)
      .text(`${i + 1}. ${item.exercise.name}`, textX, top, { width: textWidth });
    doc.font('body').fontSize(11).fillColor(SOFT).text(item.exercise.purpose, { width: textWidth });
    const dose = describeDose(item.dose);
    doc.moveDown(0.3);
    doc.font('bold').fontSize(11).fillColor(ACCENT).text(`${dose.what}. ${dose.when}.`, { width: textWidth });
    if (dose.pressure) doc.font('body').fillColor(ACCENT).text(`${dose.pressure}.`, { width: textWidth });
    doc.y = Math.max(doc.y, top + pictureHeight) + 8;
    doc.x = left;
    doc.font('bold').fontSize(11).fillColor(INK).text('How to do it', left);
    item.exercise.steps.forEach((step, n) => {
      ensure(30);
      doc
        .font('body')
        .fontSize(11)
        .fillColor(INK)
        .text(`${n + 1}.  ${step}`, left + 8, doc.y, { width: width - 8 });
    });
    const cue = item.note ?? item.exercise.cues[0];
    if (cue) {
      doc.moveDown(0.3);
      doc
        .font('bold')
        .fontSize(11)
        .fillColor(INK)
        .text(item.note ? `A tip from ${h.therapistName}: ` : 'Tip: ', left, doc.y, { continued: true, width });
      doc.font('body').text(cue);
    }
    ensure(40);
    doc.moveDown(0.4);
    const stopTop = doc.y;
    const stopHeight =
      doc
        .font('bold')
        .fontSize(11)
        .heightOfString(item.exercise.stopIf, { width: width - 20 }) + 12;
    doc.rect(left, stopTop, width, stopHeight).fill(WARN_BG);
    doc.fillColor(WARN_INK).text(item.exercise.stopIf, left + 10, stopTop + 6, { width: width - 20 });
    doc.y = stopTop + stopHeight + 16;
    doc.x = left;
  });

  if (h.goals) {
    ensure(60);
    doc.font('bold').fontSize(13).fillColor(INK).text('What you are working towards', left);
    doc.font('body').fontSize(11).text(h.goals, { width });
    doc.moveDown(0.8);
  }
  if (h.nextAppointment) {
    ensure(40);
    doc.font('bold').fontSize(13).fillColor(INK).text('Your next visit', left);
    doc.font('body').fontSize(11).text(h.nextAppointment, { width });
    doc.moveDown(0.8);
  }

  ensure(120);
  const qrTop = doc.y;
  doc.image(h.qrPng, left, qrTop, { width: 96 });
  doc
    .font('bold')
    .fontSize(13)
    .fillColor(INK)
    .text('Tick it off on your phone', left + 112, qrTop + 6, { width: width - 112 });
  doc
    .font('body')
    .fontSize(11)
    .fillColor(SOFT)
    .text('Scan the code with your phone camera. Tap "done" each day and tell us how it felt.', { width: width - 112 });
  doc
    .fillColor(ACCENT)
    .fontSize(9)
    .text(h.clientUrl, { width: width - 112, link: h.clientUrl });
  doc.y = Math.max(doc.y, qrTop + 96) + 12;
  doc.x = left;
  if (h.questionsEmail) doc.font('bold').fontSize(11).fillColor(INK).text(`Questions? Email ${h.questionsEmail}`, left);
  doc
    .font('body')
    .fontSize(9)
    .fillColor(SOFT)
    .text('This is self-care advice, not medical treatment. If anything hurts sharply, stop and tell us.', left, doc.y, { width });
  doc.end();
  return done;
}
