import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createActor } from 'xstate';
import type { LoadedQuestionnaire, Settings } from '../../core/index.ts';
import { passphraseProblem } from '../../core/passphrase.ts';
import { loadProStrings } from '../../i18n/pro.ts';
import { openVaultDoor, PASSPHRASE_MIN_LENGTH, type OpenVault, type VaultDoor, type VaultSummary } from '../../storage/vault.ts';
import { BACKUP_REMINDER_DAYS, daysSince } from '../../storage/vault-backup.ts';
import { webCrypto } from '../../storage/vault-crypto.ts';
import { keepSyncing } from './team-sync.ts';
import { I18nContext, useT, type I18nValue } from '../i18n-context.ts';
import { LoadingStatus } from '../loading-status.tsx';
import { useLazy } from '../use-lazy.ts';
import { doorMachine, type DoorActor, type DoorProblem, type DoorSnapshot } from './door-machine.ts';
import { createFlushRegistry } from './flushes.ts';
import { passphraseStrength } from './passphrase.ts';
import type { ProParams, ProSectionProps } from './section-props.ts';
import { PRO_SECTIONS, sectionsFor, type ProSection } from './sections.ts';
import './pro.css';

// The professional space, loaded with import() from #/pro: a view over the door machine
// (door-machine.ts), which owns the lifecycle: a passphrase chosen on first use on the device opens
// an encrypted vault; the space locks after proIdleMinutes without activity and on demand, once the
// open section's saves are written; a wrong passphrase is told plainly and retries are slowed (the
// vault keeps the count). Erasing from the locked door needs the passphrase, or a deliberate reset
// that says what is lost. Once open: a nav of the sections (sections.ts), one shown at a time.

export interface ProSpaceProps {
  loaded: LoadedQuestionnaire;
  settings: Settings;
  /** Leaves the space for the kiosk's start screen (the vault is locked first). */
  onLeave: () => void;
  /** For tests: the vault's door; the page's IndexedDB otherwise. */
  openDoor?: () => Promise<VaultDoor>;
  /** For tests: the sections to offer; PRO_SECTIONS otherwise. */
  sections?: readonly ProSection[];
  /** The section to open first, with its parameters (a hand-off link opened on this device: readProRoute of handoff-link.ts). */
  initial?: { section: string; params: ProParams } | undefined;
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;
const loadStrings = loadProStrings;

/** The door's snapshot, re-rendering only when its state or its data change (not on every key press that restarts the idle delay). */
function useDoor(actor: DoorActor): DoorSnapshot {
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot());
  useLayoutEffect(() => {
    let shown = actor.getSnapshot();
    setSnapshot(shown);
    const subscription = actor.subscribe((next) => {
      if (next.context === shown.context && JSON.stringify(next.value) === JSON.stringify(shown.value) && next.status === shown.status) return;
      shown = next;
      setSnapshot(next);
    });
    return () => subscription.unsubscribe();
  }, [actor]);
  return snapshot;
}

/** The space, once its strings (and i18next, which reads them here) have loaded. */
export default function ProSpace(props: ProSpaceProps) {
  const { language } = useT();
  const strings = useLazy(loadStrings);
  const value = useMemo<I18nValue | undefined>(() => strings && { t: strings.i18nextT(language), language }, [strings, language]);
  if (!value) return <LoadingStatus />;
  return (
    <I18nContext.Provider value={value}>
      <Door {...props} />
    </I18nContext.Provider>
  );
}

function Door({ loaded, settings, onLeave, openDoor = () => openVaultDoor(), sections = PRO_SECTIONS, initial }: ProSpaceProps) {
  const { t, language } = useT();
  // The open section's pending saves, awaited by the door (bounded) before the key is forgotten.
  const flushes = useMemo(() => createFlushRegistry(), []);
  const actor = useMemo(
    () => createActor(doorMachine, { input: { openDoor, hasCrypto: () => webCrypto() !== undefined, idleMs: settings.proIdleMinutes * 60_000, flush: () => flushes.flushAll(Number.POSITIVE_INFINITY) } }),
    [],
  );
  const snapshot = useDoor(actor);
  const [unreadable, setUnreadable] = useState(false);
  const { door, vault, problem } = snapshot.context;

  useEffect(() => {
    actor.start();
    return () => {
      actor.stop();
      actor.getSnapshot().context.door?.close();
    };
  }, [actor]);
  useEffect(() => door?.subscribe(() => setUnreadable(true)), [door]);

  const isOpen = snapshot.matches('open');
  useEffect(() => {
    if (!isOpen) return undefined;
    const active = () => actor.send({ type: 'door.activity' });
    for (const type of ACTIVITY) document.addEventListener(type, active, { capture: true, passive: true });
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, active, { capture: true });
    };
  }, [isOpen, actor]);

  const left = snapshot.status === 'done';
  useEffect(() => {
    if (left) onLeave();
  }, [left]);

  useEffect(() => {
    document.title = t('ui.app.pageTitle', { page: t('pro.space.title') });
  }, [t, snapshot.value]);

  const leave = () => actor.send({ type: 'door.leave' });

  if (snapshot.matches('opening') || left) return <LoadingStatus />;
  if (snapshot.matches('noCrypto') || snapshot.matches('failed')) {
    return (
      <section class="pro pro-door" aria-labelledby="pro-title">
        <h1 id="pro-title">{t('pro.space.title')}</h1>
        <p class="notice notice--warning" role="alert">
          {t(snapshot.matches('noCrypto') ? 'pro.space.noCrypto' : 'pro.space.unlock.failed')}
        </p>
        <LeaveButton onLeave={leave} />
      </section>
    );
  }
  const memory = door?.backend === 'memory' && (
    <p class="notice notice--storage" role="status">
      {t('pro.space.memory')}
    </p>
  );
  if (!door) return <LoadingStatus />;
  if (snapshot.matches('unset') || snapshot.matches('settingUp')) {
    return (
      <>
        {memory}
        <SetUp
          busy={snapshot.matches('settingUp')}
          erased={snapshot.matches({ unset: 'erased' })}
          problem={problem}
          onSubmit={(passphrase) => actor.send({ type: 'door.setUp', passphrase })}
          onLeave={leave}
        />
      </>
    );
  }
  if (vault && (snapshot.matches('open') || snapshot.matches('closing') || snapshot.matches('leaving'))) {
    return (
      <>
        {memory}
        {unreadable && (
          <p class="notice notice--warning" role="status">
            {t('pro.space.unreadable')}
          </p>
        )}
        <Shell
          door={door}
          vault={vault}
          loaded={loaded}
          settings={settings}
          sections={sections}
          initial={initial}
          language={language}
          closing={!snapshot.matches('open')}
          registerFlush={flushes.register}
          onLock={() => actor.send({ type: 'door.lock' })}
          onLeave={leave}
        />
      </>
    );
  }
  const notice = snapshot.matches({ locked: { notice: 'idle' } }) ? 'idle' : snapshot.matches({ locked: { notice: 'manual' } }) ? 'manual' : undefined;
  return (
    <>
      {memory}
      <Unlock
        door={door}
        actor={actor}
        notice={notice}
        busy={snapshot.matches('unlocking') ? 'unlock' : snapshot.matches('erasing') ? 'erase' : snapshot.matches('resetting') ? 'reset' : undefined}
        problem={problem}
        idleMinutes={settings.proIdleMinutes}
        onLeave={leave}
      />
    </>
  );
}

function LeaveButton({ onLeave }: { onLeave: () => void }) {
  const { t } = useT();
  return (
    <p class="pro-door__leave">
      <button type="button" class="button button--tertiary" onClick={onLeave}>
        {t('pro.space.leave')}
      </button>
    </p>
  );
}

/** Focuses the element once it is shown: the heading of a new screen (RGAA 12.8). */
function useFocusOnShow<T extends HTMLElement>(key: unknown) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

/** A refusal in words: the key and its count. */
function problemText(problem: DoorProblem): { key: string; count?: number } {
  if (problem.kind === 'weak') return { key: `pro.space.setup.weak.${problem.problem}`, count: PASSPHRASE_MIN_LENGTH };
  if (problem.kind === 'failed') return { key: problem.at === 'setup' ? 'pro.space.setup.failed' : problem.at === 'unlock' ? 'pro.space.unlock.failed' : 'pro.space.wipe.failed' };
  return { key: problem.kind === 'wrong' ? 'pro.space.unlock.wrong' : 'pro.space.unlock.wait', count: Math.ceil(problem.retryInMs / 1000) };
}

interface SetUpProps {
  busy: boolean;
  erased: boolean;
  problem: DoorProblem | undefined;
  onSubmit: (passphrase: string) => void;
  onLeave: () => void;
}

function SetUp({ busy, erased, problem, onSubmit, onLeave }: SetUpProps) {
  const { t } = useT();
  const heading = useFocusOnShow<HTMLHeadingElement>('setup');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<{ key: string; count?: number }>();
  const strength = passphraseStrength(first);
  // What the door said (a weak passphrase, a failed write) shows until the next try.
  useLayoutEffect(() => setError(problem ? problemText(problem) : undefined), [problem]);

  const submit = (event: Event) => {
    event.preventDefault();
    const weak = passphraseProblem(first);
    if (weak) return setError(problemText({ kind: 'weak', problem: weak }));
    if (first !== second) return setError({ key: 'pro.space.setup.mismatch' });
    setError(undefined);
    onSubmit(first);
  };

  return (
    <section class="pro pro-door" aria-labelledby="pro-title">
      {erased && (
        <p class="notice" role="status">
          {t('pro.space.wipe.done')}
        </p>
      )}
      <h1 id="pro-title" tabIndex={-1} ref={heading}>
        {t('pro.space.setup.title')}
      </h1>
      <p>{t('pro.space.setup.intro')}</p>
      <p class="pro-warning" id="pro-setup-warning">
        <strong>{t('pro.space.setup.warningTitle')}</strong> {t('pro.space.setup.warning')}
      </p>
      <form class="pro-form" onSubmit={submit} noValidate>
        <div class="pro-field">
          <label for="pro-passphrase">{t('pro.space.setup.passphrase')}</label>
          <p class="pro-field__hint" id="pro-passphrase-hint">
            {t('pro.space.setup.passphraseHint', { min: PASSPHRASE_MIN_LENGTH })}
          </p>
          <input
            id="pro-passphrase"
            type="password"
            autocomplete="new-password"
            value={first}
            aria-describedby="pro-passphrase-hint pro-passphrase-strength pro-setup-warning"
            aria-invalid={!!error && error.key !== 'pro.space.setup.mismatch'}
            onInput={(e) => setFirst(e.currentTarget.value)}
          />
          <p class={`pro-strength pro-strength--${strength}`} id="pro-passphrase-strength" aria-live="polite">
            {first ? t('pro.space.strength.label', { level: t(`pro.space.strength.${strength}`) }) : ''}
          </p>
        </div>
        <div class="pro-field">
          <label for="pro-passphrase-again">{t('pro.space.setup.confirm')}</label>
          <input
            id="pro-passphrase-again"
            type="password"
            autocomplete="new-password"
            value={second}
            aria-invalid={error?.key === 'pro.space.setup.mismatch'}
            onInput={(e) => setSecond(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="question__error" role="alert">
            {t(error.key, { min: PASSPHRASE_MIN_LENGTH, count: error.count })}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {t(busy ? 'pro.space.unlock.checking' : 'pro.space.setup.submit')}
        </button>
      </form>
      <LeaveButton onLeave={onLeave} />
    </section>
  );
}

interface UnlockProps {
  door: VaultDoor;
  actor: DoorActor;
  notice: 'idle' | 'manual' | undefined;
  busy: 'unlock' | 'erase' | 'reset' | undefined;
  problem: DoorProblem | undefined;
  idleMinutes: number;
  onLeave: () => void;
}

function Unlock({ door, actor, notice, busy, problem, idleMinutes, onLeave }: UnlockProps) {
  const { t } = useT();
  const heading = useFocusOnShow<HTMLHeadingElement>('unlock');
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const unlockProblem = problem && (!('at' in problem) || problem.at === 'unlock') ? problemText(problem) : undefined;
  // A refused try empties the field and puts the focus back in it (as the answer is drawn).
  useLayoutEffect(() => {
    if (!unlockProblem) return;
    setPassphrase('');
    input.current?.focus();
  }, [problem]);

  const submit = (event: Event) => {
    event.preventDefault();
    if (!busy) actor.send({ type: 'door.unlock', passphrase });
  };

  return (
    <section class="pro pro-door" aria-labelledby="pro-title">
      <h1 id="pro-title" tabIndex={-1} ref={heading}>
        {t('pro.space.unlock.title')}
      </h1>
      {notice === 'idle' && (
        <p class="notice" role="status">
          {t('pro.space.locked.idle', { count: idleMinutes })}
        </p>
      )}
      {notice === 'manual' && (
        <p class="notice" role="status">
          {t('pro.space.locked.manual')}
        </p>
      )}
      <form class="pro-form" onSubmit={submit} noValidate>
        <div class="pro-field">
          <label for="pro-unlock">{t('pro.space.unlock.passphrase')}</label>
          <input
            id="pro-unlock"
            ref={input}
            type="password"
            autocomplete="current-password"
            value={passphrase}
            aria-invalid={unlockProblem?.key === 'pro.space.unlock.wrong'}
            aria-describedby={unlockProblem ? 'pro-unlock-message' : undefined}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        {unlockProblem && (
          <p class="question__error" role="alert" id="pro-unlock-message">
            {t(unlockProblem.key, unlockProblem.count === undefined ? {} : { count: unlockProblem.count })}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy === 'unlock'}>
          {t(busy === 'unlock' ? 'pro.space.unlock.checking' : 'pro.space.unlock.submit')}
        </button>
      </form>
      <Erase actor={actor} busy={busy === 'erase'} problem={problem && 'at' in problem && problem.at === 'erase' ? problem : undefined} />
      <Reset door={door} actor={actor} busy={busy === 'reset'} failed={problem?.kind === 'failed' && problem.at === 'reset'} />
      <LeaveButton onLeave={onLeave} />
    </section>
  );
}

/** A disclosure: a button that opens a panel, whose heading takes the focus; closing gives it back. */
function useDisclosure() {
  const [open, setOpen] = useState(false);
  const title = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useLayoutEffect(() => {
    if (open) title.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return { open, setOpen, title, opener };
}

/** « Effacer toutes les données professionnelles », with the passphrase: the same check and back-off as unlocking. */
function Erase({ actor, busy, problem }: { actor: DoorActor; busy: boolean; problem: DoorProblem | undefined }) {
  const { t } = useT();
  const { open, setOpen, title, opener } = useDisclosure();
  const [passphrase, setPassphrase] = useState('');
  const message = problem ? problemText(problem) : undefined;
  useLayoutEffect(() => setPassphrase(''), [problem]);

  return (
    <section class="pro-wipe" aria-labelledby="pro-erase-title">
      <h2 id="pro-erase-title" class="pro-wipe__title">
        {t('pro.space.erase.title')}
      </h2>
      {!open ? (
        <button type="button" class="button button--secondary" ref={opener} aria-expanded="false" onClick={() => setOpen(true)}>
          {t('pro.space.erase.button')}
        </button>
      ) : (
        <form
          class="pro-wipe__confirm pro-form"
          aria-labelledby="pro-erase-confirm-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy) actor.send({ type: 'door.erase', passphrase });
          }}
        >
          <h3 id="pro-erase-confirm-title" tabIndex={-1} ref={title}>
            {t('pro.space.erase.confirmTitle')}
          </h3>
          <p>{t('pro.space.erase.confirmText')}</p>
          <div class="pro-field">
            <label for="pro-erase-passphrase">{t('pro.space.unlock.passphrase')}</label>
            <input
              id="pro-erase-passphrase"
              type="password"
              autocomplete="current-password"
              value={passphrase}
              aria-describedby={message ? 'pro-erase-message' : undefined}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </div>
          {message && (
            <p class="question__error" role="alert" id="pro-erase-message">
              {t(message.key, message.count === undefined ? {} : { count: message.count })}
            </p>
          )}
          <div class="pro-actions">
            <button type="submit" class="button button--danger" disabled={busy}>
              {t(busy ? 'pro.space.unlock.checking' : 'pro.space.erase.confirm')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
              {t('pro.space.wipe.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The word to type for the deliberate reset (« EFFACER »), compared without case or spaces around. */
function typedWord(typed: string, word: string): boolean {
  return typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
}

/**
 * « Phrase de passe oubliée ? »: the deliberate reset. It says plainly what is lost (how many
 * records, the last backup) and that a backup file or the team server can bring them back, and asks
 * for a word to be typed: never a two-tap action for anyone passing by.
 */
function Reset({ door, actor, busy, failed }: { door: VaultDoor; actor: DoorActor; busy: boolean; failed: boolean }) {
  const { t, language } = useT();
  const { open, setOpen, title, opener } = useDisclosure();
  const [summary, setSummary] = useState<VaultSummary>();
  const [typed, setTyped] = useState('');
  const word = t('pro.space.wipe.word');
  useEffect(() => {
    if (open) void door.summary().then(setSummary, () => setSummary({ records: 0 }));
  }, [open, door]);

  return (
    <section class="pro-wipe" aria-labelledby="pro-wipe-title">
      <h2 id="pro-wipe-title" class="pro-wipe__title">
        {t('pro.space.wipe.forgotten')}
      </h2>
      <p>{t('pro.space.wipe.explain')}</p>
      {!open ? (
        <button type="button" class="button button--secondary" ref={opener} aria-expanded="false" onClick={() => setOpen(true)}>
          {t('pro.space.wipe.button')}
        </button>
      ) : (
        <form
          class="pro-wipe__confirm pro-form"
          aria-labelledby="pro-wipe-confirm-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!busy && typedWord(typed, word)) actor.send({ type: 'door.reset' });
          }}
        >
          <h3 id="pro-wipe-confirm-title" tabIndex={-1} ref={title}>
            {t('pro.space.wipe.confirmTitle')}
          </h3>
          {summary && (
            <>
              <p>{t('pro.space.wipe.lost', { count: summary.records })}</p>
              <p>
                {summary.lastBackupAt === undefined
                  ? t('pro.space.wipe.noBackup')
                  : t('pro.space.wipe.lastBackup', { date: new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(summary.lastBackupAt)) })}
              </p>
            </>
          )}
          <p>{t('pro.space.wipe.restore')}</p>
          <div class="pro-field">
            <label for="pro-wipe-word">{t('pro.space.wipe.typeWord', { word })}</label>
            <input id="pro-wipe-word" type="text" autocomplete="off" spellcheck={false} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          </div>
          {failed && (
            <p class="question__error" role="alert">
              {t('pro.space.wipe.failed')}
            </p>
          )}
          <div class="pro-actions">
            <button type="submit" class="button button--danger" disabled={busy || !typedWord(typed, word)}>
              {t('pro.space.wipe.confirm')}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setOpen(false)}>
              {t('pro.space.wipe.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

interface ShellProps {
  door: VaultDoor;
  vault: OpenVault;
  loaded: LoadedQuestionnaire;
  settings: Settings;
  language: string;
  sections: readonly ProSection[];
  initial: ProSpaceProps['initial'];
  /** The door waits for the section's saves before locking or leaving: the buttons say so. */
  closing: boolean;
  registerFlush: ProSectionProps['registerFlush'];
  onLock: () => void;
  onLeave: () => void;
}

/** The open space: a nav of the sections, one section shown at a time. */
function Shell({ door, vault, loaded, settings, sections: offered, initial, language, closing, registerFlush, onLock, onLeave }: ShellProps) {
  const { t } = useT();
  const sections = useMemo(() => sectionsFor(settings.modes, offered, settings), [settings, offered]);
  const [current, setCurrent] = useState<{ id: string; params: ProParams; n: number }>(() =>
    initial && sections.some((s) => s.id === initial.section) ? { id: initial.section, params: initial.params, n: 0 } : { id: sections[0]?.id ?? '', params: {}, n: 0 },
  );
  const navigate = useCallback((id: string, params: ProParams = {}) => setCurrent((c) => ({ id, params, n: c.n + 1 })), []);
  const section = sections.find((s) => s.id === current.id) ?? sections[0];
  // The reminder: records on the device, and no backup for BACKUP_REMINDER_DAYS (or never).
  const [summary, setSummary] = useState<VaultSummary>();
  const backups = useMemo(
    () => ({
      last: async () => (await door.summary()).lastBackupAt,
      noted: async (at: number) => {
        await door.noteBackup(at);
        setSummary(await door.summary());
      },
    }),
    [door],
  );
  useEffect(() => {
    void door.summary().then(setSummary, () => undefined);
  }, [door, current.n]);
  // Team sync while the space is open, whatever section shows (team-sync.ts); stops at lock or leave.
  useEffect(() => (settings.syncUrl ? keepSyncing(vault, settings.syncUrl) : undefined), [vault, settings.syncUrl]);
  const days = daysSince(summary?.lastBackupAt);
  const backupDue = !!summary && summary.records > 0 && (days === undefined || days > BACKUP_REMINDER_DAYS) && sections.some((s) => s.id === 'backup') && section?.id !== 'backup';

  return (
    <div class="pro pro-shell">
      <div class="pro-shell__bar no-print">
        <p class="pro-shell__title">{t('pro.space.title')}</p>
        <nav class="pro-nav" aria-label={t('pro.space.nav')}>
          <ul role="list">
            {sections.map((s) => (
              <li key={s.id}>
                <button type="button" class="pro-nav__link" aria-current={s.id === section?.id ? 'page' : undefined} onClick={() => navigate(s.id)}>
                  {t(s.labelKey)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div class="pro-shell__tools">
          <button type="button" class="button button--secondary" onClick={onLock} aria-disabled={closing}>
            <span class="pro-lock-icon" aria-hidden="true" />
            {t(closing ? 'pro.space.saving' : 'pro.space.lock')}
          </button>
          <button type="button" class="button button--tertiary" onClick={onLeave} aria-disabled={closing}>
            {t('pro.space.leave')}
          </button>
        </div>
      </div>
      <p class="pro-shell__idle no-print">{t('pro.space.idleNote', { count: settings.proIdleMinutes })}</p>
      {backupDue && (
        <p class="notice notice--warning no-print" role="status">
          {days === undefined ? t('pro.backup.reminderNever') : t('pro.backup.reminder', { days: BACKUP_REMINDER_DAYS })}{' '}
          <button type="button" class="button button--secondary button--small" onClick={() => navigate('backup')}>
            {t('pro.backup.reminderAction')}
          </button>
        </p>
      )}
      {section && (
        <SectionView
          key={`${section.id}-${current.n}`}
          section={section}
          props={{ vault, questionnaire: loaded, settings, language, params: current.params, navigate, registerFlush, backups }}
        />
      )}
    </div>
  );
}

/**
 * One section, loaded with import() the first time it is shown. While it comes, « Chargement… »
 * holds the focus if the section before it had it (a finished interview opening its record).
 */
function SectionView({ section, props }: { section: ProSection; props: ProSectionProps }) {
  const module = useLazy(section.load);
  if (!module) return <LoadingStatus holdFocus />;
  const Body = module.default;
  return <Body {...props} />;
}
