import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createRecord, newSessionId, type LoadedQuestionnaire } from '../../core/index.ts';
import { AGE_BRACKETS, createProRecord, LABEL_MAX, newPersonCode, normalizePersonCode, readProRecord, type AgeBracket, type ProMode, type ProRecord } from '../../core/pro-record.ts';
import { resumeOf } from '../../run/resume.ts';
import { createRun, type RunEntry, type RunSink } from '../../run/run-controller.ts';
import { ignoreLocked, type Vault } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import { LoadingStatus } from '../loading-status.tsx';
import { fetchQuestionnaire, fetchText, type QuestionnaireChoice } from '../questionnaire-loader.ts';
import { fetchChoices } from '../questionnaire-list.tsx';
import { QuestionScreen } from '../question-screen.tsx';
import { useRunView } from '../use-run.ts';
import { deviceIndex, useRecordQuestionnaire } from './record-questionnaire.ts';
import { proRunLayer } from './run-layer.tsx';
import { RECORDS, type ProSectionProps } from './section-props.ts';

// A new diagnostic in interview mode (a social worker, the person beside them) or workshop mode
// (an EPN animator placing a learner): the person gets a random code, an optional age bracket and
// a free label (never a name); then the same run as the kiosk's (src/run/run-controller.ts) in the
// same question screen, denser, with the professional's layer (run-layer.tsx): a note per
// question, a general note, whether the person answered or the professional observed, the
// shortcuts. The run writes the record to the vault, encrypted, on every change.
// A device whose settings offer several questionnaires lets the professional choose one per
// diagnostic (the default preselected); a record always runs with the questionnaire it was made with.

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const randomUnit = () => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;

/** Another questionnaire the build ships than the device's, for a new diagnostic, in the language on screen. */
async function questionnaireNamed(id: string, language: string): Promise<LoadedQuestionnaire | undefined> {
  const entry = (await deviceIndex()).find((q) => q.id === id);
  const got = entry && (await fetchQuestionnaire(fetchText, entry, language));
  return got?.ok ? got.loaded : undefined;
}

/** The enabled professional modes of the device, interview first. */
function proModes(modes: readonly string[]): ProMode[] {
  return (['interview', 'workshop'] as const).filter((m) => modes.includes(m));
}

export default function DiagnosticSection({ vault, questionnaire, settings, language, params, navigate, registerFlush }: ProSectionProps) {
  const [record, setRecord] = useState<ProRecord>();
  // The questionnaire a new record was just made with (a resumed one finds its own).
  const [made, setMade] = useState<LoadedQuestionnaire>();
  const [missing, setMissing] = useState(false);

  // Resuming a record: { record: id }.
  useEffect(() => {
    if (!params.record) return;
    vault
      .get(RECORDS, params.record)
      .then((raw) => {
        const read = readProRecord(raw);
        // A finished diagnostic is never reopened: it is shown instead.
        if (read.ok && read.record.session.status === 'completed') navigate('records', { record: read.record.session.id });
        else if (read.ok) setRecord(read.record);
        else setMissing(true);
      })
      .catch(ignoreLocked);
  }, [vault, params.record]);

  const { t } = useT();
  if (missing) {
    return (
      <p class="notice notice--warning" role="alert">
        {t('pro.interview.notFound')}
      </p>
    );
  }
  if (record) return <RecordRun vault={vault} device={questionnaire} made={made} language={language} initial={record} registerFlush={registerFlush} onDone={(r) => navigate('records', { record: r.session.id })} />;
  if (params.record) {
    return <LoadingStatus holdFocus />;
  }
  const modes = proModes(settings.modes);
  const wanted = params.mode === 'workshop' || params.mode === 'interview' ? params.mode : undefined;
  return (
    <NewDiagnosticForm
      modes={modes}
      mode={wanted && modes.includes(wanted) ? wanted : (modes[0] ?? 'interview')}
      code={params.code}
      questionnaires={settings.questionnaires.length > 1 ? settings.questionnaires : undefined}
      questionnaire={questionnaire.questionnaire.id}
      onStart={async ({ mode, code, ageBracket, label, questionnaireId }) => {
        // The device's own is at hand (the run starts at once); another one is fetched first.
        const own = questionnaireId === questionnaire.questionnaire.id && questionnaire.locales[language];
        const chosen = own ? questionnaire : await questionnaireNamed(questionnaireId, language).catch(() => undefined);
        if (!chosen) return false;
        const session = createRecord({
          id: newSessionId(randomUnit),
          questionnaireId: chosen.questionnaire.id,
          questionnaireVersion: chosen.questionnaire.version,
          contentHash: chosen.contentHash,
          mode,
          language,
          now: new Date().toISOString(),
          start: chosen.questionnaire.start,
        });
        setMade(chosen);
        setRecord(createProRecord({ session, code, ageBracket, label }));
        return true;
      }}
    />
  );
}

interface NewDiagnostic {
  mode: ProMode;
  code: ProRecord['code'];
  ageBracket: AgeBracket | undefined;
  label: string;
  questionnaireId: string;
}

interface NewDiagnosticFormProps {
  modes: ProMode[];
  mode: ProMode;
  code?: string | undefined;
  /** Several questionnaires offered (settings.json): the professional chooses one. */
  questionnaires?: readonly string[] | undefined;
  /** The one preselected: the device's (settings.json's defaultQuestionnaire). */
  questionnaire: string;
  /** False when the questionnaire chosen could not be loaded: the form stays, with a message. */
  onStart: (d: NewDiagnostic) => Promise<boolean>;
}

/** The titles of the questionnaires offered, in the language on screen (their own default language where they have not that one). */
function useQuestionnaireTitles(ids: readonly string[] | undefined, language: string): QuestionnaireChoice[] | undefined {
  const [titles, setTitles] = useState<{ key: string; choices: QuestionnaireChoice[] }>();
  const key = ids ? `${ids.join('\u0000')}\u0000${language}` : '';
  useEffect(() => {
    if (!ids) return;
    let live = true;
    void deviceIndex()
      .then((index) => fetchChoices(fetchText, ids.flatMap((id) => index.filter((q) => q.id === id)), language))
      .then((choices) => live && setTitles({ key, choices }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key]);
  return titles?.key === key ? titles.choices : undefined;
}

function NewDiagnosticForm({ modes, mode: initialMode, code: givenCode, questionnaires, questionnaire: preselected, onStart }: NewDiagnosticFormProps) {
  const { t, language } = useT();
  const titles = useQuestionnaireTitles(questionnaires, language);
  const [questionnaire, setQuestionnaire] = useState(preselected);
  const [failed, setFailed] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<ProMode>(initialMode);
  const [code, setCode] = useState(() => (givenCode && normalizePersonCode(givenCode)) || newPersonCode(randomBytes));
  const [age, setAge] = useState('');
  const [label, setLabel] = useState('');
  const [badCode, setBadCode] = useState(false);
  const [busy, setBusy] = useState(false);
  useLayoutEffect(() => heading.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const normal = normalizePersonCode(code);
    if (!normal) {
      setBadCode(true);
      document.getElementById('pro-code')?.focus();
      return;
    }
    setBusy(true);
    setFailed(false);
    const started = await onStart({ mode, code: normal, ageBracket: (AGE_BRACKETS as readonly string[]).includes(age) ? (age as AgeBracket) : undefined, label, questionnaireId: questionnaire });
    if (!started) {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <section class="pro-section" aria-labelledby="pro-new-title">
      <h1 id="pro-new-title" tabIndex={-1} ref={heading}>
        {t('pro.interview.newTitle')}
      </h1>
      <p>{t('pro.interview.newIntro')}</p>
      <form class="pro-form" onSubmit={submit} noValidate>
        {modes.length > 1 && (
          <fieldset class="pro-field pro-choice">
            <legend>{t('pro.interview.modeLegend')}</legend>
            {modes.map((m) => (
              <label key={m} class="pro-choice__item">
                <input type="radio" name="pro-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                {t(`pro.interview.modes.${m}`)}
              </label>
            ))}
          </fieldset>
        )}
        {titles && (
          <div class="pro-field">
            <label for="pro-questionnaire">{t('pro.interview.questionnaire')}</label>
            <select
              id="pro-questionnaire"
              value={questionnaire}
              aria-describedby={failed ? 'pro-questionnaire-error' : undefined}
              aria-invalid={failed}
              onChange={(e) => {
                setFailed(false);
                setQuestionnaire(e.currentTarget.value);
              }}
            >
              {titles.map((c) => (
                <option key={c.id} value={c.id} lang={c.language === language ? undefined : c.language}>
                  {c.title}
                </option>
              ))}
            </select>
          </div>
        )}
        {failed && (
          <p class="question__error" role="alert" id="pro-questionnaire-error">
            {t('pro.interview.questionnaireFailed')}
          </p>
        )}
        <div class="pro-field">
          <label for="pro-code">{t('pro.interview.code')}</label>
          <p class="pro-field__hint" id="pro-code-hint">
            {t('pro.interview.codeHint')}
          </p>
          <div class="pro-code">
            <input
              id="pro-code"
              class="pro-code__input"
              value={code}
              maxLength={8}
              autocomplete="off"
              spellcheck={false}
              aria-describedby={`pro-code-hint${badCode ? ' pro-code-error' : ''}`}
              aria-invalid={badCode}
              onInput={(e) => {
                setBadCode(false);
                setCode(e.currentTarget.value.toUpperCase() as ProRecord['code']);
              }}
            />
            <button type="button" class="button button--secondary" onClick={() => setCode(newPersonCode(randomBytes))}>
              {t('pro.interview.newCode')}
            </button>
          </div>
          {badCode && (
            <p class="question__error" role="alert" id="pro-code-error">
              {t('pro.interview.badCode')}
            </p>
          )}
        </div>
        <div class="pro-field">
          <label for="pro-age">{t('pro.interview.age')}</label>
          <select id="pro-age" value={age} onChange={(e) => setAge(e.currentTarget.value)}>
            <option value="">{t('pro.interview.ageNone')}</option>
            {AGE_BRACKETS.map((b) => (
              <option key={b} value={b}>
                {t(`pro.interview.ages.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="pro-field">
          <label for="pro-label">{t('pro.interview.label')}</label>
          <p class="pro-field__hint" id="pro-label-hint">
            {t('pro.interview.labelHint')}
          </p>
          <input id="pro-label" value={label} maxLength={LABEL_MAX} autocomplete="off" aria-describedby="pro-label-hint" onInput={(e) => setLabel(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button--primary" disabled={busy}>
          {t(mode === 'workshop' ? 'pro.interview.startWorkshop' : 'pro.interview.start')}
        </button>
      </form>
    </section>
  );
}

/**
 * A record's run with the questionnaire it was made with, in the language on screen: the one just
 * chosen for a new record, found again from the build's index for a resumed one. While another
 * language's texts load, the run goes on with those it has (it is never remade: its answers stay).
 */
function RecordRun({ device, made, language, ...run }: Omit<DiagnosticRunProps, 'loaded'> & { device: LoadedQuestionnaire; made: LoadedQuestionnaire | undefined; language: string }) {
  const { t } = useT();
  const found = useRecordQuestionnaire(run.initial.session, device, language);
  const kept = useRef(made);
  if (found?.loaded) kept.current = found.loaded;
  const loaded = found?.loaded ?? kept.current;
  if (loaded) return <DiagnosticRun {...run} loaded={loaded} />;
  if (!found) return <LoadingStatus holdFocus />;
  return (
    <p class="notice notice--warning" role="alert">
      {t('pro.interview.questionnaireFailed')}
    </p>
  );
}

export interface DiagnosticRunProps {
  vault: Vault;
  loaded: LoadedQuestionnaire;
  /** The record to run: fresh from createProRecord, or one to resume (its answers are replayed). */
  initial: ProRecord;
  /** The space awaits what this registers before it locks or is left: a note typed just before « Verrouiller » is saved. */
  registerFlush?: ProSectionProps['registerFlush'] | undefined;
  onDone: (record: ProRecord) => void;
}

/** The professional record a run entry stands for: the run's session and annotations under the record's code and label. */
function proRecordOf(header: ProRecord, entry: RunEntry): ProRecord {
  const { outcome: _old, ...rest } = header;
  return {
    ...rest,
    session: entry.session as ProRecord['session'],
    notes: entry.annotations.notes,
    generalNote: entry.annotations.generalNote,
    answeredBy: entry.annotations.answeredBy,
    ...(entry.outcome ? { outcome: entry.outcome } : {}),
  };
}

/** The run of one professional record: the kiosk's run and question screen, written to the vault. */
export function DiagnosticRun({ vault, loaded, initial, registerFlush, onDone }: DiagnosticRunProps) {
  const { t, language } = useT();
  const run = useMemo(() => {
    const sink: RunSink = {
      save: async (entry) => ({ ok: (await vault.put(RECORDS, entry.session.id, proRecordOf(initial, entry))).ok }),
      forget: (id) => vault.remove(RECORDS, id),
    };
    return createRun({ loaded, mode: initial.session.mode, language, resume: resumeOf(loaded, { ...initial.session, status: 'in-progress' }, initial), sink });
  }, []);
  useEffect(() => {
    const unregister = registerFlush?.(() => run.flush());
    return () => {
      unregister?.();
      run.stop();
    };
  }, [run]);
  useEffect(() => run.setLanguage(language), [run, language]);
  const view = useRunView(run);
  const layer = useMemo(() => proRunLayer(initial), [initial]);

  // The path ended: once the completed record is written, the record's page.
  useEffect(() => {
    if (!view.atResult) return;
    const done = run.entry();
    void run.flush().then(() => onDone(proRecordOf(initial, done)));
  }, [view.atResult]);

  if (view.atResult || !view.question) return <Finishing />;
  return <QuestionScreen run={run} view={view} question={view.question} loaded={loaded} variant="pro" layer={layer} />;
}

/** The moment between the last answer and the record's page: the focus waits here, never on the page's body. */
function Finishing() {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <section class="pro-section" aria-busy="true">
      <h1 class="loading" tabIndex={-1} ref={heading}>
        {t('pro.interview.finishing')}
      </h1>
    </section>
  );
}
