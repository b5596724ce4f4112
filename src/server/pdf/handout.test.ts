import { describe, expect, it } from 'vitest';
import { readPdf } from '../../../tests/helpers/pdf.js';
import { qrPng } from '../features/homework/client-link.js';
import { builtInLibrary } from '../features/library/library.js';
import { type Handout, renderHandout } from './handout.js';

const handout = async (clientFirstName: string, slug: string): Promise<Handout> => {
  const exercise = builtInLibrary().get(slug);
  if (!exercise) throw new Error(`no ${slug}`);
  return {
    practiceName: 'Harbour Massage',
    therapistName: 'Ngaio Wharekura',
    questionsEmail: 'desk@example.com',
    clientFirstName,
    date: 'Friday 27 November 2026',
    items: [{ exercise, dose: { kind: 'hold', seconds: 30, reps: 3, perDay: 1, daysPerWeek: 5 } as never, note: null }],
    goals: null,
    nextAppointment: null,
    clientUrl: 'http://127.0.0.1/c/abc',
    qrPng: await qrPng('http://127.0.0.1/c/abc'),
    paperSize: 'letter',
  };
};

// The parsed fonts are shared between documents; each document must still embed the glyphs it uses.
describe('handouts rendered one after another', () => {
  it('each embeds its own font subset and reads back with its own names and accents', async () => {
    const first = await readPdf(await renderHandout(await handout('Zoë', 'chin-tucks')));
    const second = await readPdf(await renderHandout(await handout('Łukasz', 'wall-calf-stretch')));
    expect(first.embedsFonts && second.embedsFonts).toBe(true);
    expect(first.fonts.some((f) => f.includes('DejaVuSans'))).toBe(true);
    expect(first.text).toContain('Your homework, Zoë');
    expect(second.text).toContain('Your homework, Łukasz');
    expect(first.text).toContain(builtInLibrary().get('chin-tucks')?.name);
    expect(second.text).toContain(builtInLibrary().get('wall-calf-stretch')?.name);
    expect(second.text).not.toContain('Zoë');
  });
});
