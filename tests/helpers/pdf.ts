import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Reads a PDF back: its text (pages joined), page size in points, and the fonts it embeds. */
export async function readPdf(bytes: Uint8Array) {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  let size = { width: 0, height: 0 };
  const fonts = new Set<string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    if (n === 1) {
      const [, , w, h] = page.view;
      size = { width: Math.round(w), height: Math.round(h) };
    }
    const content = await page.getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  const raw = Buffer.from(bytes).toString('latin1');
  for (const m of raw.matchAll(/\/FontName\s*\/([A-Z]{6}\+[\w-]+)/g)) fonts.add(m[1]);
  const hasFontFile = /\/FontFile2\s/.test(raw);
  const count = doc.numPages;
  await doc.destroy();
  return { text: pages.join('\n').replace(/\s+/g, ' '), pages: count, size, fonts: [...fonts], embedsFonts: hasFontFile };
}
