import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '../../src/core/csv.ts';

describe('reading CSV', () => {
  it('reads back what toCsv writes: quotes, separators and line breaks inside cells, formulas defused', () => {
    const rows = [
      ['nom', 'description', 'nombre'],
      ['Médiathèque « Les Tilleuls »', 'Ateliers ; mardi\net "jeudi"', 3],
      ['=1+1', '', 0],
    ];
    const read = parseCsv(`\uFEFF${toCsv(rows)}`);
    expect(read).toEqual({
      ok: true,
      separator: ';',
      header: ['nom', 'description', 'nombre'],
      rows: [
        { line: 2, cells: ['Médiathèque « Les Tilleuls »', 'Ateliers ; mardi\net "jeudi"', '3'] },
        { line: 4, cells: ["'=1+1", '', '0'] },
      ],
    });
  });

  it('finds the separator on the header line (comma, semicolon or tab) and skips empty lines', () => {
    expect(parseCsv('a,b\n1,"2;3"\n\n4,5\n')).toMatchObject({ separator: ',', rows: [{ line: 2, cells: ['1', '2;3'] }, { line: 4, cells: ['4', '5'] }] });
    expect(parseCsv('a\tb\r\n1\t2')).toMatchObject({ separator: '\t', rows: [{ line: 2, cells: ['1', '2'] }] });
  });

  it('says where a quote is never closed, and when there is nothing to read', () => {
    expect(parseCsv('a,b\n1,2\n"3,4\n5,6\n')).toEqual({ ok: false, line: 3, problem: 'quote' });
    expect(parseCsv('\n\n')).toEqual({ ok: false, line: 1, problem: 'empty' });
  });
});
