import PDFDocument from 'pdfkit';
import type { Soap } from '../../shared/api/soap.js';
import { soapSections } from '../../shared/soap-text.js';
import { parsedFonts } from './handout.js';

/** The session's SOAP note on paper: one heading per part, the lines as written; pages added as it grows. */
export function renderSoap(
  s: Soap,
  o: { practiceName: string; paperSize: 'letter' | 'a4'; when: (instant: string) => string },
): Promise<Buffer> {
  const { body, bold } = parsedFonts();
  const doc = new PDFDocument({
    size: o.paperSize === 'a4' ? 'A4' : 'LETTER',
    margin: 48,
    font: false as never,
    info: { Title: `Session note: ${s.clientName}, ${s.date}`, Author: o.practiceName },
  });
  doc.registerFont('body', body);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('bold').fontSize(18).text(`Session note: ${s.clientName}`);
  doc.font('body').fontSize(11).fillColor('#555').text(`${s.date} · ${o.practiceName}`).moveDown(1);
  for (const section of soapSections(s, o.when)) {
    doc.fillColor('#111').font('bold').fontSize(13).text(`${section.key}  ${section.title}`).moveDown(0.3);
    doc.font('body').fontSize(11);
    for (const line of section.lines) doc.text(line, { paragraphGap: 3 });
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
