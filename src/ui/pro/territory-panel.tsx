import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LevelOrNone, ObservedQuestionnaire, Period, PublishedCount } from '../../core/observatory.ts';
import { publishTerritory, territoryFigures, territoryLongCsv, type PublishedScope, type TerritoryCell } from '../../core/territory.ts';
import { ignoreLocked } from '../../storage/vault.ts';
import { useT } from '../i18n-context.ts';
import type { Download } from './download.ts';
import { AreaChart, Chart, csvWords, formatDay } from './observatory-charts.tsx';
import { weekMonday, weekSunday } from '../../core/tally.ts';
import { readTerritory, type TerritoryAccount, type TerritoryProblem } from './territory-source.ts';
import type { VaultLike } from './tools-props.ts';

// The territory observatory, the coordinator's view (in the observatory, on a device whose
// settings.json names `territoryUrl`): every structure's kiosk tallies the territory database
// holds, for the questionnaire and the period the observatory shows, counted for the territory and
// per structure with every count from 1 to 4 suppressed along each row and column (core:
// publishTerritory), on screen, printed with the page and in the long CSV. The coordinator's
// account is typed here and kept sealed in the vault (collection `device`: never synced, never in a
// backup). A server that refuses or fails changes nothing: the figures read last stay, with why.

const ACCOUNT = { collection: 'device', id: 'territory' } as const;

export interface TerritoryLabels {
  title: string;
  profile(id: string): string;
  area(id: string): string;
  flag(id: string): string;
  level(level: LevelOrNone): string;
  series(key: string, unit: 'week' | 'month'): string;
  count(n: PublishedCount): string;
}

export interface TerritoryPanelProps {
  vault: VaultLike;
  url: string;
  questionnaire: ObservedQuestionnaire;
  /** The observatory's period, undefined while it is not a valid one. */
  period: Period | undefined;
  labels: TerritoryLabels;
  download: Download;
  read?: typeof readTerritory;
}

interface Read {
  /** The period read (weeks), as "from/to". */
  key: string;
  cells: TerritoryCell[];
  at: number;
}

export function TerritoryPanel({ vault, url, questionnaire, period, labels, download, read = readTerritory }: TerritoryPanelProps) {
  const { t, language } = useT();
  const [account, setAccount] = useState<TerritoryAccount | null>();
  const [editing, setEditing] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<Read>();
  const [problem, setProblem] = useState<TerritoryProblem>();
  const key = period ? `${period.from}/${period.to}` : '';
  // The focus follows the form: to the name when it opens on « Changer de compte », to « Relire »
  // once the account is saved (the button pressed is gone: the focus never falls to the page).
  const moved = useRef(false);
  const nameField = useRef<HTMLInputElement>(null);
  const readButton = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    (editing ? nameField.current : readButton.current)?.focus();
  }, [editing, account]);

  useEffect(() => {
    void vault
      .get<TerritoryAccount>(ACCOUNT.collection, ACCOUNT.id)
      .then((stored) => setAccount(stored ?? null))
      .catch(ignoreLocked);
  }, [vault]);

  const load = async (with_: TerritoryAccount) => {
    if (!period) return;
    setBusy(true);
    const result = await read(url, with_, period);
    setBusy(false);
    if (result.ok) {
      setProblem(undefined);
      setLast({ key, cells: result.cells, at: Date.now() });
    } else setProblem(result.problem);
  };

  useEffect(() => {
    if (account) void load(account);
  }, [account, key]);

  const save = async (event: Event) => {
    event.preventDefault();
    const next = { username: username.trim(), password };
    if (!next.username || !next.password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    await vault.put(ACCOUNT.collection, ACCOUNT.id, next);
    setPassword('');
    moved.current = true;
    setEditing(false);
    setAccount(next);
  };

  const published = useMemo(() => (last && period && last.key === key ? publishTerritory(territoryFigures(last.cells, questionnaire, period)) : undefined), [last, key, questionnaire]);

  const exportCsv = () => {
    if (!published) return;
    const words = csvWords(t);
    const csv = territoryLongCsv(published, {
      headers: [words.from, words.to, words.questionnaire, t('pro.observatory.territory.csv.structure'), ...words.rest],
      indicators: { ...words.indicators, month: t('pro.observatory.territory.csv.month') },
      territory: t('pro.observatory.territory.all'),
      suppressed: words.suppressed,
      questionnaire: labels.title,
      profile: labels.profile,
      area: labels.area,
      level: labels.level,
      flag: labels.flag,
    });
    download({ name: `observatoire-territoire-${published.questionnaireId}-${published.period.from}-${published.period.to}.csv`, text: csv, type: 'text/csv' });
  };

  const time = (at: number) => new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(at));
  const { count } = labels;
  const territory = published?.territory;

  return (
    <section class="pro-territory" aria-labelledby="pro-territory-title">
      <h2 id="pro-territory-title">{t('pro.observatory.territory.title')}</h2>
      <p class="no-print">{t('pro.observatory.territory.intro', { url })}</p>
      {account === null || editing ? (
        <form class="pro-form no-print" noValidate onSubmit={(e) => void save(e)} aria-labelledby="pro-territory-account">
          <h3 id="pro-territory-account">{t('pro.observatory.territory.account')}</h3>
          <p class="pro-field__hint">{t('pro.observatory.territory.accountHint')}</p>
          <div class="pro-field">
            <label for="pro-territory-user">{t('pro.observatory.territory.username')}</label>
            <input id="pro-territory-user" ref={nameField} type="text" autocomplete="username" value={username} aria-invalid={missing && !username.trim()} onInput={(e) => setUsername(e.currentTarget.value)} />
          </div>
          <div class="pro-field">
            <label for="pro-territory-password">{t('pro.observatory.territory.password')}</label>
            <input id="pro-territory-password" type="password" autocomplete="current-password" value={password} aria-invalid={missing && !password} onInput={(e) => setPassword(e.currentTarget.value)} />
          </div>
          {missing && (
            <p class="question__error" role="alert">
              {t('pro.observatory.territory.accountMissing')}
            </p>
          )}
          <button type="submit" class="button button--primary">
            {t('pro.observatory.territory.saveAccount')}
          </button>
        </form>
      ) : (
        account && (
          <p class="pro-actions no-print">
            <button type="button" ref={readButton} class="button button--primary" aria-disabled={busy || !period} onClick={() => !busy && period && void load(account)}>
              {t(busy ? 'pro.observatory.territory.reading' : 'pro.observatory.territory.readAgain')}
            </button>
            <button
              type="button"
              class="button button--tertiary"
              onClick={() => {
                moved.current = true;
                setEditing(true);
              }}
            >
              {t('pro.observatory.territory.changeAccount')}
            </button>
          </p>
        )
      )}
      <div role="status" class="no-print">
        {last && !busy && <p>{t('pro.observatory.territory.readAt', { time: time(last.at) })}</p>}
      </div>
      {problem && (
        <p class="question__error" role="alert">
          {t(`pro.observatory.territory.problems.${problem}`)}
          {last ? ` ${t('pro.observatory.territory.kept')}` : ''}
        </p>
      )}
      {published && territory && (
        <>
          <p class="pro-report__what">
            {t('pro.observatory.territory.report', {
              questionnaire: labels.title,
              from: formatDay(weekMonday(published.period.from), language),
              to: formatDay(weekSunday(published.period.to), language),
              interpolation: { escapeValue: false },
            })}
          </p>
          <p class="pro-observatory__total">
            {territory.tooFew ? t('pro.observatory.territory.tooFew') : t('pro.observatory.territory.total', { count: territory.total as number })}
          </p>
          {territory.total !== 0 && (
            <div class="pro-report">
              <StructureTable scopes={published.scopes} territory={territory} profiles={territory.byProfile.map(([p]) => p)} labels={labels} />
              <Chart id="territory-profile" level={3} title={t('pro.observatory.sections.profile')} bars={territory.byProfile.map(([p, n]) => ({ key: p, label: labels.profile(p), value: n }))} count={count} />
              <AreaChart
                id="territory-area"
                level={3}
                rows={territory.byAreaLevel.map(([a, levels]) => ({ key: a, label: labels.area(a), levels }))}
                total={territory.total}
                levelLabel={labels.level}
                count={count}
              />
              <Chart id="territory-flag" level={3} title={t('pro.observatory.sections.flag')} bars={territory.byFlag.map(([f, n]) => ({ key: f, label: labels.flag(f), value: n }))} count={count} />
              <Chart
                id="territory-series"
                level={3}
                title={t(published.unit === 'week' ? 'pro.observatory.sections.week' : 'pro.observatory.sections.month')}
                bars={territory.series.map(([k, n]) => ({ key: k, label: labels.series(k, published.unit), value: n }))}
                count={count}
              />
            </div>
          )}
          <p class="pro-report__printed print-only">{t('pro.observatory.printed', { date: formatDay(new Date().toISOString().slice(0, 10), language) })}</p>
          <p class="pro-actions no-print">
            <button type="button" class="button button--primary" aria-describedby="pro-territory-print-hint" onClick={printTerritory}>
              {t('pro.observatory.territory.print')}
            </button>
          </p>
          <p class="pro-field__hint no-print" id="pro-territory-print-hint">
            {t('pro.observatory.territory.printHint')}
          </p>
          <div class="pro-field no-print">
            <button type="button" class="button button--secondary" aria-describedby="pro-territory-export-hint" onClick={exportCsv}>
              {t('pro.observatory.territory.export')}
            </button>
            <p class="pro-field__hint" id="pro-territory-export-hint">
              {t('pro.observatory.territory.exportHint')}
            </p>
          </div>
        </>
      )}
    </section>
  );
}

/** Prints the territory's report alone (tools.css: html[data-print='territory']); the observatory's button prints the structure's. */
function printTerritory() {
  const root = document.documentElement;
  root.dataset.print = 'territory';
  const done = () => delete root.dataset.print;
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

/** Structures × profiles, with each structure's total and the territory's row: the grid whose lines are checked. */
function StructureTable({ scopes, territory, profiles, labels }: { scopes: PublishedScope[]; territory: PublishedScope; profiles: string[]; labels: TerritoryLabels }) {
  const { t } = useT();
  return (
    <section class="pro-bars pro-bars--wide" aria-labelledby="pro-territory-structures">
      <h3 id="pro-territory-structures">{t('pro.observatory.territory.byStructure')}</h3>
      <div class="pro-table-scroll" tabIndex={0} role="group" aria-labelledby="pro-territory-structures-caption">
        <table class="pro-table pro-table--compact">
          <caption id="pro-territory-structures-caption">{t('pro.observatory.territory.byStructureCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pro.observatory.territory.structure')}</th>
              {profiles.map((p) => (
                <th key={p} scope="col" class="pro-table__number">
                  {labels.profile(p)}
                </th>
              ))}
              <th scope="col" class="pro-table__number">
                {t('pro.observatory.territory.structureTotal')}
              </th>
            </tr>
          </thead>
          <tbody>
            {scopes.map((s) => (
              <tr key={s.structure}>
                <th scope="row">{s.structure}</th>
                {s.byProfile.map(([p, n]) => (
                  <Count key={p} n={n} count={labels.count} />
                ))}
                <Count n={s.total} count={labels.count} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('pro.observatory.territory.all')}</th>
              {territory.byProfile.map(([p, n]) => (
                <Count key={p} n={n} count={labels.count} />
              ))}
              <Count n={territory.total} count={labels.count} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Count({ n, count }: { n: PublishedCount; count: (n: PublishedCount) => string }) {
  return <td class={`pro-table__number${n === 'suppressed' ? ' pro-table__suppressed' : ''}`}>{count(n)}</td>;
}
