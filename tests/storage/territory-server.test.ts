// The territory database as docs/couchdb.md sets it up (docs/couchdb.example.json's `territory`,
// docs/couchdb-territory-design.json), on the in-memory CouchDB-protocol server: what the depot
// accepts from a kiosk, what nobody may do, and what a coordinator reads through the view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, EXAMPLE, startCouchServer, type CouchServer } from '../../scripts/couch-server.mjs';
import { addTally, type KioskTally } from '../../src/core/tally.ts';
import { nextDoc, tallyDocId, type TerritoryDoc } from '../../src/core/territory-push.ts';
import { readViewRows, viewRange } from '../../src/core/territory.ts';

const T = EXAMPLE.territory;
let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(() => server.stop());

const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
const COORDINATOR = basic(T.coordinators[0]!.name, T.coordinators[0]!.password);
const KIOSKS = basic(T.kiosks.name, T.kiosks.password);
async function call(method: string, path: string, body?: unknown, authorization?: string): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization) headers.authorization = authorization;
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
const drop = (doc: unknown, id = (doc as TerritoryDoc)._id) => call('PUT', `${T.depot}/${id}`, doc);
const newId = () => tallyDocId(crypto.getRandomValues(new Uint8Array(24)));

const tally = (week: string, profile: string, count: number, flags: string[] = []): KioskTally => ({
  questionnaireId: 'autonomie-numerique',
  week,
  profile,
  areas: { internet: 'acquis', securite: null },
  flags,
  count,
});
function docOf(structure: string, week: string, ...tallies: KioskTally[]): TerritoryDoc {
  const book = tallies.reduce((b, t) => addTally(b, t), { version: 1 as const, tallies: [] as KioskTally[] });
  const doc = nextDoc(week, book.tallies, { sent: [] }, '2099-W01', structure, newId);
  if (!doc) throw new Error('nothing to send');
  return doc;
}

describe('the depot (what a kiosk reaches, with no account)', () => {
  it('takes a new tally document the kiosk built, and answers 409 to the same one again, changing nothing', async () => {
    const doc = docOf('CCAS de Montreuil', '2026-W48', tally('2026-W48', 'decouverte', 6, ['urgence', 'aide']));
    expect((await drop(doc)).status).toBe(201);
    expect((await drop(doc)).status).toBe(409);
  });

  it('refuses a changed document, a deletion, and every shape but the expected one', async () => {
    const doc = docOf('EPN', '2026-W47', tally('2026-W47', 'autonome', 2));
    expect((await drop(doc)).status).toBe(201);
    expect([403, 409]).toContain((await drop({ ...doc, week: '2026-W46' })).status);
    expect([403, 409]).toContain((await drop({ ...doc, _deleted: true })).status);
    const line = doc.tallies[0]!;
    const bad: [string, unknown][] = [
      ['an answer', { ...docOf('EPN', '2026-W47', tally('2026-W47', 'autonome', 1)), answers: { q1: 'oui' } }],
      ['a time', { ...docOf('EPN', '2026-W47', tally('2026-W47', 'autonome', 1)), at: '2026-11-19T14:32:00Z' }],
      ['a code in a line', { ...doc, _id: newId(), tallies: [{ ...line, code: 'K7F-2QX' }] }],
      ['a week that is not one', { ...doc, _id: newId(), week: '2026-11-19' }],
      ['no structure', { ...doc, _id: newId(), structure: ' ' }],
      ['a zero count', { ...doc, _id: newId(), tallies: [{ ...line, count: 0 }] }],
      ['a fractional count', { ...doc, _id: newId(), tallies: [{ ...line, count: 1.5 }] }],
      ['an unknown level', { ...doc, _id: newId(), tallies: [{ ...line, areas: { internet: 'expert' } }] }],
      ['no lines', { ...doc, _id: newId(), tallies: [] }],
      ['another type', { ...doc, _id: newId(), type: 'record' }],
    ];
    for (const [what, body] of bad) expect((await drop(body)).status, what).toBe(403);
    // An id that is not a tally's never reaches the database; nor does a read.
    expect((await drop({ ...doc, _id: 'records/x' }, '_design%2Fevil')).status).toBe(405);
    expect((await call('GET', `${T.depot}/${doc._id}`)).status).toBe(405);
    expect((await call('POST', `${T.depot}/_bulk_docs`, { docs: [] })).status).toBe(405);
  });
});

describe('the database itself', () => {
  it('lets nobody read without an account, and no coordinator write', async () => {
    expect((await call('GET', `/${T.database}/_all_docs`)).status).toBe(401);
    const doc = docOf('EPN', '2026-W40', tally('2026-W40', 'autonome', 1));
    expect((await call('PUT', `/${T.database}/${doc._id}`, doc, COORDINATOR)).status).toBe(403);
    expect((await call('PUT', `/${T.database}/_design/reperes`, { views: {} }, COORDINATOR)).status).toBe(401);
    // The kiosks' account may read (CouchDB has no write-only member): it stays in the depot's configuration.
    expect((await call('GET', `/${T.database}/_all_docs`, undefined, KIOSKS)).status).toBe(200);
  });

  it('sums the structures’ tallies per week in its view, which a coordinator reads', async () => {
    await drop(docOf('Médiathèque', '2026-W30', tally('2026-W30', 'premiers-pas', 4), tally('2026-W30', 'autonome', 5)));
    await drop(docOf('Médiathèque', '2026-W30', tally('2026-W30', 'premiers-pas', 3)));
    // A run taken back: a negative line.
    await drop({ ...docOf('Médiathèque', '2026-W30', tally('2026-W30', 'autonome', 1)), tallies: [{ ...docOf('x', '2026-W30', tally('2026-W30', 'autonome', 1)).tallies[0]!, count: -1 }] });
    await drop(docOf('CCAS', '2026-W31', tally('2026-W31', 'premiers-pas', 2)));
    const { startkey, endkey } = viewRange({ from: '2026-W30', to: '2026-W31' });
    const response = await call('GET', `/${T.database}/_design/reperes/_view/cells?group=true&startkey=${encodeURIComponent(startkey)}&endkey=${encodeURIComponent(endkey)}`, undefined, COORDINATOR);
    expect(response.status).toBe(200);
    const read = readViewRows(response.body);
    expect(read?.ignored).toBe(0);
    expect(read?.cells.map((c) => `${c.week} ${c.structure} ${c.profile} ${c.count}`)).toEqual(['2026-W30 Médiathèque autonome 4', '2026-W30 Médiathèque premiers-pas 7', '2026-W31 CCAS premiers-pas 2']);
    expect(read?.cells[0]?.areas).toEqual({ internet: 'acquis', securite: null });
    // The admin sees no more than counts either: no time, no device, no order but the random ids.
    const raw = JSON.stringify(await call('GET', `/${T.database}/_all_docs?include_docs=true`, undefined, basic(ADMIN.username, ADMIN.password)));
    expect(raw).not.toMatch(/T\d\d:\d\d|answers|code/);
  });
});
