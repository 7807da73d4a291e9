// The opening hours a kiosk puts into words are read by our small reader; every week it reads must
// be the week opening_hours.js (the format's reference implementation) computes, and it must read
// nothing that the reference rejects.
import OpeningHours from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/index.ts';
import { readOpeningHours, WEEK_DAYS, type TimeSpan } from '../../src/core/opening-hours.ts';

// A week of March 2026, Monday to Monday, without a public holiday in France.
const MONDAY = new Date(2026, 2, 2);
const FRANCE = { lat: 48.86, lon: 2.44, address: { country_code: 'fr', state: 'Île-de-France' } };

/** The reference's open spans, day by day, Monday first (unknown or commented-only spans left out). */
function referenceWeek(value: string): TimeSpan[][] {
  const oh = new OpeningHours(value, FRANCE);
  const end = new Date(MONDAY);
  end.setDate(end.getDate() + 7);
  const days: TimeSpan[][] = WEEK_DAYS.map(() => []);
  for (const [from, to, unknown] of oh.getOpenIntervals(MONDAY, end)) {
    if (unknown) continue;
    // Split at midnight: a 24/7 interval spans the whole week.
    for (let start = from; start < to; ) {
      const day = Math.floor((start.getTime() - MONDAY.getTime()) / 86_400_000);
      const midnight = new Date(MONDAY);
      midnight.setDate(midnight.getDate() + day + 1);
      const stop = to < midnight ? to : midnight;
      const spans = days[day] ?? [];
      const at = (d: Date) => Math.round((d.getTime() - MONDAY.getTime()) / 60_000) - day * 1440;
      const last = spans[spans.length - 1];
      if (last && last.to === at(start)) last.to = at(stop);
      else spans.push({ from: at(start), to: at(stop) });
      start = stop;
    }
  }
  return days;
}

function referenceAccepts(value: string): boolean {
  try {
    new OpeningHours(value, FRANCE);
    return true;
  } catch {
    return false;
  }
}

describe('readOpeningHours', () => {
  it('reads the weeks of the places example file as the reference does', () => {
    for (const value of [
      'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00',
      'Mo-Fr 08:30-17:00',
      'Tu,Th 14:00-18:00',
      'Mo-Fr 09:00-17:00; We off',
      'Sa-Mo 10:00-12:00',
      '24/7',
      '08:00-18:00',
      'Mo-Su 00:00-24:00',
      'Mo-Fr 08:00-12:00; Mo-Fr 14:00-18:00',
    ]) {
      const week = readOpeningHours(value);
      expect(week, value).toBeDefined();
      expect(week?.days, value).toEqual(referenceWeek(value));
    }
  });

  it('says closed public holidays and keeps a quoted comment as written', () => {
    expect(readOpeningHours('Mo-Fr 08:30-17:00; PH off')).toEqual({ days: [...Array(5).fill([{ from: 510, to: 1020 }]), [], []], holidays: 'closed' });
    expect(readOpeningHours('Tu 14:00-18:00 "sur rendez-vous"')?.comment).toBe('sur rendez-vous');
  });

  it('agrees with the reference on 400 generated values of the weekly format', () => {
    const random = seededRandom(18);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const time = (min: number, max: number) => min + Math.floor(random() * (max - min));
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const days = () => {
      const parts: string[] = [];
      for (let i = 0, n = 1 + Math.floor(random() * 2); i < n; i++) {
        const a = pick(WEEK_DAYS);
        parts.push(random() < 0.5 ? a : `${a}-${pick(WEEK_DAYS)}`);
      }
      return parts.join(',');
    };
    const spans = () => {
      if (random() < 0.15) return 'off';
      const out: string[] = [];
      let at = time(6, 10) * 60 + pick([0, 15, 30, 45]);
      for (let i = 0, n = 1 + Math.floor(random() * 3); i < n && at < 22 * 60; i++) {
        const end = Math.min(24 * 60, at + time(1, 5) * 60 + pick([0, 30]));
        out.push(`${hhmm(at)}-${hhmm(end)}`);
        at = end + time(1, 3) * 60;
      }
      return out.join(',');
    };
    let read = 0;
    for (let n = 0; n < 400; n++) {
      const rules: string[] = [];
      for (let i = 0, count = 1 + Math.floor(random() * 3); i < count; i++) rules.push(`${days()} ${spans()}`);
      const value = rules.join('; ');
      const week = readOpeningHours(value);
      if (!week) continue;
      read++;
      expect(referenceAccepts(value), value).toBe(true);
      expect(week.days, value).toEqual(referenceWeek(value));
    }
    expect(read).toBeGreaterThan(350);
  });

  it('reads nothing beyond the weekly format, nor anything the reference rejects', () => {
    for (const value of [
      'Mo-Fr 08:00-18:00; Jan off',
      'Mo-Fr 08:00+',
      'sunrise-sunset',
      'Mo-Fr 22:00-02:00',
      'Mo[1] off',
      'SH off',
      'Mo-Fr 08:00-12:00 || "sur rendez-vous"',
      'week 1-53/2 Mo 09:00-12:00',
    ]) {
      expect(readOpeningHours(value), value).toBeUndefined();
    }
    for (const value of ['Lundi 9h-12h', 'Mo-Fr 25:00-26:00', 'Mo-Xx 08:00-09:00', 'Mo-Fr 12:00-08:00', 'du lundi au vendredi', '']) {
      expect(readOpeningHours(value), value).toBeUndefined();
    }
    expect(referenceAccepts('Mo-Xx 08:00-09:00')).toBe(false);
  });
});
