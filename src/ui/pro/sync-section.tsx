import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OpenVault } from '../../storage/vault.ts';
import type { SyncReport } from '../../storage/vault-sync.ts';
import { useT } from '../i18n-context.ts';
import type { ProSectionProps } from './section-props.ts';
import { ACCOUNT, defaultSync, STATUS, teamSyncOf, type Account, type CreateSync } from './team-sync.ts';

// « Équipe »: the vault replicated with the team's CouchDB database named by settings.json's
// syncUrl (src/storage/vault-sync.ts; PouchDB comes with import() only). The account is kept
// sealed in the vault (collection `device`, never sent, never in a backup). Status in plain words:
// last sync, changes waiting, what went wrong; records changed on two devices, both versions shown
// until one is kept. The space syncs while it is open (team-sync.ts: at once, every minute, when
// the network comes back); this section shows those runs, syncs when opened and on demand.

export interface SyncSectionProps extends ProSectionProps {
  /** For tests: the sync engine; PouchDB with IndexedDB otherwise. */
  createSync?: CreateSync;
}

type Version = { rev: string; value: unknown };

export default function SyncSection({ vault, settings, language, createSync = defaultSync }: SyncSectionProps) {
  const { t } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const url = settings.syncUrl ?? '';
  const team = teamSyncOf(vault as OpenVault, url, createSync);
  const [account, setAccount] = useState<Account | null>();
  const [editing, setEditing] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [teamPassphrase, setTeamPassphrase] = useState('');
  const [state, setState] = useState(team.state);
  const [pending, setPending] = useState<number>();
  const [conflicts, setConflicts] = useState<{ place: string; versions: Version[] }[]>([]);
  const [storedLastOk, setStoredLastOk] = useState<number>();
  useLayoutEffect(() => heading.current?.focus(), []);
  const { busy, report } = state;
  const lastOk = state.lastOk ?? storedLastOk;

  const refresh = useCallback(
    async (r: SyncReport | undefined) => {
      const s = await team.engine();
      setPending(r?.pending ?? (await s.pending()));
      const places = r?.conflicts ?? [];
      setConflicts(await Promise.all(places.map(async (place) => ({ place, versions: await s.versions(place) }))));
    },
    [team],
  );

  // The space's runs (every minute, when the network returns) show here as they end.
  useEffect(
    () =>
      team.subscribe((next) => {
        setState(next);
        if (next.report && !next.busy) void refresh(next.report).catch(() => undefined);
      }),
    [team, refresh],
  );

  const run = useCallback(
    async (with_: Account, passphrase?: string) => {
      const r = await team.run(with_, passphrase);
      if (r.ok) setTeamPassphrase('');
      await refresh(r);
    },
    [team, refresh],
  );

  useEffect(() => {
    void (async () => {
      const [stored, status] = await Promise.all([vault.get<Account>(ACCOUNT.collection, ACCOUNT.id), vault.get<{ lastOk?: number }>(STATUS.collection, STATUS.id)]);
      setStoredLastOk(status?.lastOk);
      setAccount(stored ?? null);
      if (stored) await run(stored);
      else await refresh(undefined);
    })().catch(() => undefined);
  }, [vault]);

  const saveAccount = async (event: Event) => {
    event.preventDefault();
    const next = { username: username.trim(), password };
    if (!next.username || !next.password) return;
    await vault.put(ACCOUNT.collection, ACCOUNT.id, next);
    setAccount(next);
    setEditing(false);
    setPassword('');
    await run(next);
  };

  const keep = async (place: string, rev: string) => {
    const s = await team.engine();
    await s.resolve(place, rev);
    if (account) await run(account);
  };

  const when = (at: number) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  const problem = report && !report.ok ? report.problem : undefined;

  return (
    <section class="pro-section" aria-labelledby="pro-sync-title">
      <h1 id="pro-sync-title" tabIndex={-1} ref={heading}>
        {t('pro.sync.title')}
      </h1>
      <p>{t('pro.sync.intro', { url })}</p>

      {account === null || editing ? (
        <form class="pro-form" noValidate onSubmit={(e) => void saveAccount(e)} aria-labelledby="pro-sync-account">
          <h2 id="pro-sync-account">{t('pro.sync.account')}</h2>
          <p class="pro-field__hint">{t('pro.sync.accountHint')}</p>
          <div class="pro-field">
            <label for="pro-sync-user">{t('pro.sync.username')}</label>
            <input id="pro-sync-user" type="text" autocomplete="username" value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </div>
          <div class="pro-field">
            <label for="pro-sync-password">{t('pro.sync.password')}</label>
            <input id="pro-sync-password" type="password" autocomplete="current-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('pro.sync.saveAccount')}
          </button>
        </form>
      ) : (
        account && (
          <p class="pro-actions">
            <button type="button" class="button button--primary" disabled={busy} onClick={() => void run(account)}>
              {t(busy ? 'pro.sync.syncing' : 'pro.sync.syncNow')}
            </button>
            <button type="button" class="button button--tertiary" onClick={() => setEditing(true)}>
              {t('pro.sync.changeAccount')}
            </button>
          </p>
        )
      )}

      <h2>{t('pro.sync.status')}</h2>
      <div role="status">
        <p>{lastOk === undefined ? t('pro.sync.never') : t('pro.sync.last', { date: when(lastOk) })}</p>
        {pending !== undefined && <p>{t('pro.sync.pending', { count: pending })}</p>}
        {report?.ok && <p>{t('pro.sync.done', { sent: report.sent, received: report.received })}</p>}
      </div>
      {problem && (
        <p class="question__error" role="alert">
          {t(`pro.sync.problems.${problem}`)}
        </p>
      )}
      {problem === 'team-passphrase' && account && (
        <form
          class="pro-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(account, teamPassphrase);
          }}
        >
          <div class="pro-field">
            <label for="pro-sync-team">{t('pro.sync.teamPassphrase')}</label>
            <input id="pro-sync-team" type="password" autocomplete="off" value={teamPassphrase} onInput={(e) => setTeamPassphrase(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button button--primary" disabled={busy}>
            {t('pro.sync.join')}
          </button>
        </form>
      )}

      {conflicts.length > 0 && (
        <section aria-labelledby="pro-sync-conflicts">
          <h2 id="pro-sync-conflicts">{t('pro.sync.conflictsTitle')}</h2>
          <p>{t('pro.sync.conflictsIntro')}</p>
          {conflicts.map(({ place, versions }) => (
            <ul key={place} class="pro-conflict" role="list">
              {versions.map(({ rev, value }) => {
                const r = value as { code?: string; generalNote?: string; session?: { updatedAt?: string; status?: string; answers?: object } } | undefined;
                return (
                  <li key={rev} class="pro-conflict__version">
                    {r ? (
                      <>
                        <p>
                          {t('pro.sync.version', {
                            date: r.session?.updatedAt ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(r.session.updatedAt)) : '—',
                            code: r.code ?? '—',
                            status: t(r.session?.status === 'completed' ? 'pro.interview.status.completed' : 'pro.interview.status.inProgress'),
                          })}
                        </p>
                        <p>{t('pro.sync.versionAnswers', { count: Object.keys(r.session?.answers ?? {}).length })}</p>
                        <p>{r.generalNote ? t('pro.sync.versionNote', { note: r.generalNote }) : t('pro.sync.noNote')}</p>
                      </>
                    ) : (
                      <p>{t('pro.sync.unreadable')}</p>
                    )}
                    <button type="button" class="button button--secondary button--small" disabled={busy} onClick={() => void keep(place, rev)}>
                      {t('pro.sync.keep')}
                    </button>
                  </li>
                );
              })}
            </ul>
          ))}
        </section>
      )}
    </section>
  );
}
