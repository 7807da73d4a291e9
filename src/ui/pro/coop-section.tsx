import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { COOP_AUTONOMIE, COOP_TYPES, coopActivities, coopCsv, coopDiagnosticOf, defaultCoopMapping, readCoopMapping, type CoopActivity, type CoopHeadings, type CoopMapping } from '../../core/coop.ts';
import { readProRecord, type ProRecord } from '../../core/pro-record.ts';
import { COOP_MAPPING_SETTING } from '../../core/setting-keys.ts';
import { ignoreLocked } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { LoadingStatus } from '../loading-status.tsx';
import { downloadFile, localDay, today } from './download.ts';
import { openLocalData } from './local-data.ts';
import { RECORDS, type ToolsSectionProps } from './tools-props.ts';
import './tools.css';

// « Pour la Coop »: the professional's finished diagnostics as activities of La Coop de la
// médiation numérique's activity report (src/core/coop.ts), one CSV in one click: in the Coop API's
// names (to import) or in the headings and labels of the Coop's own export table (to read). Only
// the mode, the day, the duration, the age bracket and the outcome go in: never a code, a label, a
// note or an answer. The table that turns a profile into the Coop's autonomy level is data: the
// questionnaire's `coop` block to start with, then what the structure chooses here, kept in clear
// on the device (settings store, `coop.mapping.<questionnaire id>`; it says nothing about anyone).

/** The setting that holds a questionnaire's table. */
export const coopMappingSetting = (questionnaireId: string) => `${COOP_MAPPING_SETTING}.${questionnaireId}`;

/** The finished diagnostics of the vault, readable ones only. */
async function finishedRecords(vault: ToolsSectionProps['vault']): Promise<ProRecord[]> {
  const entries = await vault.list<unknown>(RECORDS);
  return entries.flatMap(({ value }) => {
    const read = readProRecord(value);
    return read.ok && read.record.session.status === 'completed' && read.record.outcome ? [read.record] : [];
  });
}

/** The activities of the diagnostics within the days chosen, each questionnaire's with its own table. */
function activitiesOf(records: readonly ProRecord[], tables: ReadonlyMap<string, CoopMapping>, from: string, to: string): CoopActivity[] {
  const byQuestionnaire = new Map<string, ProRecord[]>();
  for (const r of records) byQuestionnaire.set(r.session.questionnaireId, [...(byQuestionnaire.get(r.session.questionnaireId) ?? []), r]);
  const rows = [...byQuestionnaire].flatMap(([id, list]) => {
    const diagnostics = list.flatMap((r) => coopDiagnosticOf(r, localDay) ?? []).filter((d) => d.date >= from && d.date <= to);
    return coopActivities(diagnostics, tables.get(id) ?? defaultCoopMapping());
  });
  return rows.sort((a, b) => a.date.localeCompare(b.date));
}

export default function CoopSection({ vault, questionnaire, local, download = downloadFile }: ToolsSectionProps) {
  const { t, language } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const id = questionnaire.questionnaire.id;
  const start = useMemo(() => defaultCoopMapping(questionnaire.questionnaire.coop), [questionnaire]);
  const [records, setRecords] = useState<ProRecord[]>();
  const [tables, setTables] = useState<Map<string, CoopMapping>>(new Map());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(() => today());
  const [headings, setHeadings] = useState<CoopHeadings>('api');
  const [saved, setSaved] = useState<'saved' | 'failed' | 'reset'>();
  const [exported, setExported] = useState<{ name: string; rows: number }>();

  useEffect(() => {
    let live = true;
    void (async () => {
      const store = local ?? (await openLocalData());
      const list = await finishedRecords(vault);
      const ids = new Set([id, ...list.map((r) => r.session.questionnaireId)]);
      const read = await Promise.all([...ids].map(async (q) => [q, readCoopMapping(await store.get(coopMappingSetting(q)), q === id ? start : defaultCoopMapping())] as const));
      if (!live) return;
      setTables(new Map(read));
      setRecords(list);
      // From the first finished diagnostic: one click exports them all.
      const first = list.map((r) => localDay(r.session.completedAt ?? r.session.updatedAt)).sort()[0];
      setFrom(first ?? today());
    })().catch(ignoreLocked);
    return () => {
      live = false;
    };
  }, []);
  // The heading takes the focus once the section has loaded.
  useLayoutEffect(() => heading.current?.focus(), [records === undefined]);

  if (!records) return <LoadingStatus />;

  const table = tables.get(id) ?? start;
  const texts = questionnaire.locales[language] ?? Object.values(questionnaire.locales)[0];
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const activities = valid ? activitiesOf(records, tables, from, to) : [];

  const change = async (next: CoopMapping, what: 'saved' | 'reset' = 'saved') => {
    setTables(new Map(tables).set(id, next));
    setExported(undefined);
    const store = local ?? (await openLocalData());
    setSaved((await store.set(coopMappingSetting(id), next)) ? what : 'failed');
  };

  const exportCsv = () => {
    const name = `coop-activites-${from}-${to}${headings === 'export' ? '-libelles' : ''}.csv`;
    download({ name, text: coopCsv(activities, headings), type: 'text/csv' });
    setExported({ name, rows: activities.length });
  };

  return (
    <section class="pro pro-tools pro-coop" aria-labelledby="pro-coop-title">
      <h1 id="pro-coop-title" tabIndex={-1} ref={heading}>
        {t('pro.coop.title')}
      </h1>
      <p>{t('pro.coop.intro')}</p>

      <fieldset class="pro-period">
        <legend>{t('pro.coop.period')}</legend>
        <div class="pro-field">
          <label for="pro-coop-from">{t('pro.coop.from')}</label>
          <input id="pro-coop-from" type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class="pro-field">
          <label for="pro-coop-to">{t('pro.coop.to')}</label>
          <input id="pro-coop-to" type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
      </fieldset>
      {!valid && (
        <p class="question__error" role="alert">
          {t('pro.coop.badPeriod')}
        </p>
      )}
      <fieldset class="pro-field pro-choice">
        <legend>{t('pro.coop.headings')}</legend>
        {(['api', 'export'] as const).map((h) => (
          <label key={h} class="pro-choice__item">
            <input type="radio" name="pro-coop-headings" value={h} checked={headings === h} onChange={() => setHeadings(h)} />
            {t(`pro.coop.headingsChoice.${h}`)}
          </label>
        ))}
      </fieldset>
      <p role="status" id="pro-coop-count">
        {valid && t('pro.coop.count', { count: activities.length })}
      </p>
      <div class="pro-tools__files">
        <div class="pro-field">
          <button type="button" class="button button--primary" aria-describedby="pro-coop-count pro-coop-export-hint" onClick={exportCsv} disabled={!valid}>
            {t('pro.coop.export')}
          </button>
          <p class="pro-field__hint" id="pro-coop-export-hint">
            {t('pro.coop.exportHint')}
          </p>
        </div>
      </div>
      <p role="status" class="pro-coop__done">
        {exported && t('pro.coop.exported', { name: exported.name, count: exported.rows })}
      </p>

      <section aria-labelledby="pro-coop-table-title">
        <h2 id="pro-coop-table-title">{t('pro.coop.tableTitle')}</h2>
        <p>{t('pro.coop.tableIntro', { questionnaire: localeText(texts, 'title') })}</p>
        <fieldset class="pro-field pro-choice pro-coop__levels">
          <legend>{t('pro.coop.autonomie')}</legend>
          {questionnaire.questionnaire.profiles.map((p) => (
            <div class="pro-field" key={p}>
              <label for={`pro-coop-level-${p}`}>{localeText(texts, 'profiles', p, 'title')}</label>
              <select
                id={`pro-coop-level-${p}`}
                value={table.autonomie[p] ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value as (typeof COOP_AUTONOMIE)[number] | '';
                  const autonomie = { ...table.autonomie };
                  if (value) autonomie[p] = value;
                  else delete autonomie[p];
                  void change({ ...table, autonomie });
                }}
              >
                <option value="">{t('pro.coop.levels.none')}</option>
                {COOP_AUTONOMIE.map((level) => (
                  <option key={level} value={level}>
                    {t(`pro.coop.levels.${level}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
        <div class="pro-field">
          <label for="pro-coop-workshop">{t('pro.coop.workshopType')}</label>
          <select id="pro-coop-workshop" aria-describedby="pro-coop-workshop-hint" value={table.type.workshop} onChange={(e) => void change({ ...table, type: { ...table.type, workshop: e.currentTarget.value as (typeof COOP_TYPES)[number] } })}>
            {COOP_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`pro.coop.types.${type}`)}
              </option>
            ))}
          </select>
          <p class="pro-field__hint" id="pro-coop-workshop-hint">
            {t('pro.coop.workshopHint')}
          </p>
        </div>
        <p class="pro-actions">
          <button type="button" class="button button--secondary" onClick={() => void change(start, 'reset')}>
            {t('pro.coop.reset')}
          </button>
        </p>
        <p role="status" class={saved === 'failed' ? 'notice notice--warning' : 'pro-field__hint'}>
          {saved && t(`pro.coop.saved.${saved}`)}
        </p>
      </section>
    </section>
  );
}
