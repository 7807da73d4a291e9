import type { RefObject } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { historyGroups, mappingChain, versionOf, type AreaLevel, type HistoryGroup, type LoadedQuestionnaire, type Questionnaire, type QuestionId, type Settings } from '../../core/index.ts';
import { DSI_AREAS, dsiOfRun } from '../../core/dsi.ts';
import { GENERAL_NOTE, readProRecord, sheetNotesOf, type HistoryPoint, type ProRecord } from '../../core/pro-record.ts';
import { ignoreLocked, type Vault } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import { localeText } from '../questionnaire-loader.ts';
import { sharedResultOf } from '../result-link.ts';
import { ResultScreen } from '../result-screen.tsx';
import Placement from './placement.tsx';
import { RECORDS, type ProParams, type ProSectionProps } from './section-props.ts';
import { LoadingStatus } from '../loading-status.tsx';
import { useRecordQuestionnaire, type RecordQuestionnaire } from './record-questionnaire.ts';
import { onReceived } from './team-sync.ts';

// The records of this device: find by code, open, resume, delete. An open record shows the
// professional view (areas with points, answers with who gave them and the notes, flags, gaps
// when the questionnaire has exercises, the history of the same code with a chart), the person's
// view (the kiosk's result), and the printable referral sheet ("fiche de liaison"). A record renders
// with the questionnaire and version it was made with (record-questionnaire.ts), and says which;
// its history keeps other questionnaires and versions apart.


/** Every readable professional record of the vault, newest first. */
export async function listRecords(vault: Vault): Promise<ProRecord[]> {
  const entries = await vault.list(RECORDS);
  const records: ProRecord[] = [];
  for (const { value } of entries) {
    const read = readProRecord(value);
    if (read.ok) records.push(read.record);
  }
  return records.sort((a, b) => (b.session.updatedAt < a.session.updatedAt ? -1 : b.session.updatedAt > a.session.updatedAt ? 1 : 0));
}

export default function RecordsSection(props: ProSectionProps) {
  const { vault, params } = props;
  const [records, setRecords] = useState<ProRecord[]>();
  const reload = useCallback(() => void listRecords(vault).then(setRecords).catch(ignoreLocked), [vault]);
  useEffect(reload, [reload]);
  // Records a colleague's device sent arrive with the team sync (team-sync.ts): after a sync that
  // received some, the list (or the open record) is read again.
  useEffect(() => onReceived(vault, reload), [vault, reload]);
  const { t } = useT();
  if (!records) {
    return <LoadingStatus holdFocus />;
  }
  const open = params.record ? records.find((r) => r.session.id === params.record) : undefined;
  if (params.record && !open) {
    return (
      <p class="notice notice--warning" role="alert">
        {t('pro.interview.notFound')}
      </p>
    );
  }
  if (open && !open.outcome) {
    // Not finished: it is resumed, not shown.
    return (
      <p class="notice">
        <button type="button" class="button button--secondary" onClick={() => props.navigate('diagnostic', { record: open.session.id })}>
          {t('pro.interview.resumeLabel', { code: open.code, date: formatDate(open.session.updatedAt, props.language) })}
        </button>
      </p>
    );
  }
  if (open) return <RecordView {...props} record={open} all={records} onChanged={reload} />;
  return <RecordList records={records} navigate={props.navigate} vault={vault} onChanged={reload} initialCode={params.code} />;
}

function formatDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

function formatDay(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

interface RecordListProps {
  records: ProRecord[];
  vault: Vault;
  navigate: (section: string, params?: ProParams) => void;
  onChanged: () => void;
  initialCode?: string | undefined;
}

function RecordList({ records, vault, navigate, onChanged, initialCode }: RecordListProps) {
  const { t, language } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const [query, setQuery] = useState(initialCode ?? '');
  const [deleting, setDeleting] = useState<string>();
  // Where the focus goes after « Supprimer », « Annuler » or the deletion: never <body>.
  const [focusTo, setFocusTo] = useState<{ id: string; what: 'confirm' | 'delete' | 'open' } | 'heading'>('heading');
  const table = useRef<HTMLTableElement>(null);
  const wanted = query.toUpperCase().replace(/[\s\-_.]/g, '');
  const shown = records.filter((r) => r.code.replace('-', '').includes(wanted));
  useLayoutEffect(() => {
    const target = focusTo === 'heading' ? heading.current : table.current?.querySelector<HTMLElement>(`[data-row="${focusTo.id}"] [data-focus="${focusTo.what}"]`);
    (target ?? heading.current)?.focus();
  }, [focusTo, records]);
  const afterDeleting = (id: string) => {
    const index = shown.findIndex((r) => r.session.id === id);
    const next = shown[index + 1] ?? shown[index - 1];
    setFocusTo(next ? { id: next.session.id, what: 'open' } : 'heading');
  };

  return (
    <section class="pro-section" aria-labelledby="pro-records-title">
      <h1 id="pro-records-title" tabIndex={-1} ref={heading}>
        {t('pro.interview.recordsTitle')}
      </h1>
      <div class="pro-field pro-search">
        <label for="pro-find">{t('pro.interview.find')}</label>
        <input id="pro-find" type="search" value={query} autocomplete="off" spellcheck={false} onInput={(e) => setQuery(e.currentTarget.value)} aria-describedby="pro-find-count" />
        <p id="pro-find-count" class="pro-field__hint" role="status">
          {t('pro.interview.found', { count: shown.length })}
        </p>
      </div>
      {shown.length > 0 && (
        <table class="pro-table" ref={table}>
          <caption class="visually-hidden">{t('pro.interview.recordsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.interview.columns.code')}</th>
              <th scope="col">{t('pro.interview.columns.label')}</th>
              <th scope="col">{t('pro.interview.columns.date')}</th>
              <th scope="col">{t('pro.interview.columns.mode')}</th>
              <th scope="col">{t('pro.interview.columns.status')}</th>
              <th scope="col">{t('pro.interview.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const id = r.session.id;
              const completed = r.session.status === 'completed';
              return (
                <tr key={id} data-row={id}>
                  <th scope="row" class="pro-table__code">
                    {r.code}
                  </th>
                  <td>{r.label}</td>
                  <td>{formatDate(r.session.completedAt ?? r.session.updatedAt, language)}</td>
                  <td>{t(`pro.interview.modes.${r.session.mode}`)}</td>
                  <td>{t(completed ? 'pro.interview.status.completed' : 'pro.interview.status.inProgress')}</td>
                  <td class="pro-table__actions">
                    {deleting === id ? (
                      <span class="pro-actions" role="group" aria-label={t('pro.interview.deleteConfirmLabel', { code: r.code })}>
                        <button
                          type="button"
                          class="button button--danger button--small"
                          data-focus="confirm"
                          onClick={async () => {
                            await vault.remove(RECORDS, id);
                            setDeleting(undefined);
                            afterDeleting(id);
                            onChanged();
                          }}
                        >
                          {t('pro.interview.deleteConfirm')}
                        </button>
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          onClick={() => {
                            setDeleting(undefined);
                            setFocusTo({ id, what: 'delete' });
                          }}
                        >
                          {t('pro.space.wipe.cancel')}
                        </button>
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          class="button button--secondary button--small"
                          data-focus="open"
                          aria-label={t(completed ? 'pro.interview.openLabel' : 'pro.interview.resumeLabel', { code: r.code, date: formatDate(r.session.updatedAt, language) })}
                          onClick={() => (completed ? navigate('records', { record: id }) : navigate('diagnostic', { record: id }))}
                        >
                          {t(completed ? 'pro.interview.open' : 'pro.interview.resume')}
                        </button>
                        <button
                          type="button"
                          class="button button--tertiary button--small"
                          data-focus="delete"
                          aria-label={t('pro.interview.deleteLabel', { code: r.code, date: formatDate(r.session.updatedAt, language) })}
                          onClick={() => {
                            setDeleting(id);
                            setFocusTo({ id, what: 'confirm' });
                          }}
                        >
                          {t('pro.interview.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {records.length === 0 && <p>{t('pro.interview.noRecords')}</p>}
    </section>
  );
}

type View = 'pro' | 'person' | 'sheet';

interface RecordViewProps extends ProSectionProps {
  record: ProRecord;
  all: ProRecord[];
  onChanged: () => void;
}

function RecordView(props: RecordViewProps) {
  const { language } = useT();
  const made = useRecordQuestionnaire(props.record.session, props.questionnaire, language);
  if (!made) return <LoadingStatus holdFocus />;
  if (!made.loaded) return <RawRecordView record={props.record} made={made} />;
  return <RecordViewWith {...props} device={props.questionnaire} questionnaire={made.loaded} made={made} />;
}

function RecordViewWith({ record, all, vault, questionnaire, device, made, settings, navigate, onChanged }: RecordViewProps & { device: LoadedQuestionnaire; made: RecordQuestionnaire }) {
  const { t, language } = useT();
  const [view, setView] = useState<View>('pro');
  const [sheetNotes, setSheetNotes] = useState(record.sheetNotes);
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => {
    if (view !== 'person') heading.current?.focus();
  }, [view]);
  const current: ProRecord = { ...record, sheetNotes };

  const toggleNote = async (key: string, on: boolean) => {
    const next = on ? [...sheetNotes.filter((k) => k !== key), key] : sheetNotes.filter((k) => k !== key);
    setSheetNotes(next);
    await vault.put(RECORDS, record.session.id, { ...record, sheetNotes: next });
    onChanged();
  };

  const switcher = (
    <div class="pro-views no-print" role="group" aria-label={t('pro.interview.viewsLabel')}>
      {(['pro', 'person', 'sheet'] as const).map((v) => (
        <button key={v} type="button" class="pro-views__button" aria-pressed={view === v} onClick={() => setView(v)}>
          {t(`pro.interview.views.${v}`)}
        </button>
      ))}
    </div>
  );

  if (!record.outcome) return null;
  if (view === 'person') {
    return (
      <>
        {switcher}
        <PersonView loaded={questionnaire} record={record} language={language} onBack={() => setView('pro')} />
      </>
    );
  }
  if (view === 'sheet') {
    return (
      <>
        {switcher}
        <ReferralSheet record={current} loaded={questionnaire} settings={settings} headingRef={heading} made={made} />
      </>
    );
  }
  return (
    <>
      {switcher}
      <ProView
        record={current}
        all={all}
        loaded={questionnaire}
        device={device}
        made={made}
        headingRef={heading}
        onToggleNote={(k, on) => void toggleNote(k, on)}
        onNew={() => navigate('diagnostic', { code: record.code, mode: record.session.mode })}
        onList={() => navigate('records', { code: record.code })}
      />
      {/* The catalogue's workshops and the local places that fit; a workshop-mode learner can be placed from here. */}
      <Placement
        vault={vault}
        questionnaire={questionnaire}
        outcome={record.outcome}
        code={record.session.mode === 'workshop' ? record.code : undefined}
        personLanguage={record.session.language}
      />
    </>
  );
}

function PersonView({ loaded, record, language, onBack }: { loaded: LoadedQuestionnaire; record: ProRecord; language: string; onBack: () => void }) {
  const result = useMemo(() => sharedResultOf(loaded.questionnaire, record.outcome!, language), [loaded, record, language]);
  return <ResultScreen loaded={loaded} result={result} shared={false} onFinish={onBack} finishKey="pro.interview.backToPro" />;
}

interface ProViewProps {
  record: ProRecord;
  all: ProRecord[];
  loaded: LoadedQuestionnaire;
  device: LoadedQuestionnaire;
  made: RecordQuestionnaire;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onToggleNote: (key: string, on: boolean) => void;
  onNew: () => void;
  onList: () => void;
}

const LEVEL_KEY = (level: AreaLevel | null) => `ui.result.levels.${level ?? 'none'}`;

function ProView({ record, all, loaded, device, made, headingRef, onToggleNote, onNew, onList }: ProViewProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const outcome = record.outcome!;
  const { questionnaire } = loaded;
  const chosen = new Set(record.sheetNotes);
  const gaps = outcome.gaps;

  return (
    <article class="pro-section pro-view" aria-labelledby="pro-view-title">
      <h1 id="pro-view-title" tabIndex={-1} ref={headingRef}>
        {t('pro.interview.viewTitle', { code: record.code, date: formatDate(record.session.completedAt ?? record.session.updatedAt, language) })}
      </h1>
      <p class="pro-view__meta">
        {t(`pro.interview.modes.${record.session.mode}`)}
        {record.ageBracket && ` · ${t(`pro.interview.ages.${record.ageBracket}`)}`}
        {record.label && ` · ${record.label}`}
      </p>
      <VersionNote record={record} made={made} />
      <section aria-labelledby="pro-profile-title">
        <h2 id="pro-profile-title">{t('pro.interview.profileTitle')}</h2>
        <p class="pro-view__profile">{localeText(tree, 'profiles', outcome.profile, 'title')}</p>
        <p>{localeText(tree, 'profiles', outcome.profile, 'description')}</p>
        {/* What the questionnaire says of this profile to the professional (its locale's profiles.<id>.professional). */}
        <p class="pro-view__professional">{t('pro.interview.profileProfessional', { text: localeText(tree, 'profiles', outcome.profile, 'professional'), interpolation: { escapeValue: false } })}</p>
      </section>

      <DsiLevel questionnaire={questionnaire} session={record.session} />

      <section aria-labelledby="pro-areas-title">
        <h2 id="pro-areas-title">{t('pro.interview.areasTitle')}</h2>
        <table class="pro-table">
          <thead>
            <tr>
              <th scope="col">{t('pro.interview.columns.area')}</th>
              <th scope="col">{t('pro.interview.columns.score')}</th>
              <th scope="col">{t('pro.interview.columns.points')}</th>
              <th scope="col">{t('pro.interview.columns.level')}</th>
            </tr>
          </thead>
          <tbody>
            {outcome.areas.map((a) => (
              <tr key={a.area} class={`pro-area pro-area--${a.level ?? 'none'}`}>
                <th scope="row">{localeText(tree, 'areas', a.area, 'label')}</th>
                <td>{a.score === null ? '—' : t('pro.interview.score', { score: a.score })}</td>
                <td>{a.max > 0 ? t('pro.interview.points', { points: Math.round(a.points * 10) / 10, max: a.max }) : '—'}</td>
                <td>
                  <span class="area__mark" aria-hidden="true" /> {t(LEVEL_KEY(a.level))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pro-flags-title">
        <h2 id="pro-flags-title">{t('pro.interview.flagsTitle')}</h2>
        {outcome.flags.length === 0 ? (
          <p>{t('pro.interview.noFlags')}</p>
        ) : (
          <ul>
            {outcome.flags.map((f) => (
              <li key={f}>{localeText(tree, 'flags', f, 'label')}</li>
            ))}
          </ul>
        )}
      </section>

      {gaps.length > 0 && (
        <section aria-labelledby="pro-gaps-title">
          <h2 id="pro-gaps-title">{t('pro.interview.gapsTitle')}</h2>
          <ul>
            {gaps.map((g) => (
              <li key={`${g.question}-${g.exercise}`}>
                {t(`pro.interview.gap.${g.direction}`, {
                  area: localeText(tree, 'areas', g.area, 'label'),
                  question: localeText(tree, 'questions', g.question, 'text'),
                  exercise: localeText(tree, 'questions', g.exercise, 'text'),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="pro-answers-title">
        <h2 id="pro-answers-title">{t('pro.interview.answersTitle')}</h2>
        <p class="pro-field__hint">{t('pro.interview.sheetHint')}</p>
        <table class="pro-table pro-answers">
          <AnswersHead />
          <tbody>
            {record.session.path.map((id) => {
              const question = questionnaire.questions.find((q) => q.id === id);
              if (question?.kind === 'info') return null;
              // An answer to a question this version does not have is shown as recorded, never dropped.
              if (!question) return <AnswerAsRecorded key={id} id={id} record={record} version={loaded.questionnaire.version} />;
              const answer = record.session.answers[id];
              const picked = answer?.type === 'choice' ? [answer.option] : answer?.type === 'choices' ? answer.options : [];
              const text =
                answer?.type === 'exercise'
                  ? t('pro.interview.exerciseResult', {
                      score: Math.round(answer.result.score * 100),
                      outcome: t(`pro.interview.exerciseOutcome.${answer.result.outcome === 'skipped' && answer.result.skippedReason === 'no-pointer' ? 'no-pointer' : answer.result.outcome}`),
                    })
                  : picked.map((o) => localeText(tree, 'questions', id, 'options', o)).join(' · ') || '—';
              const note = record.notes[id as QuestionId]?.trim();
              return (
                <tr key={id} data-row={id}>
                  <th scope="row">{localeText(tree, 'questions', id, 'text')}</th>
                  <td>{text}</td>
                  <td>{t(`pro.interview.source.${record.answeredBy[id as QuestionId] ?? 'person'}`)}</td>
                  <td>
                    {note && (
                      <>
                        <p class="pro-note">{note}</p>
                        <label class="pro-check">
                          <input type="checkbox" checked={chosen.has(id)} onChange={(e) => onToggleNote(id, e.currentTarget.checked)} />
                          {t('pro.interview.onSheet')}
                        </label>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="pro-general-title">
        <h2 id="pro-general-title">{t('pro.interview.generalNote')}</h2>
        {record.generalNote.trim() ? (
          <>
            <p class="pro-note">{record.generalNote}</p>
            <label class="pro-check">
              <input type="checkbox" checked={chosen.has(GENERAL_NOTE)} onChange={(e) => onToggleNote(GENERAL_NOTE, e.currentTarget.checked)} />
              {t('pro.interview.onSheet')}
            </label>
          </>
        ) : (
          <p>{t('pro.interview.noNote')}</p>
        )}
      </section>

      <Histories record={record} all={all} loaded={loaded} device={device} made={made} />

      <div class="pro-actions no-print">
        <button type="button" class="button button--primary" onClick={onNew}>
          {t('pro.interview.newForCode', { code: record.code })}
        </button>
        <button type="button" class="button button--secondary" onClick={onList}>
          {t('pro.interview.allForCode', { code: record.code })}
        </button>
      </div>
    </article>
  );
}

/** The DSI-style level beside the profile, in words (src/core/dsi.ts): nothing when the questionnaire declares none. */
export function DsiLevel({ questionnaire, session }: { questionnaire: Questionnaire; session: Pick<ProRecord['session'], 'answers' | 'path'> }) {
  const { t } = useT();
  const dsi = useMemo(() => dsiOfRun(questionnaire, session.answers, session.path), [questionnaire, session]);
  if (!dsi || !questionnaire.dsi) return null;
  const counted = new Set(dsi.activities);
  const doneIn = (area: string) => questionnaire.dsi!.activities.filter((a) => a.area === area && counted.has(a.id)).length;
  const assessed = dsi.overall !== 'not-assessed';
  const atLeastBasic = DSI_AREAS.filter((a) => dsi.areas[a] !== 'none').length;
  return (
    <section class="pro-dsi" aria-labelledby="pro-dsi-title">
      <h2 id="pro-dsi-title">{t('pro.interview.dsi.title')}</h2>
      <p class="pro-view__profile">{t(`pro.interview.dsi.levels.${dsi.overall}`)}</p>
      <p>{assessed ? t('pro.interview.dsi.summary', { count: atLeastBasic }) : t('pro.interview.dsi.notAssessed')}</p>
      {assessed && (
        <table class="pro-table pro-dsi__areas">
          <thead>
            <tr>
              <th scope="col">{t('pro.interview.dsi.area')}</th>
              <th scope="col">{t('pro.interview.dsi.level')}</th>
            </tr>
          </thead>
          <tbody>
            {DSI_AREAS.map((area) => {
              const done = doneIn(area);
              return (
                <tr key={area}>
                  <th scope="row">{t(`pro.interview.dsi.areas.${area}`)}</th>
                  <td>
                    {t(`pro.interview.dsi.areaLevels.${dsi.areas[area]}`)}
                    {done > 0 && ` (${t('pro.interview.dsi.activities', { count: done })})`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p class="pro-field__hint">{t('pro.interview.dsi.hint')}</p>
    </section>
  );
}

const CHART = { width: 220, height: 72, pad: 8 };

/** The progress of each area over the diagnostics of one code: a small chart per area, and the same figures as a table. */
interface HistoryProps {
  points: HistoryPoint[];
  loaded: LoadedQuestionnaire;
  code: string;
  current: string;
  /** Another questionnaire's or version's diagnostics, below the record's own: an h3 of their own, ids apart. */
  apart?: { id: string; title: string };
}

export function History({ points, loaded, code, current, apart }: HistoryProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const areas = loaded.questionnaire.areas;
  const id = apart ? `pro-history-${apart.id}` : 'pro-history';
  const Heading = apart ? 'h3' : 'h2';
  const dateOf = (p: HistoryPoint) => (p.convertedFrom ? t('pro.interview.versions.converted', { date: formatDate(p.at, language), version: p.convertedFrom }) : formatDate(p.at, language));
  return (
    <section class="pro-history" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{apart ? apart.title : t('pro.interview.historyTitle', { code })}</Heading>
      {!apart && <p class="pro-history__of">{t('pro.interview.versions.historyOf', { title: localeText(tree, 'title'), version: loaded.questionnaire.version })}</p>}
      {points.some((p) => p.convertedFrom) && <p>{t('pro.interview.versions.convertedNote', { version: loaded.questionnaire.version })}</p>}
      {points.length < 2 ? (
        <p>{t(apart ? 'pro.interview.versions.historyOneApart' : 'pro.interview.historyOne')}</p>
      ) : (
        <ul class="pro-charts" role="list">
          {areas.map((area) => {
            const label = localeText(tree, 'areas', area, 'label');
            const series = points.map((p) => p.scores[area] ?? null);
            const described = series.map((s, i) => `${dateOf(points[i]!)} : ${s === null ? t(LEVEL_KEY(null)) : s}`).join(', ');
            const x = (i: number) => CHART.pad + (i * (CHART.width - 2 * CHART.pad)) / Math.max(1, points.length - 1);
            const y = (s: number) => CHART.height - CHART.pad - (s * (CHART.height - 2 * CHART.pad)) / 100;
            const drawn = series.map((s, i) => (s === null ? null : ([x(i), y(s)] as const)));
            const line = drawn.filter((p) => p !== null).map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join(' ');
            return (
              <li key={area} class="pro-chart">
                <p class="pro-chart__label" id={`${id}-chart-${area}`}>
                  {label}
                </p>
                <svg
                  class="pro-chart__svg"
                  viewBox={`0 0 ${CHART.width} ${CHART.height}`}
                  width={CHART.width}
                  height={CHART.height}
                  role="img"
                  aria-labelledby={`${id}-chart-${area}`}
                  aria-describedby={`${id}-chart-${area}-desc`}
                >
                  <desc id={`${id}-chart-${area}-desc`}>{described}</desc>
                  {[0, 50, 100].map((g) => (
                    <line key={g} class="pro-chart__grid" x1={CHART.pad} x2={CHART.width - CHART.pad} y1={y(g)} y2={y(g)} />
                  ))}
                  <line class="pro-chart__threshold" x1={CHART.pad} x2={CHART.width - CHART.pad} y1={y(loaded.questionnaire.levels.acquis)} y2={y(loaded.questionnaire.levels.acquis)} />
                  {line && <polyline class="pro-chart__line" points={line} />}
                  {drawn.map((p, i) =>
                    p ? <circle key={i} class={`pro-chart__dot${points[i]!.recordId === current ? ' pro-chart__dot--current' : ''}`} cx={p[0]} cy={p[1]} r={points[i]!.recordId === current ? 4.5 : 3} /> : null,
                  )}
                </svg>
              </li>
            );
          })}
        </ul>
      )}
      {points.length > 0 && (
        <table class="pro-table pro-history__table">
          <caption>{apart ? `${t('pro.interview.historyTable', { code })} — ${apart.title}` : t('pro.interview.historyTable', { code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.interview.columns.area')}</th>
              {points.map((p) => (
                <th key={p.recordId} scope="col">
                  {dateOf(p)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area}>
                <th scope="row">{localeText(tree, 'areas', area, 'label')}</th>
                {points.map((p) => {
                  const s = p.scores[area];
                  return <td key={p.recordId}>{s === null || s === undefined ? '—' : s}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The history of a code: the record's own questionnaire and version on one chart (older versions
 * joined only through a mapping the structure declared, rescored and marked), then every other
 * questionnaire or version apart, each with its own chart, and a sentence that says why.
 */
function Histories({ record, all, loaded, device, made }: { record: ProRecord; all: ProRecord[]; loaded: LoadedQuestionnaire; device: LoadedQuestionnaire; made: RecordQuestionnaire }) {
  const { t } = useT();
  const versionOfRecord = (r: ProRecord) => versionOf(made.index, r.session);
  const version = loaded.questionnaire.version;
  const entry = made.resolution.status === 'no-questionnaire' ? undefined : made.resolution.entry;
  const carry = entry ? { questionnaireId: entry.id, version, questionnaire: loaded.questionnaire, chain: (from: string) => mappingChain(entry, from, version) } : undefined;
  const groups = historyGroups(all, record.code, versionOfRecord, { questionnaireId: record.session.questionnaireId, version }, carry);
  const own = groups.find((g) => g.points.some((p) => p.recordId === record.session.id));
  const others = groups.filter((g) => g !== own);
  return (
    <>
      <History points={own?.points ?? []} loaded={loaded} code={record.code} current={record.session.id} />
      {others.length > 0 && (
        <section class="pro-history-apart" aria-labelledby="pro-history-apart-title">
          <h2 id="pro-history-apart-title">{t('pro.interview.versions.apartTitle', { code: record.code })}</h2>
          <p>{t('pro.interview.versions.apart')}</p>
          {others.map((g, i) => (
            <OtherHistory key={`${g.questionnaireId}-${g.version ?? ''}`} n={i} group={g} all={all} device={device} code={record.code} />
          ))}
        </section>
      )}
    </>
  );
}

/** One other questionnaire's or version's diagnostics of the code, with the texts they were made with. */
function OtherHistory({ n, group, all, device, code }: { n: number; group: HistoryGroup; all: ProRecord[]; device: LoadedQuestionnaire; code: string }) {
  const { t, language } = useT();
  const representative = all.find((r) => r.session.id === group.points.at(-1)?.recordId);
  const made = useRecordQuestionnaire(representative?.session ?? { questionnaireId: group.questionnaireId, contentHash: '' }, device, language);
  if (!made) return <LoadingStatus />;
  const title = made.loaded ? localeText(made.loaded.locales[language], 'title') : group.questionnaireId;
  const heading = t('pro.interview.versions.groupTitle', { title, version: group.version ?? t('pro.interview.versions.unknown') });
  if (!made.loaded) {
    return (
      <section aria-labelledby={`pro-history-${n}-title`}>
        <h3 id={`pro-history-${n}-title`}>{heading}</h3>
        <ul>
          {group.points.map((p) => (
            <li key={p.recordId}>{formatDate(p.at, language)}</li>
          ))}
        </ul>
      </section>
    );
  }
  return <History points={group.points} loaded={made.loaded} code={code} current="" apart={{ id: String(n), title: heading }} />;
}

/** Which questionnaire and version the record was made with, and what that means for what is shown. */
function VersionNote({ record, made }: { record: ProRecord; made: RecordQuestionnaire }) {
  const { t, language } = useT();
  const { resolution, loaded } = made;
  const title = loaded ? localeText(loaded.locales[language], 'title') : record.session.questionnaireId;
  const madeWith = resolution.version ?? t('pro.interview.versions.unknown');
  const details: string[] = [];
  if (resolution.status === 'archived') details.push(t('pro.interview.versions.archived', { version: resolution.version, current: resolution.entry.version }));
  if (resolution.status === 'not-kept') details.push(t(resolution.version ? 'pro.interview.versions.notKept' : 'pro.interview.versions.notKeptUnknown', { version: resolution.version, current: resolution.entry.version }));
  if (resolution.status === 'no-questionnaire') details.push(t('pro.interview.versions.noQuestionnaire', { id: record.session.questionnaireId }));
  if ((resolution.status === 'current' || resolution.status === 'archived') && !resolution.sameContent) details.push(t('pro.interview.versions.changed'));
  return (
    <div class={`pro-version${details.length ? ' notice' : ''}`}>
      <p class="pro-version__made">{t('pro.interview.versions.madeWith', { title, version: madeWith })}</p>
      {details.map((d) => (
        <p key={d}>{d}</p>
      ))}
    </div>
  );
}

/** The columns of a record's answers table. */
function AnswersHead() {
  const { t } = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{t('pro.interview.columns.question')}</th>
        <th scope="col">{t('pro.interview.columns.answer')}</th>
        <th scope="col">{t('pro.interview.columns.source')}</th>
        <th scope="col">{t('pro.interview.columns.note')}</th>
      </tr>
    </thead>
  );
}

/** An answer to a question the loaded version does not have: its id and options as recorded. */
function AnswerAsRecorded({ id, record, version }: { id: string; record: ProRecord; version: string }) {
  const { t } = useT();
  const answer = record.session.answers[id as QuestionId];
  const text = answer?.type === 'choice' ? answer.option : answer?.type === 'choices' ? answer.options.join(' · ') : answer?.type === 'exercise' ? answer.result.outcome : '—';
  return (
    <tr data-row={id}>
      <th scope="row">
        {id} <span class="pro-field__hint">{t('pro.interview.versions.missingQuestion', { version })}</span>
      </th>
      <td>{text}</td>
      <td>{t(`pro.interview.source.${record.answeredBy[id as QuestionId] ?? 'person'}`)}</td>
      <td>{record.notes[id as QuestionId]?.trim() && <p class="pro-note">{record.notes[id as QuestionId]}</p>}</td>
    </tr>
  );
}

/** A record whose questionnaire this installation no longer has: what it holds, as recorded. */
function RawRecordView({ record, made }: { record: ProRecord; made: RecordQuestionnaire }) {
  const { t, language } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <article class="pro-section pro-view" aria-labelledby="pro-view-title">
      <h1 id="pro-view-title" tabIndex={-1} ref={heading}>
        {t('pro.interview.viewTitle', { code: record.code, date: formatDate(record.session.completedAt ?? record.session.updatedAt, language) })}
      </h1>
      <VersionNote record={record} made={made} />
      <p>{t('pro.interview.versions.rawProfile', { profile: record.outcome?.profile ?? '—' })}</p>
      <table class="pro-table pro-answers">
        <caption>{t('pro.interview.answersTitle')}</caption>
        <AnswersHead />
        <tbody>
          {record.session.path.filter((id) => record.session.answers[id]).map((id) => (
            <AnswerAsRecorded key={id} id={id} record={record} version={made.resolution.version ?? '?'} />
          ))}
        </tbody>
      </table>
    </article>
  );
}

interface ReferralSheetProps {
  record: ProRecord;
  loaded: LoadedQuestionnaire;
  made: RecordQuestionnaire;
  settings: Settings;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** The "fiche de liaison" for a partner structure: one printed page, no name, only the notes chosen. */
function ReferralSheet({ record, loaded, settings, headingRef, made }: ReferralSheetProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const outcome = record.outcome!;
  const steps = outcome.steps.map((id) => loaded.questionnaire.recommendations.steps.find((s) => s.id === id)).filter((s) => s !== undefined);
  const notes = sheetNotesOf(record);
  const strengthOrder: Record<string, number> = { acquis: 0, 'en-cours': 1, 'a-travailler': 2, none: 3 };
  const areas = [...outcome.areas].sort((a, b) => strengthOrder[a.level ?? 'none']! - strengthOrder[b.level ?? 'none']!);
  return (
    <article class="pro-sheet" aria-labelledby="pro-sheet-title">
      <header class="pro-sheet__header">
        <h1 id="pro-sheet-title" tabIndex={-1} ref={headingRef}>
          {t('pro.interview.sheet.title')}
        </h1>
        <dl class="pro-sheet__facts">
          {settings.structure && (
            <div>
              <dt>{t('pro.interview.sheet.from')}</dt>
              <dd>{settings.structure}</dd>
            </div>
          )}
          <div>
            <dt>{t('pro.interview.sheet.code')}</dt>
            <dd class="pro-sheet__code">{record.code}</dd>
          </div>
          <div>
            <dt>{t('pro.interview.sheet.date')}</dt>
            <dd>{formatDay(record.session.completedAt ?? record.session.updatedAt, language)}</dd>
          </div>
          <div>
            <dt>{t('pro.interview.versions.sheetQuestionnaire')}</dt>
            <dd>{t('pro.interview.versions.sheetValue', { title: localeText(tree, 'title'), version: made.resolution.version ?? loaded.questionnaire.version })}</dd>
          </div>
          {record.ageBracket && (
            <div>
              <dt>{t('pro.interview.age')}</dt>
              <dd>{t(`pro.interview.ages.${record.ageBracket}`)}</dd>
            </div>
          )}
        </dl>
      </header>
      <section aria-labelledby="pro-sheet-profile">
        <h2 id="pro-sheet-profile">{t('pro.interview.profileTitle')}</h2>
        <p class="pro-sheet__profile">{localeText(tree, 'profiles', outcome.profile, 'title')}</p>
      </section>
      <section aria-labelledby="pro-sheet-areas">
        <h2 id="pro-sheet-areas">{t('pro.interview.areasTitle')}</h2>
        <ul class="pro-sheet__areas" role="list">
          {areas.map((a) => (
            <li key={a.area} class={`pro-area pro-area--${a.level ?? 'none'}`}>
              <span class="area__mark" aria-hidden="true" /> <strong>{localeText(tree, 'areas', a.area, 'label')}</strong> : {t(LEVEL_KEY(a.level))}
              {a.score !== null && ` (${t('pro.interview.score', { score: a.score })})`}
            </li>
          ))}
        </ul>
      </section>
      {outcome.flags.length > 0 && (
        <section aria-labelledby="pro-sheet-flags">
          <h2 id="pro-sheet-flags">{t('pro.interview.flagsTitle')}</h2>
          <ul>
            {outcome.flags.map((f) => (
              <li key={f}>{localeText(tree, 'flags', f, 'label')}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="pro-sheet-steps">
        <h2 id="pro-sheet-steps">{t('pro.interview.sheet.steps')}</h2>
        {steps.length === 0 ? (
          <p>{t('ui.result.noSteps')}</p>
        ) : (
          <ol>
            {steps.map((s) => (
              <li key={s.id}>
                <strong>{localeText(tree, 'steps', s.id, 'title')}</strong>
                {s.phone && ` — ${s.phone}`}
              </li>
            ))}
          </ol>
        )}
      </section>
      {notes.length > 0 && (
        <section aria-labelledby="pro-sheet-notes">
          <h2 id="pro-sheet-notes">{t('pro.interview.sheet.notes')}</h2>
          <ul class="pro-sheet__notes">
            {notes.map((n) => (
              <li key={n.key}>
                <strong>{n.key === GENERAL_NOTE ? t('pro.interview.generalNote') : localeText(tree, 'questions', n.key, 'text')}</strong> : {n.note}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p class="pro-sheet__advice">{t('pro.interview.sheet.advice')}</p>
      <div class="pro-actions no-print">
        <button type="button" class="button button--primary" onClick={() => window.print()}>
          <span class="button__print" aria-hidden="true" />
          {t('pro.interview.sheet.print')}
        </button>
      </div>
    </article>
  );
}
