import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ignoreLocked } from '../../storage/vault.ts';
import type { LoadedQuestionnaire, Questionnaire } from '../../core/index.ts';
import {
  aggregate,
  countByQuestionnaire,
  observationsOfTallies,
  suppressCount,
  observatoryLongCsv,
  publish,
  type DsiRow,
  type LevelOrNone,
  type Observation,
  type PublishedCount,
  type PublishedFigures,
} from '../../core/observatory.ts';
import { isoWeek, loadTallies, weekMonday, weekSunday } from '../../core/tally.ts';
import { useT } from '../i18n-context.ts';
import { fetchIndex, fetchQuestionnaire, fetchText, hasLocaleText, localeText } from '../questionnaire-loader.ts';
import { downloadFile, today } from './download.ts';
import { openLocalData } from './local-data.ts';
import { observationsOfRecords, RECORDS, type ToolsSectionProps } from './tools-props.ts';
import './tools.css';
import { LoadingStatus } from '../loading-status.tsx';
import { AreaChart, Chart, csvWords, formatDay, formatMonth } from './observatory-charts.tsx';
import { TerritoryPanel } from './territory-panel.tsx';
import { PUSH_STATUS_SETTING, readPushStatus, type PushStatus } from '../../core/territory-push.ts';

// The observatory: anonymous counts over a period of whole ISO weeks and one questionnaire, per
// profile, area and level, flag (situation), mode and week (or month); each as a bar chart the app
// draws in SVG beside the same numbers as a table. Counts from 1 to 4 are suppressed everywhere
// (core: publish), on screen, on the printed one-page report and in the long CSV. Inputs: kiosk
// tallies (settings store) and the professional records of the vault, of which only the outcome,
// the mode and the date are read.

/** Weeks shown when the section opens: the last twelve, this one included. */
const DEFAULT_WEEKS = 12;

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
  const [push, setPush] = useState<PushStatus>();

  useEffect(() => {
    let live = true;
    void (async () => {
      const store = local ?? (await openLocalData());
      const [book, stored, pushed] = await Promise.all([loadTallies((key) => store.get(key)), vault.list<unknown>(RECORDS), store.get(PUSH_STATUS_SETTING)]);
      if (!live) return;
      setPush(readPushStatus(pushed));
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
  const period = useMemo(() => (valid ? { from: isoWeek(from), to: isoWeek(to) } : undefined), [valid, from, to]);
  const published = useMemo(() => {
    if (!tallies || !period) return undefined;
    const observations = [...tallies, ...observationsOfRecords(records, loaded.questionnaire)];
    // Profiles, areas and flags of an older version are counted too, after the current ones.
    return publish(aggregate(observations, loaded.questionnaire, period, { keepUnlisted: true }));
  }, [tallies, records, period, loaded]);
  // Every questionnaire's count over the period: another questionnaire's diagnostics are never hidden.
  const byQuestionnaire = useMemo(() => {
    if (!tallies || !period) return [];
    const ids = new Set([...choices.map((q) => q.questionnaire.id), ...tallies.map((o) => o.questionnaireId), ...records.flatMap((r) => questionnaireIdOf(r))]);
    // Only counted here: a questionnaire no longer in the build is known by its id alone.
    const questionnaireOf = (id: string) => choices.find((q) => q.questionnaire.id === id)?.questionnaire ?? ({ id } as unknown as Questionnaire);
    const observations = [...tallies, ...[...ids].flatMap((id) => observationsOfRecords(records, questionnaireOf(id)))];
    return countByQuestionnaire(observations, choices.map((q) => q.questionnaire.id), period).filter(([id, n]) => n > 0 || id === loaded.questionnaire.id);
  }, [tallies, records, period, choices, loaded]);

  if (!tallies) {
    return <LoadingStatus />;
  }

  const title = localeText(texts, 'title');
  // A profile, area or flag of an older version that the current one no longer has: its id.
  const profileLabel = (p: string) => (hasLocaleText(texts, 'profiles', p, 'title') ? localeText(texts, 'profiles', p, 'title') : p);
  const areaLabel = (a: string) => (hasLocaleText(texts, 'areas', a, 'label') ? localeText(texts, 'areas', a, 'label') : a);
  const flagLabel = (f: string) => (hasLocaleText(texts, 'flags', f, 'label') ? localeText(texts, 'flags', f, 'label') : f);
  const titleOf = (id: string) => {
    const q = choices.find((c) => c.questionnaire.id === id);
    return q ? localeText(q.locales[language] ?? Object.values(q.locales)[0], 'title') : id;
  };
  const levelLabel = (l: LevelOrNone) => t(`pro.observatory.levels.${l}`);
  const modeLabel = (m: string) => t(`pro.observatory.modes.${m}`);
  const dsiLabel = (l: DsiRow) => (l === 'not-computed' ? t('pro.observatory.dsiNotComputed') : t(`pro.interview.dsi.levels.${l}`));
  const day = (iso: string) => formatDay(iso, language);
  const seriesLabel = (key: string, unit: 'week' | 'month') => (unit === 'week' ? t('pro.observatory.week', { date: day(weekMonday(key)) }) : formatMonth(key, language));

  const exportCsv = (f: PublishedFigures) => {
    const words = csvWords(t);
    const csv = observatoryLongCsv(f, {
      headers: [words.from, words.to, words.questionnaire, ...words.rest],
      indicators: { ...words.indicators, mode: t('pro.observatory.indicators.mode'), dsi: t('pro.observatory.indicators.dsi') },
      suppressed: words.suppressed,
      questionnaire: title,
      profile: profileLabel,
      area: areaLabel,
      level: levelLabel,
      flag: flagLabel,
      mode: modeLabel,
      dsi: dsiLabel,
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
          {byQuestionnaire.length > 1 && (
            <section class="pro-observatory__questionnaires" aria-labelledby="pro-observatory-by-questionnaire">
              <h2 id="pro-observatory-by-questionnaire">{t('pro.observatory.byQuestionnaire.title')}</h2>
              <table class="pro-table">
                <caption>{t('pro.observatory.byQuestionnaire.caption', { from: day(weekMonday(published.period.from)), to: day(weekSunday(published.period.to)) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pro.observatory.questionnaire')}</th>
                    <th scope="col">{t('pro.observatory.byQuestionnaire.count')}</th>
                  </tr>
                </thead>
                <tbody>
                  {byQuestionnaire.map(([id, n]) => (
                    <tr key={id} aria-current={id === loaded.questionnaire.id ? 'true' : undefined}>
                      <th scope="row">{titleOf(id)}</th>
                      <td>{count(suppressCount(n))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="pro-field__hint">{t('pro.observatory.byQuestionnaire.hint')}</p>
            </section>
          )}
          {published.total === 0 ? (
            <p>{t('pro.observatory.empty')}</p>
          ) : (
            <div class="pro-report">
              {/* Profiles and modes share one cell of the printed report's grid (beside the situations, which run longer), so the report stays on one page. */}
              <div class="pro-report__stack">
                <Chart id="profile" title={t('pro.observatory.sections.profile')} bars={published.byProfile.map(([p, n]) => ({ key: p, label: profileLabel(p), value: n }))} count={count} />
                <Chart id="mode" title={t('pro.observatory.sections.mode')} bars={published.byMode.map(([m, n]) => ({ key: m, label: modeLabel(m), value: n }))} count={count} />
              </div>
              <AreaChart rows={published.byAreaLevel.map(([a, levels]) => ({ key: a, label: areaLabel(a), levels }))} total={published.total} levelLabel={levelLabel} count={count} />
              <Chart id="flag" title={t('pro.observatory.sections.flag')} bars={published.byFlag.map(([f, n]) => ({ key: f, label: flagLabel(f), value: n }))} count={count} />
              {published.byDsi && (
                <Chart
                  id="dsi"
                  title={t('pro.observatory.sections.dsi')}
                  hint={t('pro.observatory.dsiHint')}
                  bars={published.byDsi.map(([l, n]) => ({ key: l, label: dsiLabel(l), value: n }))}
                  count={count}
                />
              )}
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
      {settings?.observatoryUrl && push && (
        <section class="no-print" aria-labelledby="pro-observatory-push">
          <h2 id="pro-observatory-push">{t('pro.observatory.territory.push.title')}</h2>
          <p>{push.lastSent ? t('pro.observatory.territory.push.sent', { date: day(push.lastSent) }) : t('pro.observatory.territory.push.never')}</p>
          <p>{t('pro.observatory.territory.push.waiting')}</p>
          {push.problem && <p class="question__error">{t(`pro.observatory.territory.push.problems.${push.problem}`)}</p>}
        </section>
      )}
      {settings?.territoryUrl && (
        <TerritoryPanel
          vault={vault}
          url={settings.territoryUrl}
          questionnaire={loaded.questionnaire}
          period={period}
          labels={{ title, profile: profileLabel, area: areaLabel, flag: flagLabel, level: levelLabel, series: seriesLabel, count }}
          download={download}
        />
      )}
    </section>
  );
}

/** The questionnaire id of a stored record, read without trusting it (the vault's values are checked where they are counted). */
function questionnaireIdOf(value: unknown): string[] {
  const id = (value as { session?: { questionnaireId?: unknown } } | undefined)?.session?.questionnaireId;
  return typeof id === 'string' ? [id] : [];
}
