// The kiosk's life, as one XState machine: loading → start → run → result → forgetting the person,
// with the idle warning and reset as delayed transitions, and every load an invoked promise (a new
// choice of language cancels the one still on its way, instead of a counter guarding against it).
// A device whose settings offer several questionnaires starts on their list (their titles and
// intros, never their structures): CHOOSE starts the run on one, and forgetting comes back to the list.
// No Preact here: app.tsx draws what this machine is in, and sends it what the person does.
import { assign, fromPromise, raise } from 'xstate';
import { setup } from '../core/machine-setup.ts';
import type { LoadedQuestionnaire, Problem, QuestionnaireId, SessionRecord, Settings } from '../core/index.ts';
import type { RunController } from '../run/run-controller.ts';
import { clearFetched, fetchIndex, fetchQuestionnaire, fetchSettings, type FetchText, type QuestionnaireEntry } from './questionnaire-loader.ts';
import { nextTask } from './next-task.ts';
import { offeredEntries, startLanguage } from './start-files.ts';
import { isResultRoute, proHandoffRoute, type SharedResult } from './result-link.ts';
import type { SessionEvents } from './session-events.ts';

/** The professional space's route (`#/pro`, or `#/pro?receive=…` for a hand-off); the kiosk stays the default. */
export const PRO_ROUTE = '#/pro';
export const isProRoute = (hash: string) => hash === PRO_ROUTE || hash.startsWith(`${PRO_ROUTE}?`);
export const proEnabled = (s: Settings | undefined) => !!s?.modes.some((m) => m !== 'kiosk');

/** What the run module (run.tsx, loaded with import()) gives the machine. */
export interface RunModule {
  createRun: typeof import('../run/run-controller.ts').createRun;
  /** Makes ahead what « Commencer » needs (the questionnaire's machine). */
  prepareRun?: typeof import('../run/run-controller.ts').prepareRun;
  /** What takes up a stored run (its replay), loaded only when there is one to take up. */
  loadResume: () => Promise<Pick<typeof import('../run/resume.ts'), 'resumeOf'>>;
}

/** What the machine needs from the page: all of it passed in, so tests pass their own. */
export interface AppDeps {
  fetchText: FetchText;
  events?: SessionEvents | undefined;
  /** Switches the interface strings to a language (i18next). */
  applyLanguage: (language: string) => Promise<void>;
  /** The validator's messages, for a broken file. */
  loadValidationStrings: () => Promise<unknown>;
  loadRunModule: () => Promise<RunModule>;
  /** The address's fragment at start: a shared result (#/r?…) or the professional space (#/pro). */
  hash: () => string;
  /** Seconds the "are you still there?" dialog counts down before the kiosk forgets the person. */
  countdownSeconds: number;
  /** Milliseconds since 1970 (the age of a run to resume). */
  clock: () => number;
  /** What forgetting the person does outside the machine: stop reading aloud, clean the address bar. */
  onForget: () => void;
  /** The address says the professional space is open (no new history entry); `route` a hand-off to receive. */
  onPro: (route?: string) => void;
  /** What a device offering several questionnaires needs (questionnaire-list.tsx, loaded with import() only there). */
  loadList: () => Promise<Pick<typeof import('./questionnaire-list.tsx'), 'listStart' | 'loadChosen'>>;
}

/** 'link': a result link (QR code) that names no questionnaire of this build, or does not fit it. */
export type Failure = 'load' | 'questionnaire' | 'settings' | 'crash' | 'link';

export interface AppContext {
  deps: AppDeps;
  /** Where the boot said to go. */
  route?: 'start' | 'shared' | 'pro' | 'run' | undefined;
  reference: string;
  settings?: Settings | undefined;
  settingsMissing: boolean;
  /** The build's questionnaires (questionnaires/index.json). */
  index?: QuestionnaireEntry[] | undefined;
  /** The questionnaire on screen (the one run, or the device's default); none while several are listed to choose from. */
  entry?: QuestionnaireEntry | undefined;
  loaded?: LoadedQuestionnaire | undefined;
  /** The language on screen. */
  language: string;
  run?: RunController | undefined;
  /**
   * The run made ahead while the start screen waits (held: nothing written, no clock), its first
   * question drawn hidden behind the start screen: « Commencer » only shows it.
   */
  ahead?: { run: RunController; questionnaire: LoadedQuestionnaire['questionnaire'] } | undefined;
  shared?: SharedResult | undefined;
  failure?: Failure | undefined;
  problems?: Problem[] | undefined;
  languageFailed: boolean;
  /** A resumed run stopped short: the questionnaire changed since. */
  resumedChanged: boolean;
  /** The start screen takes the focus (after forgetting a person). */
  focusStart: boolean;
  /** A resumed run had waited longer than the idle delay. */
  stale: boolean;
}

export type AppEvent =
  | { type: 'BEGIN' }
  /** One of the questionnaires listed is chosen: the run starts on it. */
  | { type: 'CHOOSE'; id: string }
  | { type: 'PRO' }
  | { type: 'FINISH' }
  | { type: 'ACTIVITY' }
  | { type: 'STAY' }
  | { type: 'LANGUAGE'; language: string }
  | { type: 'RETRY' }
  | { type: 'WIPE' }
  | { type: 'CRASH' }
  /** The run made ahead is ready (sent by the machine itself, from preloadRun). */
  | { type: 'AHEAD'; run: RunController; questionnaire: LoadedQuestionnaire['questionnaire'] };

type BootOutput =
  | { route: 'failed'; failure: Failure; problems?: Problem[] | undefined; /** The interface language applied for the error screen, if not the reference. */ language?: string | undefined }
  | {
      route: 'start' | 'shared' | 'pro' | 'run';
      settings: Settings;
      settingsMissing: boolean;
      index: QuestionnaireEntry[];
      /** Undefined when the start screen lists several questionnaires. */
      entry?: QuestionnaireEntry | undefined;
      loaded?: LoadedQuestionnaire | undefined;
      language: string;
      shared?: SharedResult | undefined;
      run?: RunController | undefined;
      /** The run waited longer than the idle delay: the person is asked whether they are still there. */
      stale?: boolean;
      resumedChanged?: boolean;
    };

/** The questionnaires the device offers, in the settings' order, as far as the build has them. */
export function offeredQuestionnaires(context: Pick<AppContext, 'settings' | 'index'>): QuestionnaireEntry[] {
  const { settings, index } = context;
  if (!settings || !index) return [];
  return offeredEntries(settings, index);
}

/** Several questionnaires offered: the kiosk's start screen lists them to choose from. */
export const offersSeveral = (context: Pick<AppContext, 'settings' | 'index'>) => offeredQuestionnaires(context).length > 1;

/** The languages the kiosk offers: the settings' list, as far as the questionnaire on screen has them (on a list, any of those listed). */
export function offeredLanguages(context: Pick<AppContext, 'settings' | 'entry' | 'index'>): string[] {
  const { settings, entry } = context;
  if (!settings) return [];
  const entries = entry ? [entry] : offeredQuestionnaires(context);
  return settings.languages.filter((l) => entries.some((e) => e.languages.includes(l)));
}

/** How long the start screen stays still before the run is made ahead without anyone there (ms). */
export const AHEAD_AFTER_MS = 6000;

/** The questionnaire a run is being made ahead for, per app (so that activity while its code comes makes only one). */
const makingAhead = new WeakMap<AppDeps, LoadedQuestionnaire['questionnaire']>();
/** The run made ahead fits the questionnaire on screen. */
const aheadFits = (context: AppContext) => context.ahead !== undefined && context.ahead.questionnaire === context.loaded?.questionnaire;

/** The questionnaire of that id among those offered. */
const offered = (context: Pick<AppContext, 'settings' | 'index'>, id: string) => offeredQuestionnaires(context).find((q) => q.id === id);

async function boot({ input }: { input: { deps: AppDeps; previous: RunController | undefined; reference: string } }): Promise<BootOutput> {
  const { deps, previous, reference } = input;
  const { fetchText, events } = deps;
  // A run cut short by an error: every answer it holds is written before it is read back.
  if (previous) {
    await previous.flush();
    previous.stop();
  }
  clearFetched(fetchText);
  // A result link (QR code): its reader comes beside the boot's first files, never with the start screen.
  const reader = isResultRoute(deps.hash()) ? import('./result-link-read.ts') : undefined;
  reader?.catch(() => undefined); // awaited below when the link is read; a failed load is a failed boot
  // The index, the settings and the interface strings at once: each waits for none of the others.
  const indexRead = fetchIndex(fetchText);
  const [, , read] = await Promise.all([deps.applyLanguage(reference), indexRead, fetchSettings(fetchText, indexRead)]);
  const index = await indexRead;
  await nextTask();
  if (!read.ok) {
    await deps.loadValidationStrings().catch(() => undefined);
    return { route: 'failed', failure: 'settings', problems: read.problems };
  }
  const { settings } = read;
  let hash = deps.hash();
  // A hand-off link (a kiosk result) opened on a professional's device: the space opens on
  // « Recevoir un résultat » with the link read, ready to be filed.
  const handoff = proEnabled(settings) ? proHandoffRoute(hash) : undefined;
  if (handoff) {
    deps.onPro(handoff);
    hash = handoff;
  }
  const pro = isProRoute(hash) && proEnabled(settings);
  const linkReader = pro || !reader ? undefined : await reader;
  const shared = linkReader?.parseResultFragment(hash);
  let entry = index.find((q) => q.id === (shared?.questionnaireId ?? settings.defaultQuestionnaire));
  if (!entry) {
    // A result link to a questionnaire this build does not have: said in the link's own language
    // (the interface's strings only; a language the interface lacks stays in the reference one).
    if (shared && shared.language !== reference) {
      const applied = await deps.applyLanguage(shared.language).then(() => true, () => false);
      if (applied) return { route: 'failed', failure: 'link', language: shared.language };
    }
    return { route: 'failed', failure: shared ? 'link' : 'load' };
  }
  let language = shared?.language ?? startLanguage(settings, entry);
  const listed = offeredQuestionnaires({ settings, index });
  const listing = !shared && !pro && listed.length > 1;
  // A run cut short by a reload or a crash resumes at the same question, with the same answers.
  // Storage opens while the questionnaire loads, not after it (the build wrote the index from each questionnaire's id).
  // Several offered: their titles and intros are read (the list shows them at once); a run cut short goes on in its own questionnaire.
  const resuming = shared || pro ? undefined : listing ? deps.loadList().then((l) => l.listStart(fetchText, events, listed, language)) : events?.resume?.(entry.id as QuestionnaireId);
  if (language !== reference) await deps.applyLanguage(language);
  if (listing) {
    const resumed = offered({ settings, index }, (await resuming)?.questionnaireId ?? '');
    if (!resumed) {
      await nextTask();
      return { route: 'start', settings, settingsMissing: read.missing, index, language };
    }
    entry = resumed;
  }
  let outcome = await fetchQuestionnaire(fetchText, entry, language);
  if (!outcome.ok) {
    // The validator's messages come with import(); should that fail, the problems still show, by code.
    await deps.loadValidationStrings().catch(() => undefined);
    return { route: 'failed', failure: 'questionnaire', problems: outcome.problems };
  }
  language = outcome.language;
  await deps.applyLanguage(language);
  const base = { settings, settingsMissing: read.missing, index, entry, loaded: outcome.loaded, language };
  if (shared) {
    // Only what this questionnaire knows is shown; a link that does not fit it says so, in its language.
    const fitted = linkReader?.fitResult(shared, outcome.loaded.questionnaire);
    return fitted ? { route: 'shared', ...base, shared: fitted } : { route: 'failed', failure: 'link', language };
  }
  if (pro) return { route: 'pro', ...base };
  const record: SessionRecord | undefined = await resuming;
  // The screen that follows is drawn in a task of its own.
  await nextTask();
  if (!record) return { route: 'start', ...base };
  if (record.language !== language && entry.languages.includes(record.language)) {
    const again = await fetchQuestionnaire(fetchText, entry, record.language).catch(() => undefined);
    if (again?.ok) {
      outcome = again;
      language = again.language;
      await deps.applyLanguage(language);
    }
  }
  const { createRun, loadResume } = await deps.loadRunModule();
  const { resumeOf } = await loadResume();
  const run = createRun({ loaded: outcome.loaded, mode: 'kiosk', language, resume: resumeOf(outcome.loaded, record), sink: events?.sink?.({ resumed: record }) });
  // The idle policy decides what is forgotten: a run left longer than the idle delay opens on "are you still there?".
  const stale = deps.clock() - Date.parse(record.updatedAt) > settings.idleSeconds * 1000;
  return { route: 'run', ...base, loaded: outcome.loaded, language, run, stale, resumedChanged: !run.complete };
}

interface LanguageInput {
  deps: AppDeps;
  entry: QuestionnaireEntry | undefined;
  language: string;
}

/** Another language: the questionnaire's texts in it, then the interface; without a questionnaire (an error screen, the list of several), the interface only. */
async function loadLanguage({ input }: { input: LanguageInput }): Promise<{ language: string; loaded?: LoadedQuestionnaire }> {
  const { deps, entry, language } = input;
  if (!entry) {
    await deps.applyLanguage(language);
    return { language };
  }
  const outcome = await fetchQuestionnaire(deps.fetchText, entry, language);
  if (!outcome.ok) throw new Error(`the texts in ${language} do not load`);
  await deps.applyLanguage(outcome.language);
  return { language: outcome.language, loaded: outcome.loaded };
}

interface StartInput {
  deps: AppDeps;
  entry: QuestionnaireEntry;
  loaded: LoadedQuestionnaire | undefined;
  language: string;
}

/** A new run: on the questionnaire on screen, or on the one chosen from the list, whose files come now. */
async function startRun({ input }: { input: StartInput }): Promise<{ run: RunController; loaded: LoadedQuestionnaire; language: string }> {
  const { deps, entry } = input;
  let { loaded, language } = input;
  if (!loaded) ({ loaded, language } = await (await deps.loadList()).loadChosen(deps, entry, language));
  const { createRun } = await deps.loadRunModule();
  return { run: createRun({ loaded, mode: 'kiosk', language, sink: deps.events?.sink?.({}) }), loaded, language };
}


export const appMachine = setup({
  types: {
    context: {} as AppContext,
    events: {} as AppEvent,
    input: {} as { deps: AppDeps; reference: string },
  },
  actors: {
    boot: fromPromise(boot),
    loadLanguage: fromPromise(loadLanguage),
    startRun: fromPromise(startRun),
  },
  delays: {
    idle: ({ context }) => (context.settings?.idleSeconds ?? 90) * 1000,
    countdown: ({ context }) => context.deps.countdownSeconds * 1000,
  },
  guards: {
    ready: ({ context }) => context.loaded !== undefined,
    proEnabled: ({ context }) => proEnabled(context.settings),
    notDefaultLanguage: ({ context }) => {
      const first = offeredLanguages(context)[0];
      return first !== undefined && first !== context.language;
    },
    hasQuestionnaire: ({ context }) => context.entry !== undefined && context.failure === undefined,
    aheadFits: ({ context }) => aheadFits(context),
  },
  actions: {
    stopRun: ({ context }) => context.run?.stop(),
    forgetPerson: ({ context }) => {
      context.run?.stop();
      context.deps.onForget();
      context.deps.events?.forgotten?.();
    },
    // The run's code, its machine, and (on a start screen with its questionnaire) a held run whose
    // first question app.tsx draws hidden: « Commencer » then only has to show it.
    preloadRun: ({ context, self }, params: { ahead: boolean } | undefined) => {
      const { loaded, deps, language } = context;
      void deps
        .loadRunModule()
        .then((module) => {
          // A second after the start screen shows, only the code: making the machine and drawing
          // question 1 are long tasks on a cheap tablet, kept for when someone is there or the
          // kiosk has been still (« Commencer » pressed before makes them itself).
          if (!loaded || !params?.ahead) return;
          module.prepareRun?.(loaded);
          const { questionnaire } = loaded;
          if (context.ahead?.questionnaire === questionnaire || makingAhead.get(deps) === questionnaire) return;
          makingAhead.set(deps, questionnaire);
          self.send({ type: 'AHEAD', run: module.createRun({ loaded, mode: 'kiosk', language, held: true }), questionnaire });
        })
        .catch(() => undefined);
    },
    // The run made ahead was not needed (the person went elsewhere), or a newer one replaces it: it goes.
    dropAhead: ({ context, event }) => {
      if (event.type === 'AHEAD') makingAhead.delete(context.deps);
      if (event.type === 'BEGIN' && aheadFits(context)) return; // « Commencer » takes it
      context.ahead?.run.stop();
    },
    // A run made ahead that comes too late (the start screen is gone) or for another questionnaire.
    refuseAhead: ({ context, event }) => {
      makingAhead.delete(context.deps);
      if (event.type === 'AHEAD') event.run.stop();
    },
    beginAhead: ({ context }) => {
      const run = context.ahead?.run;
      if (!run) return;
      if (run.view().context.language !== context.language) run.setLanguage(context.language);
      run.begin(context.deps.events?.sink?.({}));
    },
    openPro: ({ context }) => context.deps.onPro(),
    toDefaultLanguage: raise(({ context }) => ({ type: 'LANGUAGE' as const, language: offeredLanguages(context)[0] ?? context.language })),
  },
}).createMachine({
  id: 'app',
  type: 'parallel',
  context: ({ input }) => ({ deps: input.deps, reference: input.reference, language: input.reference, settingsMissing: false, languageFailed: false, resumedChanged: false, focusStart: false, stale: false }),
  states: {
    screen: {
      initial: 'booting',
      // Something broke on screen: the run is kept; the error screen offers to take it up again first.
      // A run made ahead that comes when the start screen is gone is not needed.
      on: {
        CRASH: { target: '.failed', actions: assign({ failure: 'crash' as const }) },
        AHEAD: { actions: 'refuseAhead' },
      },
      states: {
        booting: {
          // The run's code is fetched beside the boot's files, never awaited by the start screen.
          entry: [assign({ failure: undefined, problems: undefined, languageFailed: false }), 'preloadRun'],
          invoke: {
            src: 'boot',
            input: ({ context }) => ({ deps: context.deps, previous: context.run, reference: context.reference }),
            onDone: [
              {
                guard: ({ event }) => event.output.route === 'failed',
                target: 'failed',
                actions: assign(({ event, context }) => (event.output.route === 'failed' ? { failure: event.output.failure, problems: event.output.problems, run: undefined, language: event.output.language ?? context.language } : {})),
              },
              {
                actions: assign(({ event }) => {
                  const o = event.output;
                  if (o.route === 'failed') return {};
                  return {
                    route: o.route,
                    settings: o.settings,
                    settingsMissing: o.settingsMissing,
                    index: o.index,
                    entry: o.entry,
                    loaded: o.loaded,
                    language: o.language,
                    shared: o.shared,
                    run: o.run,
                    resumedChanged: !!o.resumedChanged,
                    stale: !!o.stale,
                  };
                }),
                target: 'routing',
              },
            ],
            onError: { target: 'failed', actions: assign({ failure: 'load' as const, run: undefined }) },
          },
        },
        // Where the boot said to go.
        routing: {
          always: [
            { guard: ({ context }) => context.route === 'shared', target: 'shared' },
            { guard: ({ context }) => context.route === 'pro', target: 'pro' },
            { guard: ({ context }) => context.run !== undefined && context.stale, target: 'run.warning' },
            { guard: ({ context }) => context.run !== undefined, target: 'run' },
            { target: 'start' },
          ],
        },
        failed: {
          on: {
            RETRY: 'booting',
            WIPE: { target: 'booting', actions: ['forgetPerson', assign({ run: undefined })] },
          },
        },
        start: {
          initial: 'waiting',
          entry: [
            ({ context }) => context.run?.stop(),
            assign({ run: undefined, resumedChanged: false }),
            // On the list of several, no questionnaire is on screen until one is chosen.
            assign(({ context }) => (offersSeveral(context) ? { entry: undefined, loaded: undefined, ahead: undefined } : { ahead: undefined })),
          ],
          exit: 'dropAhead',
          on: {
            BEGIN: [
              { guard: 'aheadFits', target: 'run', actions: ['beginAhead', assign(({ context }) => ({ run: context.ahead?.run, ahead: undefined, focusStart: false }))] },
              { guard: 'ready', target: 'starting' },
            ],
            AHEAD: [
              {
                guard: ({ context, event }) => event.questionnaire === context.loaded?.questionnaire,
                actions: ['dropAhead', assign({ ahead: ({ event }) => ({ run: event.run, questionnaire: event.questionnaire }) })],
              },
              { actions: 'refuseAhead' },
            ],
            CHOOSE: { guard: ({ context, event }) => !!offered(context, event.id), target: 'starting', actions: assign({ entry: ({ context, event }) => offered(context, event.id) }) },
            PRO: [
              { guard: ({ context }) => proEnabled(context.settings) && context.loaded !== undefined, target: 'pro', actions: 'openPro' },
              // From the list, the device's questionnaire is not loaded yet: the space opens as its address would.
              { guard: 'proEnabled', target: 'booting', actions: 'openPro' },
            ],
          },
          states: {
            // The run's code is fetched a second after the start screen shows, so that "Commencer"
            // finds it there without competing with the start screen's first paint on a slow
            // connection. Its machine, and the run made ahead (its first question drawn unseen), come at the person's first
            // touch or key, or once the screen has been still for AHEAD_AFTER_MS: on a kiosk, while it
            // waits for the next person, never in the page's first seconds, when its drawing would
            // hold up a tablet that is still loading.
            // A language chosen by someone who then walked away goes back to the default.
            waiting: {
              after: {
                1000: { actions: { type: 'preloadRun', params: { ahead: false } } },
                [AHEAD_AFTER_MS]: { actions: { type: 'preloadRun', params: { ahead: true } } },
                idle: { guard: 'notDefaultLanguage', actions: 'toDefaultLanguage' },
              },
              on: { ACTIVITY: { target: 'waiting', reenter: true, actions: { type: 'preloadRun', params: { ahead: true } } } },
            },
          },
        },
        starting: {
          invoke: {
            src: 'startRun',
            input: ({ context }) => ({ deps: context.deps, entry: context.entry as QuestionnaireEntry, loaded: context.loaded, language: context.language }),
            onDone: { target: 'run', actions: assign(({ event }) => ({ run: event.output.run, loaded: event.output.loaded, language: event.output.language, focusStart: false })) },
            // A chunk that cannot be fetched (offline before it was ever cached) is a failed load; a chosen questionnaire that does not pass the check says why.
            onError: {
              target: 'failed',
              actions: assign(({ event }) => {
                const { problems } = event.error as { problems?: Problem[] };
                return problems ? { failure: 'questionnaire' as const, problems } : { failure: 'load' as const };
              }),
            },
          },
        },
        run: {
          initial: 'active',
          states: {
            active: {
              after: { idle: 'warning' },
              on: { ACTIVITY: { target: 'active', reenter: true } },
            },
            // "Vous êtes toujours là ?": without an answer, the kiosk forgets the person.
            warning: {
              after: { countdown: '#app.screen.forgetting' },
              on: { STAY: 'active' },
            },
          },
          on: { FINISH: 'forgetting' },
        },
        shared: { on: { FINISH: 'forgetting' } },
        pro: { on: { FINISH: 'forgetting' } },
        forgetting: {
          entry: ['forgetPerson', assign({ run: undefined, shared: undefined, resumedChanged: false, languageFailed: false, focusStart: true, stale: false })],
          always: [{ guard: 'notDefaultLanguage', target: 'start', actions: 'toDefaultLanguage' }, { target: 'start' }],
        },
      },
    },
    language: {
      initial: 'ready',
      states: {
        ready: {
          on: {
            LANGUAGE: { target: 'loading', guard: ({ context, event }) => event.language !== context.language },
          },
        },
        loading: {
          invoke: {
            src: 'loadLanguage',
            input: ({ context, event }) => ({
              deps: context.deps,
              entry: context.failure === undefined ? context.entry : undefined,
              language: event.type === 'LANGUAGE' ? event.language : context.language,
            }),
            onDone: {
              target: 'ready',
              actions: [
                assign(({ context, event }) => ({
                  language: event.output.language,
                  loaded: event.output.loaded ?? context.loaded,
                  languageFailed: false,
                })),
                ({ context, event }) => {
                  context.run?.setLanguage(event.output.language);
                  context.ahead?.run.setLanguage(event.output.language);
                },
              ],
            },
            onError: { target: 'ready', actions: assign({ languageFailed: true }) },
          },
          // A newer choice replaces the load still on its way.
          on: { LANGUAGE: { target: 'loading', reenter: true } },
        },
      },
    },
  },
});

export type AppMachine = typeof appMachine;
