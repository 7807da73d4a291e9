// One run of a questionnaire, whoever drives it: the kiosk's self-test and the professional's
// interview are two views of this. The controller owns the questionnaire's actor (XState), exposes
// what a run can do, and writes every change to storage through ONE subscription to that actor: the
// stored record is derived from the actor's state each time, never kept as a second copy.
// No Preact, no DOM, no IndexedDB: storage comes in as a RunSink.
import { createActor } from 'xstate';
import {
  createQuestionnaireMachine,
  END,
  knownFirstStep,
  outcomeOf,
  RESULT_STATE,
  stepBounds,
  whereNext,
  type ExerciseResult,
  type LoadedQuestionnaire,
  type OptionId,
  type Outcome,
  type Question,
  type QuestionId,
  type QuestionnaireContext,
  type QuestionnaireEvent,
  type Replay,
  type SessionId,
  type SessionMode,
  type SessionRecord,
  type Snapshot,
} from '../core/index.ts';
import type { AnswerSource } from '../core/pro-record.ts';
import { questionIndex } from '../core/scoring.ts';
import { newSessionId } from '../core/session-id.ts';
import { observable, type Observable } from '../core/observable.ts';

/** What a professional adds to a run (empty on a kiosk). */
export type RunAnnotations = Pick<QuestionnaireContext, 'notes' | 'generalNote' | 'answeredBy'>;

/** What is written on every change: the session record, a professional's annotations, the outcome once the path has ended. */
export interface RunEntry {
  session: SessionRecord;
  annotations: RunAnnotations;
  outcome?: Outcome;
}

/** Where a run is written: the kiosk's session store, or the professional vault. */
export interface RunSink {
  save(entry: RunEntry): Promise<{ ok: boolean }>;
  /** A record the run no longer stands for (going back from a result goes on under a new id). */
  forget(id: SessionId): Promise<unknown>;
}

/** What the screens read: derived from the actor's snapshot, the same object until the next change. */
export interface RunView {
  /** The question on screen, or undefined once the path has ended. */
  question: Question | undefined;
  atResult: boolean;
  context: QuestionnaireContext;
  /**
   * "Étape X sur Y": Y is the most steps the path can still have (core/progress.ts), so it never
   * grows while the person goes forward; `exact` once the rest of the path is certain.
   */
  step: { current: number; total: number; exact: boolean };
  canGoBack: boolean;
  /** Whether the question on screen has what it needs to move on. */
  canGoOn: boolean;
  /** Whether "Suivant" ends the path (the button then says "Voir le résultat"). */
  last: boolean;
  outcome: Outcome | undefined;
}

/** A stored run made ready to go on with (./resume.ts's resumeOf: the replay is loaded only where a run is taken up). */
export interface RunResume {
  session: SessionRecord;
  annotations?: Partial<RunAnnotations> | undefined;
  /** The session's answers replayed, step by step, into the questionnaire's machine (machineOf). */
  replayed: Replay;
}

export interface RunOptions {
  loaded: Pick<LoadedQuestionnaire, 'questionnaire' | 'contentHash' | 'firstStep'>;
  mode: SessionMode;
  language: string;
  /** A stored run to go on with, its answers replayed into a fresh machine: resumeOf() (./resume.ts). */
  resume?: RunResume | undefined;
  sink?: RunSink | undefined;
  /**
   * When a change is handed to the sink: at once (the default), or later, e.g. once the screen that
   * shows it is painted (the kiosk's src/ui/after-paint.ts), so that the write never delays the next
   * question. A change waiting there is never lost: a later one takes its place, and flush() and
   * stop() hand it over at once.
   */
  defer?: ((write: () => void) => void) | undefined;
  /**
   * Made ahead, while the start screen waits (the kiosk draws its first question hidden, so that
   * « Commencer » only has to show it): nothing is written and the run's clock does not start until
   * begin(), which also brings the sink (a kiosk's sink forgets an earlier person when it is made).
   */
  held?: boolean;
  now?: () => string;
  newId?: () => SessionId;
}

export interface RunController {
  /** A key for the screens: one per run, whatever the record's id becomes. */
  readonly key: string;
  /** False when a resumed run no longer fitted the questionnaire and stopped short. */
  readonly complete: boolean;
  view(): RunView;
  subscribe(listener: (view: RunView) => void): () => void;
  /** The record as it would be written now. */
  entry(): RunEntry;
  select(option: OptionId): void;
  /** Goes on; false (and nothing moves) when the question still waits for its answer. */
  next(): boolean;
  back(): void;
  /** An exercise's result, as its screen measured it. */
  exerciseDone(result: ExerciseResult): void;
  /** "Je préfère passer": the exercise is recorded as skipped (its tries so far kept) and the run goes on. */
  skipExercise(result: ExerciseResult): void;
  setLanguage(language: string): void;
  note(question: QuestionId, text: string): void;
  generalNote(text: string): void;
  answeredBy(question: QuestionId, source: AnswerSource): void;
  /**
   * Makes ahead what « Suivant » would compute, once the question on screen has its answer: the
   * next screen's « Étape X sur Y » (the path walk of core/progress.ts, kept there), so that going
   * on only finds it. For a moment when nothing is asked of the run (the kiosk: once the answer is
   * painted); nothing changes in the run.
   */
  prepareNext(): void;
  /** A held run starts: from now on it is written (through `sink`, if given), its clock started now. Nothing for a run that is not held. */
  begin(sink?: RunSink): void;
  /** Whether the last write failed (the run goes on in memory). */
  readonly saveFailed: Observable<boolean>;
  /** Resolves once every change so far is written. */
  flush(): Promise<void>;
  /** Stops the actor; the last change is still handed to the sink, so that what comes after (the kiosk's wipe) comes after it. */
  stop(): void;
}

let runs = 0;

const machines = new WeakMap<LoadedQuestionnaire['questionnaire'], ReturnType<typeof createQuestionnaireMachine>>();
/** The questionnaire's machine, made once: a pure definition its runs share (making it is a good part of « Commencer » on a cheap tablet). */
export function machineOf(questionnaire: LoadedQuestionnaire['questionnaire']): ReturnType<typeof createQuestionnaireMachine> {
  let machine = machines.get(questionnaire);
  if (!machine) machines.set(questionnaire, (machine = createQuestionnaireMachine(questionnaire)));
  return machine;
}

/**
 * Makes ahead, while the start screen waits, what « Commencer » would otherwise make: the
 * questionnaire's machine and the first screen's « Étape 1 sur Y » (the path walk of
 * core/progress.ts, kept there: every run starts the same way).
 */
export function prepareRun(loaded: LoadedQuestionnaire): void {
  const { questionnaire } = loaded;
  machineOf(questionnaire);
  settleFirstStep(loaded);
}

/** The first screen's bounds: the build's where it computed them on these very files (LoadedQuestionnaire.firstStep), else the walk. */
function settleFirstStep({ questionnaire, firstStep: built }: RunOptions['loaded']): void {
  if (built) knownFirstStep(questionnaire, built);
  else stepBounds(questionnaire, {}, [questionnaire.start]);
}

/** Starts a run, new or resumed, and writes it at once and on every change. */
export function createRun({ loaded, mode, language, resume, sink: givenSink, defer, held = false, now = () => new Date().toISOString(), newId = () => newSessionId() }: RunOptions): RunController {
  const { questionnaire } = loaded;
  const machine = machineOf(questionnaire);
  if (!resume) settleFirstStep(loaded);
  let sink = held ? undefined : givenSink;
  let complete = true;
  let actor;
  if (resume) {
    complete = resume.replayed.complete;
    actor = createActor(machine, { snapshot: resume.replayed.snapshot });
  } else actor = createActor(machine);
  actor.start();
  if (actor.getSnapshot().context.language !== language) actor.send({ type: 'run.language', language });

  // The record's own facts: which record, since when. Everything else comes from the actor.
  const started = resume?.session;
  const meta = {
    id: started?.id ?? newId(),
    startedAt: started?.startedAt ?? now(),
    completedAt: started?.status === 'completed' ? started.completedAt : undefined,
  };

  const views = new WeakMap<Snapshot, RunView>();
  const viewOf = (snapshot: Snapshot): RunView => {
    let view = views.get(snapshot);
    if (view) return view;
    const { context } = snapshot;
    const atResult = snapshot.value === RESULT_STATE;
    const question = atResult ? undefined : questionIndex(questionnaire).get(snapshot.value as QuestionId);
    const bounds = atResult ? undefined : stepBounds(questionnaire, context.answers, context.path);
    const total = bounds ? bounds.atMost : context.path.length;
    const next = atResult ? undefined : whereNext(questionnaire, context);
    view = {
      question,
      atResult,
      context,
      step: { current: context.path.length, total, exact: !bounds || bounds.atLeast === bounds.atMost },
      canGoBack: atResult || context.path.length > 1,
      canGoOn: next !== undefined,
      last: next === 'end' || (next === undefined && context.path.length >= total),
      outcome: atResult ? outcomeOf(questionnaire, context.answers, context.path) : undefined,
    };
    views.set(snapshot, view);
    return view;
  };

  const entryOf = (view: RunView): RunEntry => {
    const { context } = view;
    const session: SessionRecord = {
      version: 2,
      id: meta.id,
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      contentHash: loaded.contentHash,
      mode,
      language: context.language,
      answers: context.answers,
      path: context.path,
      startedAt: meta.startedAt,
      updatedAt: now(),
      status: view.atResult ? 'completed' : 'in-progress',
      ...(view.atResult && meta.completedAt ? { completedAt: meta.completedAt } : {}),
    };
    const annotations = { notes: context.notes, generalNote: context.generalNote, answeredBy: context.answeredBy };
    return view.outcome ? { session, annotations, outcome: view.outcome } : { session, annotations };
  };

  // Writes, one after the other, the latest last: at most one in flight and one waiting.
  const saveFailed = observable(false);
  let stopped = false;
  let waiting: RunEntry | undefined;
  const forgetting: SessionId[] = [];
  let draining: Promise<void> | undefined;
  const drain = async () => {
    await undefined; // so that `draining` is set before the loop can end
    try {
      while (!stopped && (forgetting.length || waiting)) {
        const old = forgetting.shift();
        if (old !== undefined) {
          await sink?.forget(old).catch(() => undefined);
          continue;
        }
        const entry = waiting as RunEntry;
        waiting = undefined;
        const result = await (sink ? sink.save(entry).catch(() => ({ ok: false })) : { ok: true });
        saveFailed.set(!result.ok);
      }
    } finally {
      draining = undefined;
    }
  };
  // A write deferred (options.defer) and not started yet; the drain takes the latest `waiting`.
  let deferred = false;
  const startDraining = () => {
    deferred = false;
    if (!stopped) draining ??= drain();
  };
  const write = (view: RunView) => {
    if (!sink || stopped) return;
    waiting = entryOf(view);
    if (draining || deferred) return;
    if (!defer) return startDraining();
    deferred = true;
    defer(() => deferred && startDraining());
  };

  // The one subscription: every change of the actor's state is written.
  let last = actor.getSnapshot();
  const persist = (snapshot: Snapshot) => {
    const before = last;
    last = snapshot;
    const view = viewOf(snapshot);
    if (before !== snapshot && before.value === RESULT_STATE && !view.atResult) {
      // Back from the result: a completed record is never reopened; the run goes on under a new id.
      forgetting.push(meta.id);
      meta.id = newId();
      meta.completedAt = undefined;
    }
    if (view.atResult) meta.completedAt ??= now();
    write(view);
  };
  const listeners = new Set<(view: RunView) => void>();
  const subscription = actor.subscribe((snapshot) => {
    if (snapshot === last) return;
    if (snapshot.value === last.value && snapshot.context === last.context) return;
    persist(snapshot);
    const view = viewOf(snapshot);
    for (const listener of listeners) listener(view);
  });
  if (viewOf(last).atResult) meta.completedAt ??= now();
  if (!held) write(viewOf(last));

  const send = (event: QuestionnaireEvent) => {
    if (!stopped) actor.send(event);
  };

  return {
    key: `run-${++runs}`,
    complete,
    view: () => viewOf(actor.getSnapshot()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    entry: () => entryOf(viewOf(actor.getSnapshot())),
    select: (option) => send({ type: 'answer.select', option }),
    next() {
      if (!viewOf(actor.getSnapshot()).canGoOn) return false;
      send({ type: 'nav.next' });
      return true;
    },
    back: () => send({ type: 'nav.back' }),
    exerciseDone: (result) => send({ type: 'exercise.done', result }),
    skipExercise(result) {
      send({ type: 'exercise.done', result });
      send({ type: 'nav.next' });
    },
    setLanguage: (l) => send({ type: 'run.language', language: l }),
    prepareNext() {
      const { value, context } = actor.getSnapshot();
      if (stopped || value === RESULT_STATE) return;
      const to = whereNext(questionnaire, context);
      if (to !== undefined && to !== END) stepBounds(questionnaire, context.answers, [...context.path, to]);
    },
    note: (question, text) => send({ type: 'note.question', question, text }),
    generalNote: (text) => send({ type: 'note.general', text }),
    answeredBy: (question, source) => send({ type: 'answer.source', question, source }),
    begin(later) {
      if (!held || stopped) return;
      held = false;
      sink = later ?? givenSink;
      meta.startedAt = now();
      write(viewOf(actor.getSnapshot()));
    },
    saveFailed,
    flush: async () => {
      if (deferred) startDraining();
      while (draining) await draining;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (waiting && sink) void sink.save(waiting).catch(() => undefined);
      waiting = undefined;
      subscription.unsubscribe();
      listeners.clear();
      actor.stop();
    },
  };
}
