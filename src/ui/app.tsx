import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createActor, type SnapshotFrom } from 'xstate';
import { type LoadedQuestionnaire, type Settings } from '../core/index.ts';
import { interfaceT, REFERENCE_LANGUAGE, setLanguage, UI_LANGUAGES } from '../i18n/index.ts';
import { loadValidationStrings } from '../i18n/validation.ts';
import type { RunController } from '../run/run-controller.ts';
import { appMachine, isProRoute, offeredLanguages, offeredQuestionnaires, offersSeveral, PRO_ROUTE, proEnabled, type AppDeps, type RunModule } from './app-machine.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { ErrorScreen } from './error-screen.tsx';
import { I18nContext, useT, type I18nValue } from './i18n-context.ts';
import { LanguageMenu } from './language-menu.tsx';
import { LazyResult } from './lazy-result.tsx';
import { LoadingStatus } from './loading-status.tsx';
import { fetchText as defaultFetchText, localeText, type FetchText } from './questionnaire-loader.ts';
import { ReadAloud, stopReading } from './read-aloud.tsx';
import { SkipLink } from './skip-link.tsx';
import { readProRoute, type SharedResult } from './result-link.ts';
import type { QuestionnaireStartProps } from './questionnaire-list.tsx';
import type { SessionEvents } from './session-events.ts';
import { StartScreen } from './start-screen.tsx';
import { useLazy } from './use-lazy.ts';

// The kiosk: start screen, one question a screen, the result; it forgets the person when they
// finish or walk away. What the kiosk is doing is the app machine's (app-machine.ts); this draws
// it and tells it what the person does. The run writes itself through `events` (the persistence
// seam), which at start may also hand back a run to resume (after a reload or a crash).

/** A new version of the app, waiting (the service-worker bridge of src/pwa fits this shape). */
export interface AppUpdate {
  ready: { get(): boolean; subscribe(listener: (ready: boolean) => void): () => void };
  /** Activates the new version and reloads: only ever called from the start screen. */
  apply(): unknown;
  /** Asks for a newer version; called each time the start screen shows, as kiosks stay open for days. */
  check?(): unknown;
  /**
   * Registers the service worker (once): called once a run's question is on screen, its files
   * fetched already, so that the worker's precache never shares a slow connection with the start
   * screen or question 1 (main.tsx registers it anyway some seconds after the page has loaded).
   */
  registerServiceWorker?(): unknown;
}

export interface AppProps {
  fetchText?: FetchText;
  update?: AppUpdate;
  events?: SessionEvents;
  /** Seconds the "are you still there?" dialog counts down before wiping. */
  countdownSeconds?: number;
}

// The run (XState's questionnaire machine, the question screens) comes with import(): the start
// screen needs neither; the machine fetches it while the start screen shows.
let runModule: typeof import('./run.tsx') | undefined;
const loadRun = async (): Promise<RunModule> => (runModule ??= await import('./run.tsx'));
const loadProSpace = () => import('./pro/pro-space.tsx');
// Only a device that offers several questionnaires fetches their list.
const loadList = () => import('./questionnaire-list.tsx');
// "Vous êtes toujours là ?" shows after 90 s at the soonest: it comes with import() (precached, so offline too).
const loadNoticeStrings = () => import('../i18n/notices.ts').then((m) => m.loadNoticeStrings());
const loadIdleDialog = () => Promise.all([import('./idle-dialog.tsx'), loadNoticeStrings()]).then(([dialog]) => dialog);
/** When a run's idle dialog is fetched, after the run shows. */
const IDLE_DIALOG_AFTER_MS = 5000;

/** What counts as someone being there: any touch, pointer movement, key, wheel or typing. */
const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input'] as const;
/** At most one "someone is there" a second reaches the machine. */
const ACTIVITY_EVERY_MS = 1000;

type AppSnapshot = SnapshotFrom<typeof appMachine>;

function useAppMachine(deps: AppDeps) {
  const actor = useMemo(() => createActor(appMachine, { input: { deps, reference: REFERENCE_LANGUAGE } }), []);
  const [snapshot, setSnapshot] = useState<AppSnapshot>(() => actor.getSnapshot());
  useLayoutEffect(() => {
    // A snapshot that changes neither the state nor the context (someone touched the screen: the
    // idle delay starts again) draws nothing new, so it is not drawn: an answer never waits for it.
    const subscription = actor.subscribe((next) => setSnapshot((shown) => (next.value === shown.value && next.context === shown.context && next.status === shown.status ? shown : next)));
    actor.start();
    setSnapshot(actor.getSnapshot());
    return () => {
      subscription.unsubscribe();
      actor.stop();
    };
  }, [actor]);
  return [snapshot, actor.send.bind(actor)] as const;
}

export function App({ fetchText = defaultFetchText, events, update, countdownSeconds = 30 }: AppProps) {
  const [snapshot, send] = useAppMachine({
    fetchText,
    events,
    applyLanguage: setLanguage,
    loadValidationStrings,
    loadRunModule: loadRun,
    hash: () => window.location.hash,
    countdownSeconds,
    clock: Date.now,
    onForget: () => {
      stopReading();
      // Replace, never push: the back button must not reveal the previous person.
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
    },
    onPro: (route = PRO_ROUTE) => window.history.replaceState(null, '', route),
    loadList,
  });
  const context = snapshot.context;
  const screen = snapshot.matches({ screen: 'booting' })
    ? 'booting'
    : snapshot.matches({ screen: 'failed' })
      ? 'failed'
      : snapshot.matches({ screen: 'run' })
        ? 'run'
        : snapshot.matches({ screen: 'shared' })
          ? 'shared'
          : snapshot.matches({ screen: 'pro' })
            ? 'pro'
            : snapshot.matches({ screen: 'starting' })
              ? 'starting'
              : 'start';
  const warning = snapshot.matches({ screen: { run: 'warning' } });
  const { settings, loaded, run, ahead, language } = context;
  const i18nValue = useMemo<I18nValue>(() => ({ t: interfaceT(language), language }), [language]);
  const t = i18nValue.t;
  const [updateReady, setUpdateReady] = useState(() => update?.ready.get() ?? false);
  const [storageNotice, setStorageNotice] = useState(() => events?.notice?.get());
  const languages = useMemo(() => offeredLanguages(context), [context.settings, context.entry, context.index]);

  useEffect(() => events?.notice?.subscribe(setStorageNotice), [events]);
  // Once a run is under way, the idle dialog is fetched in the background: it shows at once when due
  // (a minute and a half at the soonest), and never competes with the first question for the network.
  const running = screen === 'run';
  useEffect(() => {
    if (!running) return undefined;
    const later = setTimeout(() => void loadIdleDialog().catch(() => undefined), IDLE_DIALOG_AFTER_MS);
    return () => clearTimeout(later);
  }, [running]);
  useEffect(() => update?.ready.subscribe(setUpdateReady), [update]);
  useEffect(() => {
    if (screen === 'start') void update?.check?.();
    // After the paint that shows a run's question: from then on, its answers are the device's own.
    if (screen === 'run') void update?.registerServiceWorker?.();
  }, [screen, update]);

  // Someone is there: a touch, a key, a movement. The machine keeps the idle delay.
  useEffect(() => {
    let last = 0;
    const activity = () => {
      const now = Date.now();
      if (now - last < ACTIVITY_EVERY_MS) return;
      last = now;
      send({ type: 'ACTIVITY' });
    };
    ACTIVITY.forEach((name) => document.addEventListener(name, activity, { capture: true, passive: true }));
    return () => ACTIVITY.forEach((name) => document.removeEventListener(name, activity, { capture: true }));
  }, [send]);

  // The professional space's address, typed or followed from a link, while the start screen shows.
  useEffect(() => {
    const onHash = () => {
      if (isProRoute(window.location.hash)) send({ type: 'PRO' });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [send]);

  // Back from "are you still there?": the focus returns where the person was, once the page is no longer inert.
  const beforeWarning = useRef<Element | null>(null);
  useLayoutEffect(() => {
    if (warning) {
      beforeWarning.current = document.activeElement;
      return;
    }
    const previous = beforeWarning.current as HTMLElement | null;
    beforeWarning.current = null;
    if (!previous) return;
    if (previous.isConnected && previous !== document.body) previous.focus();
    else document.querySelector<HTMLElement>('#main h1')?.focus();
  }, [warning]);

  // From the questionnaire's shortest to its longest path: the build computed it (core/progress.ts).
  const duration = loaded?.duration ?? { min: 1, max: 1 };

  const finish = () => send({ type: 'FINISH' });
  // A broken result link: the address loses it, and the app opens on its start screen.
  const leaveLink = () => {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    send({ type: 'RETRY' });
  };
  const failed = screen === 'failed';
  // A run on screen, or drawn ahead unseen (inert, hidden from assistive technologies, taking no room),
  // keyed by the run: shown, the very same elements stay, laid out already.
  const runFrame = (shownRun: RunController, shown: boolean) =>
    runModule &&
    loaded && (
      <div key={shownRun.key} class={shown ? 'run-frame' : 'run-frame run-frame--ahead'} inert={!shown} aria-hidden={shown ? undefined : 'true'}>
        <runModule.Run run={shownRun} loaded={loaded} localPlaces={events?.localPlaces} onFinish={finish} shown={shown} />
      </div>
    );
  // Several questionnaires offered: the start screen lists them (questionnaire-list.tsx), none loaded yet.
  const listing = offersSeveral(context);
  let content;
  if (failed) {
    const titles = { load: 'ui.error.loadTitle', questionnaire: 'ui.error.questionnaireTitle', settings: 'ui.error.settingsTitle', crash: 'ui.error.title', link: 'ui.error.linkTitle' } as const;
    const kind = context.failure ?? 'load';
    const texts = { load: 'ui.error.loadText', questionnaire: 'ui.error.questionnaireText', settings: 'ui.error.questionnaireText', crash: 'ui.error.text', link: 'ui.error.linkText' } as const;
    content = (
      <ErrorScreen
        title={t(titles[kind])}
        text={t(texts[kind])}
        problems={context.problems}
        onRetry={kind === 'link' ? leaveLink : () => send({ type: 'RETRY' })}
        retryKey={kind === 'link' ? 'ui.error.home' : undefined}
        onWipe={kind === 'crash' || kind === 'load' ? () => send({ type: 'WIPE' }) : undefined}
      />
    );
  } else if (screen === 'booting' || (!loaded && !listing)) {
    // A plain address opens on the start screen: its title and what this is show while the rest
    // loads (a run in progress, once found, takes its place). A shared result or #/pro waits plainly.
    // (In a list, as the start screen is once loaded, so that its title element stays.)
    content = window.location.hash ? (
      <LoadingStatus />
    ) : (
      [<StartScreen key="start" loading languages={[]} duration={{ min: 1, max: 1 }} focus={false} onLanguage={() => undefined} onStart={() => undefined} />]
    );
  } else if (screen === 'start' || screen === 'starting') {
    const start = {
      languages,
      duration,
      focus: context.focusStart,
      notice: context.settingsMissing ? t('ui.app.settingsNotice') : undefined,
      onLanguage: (l: string) => send({ type: 'LANGUAGE', language: l }),
      onStart: () => send({ type: 'BEGIN' }),
      onUpdate: updateReady && update ? () => void update.apply() : undefined,
      onPro: proEnabled(settings) ? () => send({ type: 'PRO' }) : undefined,
    };
    content = loaded ? (
      [
        <StartScreen key="start" {...start} questionnaire={{ title: localeText(loaded.locales[language], 'title'), intro: localeText(loaded.locales[language], 'intro') }} />,
        // The first question, drawn ahead behind the start screen: « Commencer » shows it (app-machine.ts).
        screen === 'start' && ahead && runFrame(ahead.run, false),
      ]
    ) : (
      <LazyQuestionnaireStart {...start} entries={offeredQuestionnaires(context)} fetchText={fetchText} onChoose={(id) => send({ type: 'CHOOSE', id })} />
    );
  } else if (screen === 'run' && run && runModule && loaded) {
    content = [null, runFrame(run, true)];
  } else if (screen === 'pro' && settings && loaded) {
    content = <LazyProSpace loaded={loaded} settings={settings} onLeave={finish} />;
  } else if (screen === 'shared' && context.shared && loaded) {
    content = <SharedResultView loaded={loaded} result={context.shared} onFinish={finish} />;
  }

  // The header's language menu: on questions, results and error screens (the start screen has its buttons).
  // An error screen holds interface strings only, so any interface language will do there.
  const headerLanguages = failed ? UI_LANGUAGES : languages;
  return (
    <I18nContext.Provider value={i18nValue}>
      <div class="app" inert={warning}>
        <SkipLink />
        <header class="site-header">
          <p class="site-header__brand">
            <span class="site-header__logo" aria-hidden="true" />
            <span class="site-header__name">{t('ui.app.name')}</span>
            {settings?.structure && <span class="site-header__structure">{settings.structure}</span>}
          </p>
          {screen !== 'start' && screen !== 'starting' && screen !== 'booting' && (
            <LanguageMenu languages={headerLanguages} onLanguage={(l) => send({ type: 'LANGUAGE', language: l })} />
          )}
        </header>
        <main id="main" class="main">
          {storageNotice && <StorageNotice id="notice-storage" textKey={storageNoticeKey(storageNotice)} />}
          {context.resumedChanged && screen === 'run' && <StorageNotice id="notice-resumed" textKey="ui.storage.resumedChanged" />}
          {context.languageFailed && <Notice id="notice-language" textKey="ui.error.languageFailed" alert />}
          <ErrorBoundary key={failed ? 'failed' : 'screens'} onError={failed ? undefined : () => send({ type: 'CRASH' })} onReset={() => send({ type: 'RETRY' })}>
            {content}
          </ErrorBoundary>
        </main>
      </div>
      {warning && <LazyIdleDialog seconds={countdownSeconds} onStay={() => send({ type: 'STAY' })} onLeave={finish} />}
    </I18nContext.Provider>
  );
}

/** A notice, with its own read-aloud: the people who read least hear it too. */
function Notice({ id, textKey, alert = false }: { id: string; textKey: string; alert?: boolean }) {
  const { t } = useT();
  const text = t(textKey);
  return (
    <p class={`notice ${alert ? 'notice--warning' : 'notice--storage'}`} role={alert ? 'alert' : 'status'}>
      {text} <ReadAloud id={`${id}-read`} parts={[{ key: textKey, text }]} />
    </p>
  );
}

/** True once the notices' strings are merged in; false if they could not be fetched (tried again with the next notice: never a crash for a notice). */
const loadNotices = () => loadNoticeStrings().then(() => true, () => false);

/** A storage notice, once its strings are there (src/i18n/notices/, loaded with the first one). */
function StorageNotice(props: { id: string; textKey: string }) {
  return useLazy(loadNotices) ? <Notice {...props} /> : null;
}

/** The locale key of a storage notice: one text per fallback reason, one for a full disk, one for the rest. */
function storageNoticeKey(code: string): string {
  const known = ['storage.unavailable', 'storage.blocked', 'storage.outdated', 'storage.quota', 'storage.unreadable'];
  return `ui.${known.includes(code) ? code : 'storage.failed'}`;
}

/** A result opened from a QR code, fitted to the questionnaire by the boot (app-machine.ts). */
function SharedResultView({ loaded, result, onFinish }: { loaded: LoadedQuestionnaire; result: SharedResult; onFinish: () => void }) {
  return <LazyResult loaded={loaded} result={result} shared onFinish={onFinish} />;
}

/** The start screen of several questionnaires, once its module is there; until then, its title and lead. */
function LazyQuestionnaireStart(props: QuestionnaireStartProps) {
  const module = useLazy(loadList);
  return module ? <module.QuestionnaireStart {...props} /> : <StartScreen {...props} loading />;
}

function LazyIdleDialog(props: { seconds: number; onStay: () => void; onLeave: () => void }) {
  const module = useLazy(loadIdleDialog);
  return module ? <module.IdleDialog {...props} /> : null;
}

function LazyProSpace(props: { loaded: LoadedQuestionnaire; settings: Settings; onLeave: () => void }) {
  const module = useLazy(loadProSpace);
  // A hand-off link opened here (#/pro?receive=…): the space opens on « Recevoir un résultat », once unlocked.
  const initial = useMemo(() => readProRoute(window.location.hash), []);
  if (!module) return <LoadingStatus />;
  return <module.default {...props} initial={initial} />;
}
