import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createActor } from 'xstate';
import { createQuestionnaireMachine, createRecord, expectedPath, isAnswered, newSessionId, outcomeOf, replay, RESULT_STATE, type LoadedQuestionnaire, type OptionId, type Question, type QuestionId } from '../../core/index.ts';
import { AGE_BRACKETS, createProRecord, LABEL_MAX, newPersonCode, normalizePersonCode, NOTE_MAX, readProRecord, type AgeBracket, type AnswerSource, type ProMode, type ProRecord } from '../../core/pro-record.ts';
import { ignoreLocked, type Vault } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import { QUESTION_VIEWS } from '../question-screen.tsx';
import { localeText } from '../questionnaire-loader.ts';
import { useActorSnapshot } from '../use-actor.ts';
import { RECORDS, type ProSectionProps } from './section-props.ts';
import { LoadingStatus } from '../loading-status.tsx';

// A new diagnostic in interview mode (a social worker, the person beside them) or workshop mode
// (an EPN animator placing a learner): the person gets a random code, an optional age bracket and
// a free label (never a name); then the same questionnaire in a dense layout, every option in
// view, driven from the keyboard, with a note per question, a general note, and whether the
// person answered or the professional observed. The record is written to the vault, encrypted,
// on every answer and every note.

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const randomUnit = () => (crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) / 2 ** 32;

/** The enabled professional modes of the device, interview first. */
function proModes(modes: readonly string[]): ProMode[] {
  return (['interview', 'workshop'] as const).filter((m) => modes.includes(m));
}

export default function DiagnosticSection({ vault, questionnaire, settings, language, params, navigate }: ProSectionProps) {
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
  if (record) return <DiagnosticRun vault={vault} loaded={questionnaire} initial={record} onDone={(r) => navigate('records', { record: r.session.id })} />;
  if (params.record) {
    return <LoadingStatus />;
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
          contentHash: questionnaire.contentHash,
          mode,
          language,
          now: new Date().toISOString(),
          start: questionnaire.questionnaire.start,
        });
        const fresh = createProRecord({ session, code, ageBracket, label });
        await vault.put(RECORDS, session.id, fresh);
        setRecord(fresh);
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
  onDone: (record: ProRecord) => void;
}

/** Writes the record whole, one write after the other, the latest last; once completed, a late in-progress write (a note's delayed save) is dropped. */
function useSaver(vault: Vault) {
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const completed = useRef(false);
  const [failed, setFailed] = useState(false);
  return {
    failed,
    save(record: ProRecord): Promise<unknown> {
      if (completed.current) return queue.current;
      if (record.session.status === 'completed') completed.current = true;
      queue.current = queue.current
        .then(() => vault.put(RECORDS, record.session.id, record))
        .then(
          (r) => setFailed(!r.ok),
          () => setFailed(true),
        );
      return queue.current;
    },
  };
}

/** The dense run: one question at a time with every option in view, notes beside it, keyboard shortcuts. */
export function DiagnosticRun({ vault, loaded, initial, onDone }: DiagnosticRunProps) {
  const { t, language } = useT();
  const { questionnaire } = loaded;
  const actor = useMemo(() => {
    const machine = createQuestionnaireMachine(questionnaire);
    const resumed = initial.session.path.length > 1 || Object.keys(initial.session.answers).length > 0 ? replay(machine, { ...initial.session, status: 'in-progress' }) : undefined;
    return createActor(machine, resumed ? { snapshot: resumed.snapshot } : {}).start();
  }, []);
  useEffect(() => () => actor.stop(), [actor]);
  const snapshot = useActorSnapshot(actor);
  const { answers, path } = snapshot.context;
  const [notes, setNotes] = useState(initial.notes);
  const [answeredBy, setAnsweredBy] = useState(initial.answeredBy);
  const [generalNote, setGeneralNote] = useState(initial.generalNote);
  const [missing, setMissing] = useState(false);
  const saver = useSaver(vault);
  const heading = useRef<HTMLHeadingElement>(null);
  const atResult = snapshot.value === RESULT_STATE;
  const question = questionnaire.questions.find((q) => q.id === snapshot.value);
  const tree = loaded.locales[language];

  const recordNow = (): ProRecord => {
    const { answers: a, path: p } = actor.getSnapshot().context;
    return { ...initial, session: { ...initial.session, answers: a, path: p, language, updatedAt: new Date().toISOString() }, notes, answeredBy, generalNote };
  };

  // Every answer and every move: written at once. Notes: shortly after typing stops.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (atResult) return;
    void saver.save(recordNow());
  }, [answers, path, answeredBy]);
  useEffect(() => {
    if (atResult) return;
    const timer = setTimeout(() => void saver.save(recordNow()), 400);
    return () => clearTimeout(timer);
  }, [notes, generalNote]);

  // The path ended: the outcome, the record completed, then the record's page.
  useEffect(() => {
    if (!atResult) return;
    const now = new Date().toISOString();
    const base = recordNow();
    const done: ProRecord = {
      ...base,
      session: { ...base.session, status: 'completed', completedAt: now, updatedAt: now },
      outcome: outcomeOf(questionnaire, answers, path),
    };
    void saver.save(done).then(() => onDone(done));
  }, [atResult]);

  useLayoutEffect(() => {
    setMissing(false);
    heading.current?.focus();
  }, [snapshot.value]);

  const next = () => {
    if (!question) return;
    if (question.kind !== 'info' && question.kind !== 'exercise' && !isAnswered(question, actor.getSnapshot().context.answers)) {
      setMissing(true);
      return;
    }
    actor.send({ type: 'nav.next' });
  };
  const back = () => {
    if (actor.getSnapshot().context.path.length > 1) actor.send({ type: 'nav.back' });
  };
  const setSource = (id: QuestionId, source: AnswerSource) =>
    setAnsweredBy((current) => {
      const nextSources = { ...current };
      if (source === 'person') delete nextSources[id];
      else nextSources[id] = source;
      return nextSources;
    });

  // Shortcuts, outside text fields: 1–9 an answer, Enter next, R back, P / O who answered, N the
  // question's note, G the general note. In a note: Ctrl+Enter goes on, Escape returns to the question.
  const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
  onKey.current = (event: KeyboardEvent) => {
    if (!question || event.defaultPrevented || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    const inText = !!target?.closest('textarea, input[type=text], input:not([type]), select');
    if (inText) {
      if (event.key === 'Enter' && event.ctrlKey && target?.tagName === 'TEXTAREA') {
        event.preventDefault();
        next();
      } else if (event.key === 'Escape' && target?.tagName === 'TEXTAREA') {
        event.preventDefault();
        heading.current?.focus();
      }
      return;
    }
    if (event.ctrlKey || target?.closest('.pro-nav, .pro-shell__tools, .language-menu')) return;
    const options = question.options ?? [];
    const key = event.key.toLowerCase();
    if (/^[1-9]$/.test(key) && options.length > 0) {
      const option = options[Number(key) - 1];
      if (!option) return;
      event.preventDefault();
      setMissing(false);
      actor.send({ type: 'answer.select', option: option.id });
      document.getElementById(`pro-q-${question.id}-${option.id}`)?.focus();
    } else if (key === 'enter' && (target?.tagName !== 'BUTTON' || target === null)) {
      event.preventDefault();
      next();
    } else if (key === 'r') {
      event.preventDefault();
      back();
    } else if (key === 'p' || key === 'o') {
      event.preventDefault();
      setSource(question.id, key === 'p' ? 'person' : 'observed');
    } else if (key === 'n' || key === 'g') {
      event.preventDefault();
      document.getElementById(key === 'n' ? 'pro-note' : 'pro-general-note')?.focus();
    }
  };
  useLayoutEffect(() => {
    const listener = (event: KeyboardEvent) => onKey.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  if (atResult || !question) {
    return (
      <p class="loading" role="status">
        {t('pro.interview.finishing')}
      </p>
    );
  }
  const total = expectedPath(questionnaire, answers, path).length;
  const source = answeredBy[question.id] ?? 'person';
  const text = localeText(tree, 'questions', question.id, 'text');
  const note = notes[question.id] ?? '';

  return (
    <section class="pro-run" aria-labelledby="pro-run-title">
      <header class="pro-run__header">
        <p class="pro-run__who">
          <span class="pro-run__code">{initial.code}</span>
          <span>{t(`pro.interview.modes.${initial.session.mode}`)}</span>
          {initial.label && <span>{initial.label}</span>}
        </p>
      </header>
      <div class="pro-run__grid">
        <form
          class="pro-run__question"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <h1 id="pro-run-title" class="pro-run__title" tabIndex={-1} ref={heading}>
            <span class="question__step">{t('ui.question.step', { current: path.length, total })}</span>
            <span class="pro-run__text" id="pro-run-text">
              {text}
            </span>
          </h1>
          <DenseBody question={question} loaded={loaded} answers={answers} onSelect={(option) => {
            setMissing(false);
            actor.send({ type: 'answer.select', option });
          }} send={(e) => actor.send(e)} />
          {missing && (
            <p class="question__error" role="alert">
              {t('ui.question.required')}
            </p>
          )}
          {question.kind !== 'info' && (
            <fieldset class="pro-choice pro-run__source">
              <legend>{t('pro.interview.sourceLegend')}</legend>
              {(['person', 'observed'] as const).map((s) => (
                <label key={s} class="pro-choice__item">
                  <input type="radio" name={`pro-source-${question.id}`} value={s} checked={source === s} onChange={() => setSource(question.id, s)} />
                  {t(`pro.interview.source.${s}`)} <kbd aria-hidden="true">{s === 'person' ? 'P' : 'O'}</kbd>
                </label>
              ))}
            </fieldset>
          )}
          <div class="pro-field">
            <label for="pro-note">
              {t('pro.interview.note')} <kbd aria-hidden="true">N</kbd>
            </label>
            <textarea
              id="pro-note"
              rows={3}
              maxLength={NOTE_MAX}
              value={note}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setNotes((n) => ({ ...n, [question.id]: value }));
              }}
            />
          </div>
          <div class="pro-actions">
            {path.length > 1 && (
              <button type="button" class="button button--secondary" onClick={back}>
                {t('ui.question.back')} <kbd aria-hidden="true">R</kbd>
              </button>
            )}
            <button type="submit" class="button button--primary">
              {t(path.length >= total ? 'pro.interview.seeResult' : 'ui.question.next')} <kbd aria-hidden="true">{t('pro.interview.keys.enterKey')}</kbd>
            </button>
          </div>
          {saver.failed && (
            <p class="notice notice--warning" role="alert">
              {t('pro.interview.saveFailed')}
            </p>
          )}
        </form>
        <aside class="pro-run__side" aria-labelledby="pro-side-title">
          <h2 id="pro-side-title" class="visually-hidden">
            {t('pro.interview.sideTitle')}
          </h2>
          <div class="pro-field">
            <label for="pro-general-note">
              {t('pro.interview.generalNote')} <kbd aria-hidden="true">G</kbd>
            </label>
            <textarea id="pro-general-note" rows={5} maxLength={NOTE_MAX} value={generalNote} onInput={(e) => setGeneralNote(e.currentTarget.value)} />
          </div>
          <section class="pro-keys" aria-labelledby="pro-keys-title">
            <h3 id="pro-keys-title">{t('pro.interview.keys.title')}</h3>
            <dl>
              {(['digits', 'enter', 'back', 'person', 'observed', 'note', 'general', 'ctrlEnter', 'escape'] as const).map((k) => (
                <div key={k} class="pro-keys__row">
                  <dt>
                    <kbd>{t(`pro.interview.keys.${k}Key`)}</kbd>
                  </dt>
                  <dd>{t(`pro.interview.keys.${k}`)}</dd>
                </div>
              ))}
            </dl>
          </section>
          <p class="pro-run__saved">{t('pro.interview.savedEncrypted')}</p>
        </aside>
      </div>
    </section>
  );
}

interface DenseBodyProps {
  question: Question;
  loaded: LoadedQuestionnaire;
  answers: ProRecord['session']['answers'];
  onSelect: (option: OptionId) => void;
  send: Parameters<NonNullable<(typeof QUESTION_VIEWS)['exercise']['body']>>[0]['send'];
}

/** Choice questions as a compact numbered list; other kinds (exercises) use their own view. */
function DenseBody({ question, loaded, answers, onSelect, send }: DenseBodyProps) {
  const { t, language } = useT();
  const tree = loaded.locales[language];
  const options = question.options ?? [];
  if (question.kind === 'info') return null;
  if (options.length === 0) {
    const View = QUESTION_VIEWS[question.kind].body;
    return View ? <View question={question} loaded={loaded} answers={answers} send={send} /> : null;
  }
  const multiple = question.kind === 'multiple';
  const answer = answers[question.id];
  const chosen: string[] = answer?.type === 'choice' ? [answer.option] : answer?.type === 'choices' ? answer.options : [];
  return (
    <fieldset class="pro-options" aria-labelledby="pro-run-text">
      <p class="pro-field__hint">{t(multiple ? 'ui.question.hintMultiple' : 'ui.question.hintSingle')}</p>
      <ol class="pro-options__list" role="list">
        {options.map((option, i) => {
          const id = `pro-q-${question.id}-${option.id}`;
          return (
            <li key={option.id}>
              <label class="pro-option" for={id}>
                <input
                  id={id}
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`pro-q-${question.id}`}
                  value={option.id}
                  checked={chosen.includes(option.id)}
                  onChange={() => onSelect(option.id)}
                />
                <kbd class="pro-option__key" aria-hidden="true">
                  {i < 9 ? i + 1 : ''}
                </kbd>
                <span>{localeText(tree, 'questions', question.id, 'options', option.id)}</span>
              </label>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
