import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import { aggregate, LEVELS_OR_NONE, observationsOfTallies, observatoryCsv, type Figures, type LevelOrNone, type Observation } from '../../core/observatory.ts';
import { isoWeek, loadTallies, weekMonday, weekSunday } from '../../core/tally.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { downloadFile, today } from './download.ts';
import { openLocalData } from './local-data.ts';
import { observationsOfRecords, RECORDS, type ToolsSectionProps } from './tools-props.ts';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';

// The observatory: anonymous counts over a period of whole ISO weeks, per profile, area and level,
// flag (situation), mode and week; each as a bar chart the app draws in SVG, with the same numbers
// in a table; the CSV export says what it holds. Inputs: kiosk tallies (settings store) and the
// professional records of the vault, of which only the outcome, the mode and the date are read.

/** Weeks shown when the section opens: the last twelve, this one included. */
const DEFAULT_WEEKS = 12;

interface Bar {
  key: string;
  label: string;
  value: number;
  tone?: string;
}

export default function ObservatorySection({ vault, questionnaire, local, settings, download = downloadFile }: ToolsSectionProps) {
  const { t, language } = useT();
  const texts = questionnaire.locales[language] ?? Object.values(questionnaire.locales)[0];
  const heading = useRef<HTMLHeadingElement>(null);
  const [observations, setObservations] = useState<Observation[]>();
  const [from, setFrom] = useState(() => today(new Date(Date.now() - (DEFAULT_WEEKS - 1) * 7 * 86_400_000)));
  const [to, setTo] = useState(() => today());
  const id = questionnaire.questionnaire.id;

  useEffect(() => {
    let live = true;
    void (async () => {
      const store = local ?? (await openLocalData());
      const [book, records] = await Promise.all([loadTallies((key) => store.get(key)), vault.list<unknown>(RECORDS)]);
      if (!live) return;
      setObservations([
        ...observationsOfTallies(book),
        ...observationsOfRecords(
          records.map((r) => r.value),
          id,
        ),
      ]);
    })().catch(ignoreLocked);
    return () => {
      live = false;
    };
  }, []);
  // The heading takes the focus once the section has loaded (RGAA 12.8).
  useLayoutEffect(() => heading.current?.focus(), [observations === undefined]);

  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const figures = useMemo(
    () => (observations && valid ? aggregate(observations, questionnaire.questionnaire, { from: isoWeek(from), to: isoWeek(to) }) : undefined),
    [observations, valid, from, to, questionnaire],
  );

  if (!observations) {
    return <LoadingStatus />;
  }

  const profileLabel = (p: string) => localeText(texts, 'profiles', p, 'title');
  const areaLabel = (a: string) => localeText(texts, 'areas', a, 'label');
  const flagLabel = (f: string) => localeText(texts, 'flags', f, 'label');
  const levelLabel = (l: LevelOrNone) => t(`pro.observatory.levels.${l}`);
  const modeLabel = (m: string) => t(`pro.observatory.modes.${m}`);
  const day = (iso: string) => formatDay(iso, language);
  const weekLabel = (w: string) => t('pro.observatory.week', { date: day(weekMonday(w)) });

  const exportCsv = (f: Figures) => {
    const csv = observatoryCsv(f, {
      description: t('pro.observatory.csv.description', {
        structure: settings?.structure ? ` — ${settings.structure}` : '',
        from: weekMonday(f.period.from),
        to: weekSunday(f.period.to),
        fromWeek: f.period.from,
        toWeek: f.period.to,
      }),
      headers: [t('pro.observatory.csv.section'), t('pro.observatory.csv.value'), t('pro.observatory.csv.count')],
      sections: {
        total: t('pro.observatory.csv.total'),
        profile: t('pro.observatory.sections.profile'),
        area: t('pro.observatory.sections.area'),
        flag: t('pro.observatory.sections.flag'),
        mode: t('pro.observatory.sections.mode'),
        week: t('pro.observatory.sections.week'),
      },
      profile: profileLabel,
      area: areaLabel,
      level: levelLabel,
      flag: flagLabel,
      mode: modeLabel,
    });
    download({ name: `observatoire-${f.period.from}-${f.period.to}.csv`, text: csv, type: 'text/csv' });
  };

  return (
    <section class="pro pro-tools" aria-labelledby="pro-observatory-title">
      <h1 id="pro-observatory-title" tabIndex={-1} ref={heading}>
        {t('pro.observatory.title')}
      </h1>
      <p>{t('pro.observatory.intro')}</p>
      <fieldset class="pro-period">
        <legend>{t('pro.observatory.period')}</legend>
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
      {figures && (
        <>
          <p class="pro-observatory__total" role="status">
            {t('pro.observatory.total', { count: figures.total, from: day(weekMonday(figures.period.from)), to: day(weekSunday(figures.period.to)) })}
          </p>
          {figures.total === 0 ? (
            <p>{t('pro.observatory.empty')}</p>
          ) : (
            <>
              <Chart id="profile" title={t('pro.observatory.sections.profile')} bars={figures.byProfile.map(([p, n]) => ({ key: p, label: profileLabel(p), value: n }))} />
              <AreaChart rows={figures.byAreaLevel.map(([a, counts]) => ({ key: a, label: areaLabel(a), counts }))} levelLabel={levelLabel} />
              <Chart id="flag" title={t('pro.observatory.sections.flag')} bars={figures.byFlag.map(([f, n]) => ({ key: f, label: flagLabel(f), value: n }))} />
              <Chart id="mode" title={t('pro.observatory.sections.mode')} bars={figures.byMode.map(([m, n]) => ({ key: m, label: modeLabel(m), value: n }))} />
              <Chart id="week" title={t('pro.observatory.sections.week')} bars={figures.byWeek.map(([w, n]) => ({ key: w, label: weekLabel(w), value: n }))} />
            </>
          )}
          <div class="pro-tools__files">
            <div class="pro-field">
              <button type="button" class="button button--primary" aria-describedby="pro-observatory-export-hint" onClick={() => exportCsv(figures)}>
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
const BAR_MAX = 520;

/** A horizontal bar chart drawn as SVG (label above each bar, the count after it), and the same numbers as a table. */
function Chart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const { t } = useT();
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * ROW + 8;
  const summary = bars.map((b) => t('pro.observatory.bar', { label: b.label, count: b.value })).join(' ; ');
  return (
    <section class="pro-bars" aria-labelledby={`pro-chart-${id}`}>
      <h2 id={`pro-chart-${id}`}>{title}</h2>
      <svg class="pro-bars__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} focusable="false">
        {bars.map((b, i) => {
          const y = i * ROW;
          const w = Math.round((b.value / max) * BAR_MAX);
          return (
            <g key={b.key}>
              <text class="pro-bars__label" x="0" y={y + 14}>
                {b.label}
              </text>
              <rect class="pro-bars__track" x="0" y={y + 20} width={BAR_MAX} height="16" rx="3" />
              <rect class={`pro-bars__bar${b.tone ? ` pro-bars__bar--${b.tone}` : ''}`} x="0" y={y + 20} width={w} height="16" rx="3" />
              <text class="pro-bars__value" x={BAR_MAX + 8} y={y + 33}>
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('pro.observatory.table')}</summary>
        <table class="pro-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.observatory.value')}</th>
              <th scope="col" class="pro-table__number">
                {t('pro.observatory.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.key}>
                <th scope="row">{b.label}</th>
                <td class="pro-table__number">{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
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

/** Areas by level: one stacked bar per area (every diagnostic has each area at one level, or not assessed), and the same as a table. */
function AreaChart({ rows, levelLabel }: { rows: { key: string; label: string; counts: Record<LevelOrNone, number> }[]; levelLabel: (l: LevelOrNone) => string }) {
  const { t } = useT();
  const total = Math.max(1, ...rows.map((r) => LEVELS_OR_NONE.reduce((n, l) => n + r.counts[l], 0)));
  const height = rows.length * ROW + 8;
  const summary = rows.map((r) => `${r.label} : ${LEVELS_OR_NONE.map((l) => `${levelLabel(l)} ${r.counts[l]}`).join(', ')}`).join(' ; ');
  return (
    <section class="pro-bars" aria-labelledby="pro-chart-area">
      <h2 id="pro-chart-area">{t('pro.observatory.sections.area')}</h2>
      <ul class="pro-legend" role="list">
        {LEVELS_OR_NONE.map((l) => (
          <li key={l}>
            <span class={`pro-legend__mark pro-bars__bar--${l}`} aria-hidden="true" />
            {levelLabel(l)}
          </li>
        ))}
      </ul>
      <svg class="pro-bars__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} focusable="false">
        {rows.map((r, i) => {
          const y = i * ROW;
          let x = 0;
          return (
            <g key={r.key}>
              <text class="pro-bars__label" x="0" y={y + 14}>
                {r.label}
              </text>
              <rect class="pro-bars__track" x="0" y={y + 20} width={BAR_MAX} height="16" rx="3" />
              {LEVELS_OR_NONE.map((l) => {
                const w = (r.counts[l] / total) * BAR_MAX;
                const rect = w > 0 ? <rect key={l} class={`pro-bars__bar pro-bars__bar--${l}`} x={x} y={y + 20} width={w} height="16" /> : null;
                x += w;
                return rect;
              })}
            </g>
          );
        })}
      </svg>
      <details>
        <summary>{t('pro.observatory.table')}</summary>
        <table class="pro-table">
          <caption>{t('pro.observatory.sections.area')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.observatory.value')}</th>
              {LEVELS_OR_NONE.map((l) => (
                <th key={l} scope="col" class="pro-table__number">
                  {levelLabel(l)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {LEVELS_OR_NONE.map((l) => (
                  <td key={l} class="pro-table__number">
                    {r.counts[l]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
