import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.js';

describe('the dashboard CSV writer', () => {
  it('quotes every cell and doubles quotes inside', () => {
    expect(
      toCsv([
        ['Item', 'Clients'],
        ['Doorway "pec" stretch, gentle', 3],
      ]),
    ).toBe('"Item","Clients"\r\n"Doorway ""pec"" stretch, gentle","3"\r\n');
  });

  it('keeps spreadsheets from running text as a formula', () => {
    for (const text of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\tx', '\rx']) expect(csvCell(text)).toBe(`"'${text}"`);
    expect(csvCell('Maya = calm')).toBe('"Maya = calm"');
  });

  it('writes numbers as numbers and leaves missing values empty', () => {
    expect(toCsv([[-1, 0.5, null, undefined]])).toBe('"-1","0.5","",""\r\n');
  });

  it('keeps line breaks inside a quoted cell', () => {
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});
