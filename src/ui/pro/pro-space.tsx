import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LoadedQuestionnaire, Settings } from '../../core/index.ts';
import { loadProStrings } from '../../i18n/pro.ts';
import { openVaultDoor, PASSPHRASE_MIN_LENGTH, type OpenVault, type VaultDoor } from '../../storage/vault.ts';
import { webCrypto } from '../../storage/vault-crypto.ts';
import { useT } from '../i18n-context.ts';
import { useIdle } from '../use-idle.ts';
import { useLazy } from '../use-lazy.ts';
import { createFlushRegistry } from './flushes.ts';
import { passphraseStrength } from './passphrase.ts';
import type { ProParams, ProSectionProps } from './section-props.ts';
import { PRO_SECTIONS, sectionsFor, type ProSection } from './sections.ts';
import './pro.css';
import { LoadingStatus } from '../loading-status.tsx';

// The professional space, loaded with import() from #/pro: a passphrase chosen on first use on the
// device opens an encrypted vault; the space locks after proIdleMinutes without activity and on
// demand; a wrong passphrase is told plainly and retries are slowed (the vault keeps the count).
// Once open: a nav of the sections (sections.ts), one shown at a time.

export interface ProSpaceProps {
  loaded: LoadedQuestionnaire;
  settings: Settings;
  /** Leaves the space for the kiosk's start screen (the vault is locked first). */
  onLeave: () => void;
  /** For tests: the vault's door; the page's IndexedDB otherwise. */
  openDoor?: () => Promise<VaultDoor>;
  /** For tests: the sections to offer; PRO_SECTIONS otherwise. */
  sections?: readonly ProSection[];
}

type State =
  | { name: 'opening' }
  | { name: 'no-crypto' }
  | { name: 'unset' }
  | { name: 'locked'; why?: 'idle' | 'manual' | 'wiped' }
  | { name: 'open'; vault: OpenVault };

export default function ProSpace({ loaded, settings, onLeave, openDoor = () => openVaultDoor(), sections = PRO_SECTIONS }: ProSpaceProps) {
  const { t, language } = useT();
  const [state, setState] = useState<State>({ name: 'opening' });
  const [door, setDoor] = useState<VaultDoor>();
  const [unreadable, setUnreadable] = useState(false);

  useEffect(() => {
    let alive = true;
    let opened: VaultDoor | undefined;
    void (async () => {
      await loadProStrings();
      if (!webCrypto()) {
        if (alive) setState({ name: 'no-crypto' });
        return;
      }
      opened = await openDoor();
      if (!alive) return opened.close();
      opened.subscribe(() => setUnreadable(true));
      setDoor(opened);
      setState((await opened.state()) === 'unset' ? { name: 'unset' } : { name: 'locked' });
    })();
    return () => {
      alive = false;
      opened?.close();
    };
  }, []);

  // The open section's pending saves are awaited (bounded) before the key is forgotten.
  const flushes = useMemo(() => createFlushRegistry(), []);
  const lock = useCallback(
    async (why: 'idle' | 'manual') => {
      await flushes.flushAll();
      setState((s) => {
        if (s.name === 'open') s.vault.lock();
        return { name: 'locked', why };
      });
    },
    [flushes],
  );

  useIdle(state.name === 'open', settings.proIdleMinutes * 60, () => void lock('idle'));

  useEffect(() => {
    document.title = t('ui.app.pageTitle', { page: t('pro.space.title') });
  }, [t, state.name]);

  const leave = async () => {
    await flushes.flushAll();
    if (state.name === 'open') state.vault.lock();
    onLeave();
  };

  if (state.name === 'opening' || !door && state.name !== 'no-crypto') {
    return <LoadingStatus />;
  }
  if (state.name === 'no-crypto' || !door) {
    return (
      <section class="pro pro-door" aria-labelledby="pro-title">
        <h1 id="pro-title">{t('pro.space.title')}</h1>
        <p class="notice notice--warning" role="alert">
          {t('pro.space.noCrypto')}
        </p>
        <LeaveButton onLeave={leave} />
      </section>
    );
  }
  const memory = door.backend === 'memory' && (
    <p class="notice notice--storage" role="status">
      {t('pro.space.memory')}
    </p>
  );
  if (state.name === 'unset') {
    return (
      <>
        {memory}
        <SetUp door={door} onOpen={(vault) => setState({ name: 'open', vault })} onLeave={leave} />
      </>
    );
  }
  if (state.name === 'locked') {
    return (
      <>
        {memory}
        <Unlock
          door={door}
          why={state.why}
          idleMinutes={settings.proIdleMinutes}
          onOpen={(vault) => setState({ name: 'open', vault })}
          onWiped={() => setState({ name: 'unset' })}
          onLeave={leave}
        />
      </>
    );
  }
  return (
    <>
      {memory}
      {unreadable && (
        <p class="notice notice--warning" role="status">
          {t('pro.space.unreadable')}
        </p>
      )}
      <Shell vault={state.vault} loaded={loaded} settings={settings} sections={sections} language={language} registerFlush={flushes.register} onLock={() => void lock('manual')} onLeave={() => void leave()} />
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

function SetUp({ door, onOpen, onLeave }: { door: VaultDoor; onOpen: (vault: OpenVault) => void; onLeave: () => void }) {
  const { t } = useT();
  const heading = useFocusOnShow<HTMLHeadingElement>('setup');
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const strength = passphraseStrength(first);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (first.length < PASSPHRASE_MIN_LENGTH) return setError('pro.space.setup.tooShort');
    if (first !== second) return setError('pro.space.setup.mismatch');
    setBusy(true);
    const result = await door.setUp(first);
    setBusy(false);
    if (result.ok) onOpen(result.vault);
    else setError(result.reason === 'too-short' ? 'pro.space.setup.tooShort' : 'pro.space.setup.failed');
  };

  return (
    <section class="pro pro-door" aria-labelledby="pro-title">
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
            aria-invalid={error === 'pro.space.setup.tooShort'}
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
            aria-invalid={error === 'pro.space.setup.mismatch'}
            onInput={(e) => setSecond(e.currentTarget.value)}
          />
        </div>
        {error && (
          <p class="question__error" role="alert">
            {t(error, { min: PASSPHRASE_MIN_LENGTH })}
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
  why?: 'idle' | 'manual' | 'wiped' | undefined;
  idleMinutes: number;
  onOpen: (vault: OpenVault) => void;
  onWiped: () => void;
  onLeave: () => void;
}

function Unlock({ door, why, idleMinutes, onOpen, onWiped, onLeave }: UnlockProps) {
  const { t } = useT();
  const heading = useFocusOnShow<HTMLHeadingElement>('unlock');
  const input = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<{ key: string; count?: number }>();
  const [busy, setBusy] = useState(false);

  // After a reload during a wait: say it at once.
  useEffect(() => {
    void door.retryIn().then((ms) => ms > 0 && setMessage({ key: 'pro.space.unlock.wait', count: Math.ceil(ms / 1000) }));
  }, [door]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(undefined);
    const result = await door.unlock(passphrase);
    setBusy(false);
    if (result.ok) {
      onOpen(result.vault);
      return;
    }
    setPassphrase('');
    input.current?.focus();
    if (result.reason === 'wrong') setMessage({ key: 'pro.space.unlock.wrong', count: Math.ceil(result.retryInMs / 1000) });
    else if (result.reason === 'wait') setMessage({ key: 'pro.space.unlock.wait', count: Math.ceil(result.retryInMs / 1000) });
    else if (result.reason === 'unset') onWiped();
    else setMessage({ key: 'pro.space.unlock.failed' });
  };

  return (
    <section class="pro pro-door" aria-labelledby="pro-title">
      <h1 id="pro-title" tabIndex={-1} ref={heading}>
        {t('pro.space.unlock.title')}
      </h1>
      {why === 'idle' && (
        <p class="notice" role="status">
          {t('pro.space.locked.idle', { count: idleMinutes })}
        </p>
      )}
      {why === 'manual' && (
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
            aria-invalid={message?.key === 'pro.space.unlock.wrong'}
            aria-describedby={message ? 'pro-unlock-message' : undefined}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
        </div>
        {message && (
          <p class="question__error" role="alert" id="pro-unlock-message">
            {t(message.key, message.count === undefined ? {} : { count: message.count })}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {t(busy ? 'pro.space.unlock.checking' : 'pro.space.unlock.submit')}
        </button>
      </form>
      <Wipe door={door} onWiped={onWiped} />
      <LeaveButton onLeave={onLeave} />
    </section>
  );
}

/** "Effacer toutes les données professionnelles", behind a confirmation. */
export function Wipe({ door, onWiped }: { door: VaultDoor; onWiped: () => void }) {
  const { t } = useT();
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (asking) confirmTitle.current?.focus();
  }, [asking]);

  const wipe = async () => {
    const result = await door.wipe();
    if (result.ok) onWiped();
    else setFailed(true);
  };

  return (
    <section class="pro-wipe" aria-labelledby="pro-wipe-title">
      <h2 id="pro-wipe-title" class="pro-wipe__title">
        {t('pro.space.wipe.forgotten')}
      </h2>
      <p>{t('pro.space.wipe.explain')}</p>
      {!asking ? (
        <button type="button" class="button button--secondary" ref={opener} onClick={() => setAsking(true)}>
          {t('pro.space.wipe.button')}
        </button>
      ) : (
        <div class="pro-wipe__confirm" role="group" aria-labelledby="pro-wipe-confirm-title">
          <h3 id="pro-wipe-confirm-title" tabIndex={-1} ref={confirmTitle}>
            {t('pro.space.wipe.confirmTitle')}
          </h3>
          <p>{t('pro.space.wipe.confirmText')}</p>
          {failed && (
            <p class="question__error" role="alert">
              {t('pro.space.wipe.failed')}
            </p>
          )}
          <div class="pro-actions">
            <button type="button" class="button button--danger" onClick={() => void wipe()}>
              {t('pro.space.wipe.confirm')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => opener.current?.focus());
              }}
            >
              {t('pro.space.wipe.cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

interface ShellProps {
  vault: OpenVault;
  loaded: LoadedQuestionnaire;
  settings: Settings;
  language: string;
  sections: readonly ProSection[];
  registerFlush: ProSectionProps['registerFlush'];
  onLock: () => void;
  onLeave: () => void;
}

/** The open space: a nav of the sections, one section shown at a time. */
function Shell({ vault, loaded, settings, sections: offered, language, registerFlush, onLock, onLeave }: ShellProps) {
  const { t } = useT();
  const sections = useMemo(() => sectionsFor(settings.modes, offered), [settings.modes, offered]);
  const [current, setCurrent] = useState<{ id: string; params: ProParams; n: number }>(() => ({ id: sections[0]?.id ?? '', params: {}, n: 0 }));
  const navigate = useCallback((id: string, params: ProParams = {}) => setCurrent((c) => ({ id, params, n: c.n + 1 })), []);
  const section = sections.find((s) => s.id === current.id) ?? sections[0];

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
          <button type="button" class="button button--secondary" onClick={onLock}>
            <span class="pro-lock-icon" aria-hidden="true" />
            {t('pro.space.lock')}
          </button>
          <button type="button" class="button button--tertiary" onClick={onLeave}>
            {t('pro.space.leave')}
          </button>
        </div>
      </div>
      <p class="pro-shell__idle no-print">{t('pro.space.idleNote', { count: settings.proIdleMinutes })}</p>
      {section && (
        <SectionView
          key={`${section.id}-${current.n}`}
          section={section}
          props={{ vault, questionnaire: loaded, settings, language, params: current.params, navigate, registerFlush }}
        />
      )}
    </div>
  );
}

/** One section, loaded with import() the first time it is shown. */
function SectionView({ section, props }: { section: ProSection; props: ProSectionProps }) {
  const module = useLazy(section.load);
  if (!module) return <LoadingStatus />;
  const Body = module.default;
  return <Body {...props} />;
}
