import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { expectedPath, type LoadedQuestionnaire, type Problem, type QuestionnaireId, type Settings } from '../core/index.ts';
import { interfaceT, REFERENCE_LANGUAGE, setLanguage, UI_LANGUAGES } from '../i18n/index.ts';
import { loadValidationStrings } from '../i18n/validation.ts';
import { ErrorBoundary } from './error-boundary.tsx';
import { ErrorScreen } from './error-screen.tsx';
import { I18nContext, useT, type I18nValue } from './i18n-context.ts';
import { IdleDialog } from './idle-dialog.tsx';
import { LanguageMenu } from './language-menu.tsx';
import { LazyResult } from './lazy-result.tsx';
import { LoadingStatus } from './loading-status.tsx';
import { nextTask } from './next-task.ts';
import {
  clearFetched,
  fetchIndex,
  fetchQuestionnaire,
  fetchSettings,
  fetchText as defaultFetchText,
  type FetchText,
  type QuestionnaireEntry,
} from './questionnaire-loader.ts';
import { stopReading } from './read-aloud.tsx';
import { fitResult, parseResultFragment, type SharedResult } from './result-link.ts';
import type { QuestionnaireActor } from './run.tsx';
import type { SessionEvents } from './session-events.ts';
import { StartScreen } from './start-screen.tsx';
import { useIdle } from './use-idle.ts';
import { useLazy } from './use-lazy.ts';

// The kiosk: start screen, one question a screen, the result; it forgets the person when they
// finish or walk away. The run lives in memory; `events` is where persistence plugs in: it is told
// of every change, and at start it may hand back a run to resume (after a reload or a crash).

type Screen =
  | { name: 'loading' }
  | { name: 'failed'; kind: 'load' | 'questionnaire' | 'settings'; problems?: Problem[] }
  | { name: 'start' }
  | { name: 'run'; actor: QuestionnaireActor }
  | { name: 'shared'; result: SharedResult }
  /** The professional space (#/pro), loaded with import() when opened. */
  | { name: 'pro' };

/** A new version of the app, waiting (the service-worker bridge of src/pwa fits this shape). */
export interface AppUpdate {
  ready: { get(): boolean; subscribe(listener: (ready: boolean) => void): () => void };
  /** Activates the new version and reloads: only ever called from the start screen. */
  apply(): unknown;
  /** Asks for a newer version; called each time the start screen shows, as kiosks stay open for days. */
  check?(): unknown;
}

export interface AppProps {
  fetchText?: FetchText;
  update?: AppUpdate;
  events?: SessionEvents;
  /** Seconds the "are you still there?" dialog counts down before wiping. */
  countdownSeconds?: number;
}

// The run (XState and the question screens) comes with import(): the start screen needs neither.
// It is fetched while the start screen shows (see the effect below), "Commencer" waits for it otherwise.
let runModule: typeof import('./run.tsx') | undefined;
const RUN_PRELOAD_MS = 3000;
const loadRun = async () => (runModule ??= await import('./run.tsx'));
const loadProSpace = () => import('./pro/pro-space.tsx');

/** The professional space's route; the kiosk stays the default. */
const PRO_ROUTE = '#/pro';
const proEnabled = (s: Settings | undefined) => !!s?.modes.some((m) => m !== 'kiosk');

/** Seconds a person takes per step, for "it takes about N minutes". */
const SECONDS_PER_STEP = 30;

export function App({ fetchText = defaultFetchText, events, update, countdownSeconds = 30 }: AppProps) {
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });
  const [settings, setSettings] = useState<Settings>();
  const [settingsMissing, setSettingsMissing] = useState(false);
  const [entry, setEntry] = useState<QuestionnaireEntry>();
  const [loaded, setLoaded] = useState<LoadedQuestionnaire>();
  const [i18nValue, setI18nValue] = useState<I18nValue>(() => ({ t: interfaceT(REFERENCE_LANGUAGE), language: REFERENCE_LANGUAGE }));
  const [languageFailed, setLanguageFailed] = useState(false);
  const [idle, setIdle] = useState(false);
  const [focusStart, setFocusStart] = useState(false);
  const [updateReady, setUpdateReady] = useState(() => update?.ready.get() ?? false);
  const [storageNotice, setStorageNotice] = useState(() => events?.notice?.get());
  const [resumedChanged, setResumedChanged] = useState(false);
  const request = useRef(0);
  const screenRef = useRef(screen);
  screenRef.current = screen;

  const applyLanguage = useCallback(async (language: string) => {
    await setLanguage(language);
    setI18nValue((current) => (current.language === language ? current : { t: interfaceT(language), language }));
  }, []);

  /** Loads the questionnaire's texts in a language and switches the interface to it; the run, if any, goes on. */
  const changeLanguage = useCallback(
    async (target: QuestionnaireEntry, language: string, first = false): Promise<LoadedQuestionnaire | undefined> => {
      const ticket = ++request.current;
      let outcome: Awaited<ReturnType<typeof fetchQuestionnaire>>;
      try {
        outcome = await fetchQuestionnaire(fetchText, target, language);
      } catch {
        if (ticket !== request.current) return undefined;
        if (first) setScreen({ name: 'failed', kind: 'load' });
        else setLanguageFailed(true);
        return undefined;
      }
      if (ticket !== request.current) return undefined;
      if (!outcome.ok) {
        if (first) {
          // The validator's messages come with import(); should that fail, the problems still show, by code.
          await Promise.all([applyLanguage(language), loadValidationStrings().catch(() => undefined)]);
          setScreen({ name: 'failed', kind: 'questionnaire', problems: outcome.problems });
        } else setLanguageFailed(true);
        return undefined;
      }
      await applyLanguage(outcome.language);
      setLanguageFailed(false);
      setLoaded(outcome.loaded);
      return outcome.loaded;
    },
    [fetchText, applyLanguage],
  );

  const boot = useCallback(async () => {
    setScreen({ name: 'loading' });
    clearFetched(fetchText);
    try {
      // The index, the settings and the interface strings at once: each waits for none of the others.
      const indexRead = fetchIndex(fetchText);
      const [, , read] = await Promise.all([applyLanguage(REFERENCE_LANGUAGE), indexRead, fetchSettings(fetchText, indexRead)]);
      const index = await indexRead;
      await nextTask();
      if (!read.ok) {
        await loadValidationStrings().catch(() => undefined);
        setScreen({ name: 'failed', kind: 'settings', problems: read.problems });
        return;
      }
      setSettings(read.settings);
      setSettingsMissing(read.missing);
      const shared = parseResultFragment(window.location.hash);
      const target = index.find((q) => q.id === (shared?.questionnaireId ?? read.settings.defaultQuestionnaire));
      if (!target) {
        setScreen({ name: 'failed', kind: 'load' });
        return;
      }
      setEntry(target);
      const language = shared?.language ?? read.settings.languages[0] ?? target.defaultLanguage;
      const pro = window.location.hash === PRO_ROUTE && proEnabled(read.settings);
      // A run cut short by a reload or a crash resumes at the same question, with the same answers;
      // on a kiosk, only as long as the idle reset would have let it live. Storage opens while the
      // questionnaire loads, not after it.
      const resuming = shared || pro ? undefined : events?.resume?.(target.id as QuestionnaireId, read.settings.idleSeconds + countdownSeconds); // the build wrote the index from each questionnaire's id
      if (language !== REFERENCE_LANGUAGE) await applyLanguage(language);
      let current = await changeLanguage(target, language, true);
      if (!current) return;
      if (shared) {
        setScreen({ name: 'shared', result: shared });
        return;
      }
      if (pro) {
        setScreen({ name: 'pro' });
        return;
      }
      const record = await resuming;
      // The screen that follows is drawn in a task of its own.
      await nextTask();
      if (record) {
        if (record.language !== language && target.languages.includes(record.language)) {
          current = (await changeLanguage(target, record.language)) ?? current;
        }
        const resumed = (await loadRun()).resumeRun(current, record);
        setResumedChanged(!resumed.complete);
        setScreen({ name: 'run', actor: resumed.actor });
        return;
      }
      setScreen({ name: 'start' });
    } catch (error) {
      console.error(error);
      setScreen({ name: 'failed', kind: 'load' });
    }
  }, [fetchText, applyLanguage, changeLanguage, events, countdownSeconds]);

  useEffect(() => {
    void boot();
  }, [boot]);

  useEffect(() => events?.notice?.subscribe(setStorageNotice), [events]);

  useEffect(() => update?.ready.subscribe(setUpdateReady), [update]);
  useEffect(() => {
    if (screen.name === 'start') void update?.check?.();
  }, [screen.name, update]);

  const languages = useMemo(() => {
    if (!settings || !entry) return [];
    return settings.languages.filter((l) => entry.languages.includes(l));
  }, [settings, entry]);

  /** Wipes everything about the person: the run, the reading, the address bar; the start screen returns. */
  const forget = useCallback(() => {
    const current = screenRef.current;
    if (current.name === 'run') current.actor.stop();
    stopReading();
    // Replace, never push: the back button must not reveal the previous person.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    events?.forgotten?.();
    setResumedChanged(false);
    setIdle(false);
    setLanguageFailed(false);
    setFocusStart(true);
    setScreen({ name: 'start' });
    const first = languages[0];
    if (entry && first && first !== i18nValue.language) void changeLanguage(entry, first);
  }, [events, languages, entry, i18nValue.language, changeLanguage]);

  /** Opens the professional space; the address says so, without a new history entry. */
  const openPro = () => {
    window.history.replaceState(null, '', PRO_ROUTE);
    setScreen({ name: 'pro' });
  };
  useEffect(() => {
    const onHash = () => {
      if (window.location.hash === PRO_ROUTE && screenRef.current.name === 'start' && proEnabled(settings)) setScreen({ name: 'pro' });
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [settings]);

  // Fetched at the person's first touch or key on the start screen, or after a few seconds there,
  // so that "Commencer" finds it ready without competing with the start screen for a slow CPU.
  useEffect(() => {
    if (screen.name !== 'start' || runModule) return undefined;
    const preload = () => {
      stop();
      void loadRun().catch(() => undefined);
    };
    const cues = ['pointerdown', 'keydown'] as const;
    const id = setTimeout(preload, RUN_PRELOAD_MS);
    cues.forEach((name) => document.addEventListener(name, preload, { capture: true }));
    function stop() {
      clearTimeout(id);
      cues.forEach((name) => document.removeEventListener(name, preload, { capture: true }));
    }
    return stop;
  }, [screen.name]);

  const starting = useRef(false);
  const begin = () => {
    if (!loaded || starting.current) return;
    starting.current = true;
    loadRun()
      .then(({ startRun }) => {
        if (screenRef.current.name !== 'start') return;
        const actor = startRun(loaded);
        events?.started?.({ questionnaireId: loaded.questionnaire.id, contentHash: loaded.contentHash, language: i18nValue.language, mode: 'kiosk' });
        setFocusStart(false);
        setScreen({ name: 'run', actor });
      })
      // A chunk that cannot be fetched (offline before it was ever cached) is a failed load, with "Recommencer".
      .catch(() => setScreen({ name: 'failed', kind: 'load' }))
      .finally(() => (starting.current = false));
  };

  const idleSeconds = settings?.idleSeconds ?? 90;
  useIdle(screen.name === 'run' && !idle, idleSeconds, () => setIdle(true));
  // A language chosen on the start screen by someone who then walked away goes back to the default.
  const defaultLanguage = languages[0];
  useIdle(screen.name === 'start' && defaultLanguage !== undefined && i18nValue.language !== defaultLanguage, idleSeconds, () => {
    if (entry && defaultLanguage) void changeLanguage(entry, defaultLanguage);
  });

  const minutes = useMemo(() => {
    if (!loaded) return 1;
    const { questionnaire } = loaded;
    return Math.max(1, Math.round((expectedPath(questionnaire, {}, [questionnaire.start]).length * SECONDS_PER_STEP) / 60));
  }, [loaded]);

  const t = i18nValue.t;
  let content;
  if (screen.name === 'loading' || (!loaded && screen.name !== 'failed')) {
    // A plain address opens on the start screen: its title and what this is show while the rest
    // loads (a run in progress, once found, takes its place). A shared result or #/pro waits plainly.
    content = window.location.hash ? (
      <LoadingStatus />
    ) : (
      <StartScreen loading languages={[]} minutes={1} focus={false} onLanguage={() => undefined} onStart={() => undefined} />
    );
  } else if (screen.name === 'failed') {
    const titles = { load: 'ui.error.loadTitle', questionnaire: 'ui.error.questionnaireTitle', settings: 'ui.error.settingsTitle' } as const;
    content = (
      <ErrorScreen
        title={t(titles[screen.kind])}
        text={t(screen.kind === 'load' ? 'ui.error.loadText' : 'ui.error.questionnaireText')}
        problems={screen.problems}
        onRestart={() => void boot()}
      />
    );
  } else if (loaded && screen.name === 'start') {
    content = (
      <StartScreen
        languages={languages}
        minutes={minutes}
        focus={focusStart}
        notice={settingsMissing ? t('ui.app.settingsNotice') : undefined}
        onLanguage={(l) => entry && void changeLanguage(entry, l)}
        onStart={begin}
        onUpdate={updateReady && update ? () => void update.apply() : undefined}
        onPro={proEnabled(settings) ? openPro : undefined}
      />
    );
  } else if (loaded && screen.name === 'run') {
    content = runModule && <runModule.Run key={screen.actor.id} actor={screen.actor} loaded={loaded} events={events} onFinish={forget} />;
  } else if (loaded && screen.name === 'pro' && settings) {
    content = <LazyProSpace loaded={loaded} settings={settings} onLeave={forget} />;
  } else if (loaded && screen.name === 'shared') {
    content = <SharedResultView loaded={loaded} result={screen.result} onFinish={forget} />;
  }

  // The header's language menu: on questions, results and error screens (the start screen has its buttons).
  // An error screen holds interface strings only, so any interface language will do there.
  const failed = screen.name === 'failed';
  const headerLanguages = failed ? UI_LANGUAGES : languages;
  const onHeaderLanguage = (l: string) => void (failed || !entry ? applyLanguage(l) : changeLanguage(entry, l));
  return (
    <I18nContext.Provider value={i18nValue}>
      <div class="app" inert={idle}>
        <header class="site-header">
          <p class="site-header__brand">
            <span class="site-header__logo" aria-hidden="true" />
            <span class="site-header__name">{t('ui.app.name')}</span>
            {settings?.structure && <span class="site-header__structure">{settings.structure}</span>}
          </p>
          {screen.name !== 'start' && screen.name !== 'loading' && <LanguageMenu languages={headerLanguages} onLanguage={onHeaderLanguage} />}
        </header>
        <main id="main" class="main">
          {storageNotice && (
            <p class="notice notice--storage" role="status">
              {t(storageNoticeKey(storageNotice))}
            </p>
          )}
          {resumedChanged && screen.name === 'run' && (
            <p class="notice notice--storage" role="status">
              {t('ui.storage.resumedChanged')}
            </p>
          )}
          {languageFailed && (
            <p class="notice notice--warning" role="alert">
              {t('ui.error.languageFailed')}
            </p>
          )}
          <ErrorBoundary onReset={forget}>{content}</ErrorBoundary>
        </main>
      </div>
      {idle && <IdleDialog seconds={countdownSeconds} onStay={() => setIdle(false)} onLeave={forget} />}
    </I18nContext.Provider>
  );
}

/** The locale key of a storage notice: one text per fallback reason, one for a full disk, one for the rest. */
function storageNoticeKey(code: string): string {
  const known = ['storage.unavailable', 'storage.blocked', 'storage.outdated', 'storage.quota'];
  return `ui.${known.includes(code) ? code : 'storage.failed'}`;
}

/** A result opened from a QR code: checked against the questionnaire before it is shown. */
function SharedResultView({ loaded, result, onFinish }: { loaded: LoadedQuestionnaire; result: SharedResult; onFinish: () => void }) {
  const { t } = useT();
  const fitted = fitResult(result, loaded.questionnaire);
  if (!fitted) return <ErrorScreen title={t('ui.error.loadTitle')} text={t('ui.error.loadText')} onRestart={onFinish} />;
  return <LazyResult loaded={loaded} result={fitted} shared onFinish={onFinish} />;
}

function LazyProSpace(props: { loaded: LoadedQuestionnaire; settings: Settings; onLeave: () => void }) {
  const module = useLazy(loadProSpace);
  if (!module) return <LoadingStatus />;
  return <module.default {...props} />;
}
