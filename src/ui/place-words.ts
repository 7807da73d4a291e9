import { readOpeningHours, WEEK_DAYS, type OpeningWeek, type TimeSpan } from '../core/opening-hours.ts';

// A place's phone and opening hours in plain words, in the person's language: "01 00 00 00 02"
// rather than "+33100000002", "Du lundi au vendredi, de 8 h 30 à 17 h." rather than
// "Mo-Fr 08:30-17:00". The words come from the interface strings (`ui.hours.*`), the names of the
// days from the browser (Intl), so no language is written here.

type T = (key: string, options?: Record<string, unknown>) => string;

/** A French number grouped by two, the way France writes it (01 70 77 23 72); other numbers as written. */
export function frenchPhone(raw: string): string {
  const digits = raw.replace(/[\s.\-()]/g, '');
  const national = /^(?:\+33|0033)([1-9]\d{8})$/.exec(digits)?.[1] ?? /^0([1-9]\d{8})$/.exec(digits)?.[1];
  if (!national) return raw.trim();
  return `0${national}`.replace(/(\d{2})(?=\d)/g, '$1 ');
}

/** The number a phone dials: digits and a leading +. */
export function telHref(raw: string): string {
  return `tel:${raw.replace(/[^\d+]/g, '')}`;
}

/** Intl does not know easy-read French: the days are named as in French. */
const intlLanguage = (language: string) => (language === 'fr-FALC' ? 'fr' : language);

function dayNames(language: string): string[] {
  const format = new Intl.DateTimeFormat(intlLanguage(language), { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEK_DAYS.map((_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

function timeText(minutes: number, t: T): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? t('ui.hours.timeOnHour', { hours }) : t('ui.hours.time', { hours, minutes: String(rest).padStart(2, '0') });
}

function spansText(spans: TimeSpan[], t: T, language: string): string {
  if (spans.length === 1 && spans[0]?.from === 0 && spans[0].to === 1440) return t('ui.hours.allDay');
  const list = new Intl.ListFormat(intlLanguage(language), { type: 'conjunction' });
  return list.format(spans.map((s) => t('ui.hours.span', { from: timeText(s.from, t), to: timeText(s.to, t) })));
}

/** The days of a group in words: "du lundi au vendredi", "le mardi et le jeudi", "tous les jours". */
function daysText(days: number[], t: T, language: string): string {
  const names = dayNames(language);
  if (days.length === 7) return t('ui.hours.everyDay');
  const consecutive = days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1);
  if (consecutive && days.length >= 3) return t('ui.hours.dayRange', { from: names[days[0] ?? 0], to: names[days[days.length - 1] ?? 0] });
  const list = new Intl.ListFormat(intlLanguage(language), { type: 'conjunction' });
  return list.format(days.map((d) => t('ui.hours.day', { day: names[d] })));
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export interface HoursInWords {
  sentences: string[];
  /** The value's own comment ("sur rendez-vous"), as it was written (in French, most often). */
  comment?: string;
}

/** One sentence per group of days with the same hours, Monday first; then holidays; and the comment. */
export function weekInWords(week: OpeningWeek, t: T, language: string): HoursInWords {
  const groups = new Map<string, number[]>();
  week.days.forEach((spans, day) => {
    if (spans.length === 0) return;
    const key = spans.map((s) => `${s.from}-${s.to}`).join(',');
    groups.set(key, [...(groups.get(key) ?? []), day]);
  });
  const sentences: string[] = [];
  for (const days of groups.values()) {
    const spans = week.days[days[0] ?? 0] ?? [];
    sentences.push(capitalise(t('ui.hours.rule', { days: daysText(days, t, language), hours: spansText(spans, t, language) })));
  }
  if (sentences.length === 0 && !week.comment) sentences.push(t('ui.hours.closed'));
  if (week.holidays === 'closed') sentences.push(t('ui.hours.holidaysClosed'));
  else if (week.holidays) sentences.push(capitalise(t('ui.hours.rule', { days: t('ui.hours.holidays'), hours: spansText(week.holidays, t, language) })));
  return week.comment ? { sentences, comment: capitalise(week.comment) } : { sentences };
}

/** The hours in words, or undefined when they are not in the weekly format (then shown as written). */
export function hoursInWords(value: string, t: T, language: string): HoursInWords | undefined {
  const week = readOpeningHours(value);
  return week ? weekInWords(week, t, language) : undefined;
}
