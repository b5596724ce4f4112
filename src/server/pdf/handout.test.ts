import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../tests/helpers/pdf.js';
import { clientCopyOf } from '../../shared/client-copy.js';
import { type Dose, doseSchema, type ExerciseContent } from '../../shared/exercise.js';
import type { Caution } from '../../shared/vocabulary.js';
import { qrPng } from '../features/clients/client-link.js';
import { builtInLibrary } from '../features/library/library.js';
import { type Handout, renderHandout } from './handout.js';

const item = (slug: string) => {
  const exercise = builtInLibrary().get(slug);
  if (!exercise) throw new Error(`no ${slug}`);
  return exercise;
};

async function handout(o: {
  items: ExerciseContent[];
  firstName?: string;
  paperSize?: Handout['paperSize'];
  cautions?: Caution[];
  /** The dose the therapist set for each item; the library's own when left out. */
  doses?: Dose[];
}): Promise<Handout> {
  return {
    practiceName: 'Harbour Massage',
    therapistName: 'Tess Rowe',
    questionsEmail: 'desk@example.com',
    clientFirstName: o.firstName ?? 'Nia',
    date: 'Friday 27 November 2026',
    items: o.items.map((exercise, i) => ({
      exercise,
      dose: o.doses?.[i] ?? exercise.dose,
      note: i === 0 ? 'Go slow on the left side.' : null,
      copy: clientCopyOf(exercise, o.cautions ?? []),
    })),
    goals: 'Get through a work week without a headache',
    nextAppointment: 'Tuesday 8 December 2026 at 10:00',
    clientUrl: 'http://127.0.0.1/c/abc',
    qrPng: await qrPng('http://127.0.0.1/c/abc'),
    paperSize: o.paperSize ?? 'letter',
  };
}

/** Where text sits on each page, and how many raster images and drawn paths the pages hold. */
async function pageContents(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view;
    const text = (await page.getTextContent()).items.flatMap((t) =>
      'str' in t && t.str.trim() ? [{ str: t.str, x: t.transform[4], y: t.transform[5], width: t.width, height: t.height }] : [],
    );
    const ops = (await page.getOperatorList()).fnArray;
    pages.push({
      width,
      height,
      text,
      images: ops.filter((op) => op === OPS.paintImageXObject).length,
      paths: ops.filter((op) => op === OPS.constructPath).length,
    });
  }
  await doc.destroy();
  return pages;
}

/** Every word inside the paper's margins: nothing cut off at an edge or written past the bottom. */
function expectAllOnThePaper(pages: Awaited<ReturnType<typeof pageContents>>) {
  for (const page of pages) {
    for (const t of page.text) {
      expect(t.y - t.height * 0.3, t.str).toBeGreaterThanOrEqual(24);
      expect(t.y + t.height, t.str).toBeLessThanOrEqual(page.height - 24);
      expect(t.x, t.str).toBeGreaterThanOrEqual(24);
      expect(t.x + t.width, t.str).toBeLessThanOrEqual(page.width - 24);
    }
  }
}

// The parsed fonts are shared between documents; each document must still embed the glyphs it uses.
describe('handouts rendered one after another', () => {
  it('each embeds its own font subset and reads back with its own names and accents', async () => {
    const first = await readPdf(await renderHandout(await handout({ firstName: 'Zoë', items: [item('chin-tucks')] })));
    const second = await readPdf(await renderHandout(await handout({ firstName: 'Łukasz', items: [item('wall-calf-stretch')] })));
    expect(first.embedsFonts && second.embedsFonts).toBe(true);
    expect(first.fonts.some((f) => f.includes('DejaVuSans'))).toBe(true);
    expect(first.text).toContain('Your homework, Zoë');
    expect(second.text).toContain('Your homework, Łukasz');
    expect(first.text).toContain(item('chin-tucks').name);
    expect(second.text).toContain(item('wall-calf-stretch').name);
    expect(second.text).not.toContain('Zoë');
  });
});

describe('the handout of two items', () => {
  const calf = item('calf-ball-release');
  const skull = item('suboccipital-ball-release');
  // The therapist changed the calf's dose from the library's (2 minutes, 5 days a week, 5 out of 10).
  const calfDose = doseSchema.parse({ minutes: 3, timesPerDay: 2, daysPerWeek: 7, pressure: 3, perSide: true });

  for (const paperSize of ['letter', 'a4'] as const) {
    it(`fits on one ${paperSize} page with both drawings, every don't and tip, the stop and get-help lines, goal, visit and tick boxes`, async () => {
      expect(calf.getHelp, 'the calf release has a get-help line').toBeTruthy();
      const pdf = await renderHandout(
        await handout({ items: [calf, skull], doses: [calfDose, skull.dose], paperSize, cautions: ['osteoporosis'] }),
      );
      const read = await readPdf(pdf);
      expect(read.pages).toBe(1);
      // Each item's dose as one line: the one the therapist set, and the library's for the other.
      expect(read.text).toContain('3 minutes, on each side. Twice a day, every day. Press gently: about 3 out of 10.');
      expect(read.text).toContain('2 minutes, on each side. Once a day, 5 days a week. Press firmly but kindly: about 4 out of 10.');
      expect(read.text).not.toContain('about 5 out of 10');
      expect(read.size).toEqual(paperSize === 'a4' ? { width: 595, height: 842 } : { width: 612, height: 792 });
      for (const e of [calf, skull]) {
        const copy = clientCopyOf(e, ['osteoporosis']);
        for (const line of [e.name, ...e.steps, ...copy.donts, ...copy.tips, e.stopIf]) expect(read.text).toContain(line);
        if (copy.getHelp) expect(read.text).toContain(copy.getHelp);
        for (const line of copy.watchFor) expect(read.text).toContain(line);
      }
      expect(read.text).toContain(clientCopyOf(calf, []).getHelp);
      expect(read.text).toContain('A tip from Tess Rowe: Go slow on the left side.');
      expect(read.text).toContain('Get through a work week without a headache');
      expect(read.text).toContain('Tuesday 8 December 2026 at 10:00');
      expect(read.text.match(/This week: Mon Tue Wed Thu Fri Sat Sun/g)).toHaveLength(2);
      expect(read.text).toContain('Scan the code with your phone camera');

      const [page] = await pageContents(pdf);
      // The drawings are vectors: the only picture made of pixels is the QR code.
      expect(page.images).toBe(1);
      expect(page.paths).toBeGreaterThan(20);
      expectAllOnThePaper([page]);
    });
  }

  it('keeps the longest items in the library to one page, two at a time, on both papers', async () => {
    const words = (e: ExerciseContent) =>
      [e.name, e.purpose, ...e.steps, ...e.mistakes, ...e.cues, e.stopIf, e.getHelp ?? ''].join(' ').length +
      40 * (e.steps.length + e.mistakes.length + e.cues.length);
    const longest = [...builtInLibrary().values()].sort((a, b) => words(b) - words(a)).slice(0, 3);
    for (const paperSize of ['letter', 'a4'] as const) {
      for (const [a, b] of [
        [0, 1],
        [0, 2],
        [1, 2],
      ]) {
        const pair = [longest[a], longest[b]];
        const read = await readPdf(await renderHandout(await handout({ items: pair, paperSize })));
        expect(read.pages, `${pair.map((e) => e.slug).join(' + ')} on ${paperSize}`).toBe(1);
      }
    }
  });

  it('takes a second page only when two items are too long for one, and never writes past the edge', async () => {
    const long = (name: string): ExerciseContent => ({
      ...calf,
      slug: name.toLowerCase().replace(/\W+/g, '-'),
      name,
      // A custom item near the limits: seven long steps, six don'ts, four tips.
      steps: Array.from(
        { length: 7 },
        (_, i) => `Step ${i + 1}: ${'Move slowly and keep breathing while you press the ball into the muscle. '.repeat(2).trim()}`,
      ),
      mistakes: Array.from({ length: 6 }, (_, i) => `Don't number ${i + 1}: don't press on a bone, a joint or the back of the knee.`),
      cues: Array.from({ length: 4 }, (_, i) => `Tip ${i + 1}: ${'a softer ball is kinder at first. '.repeat(2).trim()}`),
      getHelp: 'Get help the same day if your calf is warm, red, swollen or sore, or if it hurts to walk.',
    });
    for (const paperSize of ['letter', 'a4'] as const) {
      const items = [long('Very long first item'), long('Very long second item')];
      const pdf = await renderHandout(await handout({ items, paperSize, cautions: ['osteoporosis', 'fibromyalgia'] }));
      const read = await readPdf(pdf);
      expect(read.pages).toBe(2);
      for (const e of items) {
        for (const line of [e.name, ...e.steps, ...e.mistakes, ...e.cues, e.stopIf, e.getHelp ?? '']) expect(read.text).toContain(line);
      }
      expect(read.text).toContain('Tuesday 8 December 2026 at 10:00');
      expectAllOnThePaper(await pageContents(pdf));
    }
  });

  it('lays out one item across the page and three (a practice that allows three) without losing any', async () => {
    const one = await renderHandout(await handout({ items: [calf] }));
    expect((await readPdf(one)).pages).toBe(1);
    expectAllOnThePaper(await pageContents(one));
    const threeItems = [calf, skull, item('chin-tucks')];
    const three = await renderHandout(await handout({ items: threeItems, paperSize: 'a4' }));
    const read = await readPdf(three);
    for (const e of threeItems) expect(read.text).toContain(e.name);
    expectAllOnThePaper(await pageContents(three));
  });
});
