import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import type { LoadedQuestionnaire } from '../../core/index.ts';
import {
  aggregate,
  LEVELS_OR_NONE,
  observationsOfTallies,
  observatoryLongCsv,
  publish,
  type LevelOrNone,
  type Observation,
  type PublishedCount,
  type PublishedFigures,
} from '../../core/observatory.ts';
import { isoWeek, loadTallies, weekMonday, weekSunday } from '../../core/tally.ts';
import { useT } from '../i18n-context.ts';
import { fetchIndex, fetchQuestionnaire, fetchText, localeText } from '../questionnaire-loader.ts';
import { downloadFile, today } from './download.ts';
import { openLocalData } from './local-data.ts';
import { observationsOfRecords, RECORDS, type ToolsSectionProps } from './tools-props.ts';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';

// The observatory: anonymous counts over a period of whole ISO weeks and one questionnaire, per
// profile, area and level, flag (situation), mode and week (or month); each as a bar chart the app
// draws in SVG beside the same numbers as a table. Counts from 1 to 4 are suppressed everywhere
// (core: publish), on screen, on the printed one-page report and in the long CSV. Inputs: kiosk
// tallies (settings store) and the professional records of the vault, of which only the outcome,
// the mode and the date are read.

/** Weeks shown when the section opens: the last twelve, this one included. */
const DEFAULT_WEEKS = 12;

interface Bar {
  key: string;
  label: string;
  value: PublishedCount;
}

/** The questionnaires of the device, each in the professional's language (the one of the device first). */
async function loadQuestionnaires(current: LoadedQuestionnaire, language: string): Promise<LoadedQuestionnaire[]> {
  const entries = await fetchIndex(fetchText).catch(() => []);
  const others = await Promise.all(
    entries
      .filter((e) => e.id !== current.questionnaire.id)
      .map(async (e) => {
        const load = await fetchQuestionnaire(fetchText, e, language).catch(() => undefined);
        return load?.ok ? [load.loaded] : [];
      }),
  );
  return [current, ...others.flat()];
}

export interface ObservatorySectionProps extends ToolsSectionProps {
  /** The questionnaires to choose from; by default the device's, read from questionnaires/index.json. */
  questionnaires?: () => Promise<LoadedQuestionnaire[]>;
}

export default function ObservatorySection({ vault, questionnaire, language: proLanguage, local, settings, download = downloadFile, questionnaires }: ObservatorySectionProps) {
  const { t, language } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [tallies, setTallies] = useState<Observation[]>();
  const [records, setRecords] = useState<unknown[]>([]);
  const [choices, setChoices] = useState<LoadedQuestionnaire[]>([questionnaire]);
  const [chosen, setChosen] = useState<string>(questionnaire.questionnaire.id);
  const [from, setFrom] = useState(() => today(new Date(Date.now() - (DEFAULT_WEEKS - 1) * 7 * 86_400_000)));
  const [to, setTo] = useState(() => today());

  useEffect(() => {
    let live = true;
    void (async () => {
      const store = local ?? (await openLocalData());
      const [book, stored] = await Promise.all([loadTallies((key) => store.get(key)), vault.list<unknown>(RECORDS)]);
      if (!live) return;
      setRecords(stored.map((r) => r.value));
      setTallies(observationsOfTallies(book));
    })().catch(ignoreLocked);
    void (questionnaires ?? (() => loadQuestionnaires(questionnaire, proLanguage)))()
      .then((list) => live && list.length > 0 && setChoices(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  // The heading takes the focus once the section has loaded (RGAA 12.8).
  useLayoutEffect(() => heading.current?.focus(), [tallies === undefined]);

  const loaded = choices.find((q) => q.questionnaire.id === chosen) ?? questionnaire;
  const texts = loaded.locales[language] ?? Object.values(loaded.locales)[0];
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const published = useMemo(() => {
    if (!tallies || !valid) return undefined;
    const observations = [...tallies, ...observationsOfRecords(records, loaded.questionnaire.id)];
    return publish(aggregate(observations, loaded.questionnaire, { from: isoWeek(from), to: isoWeek(to) }));
  }, [tallies, records, valid, from, to, loaded]);

  if (!tallies) {
    return <LoadingStatus />;
  }

  const title = localeText(texts, 'title');
  const profileLabel = (p: string) => localeText(texts, 'profiles', p, 'title');
  const areaLabel = (a: string) => localeText(texts, 'areas', a, 'label');
  const flagLabel = (f: string) => localeText(texts, 'flags', f, 'label');
  const levelLabel = (l: LevelOrNone) => t(`pro.observatory.levels.${l}`);
  const modeLabel = (m: string) => t(`pro.observatory.modes.${m}`);
  const day = (iso: string) => formatDay(iso, language);
  const seriesLabel = (key: string, unit: 'week' | 'month') => (unit === 'week' ? t('pro.observatory.week', { date: day(weekMonday(key)) }) : formatMonth(key, language));

  const exportCsv = (f: PublishedFigures) => {
    const csv = observatoryLongCsv(f, {
      headers: [
        t('pro.observatory.csv.from'),
        t('pro.observatory.csv.to'),
        t('pro.observatory.csv.questionnaire'),
        t('pro.observatory.csv.indicator'),
        t('pro.observatory.csv.category'),
        t('pro.observatory.csv.value'),
        t('pro.observatory.csv.count'),
        t('pro.observatory.csv.note'),
      ],
      indicators: {
        total: t('pro.observatory.csv.total'),
        profile: t('pro.observatory.indicators.profile'),
        area: t('pro.observatory.indicators.area'),
        flag: t('pro.observatory.indicators.flag'),
        mode: t('pro.observatory.indicators.mode'),
        week: t('pro.observatory.indicators.week'),
      },
      suppressed: t('pro.observatory.csv.suppressed'),
      questionnaire: title,
      profile: profileLabel,
      area: areaLabel,
      level: levelLabel,
      flag: flagLabel,
      mode: modeLabel,
    });
    download({ name: `observatoire-${f.questionnaireId}-${f.period.from}-${f.period.to}.csv`, text: csv, type: 'text/csv' });
  };

  const count = (n: PublishedCount) => (n === 'suppressed' ? t('pro.observatory.suppressed') : String(n));

  return (
    <section class="pro pro-tools pro-observatory" aria-labelledby="pro-observatory-title">
      <h1 id="pro-observatory-title" tabIndex={-1} ref={heading}>
        {t('pro.observatory.title')}
      </h1>
      <p class="no-print">{t('pro.observatory.intro')}</p>
      <fieldset class="pro-period no-print">
        <legend>{t('pro.observatory.choice')}</legend>
        <div class="pro-field">
          <label for="pro-observatory-questionnaire">{t('pro.observatory.questionnaire')}</label>
          <select id="pro-observatory-questionnaire" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            {choices.map((q) => (
              <option key={q.questionnaire.id} value={q.questionnaire.id}>
                {localeText(q.locales[language] ?? Object.values(q.locales)[0], 'title')}
              </option>
            ))}
          </select>
        </div>
        <div class="pro-field">
          <label for="pro-observatory-from">{t('pro.observatory.from')}</label>
          <input id="pro-observatory-from" type="date" value={from} aria-describedby="pro-observatory-hint" onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="pro-field">
          <label for="pro-observatory-to">{t('pro.observatory.to')}</label>
          <input id="pro-observatory-to" type="date" value={to} aria-describedby="pro-observatory-hint" onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <p class="pro-field__hint" id="pro-observatory-hint">
          {t('pro.observatory.periodHint')}
        </p>
      </fieldset>
      {!valid && (
        <p class="question__error" role="alert">
          {t('pro.observatory.badPeriod')}
        </p>
      )}
      {published && (
        <>
          <div class="pro-report__head">
            <p class="pro-report__what">
              {t(settings?.structure ? 'pro.observatory.report' : 'pro.observatory.reportNoStructure', {
                questionnaire: title,
                structure: settings?.structure ?? '',
                from: day(weekMonday(published.period.from)),
                to: day(weekSunday(published.period.to)),
                interpolation: { escapeValue: false },
              })}
            </p>
            <p class="pro-observatory__total" role="status">
              {published.tooFew
                ? t('pro.observatory.tooFew', { from: day(weekMonday(published.period.from)), to: day(weekSunday(published.period.to)) })
                : t('pro.observatory.total', { count: published.total as number, from: day(weekMonday(published.period.from)), to: day(weekSunday(published.period.to)) })}
            </p>
            <p class="pro-report__secret">{t('pro.observatory.secret')}</p>
          </div>
          {published.total === 0 ? (
            <p>{t('pro.observatory.empty')}</p>
          ) : (
            <div class="pro-report">
              <Chart id="profile" title={t('pro.observatory.sections.profile')} bars={published.byProfile.map(([p, n]) => ({ key: p, label: profileLabel(p), value: n }))} count={count} />
              <AreaChart rows={published.byAreaLevel.map(([a, levels]) => ({ key: a, label: areaLabel(a), levels }))} total={published.total} levelLabel={levelLabel} count={count} />
              <Chart id="flag" title={t('pro.observatory.sections.flag')} bars={published.byFlag.map(([f, n]) => ({ key: f, label: flagLabel(f), value: n }))} count={count} />
              <Chart id="mode" title={t('pro.observatory.sections.mode')} bars={published.byMode.map(([m, n]) => ({ key: m, label: modeLabel(m), value: n }))} count={count} />
              <Chart
                id="series"
                title={t(published.series.unit === 'week' ? 'pro.observatory.sections.week' : 'pro.observatory.sections.month')}
                bars={published.series.rows.map(([key, n]) => ({ key, label: seriesLabel(key, published.series.unit), value: n }))}
                count={count}
              />
            </div>
          )}
          <p class="pro-report__printed print-only">{t('pro.observatory.printed', { date: day(today()) })}</p>
          <div class="pro-tools__files no-print">
            <p class="pro-actions">
              <button type="button" class="button button--primary" aria-describedby="pro-observatory-print-hint" onClick={() => window.print()}>
                {t('pro.observatory.print')}
              </button>
            </p>
            <p class="pro-field__hint" id="pro-observatory-print-hint">
              {t('pro.observatory.printHint')}
            </p>
            <div class="pro-field">
              <button type="button" class="button button--secondary" aria-describedby="pro-observatory-export-hint" onClick={() => exportCsv(published)}>
                {t('pro.observatory.export')}
              </button>
              <p class="pro-field__hint" id="pro-observatory-export-hint">
                {t('pro.observatory.exportHint')}
              </p>
            </div>
          </div>
        </>
      )}
    </section>
  );
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
function Chart({ id, title, bars, count }: { id: string; title: string; bars: Bar[]; count: (n: PublishedCount) => string }) {
  const { t } = useT();
  const max = Math.max(1, ...bars.map((b) => (b.value === 'suppressed' ? 0 : b.value)));
  const height = bars.length * ROW + 8;
  const summary = bars.map((b) => t('pro.observatory.bar', { label: b.label, count: count(b.value) })).join(' ; ');
  const hatch = `pro-hatch-${id}`;
  return (
    <section class="pro-bars" aria-labelledby={`pro-chart-${id}`}>
      <h2 id={`pro-chart-${id}`}>{title}</h2>
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
function PrintBar({ parts, hidden }: { parts: [level: string, share: number][]; hidden: number }) {
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
function formatDay(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

/** A month "YYYY-MM" as the language writes it ("novembre 2026"). */
function formatMonth(month: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
  } catch {
    return month;
  }
}

interface AreaRow {
  key: string;
  label: string;
  levels: [LevelOrNone, PublishedCount][];
}

/**
 * Areas by level: one stacked bar per area (every diagnostic has each area at one level, or not
 * assessed), and the same as a table. Suppressed levels share one hatched segment: its length is
 * the total less the levels shown, which the table gives anyway.
 */
function AreaChart({ rows, total, levelLabel, count }: { rows: AreaRow[]; total: PublishedCount; levelLabel: (l: LevelOrNone) => string; count: (n: PublishedCount) => string }) {
  const { t } = useT();
  const whole = total === 'suppressed' ? 0 : total;
  const height = rows.length * ROW + 8;
  const summary = rows.map((r) => `${r.label} : ${r.levels.map(([l, n]) => `${levelLabel(l)} ${count(n)}`).join(', ')}`).join(' ; ');
  return (
    <section class="pro-bars pro-bars--wide" aria-labelledby="pro-chart-area">
      <h2 id="pro-chart-area">{t('pro.observatory.sections.area')}</h2>
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
          <Hatch id="pro-hatch-area" />
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
                {hidden > 0 && <rect x={x} y={y + 20} width={hidden} height="16" fill="url(#pro-hatch-area)" />}
              </g>
            );
          })}
        </svg>
        <div class="pro-table-scroll" tabIndex={0} role="group" aria-labelledby="pro-area-caption">
          <table class="pro-table pro-table--compact">
            <caption id="pro-area-caption">{t('pro.observatory.sections.area')}</caption>
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
