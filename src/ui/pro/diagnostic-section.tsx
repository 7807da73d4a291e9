import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createRecord, newSessionId, type LoadedQuestionnaire } from '../../core/index.ts';
import { AGE_BRACKETS, createProRecord, LABEL_MAX, newPersonCode, normalizePersonCode, readProRecord, type AgeBracket, type ProMode, type ProRecord } from '../../core/pro-record.ts';
import { createRun, type RunEntry, type RunSink } from '../../run/run-controller.ts';
import { ignoreLocked, type Vault } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import { LoadingStatus } from '../loading-status.tsx';
import { QuestionScreen } from '../question-screen.tsx';
import { useRunView } from '../use-run.ts';
import { proRunLayer } from './run-layer.tsx';
import { RECORDS, type ProSectionProps } from './section-props.ts';

// A new diagnostic in interview mode (a social worker, the person beside them) or workshop mode
// (an EPN animator placing a learner): the person gets a random code, an optional age bracket and
// a free label (never a name); then the same run as the kiosk's (src/run/run-controller.ts) in the
// same question screen, denser, with the professional's layer (run-layer.tsx): a note per
// question, a general note, whether the person answered or the professional observed, the
// shortcuts. The run writes the record to the vault, encrypted, on every change.

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const randomUnit = () => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;

/** The enabled professional modes of the device, interview first. */
function proModes(modes: readonly string[]): ProMode[] {
  return (['interview', 'workshop'] as const).filter((m) => modes.includes(m));
}

export default function DiagnosticSection({ vault, questionnaire, settings, language, params, navigate, registerFlush }: ProSectionProps) {
  const [record, setRecord] = useState<ProRecord>();
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
  if (record) return <DiagnosticRun vault={vault} loaded={questionnaire} initial={record} registerFlush={registerFlush} onDone={(r) => navigate('records', { record: r.session.id })} />;
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
      onStart={async ({ mode, code, ageBracket, label }) => {
        const session = createRecord({
          id: newSessionId(randomUnit),
          questionnaireId: questionnaire.questionnaire.id,
          questionnaireVersion: questionnaire.questionnaire.version,
          contentHash: questionnaire.contentHash,
          mode,
          language,
          now: new Date().toISOString(),
          start: questionnaire.questionnaire.start,
        });
        setRecord(createProRecord({ session, code, ageBracket, label }));
      }}
    />
  );
}

interface NewDiagnostic {
  mode: ProMode;
  code: ProRecord['code'];
  ageBracket: AgeBracket | undefined;
  label: string;
}

function NewDiagnosticForm({ modes, mode: initialMode, code: givenCode, onStart }: { modes: ProMode[]; mode: ProMode; code?: string | undefined; onStart: (d: NewDiagnostic) => Promise<void> }) {
  const { t } = useT();
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
    await onStart({ mode, code: normal, ageBracket: (AGE_BRACKETS as readonly string[]).includes(age) ? (age as AgeBracket) : undefined, label });
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
    return createRun({ loaded, mode: initial.session.mode, language, resume: { session: { ...initial.session, status: 'in-progress' }, annotations: initial }, sink });
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
