import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('the one CSV writer', () => {
  it('quotes a cell only when it holds a separator, a quote or a line break, doubling quotes inside', () => {
    expect(
      toCsv([
        ['Item', 'Clients'],
        ['Doorway "pec" stretch, gentle', 3],
      ]),
    ).toBe('Item,Clients\r\n"Doorway ""pec"" stretch, gentle",3\r\n');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps spreadsheets from running text as a formula, but writes numbers as numbers', () => {
    for (const text of ['=SUM(A1)', '+1', '-2+3', '@cmd']) expect(toCsv([[text]])).toBe(`'${text}\r\n`);
    for (const text of ['\tx', '\rx']) expect(toCsv([[text]])).toBe(`"'${text}"\r\n`);
    expect(toCsv([['Maya = calm']])).toBe('Maya = calm\r\n');
    expect(toCsv([[-1, 0.5, null, undefined]])).toBe('-1,0.5,,\r\n');
  });

  it('guards text after a semicolon or tab too, where other locales start a new cell', () => {
    expect(csvCell('a;=cmd')).toBe('"a;\'=cmd"');
    expect(csvCell('a\t@cmd')).toBe('"a\t\'@cmd"');
  });
});
