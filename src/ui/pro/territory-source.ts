import type { Period } from '../../core/observatory.ts';
import { readViewRows, viewRange, type TerritoryCell } from '../../core/territory.ts';

// The territory database as a coordinator reads it (docs/couchdb.md#the-territory-observatory):
// one GET of its view, summed by the server per structure, week and tally, with the coordinator's
// account (typed in the app, kept sealed in the vault). Plain fetch, no PouchDB: nothing is copied
// to the device but the counts of the period asked for. Whatever the server does, the device keeps
// what it had and the coordinator reads why in plain words.

export interface TerritoryAccount {
  username: string;
  password: string;
}

export type TerritoryProblem = 'unauthorized' | 'forbidden' | 'missing' | 'server' | 'garbage' | 'offline';

export type TerritoryRead = { ok: true; cells: TerritoryCell[]; ignored: number } | { ok: false; problem: TerritoryProblem };

const TIMEOUT_MS = 20_000;

/** "Basic …" for an account, its name and password in UTF-8 (a name with « é » included). */
export function basicAuth({ username, password }: TerritoryAccount): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

/** The counts of every structure within the period, or why there are none. Never rejects. */
export async function readTerritory(url: string, account: TerritoryAccount, period: Period, fetcher: typeof fetch = fetch): Promise<TerritoryRead> {
  const { startkey, endkey } = viewRange(period);
  const query = `group=true&startkey=${encodeURIComponent(startkey)}&endkey=${encodeURIComponent(endkey)}`;
  let response: Response;
  try {
    response = await fetcher(`${url}/_design/reperes/_view/cells?${query}`, {
      headers: { accept: 'application/json', authorization: basicAuth(account) },
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, problem: 'offline' };
  }
  if (response.status === 401) return { ok: false, problem: 'unauthorized' };
  if (response.status === 403) return { ok: false, problem: 'forbidden' };
  if (response.status === 404) return { ok: false, problem: 'missing' };
  if (response.status >= 500) return { ok: false, problem: 'server' };
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, problem: response.ok ? 'garbage' : 'server' };
  }
  const read = response.ok ? readViewRows(body) : undefined;
  return read ? { ok: true, ...read } : { ok: false, problem: 'garbage' };
}
