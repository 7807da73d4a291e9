import { describe, expect, it } from 'vitest';
import { isSmallCell, SMALL_CELL_THRESHOLD, suppressCount, suppressSmallCells } from '../../src/core/observatory.ts';

describe('small cells', () => {
  it('suppresses counts from 1 to 4 and shows 0 and 5 and more', () => {
    expect(SMALL_CELL_THRESHOLD).toBe(5);
    expect([0, 1, 4, 5, 120].map((n) => suppressCount(n))).toEqual([0, 'suppressed', 'suppressed', 5, 120]);
    expect(isSmallCell(0)).toBe(false);
    expect(isSmallCell(3, 3)).toBe(false);
  });

  it('suppresses every small cell of a table, in place, and leaves overlapping cells alone otherwise', () => {
    expect(suppressSmallCells([12, 3, 0, 7, 1])).toEqual([12, 'suppressed', 0, 7, 'suppressed']);
    expect(suppressSmallCells([12, 3, 0, 7])).toEqual([12, 'suppressed', 0, 7]);
  });

  it('adds a second suppressed cell when a lone one could be found from the shown total', () => {
    // 12 + 3 + 9 = 24 published: 3 would be 24 - 12 - 9. The smallest other non-zero cell goes too.
    const published = suppressSmallCells([12, 3, 0, 9], { partsOfShownTotal: true });
    expect(published).toEqual([12, 'suppressed', 0, 'suppressed']);
    // Whatever the reader subtracts, two unknowns remain.
    expect(published.filter((c) => c === 'suppressed')).toHaveLength(2);
  });

  it('takes a zero as the second cell only when no other cell counts anyone', () => {
    expect(suppressSmallCells([3, 0, 6], { partsOfShownTotal: true })).toEqual(['suppressed', 0, 'suppressed']);
    expect(suppressSmallCells([0, 3, 0], { partsOfShownTotal: true, threshold: 3 })).toEqual([0, 3, 0]);
    expect(suppressSmallCells([5, 3, 0], { partsOfShownTotal: true, threshold: 4 })).toEqual(['suppressed', 'suppressed', 0]);
  });

  it('needs no second cell when two are already suppressed or the total itself is small', () => {
    expect(suppressSmallCells([2, 2, 30], { partsOfShownTotal: true })).toEqual(['suppressed', 'suppressed', 30]);
    expect(suppressSmallCells([3, 0, 0], { partsOfShownTotal: true })).toEqual(['suppressed', 0, 0]);
    expect(suppressSmallCells([], { partsOfShownTotal: true })).toEqual([]);
  });

  it('never publishes a number from 1 to 4, on any table (random tables, fixed seed)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 500; t++) {
      const counts = Array.from({ length: 1 + Math.floor(random() * 8) }, () => Math.floor(random() * 12));
      const published = suppressSmallCells(counts, { partsOfShownTotal: true });
      expect(published.some((c) => typeof c === 'number' && c > 0 && c < 5)).toBe(false);
      const total = counts.reduce((a, b) => a + b, 0);
      const hidden = published.filter((c) => c === 'suppressed').length;
      if (total >= 5 && counts.some((n) => n > 0 && n < 5)) expect(hidden).toBeGreaterThanOrEqual(2);
      published.forEach((c, i) => { if (typeof c === 'number') expect(c).toBe(counts[i]); });
    }
  });
});
