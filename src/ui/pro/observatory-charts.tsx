import { LEVELS_OR_NONE, type LevelOrNone, type PublishedCount } from '../../core/observatory.ts';
import type { TFunction } from 'i18next';
import { useT } from '../i18n-context.ts';

// The observatory's charts, shared by the structure's report (observatory-section.tsx) and the
// territory's (territory-panel.tsx): bars drawn in SVG beside the same numbers as a table, a
// suppressed count hatched (never a bar of some length, never 0).

/** The words both long CSVs share (the structure's and the territory's), in the professional's language. */
export function csvWords(t: TFunction) {
  return {
    from: t('pro.observatory.csv.from'),
    to: t('pro.observatory.csv.to'),
    questionnaire: t('pro.observatory.csv.questionnaire'),
    /** The headers after the questionnaire's (and the territory's structure column). */
    rest: [t('pro.observatory.csv.indicator'), t('pro.observatory.csv.category'), t('pro.observatory.csv.value'), t('pro.observatory.csv.count'), t('pro.observatory.csv.note')] as const,
    indicators: {
      total: t('pro.observatory.csv.total'),
      profile: t('pro.observatory.indicators.profile'),
      area: t('pro.observatory.indicators.area'),
      flag: t('pro.observatory.indicators.flag'),
      week: t('pro.observatory.indicators.week'),
    },
    suppressed: t('pro.observatory.csv.suppressed'),
  };
}

export interface Bar {
  key: string;
  label: string;
  value: PublishedCount;
}

const WIDTH = 640;
const ROW = 44;
const BAR_MAX = 470;

/** A diagonal hatch: the mark of a suppressed count in a chart (never a bar of some length, never 0). */
function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="8" height="8" class="pro-bars__hatch-ground" />
        <line x1="0" y1="0" x2="0" y2="8" class="pro-bars__hatch-line" />
      </pattern>
    </defs>
  );
}

/** A horizontal bar chart drawn as SVG (label above each bar, the count after it), beside the same numbers as a table. */
export function Chart({ id, title, hint, bars, count, level = 2 }: { id: string; title: string; hint?: string; bars: Bar[]; count: (n: PublishedCount) => string; level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useT();
  const max = Math.max(1, ...bars.map((b) => (b.value === 'suppressed' ? 0 : b.value)));
  const height = bars.length * ROW + 8;
  const summary = bars.map((b) => t('pro.observatory.bar', { label: b.label, count: count(b.value) })).join(' ; ');
  const hatch = `pro-hatch-${id}`;
  return (
    <section class="pro-bars" aria-labelledby={`pro-chart-${id}`}>
      <Heading id={`pro-chart-${id}`}>{title}</Heading>
      {hint && <p class="pro-field__hint pro-bars__hint">{hint}</p>}
      <div class="pro-bars__pair">
        <svg class="pro-bars__svg no-print" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} focusable="false">
          <Hatch id={hatch} />
          {bars.map((b, i) => {
            const y = i * ROW;
            const suppressed = b.value === 'suppressed';
            const w = suppressed ? 0 : Math.round(((b.value as number) / max) * BAR_MAX);
            return (
              <g key={b.key}>
                <text class="pro-bars__label" x="0" y={y + 14}>
                  {b.label}
                </text>
                <rect class="pro-bars__track" x="0" y={y + 20} width={BAR_MAX} height="16" rx="3" fill={suppressed ? `url(#${hatch})` : undefined} />
                {!suppressed && <rect class="pro-bars__bar" x="0" y={y + 20} width={w} height="16" rx="3" />}
                <text class={`pro-bars__value${suppressed ? ' pro-bars__value--suppressed' : ''}`} x={BAR_MAX + 8} y={y + 33}>
                  {count(b.value)}
                </text>
              </g>
            );
          })}
        </svg>
        <table class="pro-table pro-table--compact">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.observatory.value')}</th>
              <th scope="col" class="pro-table__number">
                {t('pro.observatory.count')}
              </th>
              <th scope="col" class="pro-print-cell" aria-hidden="true" />
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td class={`pro-table__number${b.value === 'suppressed' ? ' pro-table__suppressed' : ''}`}>{count(b.value)}</td>
                <td class="pro-print-cell" aria-hidden="true">
                  <PrintBar parts={b.value === 'suppressed' ? [] : [['', b.value / max]]} hidden={b.value === 'suppressed' ? 1 : 0} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The printed report's bars: one small SVG in the last cell of each table row (the big charts stay
 * on screen), so each printed chart is its table. Shares of the bar's length by level ('' for a
 * plain bar), then a hatched share for what is suppressed.
 */
export function PrintBar({ parts, hidden }: { parts: [level: string, share: number][]; hidden: number }) {
  let x = 0;
  return (
    <svg class="pro-print-bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
      <rect class="pro-bars__track" x="0" y="1" width="100" height="8" />
      {parts.map(([level, share]) => {
        const rect = <rect key={level} class={`pro-bars__bar${level ? ` pro-bars__bar--${level}` : ''}`} x={x} y="1" width={share * 100} height="8" />;
        x += share * 100;
        return rect;
      })}
      {hidden > 0 &&
        Array.from({ length: Math.max(1, Math.round(hidden * 12)) }, (_, i) => (
          <line key={i} class="pro-bars__hatch-line" x1={x + (i * hidden * 100) / Math.max(1, Math.round(hidden * 12))} y1="9" x2={x + ((i + 1) * hidden * 100) / Math.max(1, Math.round(hidden * 12))} y2="1" />
        ))}
    </svg>
  );
}

/** A calendar date "YYYY-MM-DD" as the language writes it (23/11/2026, 11/23/2026…). */
export function formatDay(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

/** A month "YYYY-MM" as the language writes it ("novembre 2026"). */
export function formatMonth(month: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
  } catch {
    return month;
  }
}

export interface AreaRow {
  key: string;
  label: string;
  levels: [LevelOrNone, PublishedCount][];
}

/**
 * Areas by level: one stacked bar per area (every diagnostic has each area at one level, or not
 * assessed), and the same as a table. Suppressed levels share one hatched segment: its length is
 * the total less the levels shown, which the table gives anyway.
 */
export function AreaChart({
  id = 'area',
  rows,
  total,
  levelLabel,
  count,
  level = 2,
}: {
  id?: string;
  rows: AreaRow[];
  total: PublishedCount;
  levelLabel: (l: LevelOrNone) => string;
  count: (n: PublishedCount) => string;
  level?: 2 | 3;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const { t } = useT();
  const whole = total === 'suppressed' ? 0 : total;
  const height = rows.length * ROW + 8;
  const summary = rows.map((r) => `${r.label} : ${r.levels.map(([l, n]) => `${levelLabel(l)} ${count(n)}`).join(', ')}`).join(' ; ');
  return (
    <section class="pro-bars pro-bars--wide" aria-labelledby={`pro-chart-${id}`}>
      <Heading id={`pro-chart-${id}`}>{t('pro.observatory.sections.area')}</Heading>
      <ul class="pro-legend" role="list">
        {LEVELS_OR_NONE.map((l) => (
          <li key={l}>
            <span class={`pro-legend__mark pro-bars__bar--${l}`} aria-hidden="true" />
            {levelLabel(l)}
          </li>
        ))}
        <li>
          <span class="pro-legend__mark pro-legend__mark--suppressed" aria-hidden="true" />
          {t('pro.observatory.suppressed')}
        </li>
      </ul>
      <div class="pro-bars__pair">
        <svg class="pro-bars__svg no-print" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} focusable="false">
          <Hatch id={`pro-hatch-${id}`} />
          {rows.map((r, i) => {
            const y = i * ROW;
            let x = 0;
            const shown = r.levels.reduce((sum, [, n]) => sum + (n === 'suppressed' ? 0 : n), 0);
            const hidden = whole > 0 ? ((whole - shown) / whole) * BAR_MAX : 0;
            return (
              <g key={r.key}>
                <text class="pro-bars__label" x="0" y={y + 14}>
                  {r.label}
                </text>
                <rect class="pro-bars__track" x="0" y={y + 20} width={BAR_MAX} height="16" rx="3" />
                {r.levels.map(([l, n]) => {
                  if (n === 'suppressed' || n === 0 || whole === 0) return null;
                  const w = (n / whole) * BAR_MAX;
                  const rect = <rect key={l} class={`pro-bars__bar pro-bars__bar--${l}`} x={x} y={y + 20} width={w} height="16" />;
                  x += w;
                  return rect;
                })}
                {hidden > 0 && <rect x={x} y={y + 20} width={hidden} height="16" fill={`url(#pro-hatch-${id})`} />}
              </g>
            );
          })}
        </svg>
        <div class="pro-table-scroll" tabIndex={0} role="group" aria-labelledby={`pro-${id}-caption`}>
          <table class="pro-table pro-table--compact">
            <caption id={`pro-${id}-caption`}>{t('pro.observatory.sections.area')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pro.observatory.value')}</th>
                {LEVELS_OR_NONE.map((l) => (
                  <th key={l} scope="col" class="pro-table__number">
                    {levelLabel(l)}
                  </th>
                ))}
                <th scope="col" class="pro-print-cell" aria-hidden="true" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const shown = r.levels.flatMap(([l, n]): [string, number][] => (n === 'suppressed' || whole === 0 ? [] : [[l, n / whole]]));
                const rest = whole === 0 ? 0 : 1 - shown.reduce((sum, [, share]) => sum + share, 0);
                return (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {r.levels.map(([l, n]) => (
                      <td key={l} class={`pro-table__number${n === 'suppressed' ? ' pro-table__suppressed' : ''}`}>
                        {count(n)}
                      </td>
                    ))}
                    <td class="pro-print-cell" aria-hidden="true">
                      <PrintBar parts={shown} hidden={rest > 0.0001 ? rest : 0} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
