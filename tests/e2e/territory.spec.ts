// The territory observatory in the built app, through the CouchDB-protocol server the suite started
// (scripts/couch-server.mjs, set up as docs/couchdb.md tells a structure): a kiosk counts a run and
// sends nothing while its week is on; a week later, at its start, it drops the week's tally at the
// depot (PUT only, no account); a depot that cannot be reached loses nothing and the tally goes at
// the next start. The host holds counts only. A coordinator's device reads every structure's
// counts in the observatory, small ones hidden, with the keyboard; axe; screenshots.
import type { Page, Request } from '@playwright/test';
import { ADMIN, EXAMPLE } from '../../scripts/couch-server.mjs';
import { COUCH_PORT } from '../../playwright.config.ts';
import { join } from 'node:path';
import { expect, expectNoAxeViolations, PRO_SETTINGS, screenshot, SCREENSHOTS, test } from './fixtures.ts';
import { h1, section, setPassphrase, tabTo, VIEWPORTS } from './pro-helpers.ts';
import { PERSONAS, startAndRun } from './runs.ts';

// localhost like the app (127.0.0.1 would be another address space for Chromium's local network checks).
const COUCH = `http://localhost:${COUCH_PORT}`;
const T = EXAMPLE.territory;
const KIOSK = { structure: 'CCAS de Montreuil', modes: ['kiosk'], defaultQuestionnaire: 'autonomie-numerique', observatoryUrl: `${COUCH}${T.depot}` };
const COORDINATOR = { ...PRO_SETTINGS, structure: 'Coordination Est Ensemble', territoryUrl: `${COUCH}/${T.database}` };
const coordinator = T.coordinators[0]!;

// As in sync.spec.ts: the CSP is set aside rather than rewritten (a structure adds its server to connect-src).
test.use({ allowedOrigins: [COUCH], deviceSettings: KIOSK, serviceWorkers: 'block', bypassCSP: true });

const admin = { authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}` };
/** Every document the host holds, as its admin sees them. */
async function held(): Promise<{ _id: string; structure?: string; week?: string; tallies?: { profile: string; count: number }[] }[]> {
  const response = await fetch(`${COUCH}/${T.database}/_all_docs?include_docs=true`, { headers: admin });
  const body = (await response.json()) as { rows: { doc: { _id: string } }[] };
  return body.rows.map((r) => r.doc).filter((d) => !d._id.startsWith('_design/'));
}
const ofStructure = async (structure: string) => (await held()).filter((d) => d.structure === structure);

/** Other structures' kiosks drop their tallies of the same week at the depot. */
async function otherKiosks(): Promise<void> {
  const tally = (profile: string, count: number) => ({ questionnaireId: 'autonomie-numerique', profile, areas: { internet: 'a-travailler', securite: null }, flags: ['souhait-apprendre'], count });
  const docs = [
    { structure: 'EPN de Bobigny', tallies: [tally('decouverte', 7), tally('premiers-pas', 5)] },
    { structure: 'Médiathèque de Pantin', tallies: [tally('autonome', 2)] },
  ];
  for (const doc of docs) {
    const id = `tally-${Array.from(crypto.getRandomValues(new Uint8Array(24)), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join('')}`;
    const response = await fetch(`${COUCH}${T.depot}/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _id: id, type: 'reperes-tally', version: 1, week: '2026-W47', ...doc }) });
    expect(response.status).toBe(201);
  }
}

const toCouch = (requests: Request[]) => requests.filter((r) => r.url().startsWith(COUCH));

test("a kiosk drops its week's tally at the depot once the week is over, again after a failure; a coordinator reads every structure's counts", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const requests: Request[] = [];
  page.on('request', (r) => void requests.push(r));

  // Wednesday 18 November 2026 (week 47): one person takes the self-test.
  await page.clock.setFixedTime(new Date('2026-11-18T10:00:00'));
  await page.goto('./');
  await startAndRun(page, PERSONAS[0]!.answers);
  await expect(page.locator('h1.result__title')).toBeVisible();
  await page.waitForTimeout(1500);
  // One run of a week still on: nothing leaves the kiosk.
  expect(toCouch(requests)).toEqual([]);

  // A week later the depot is out of reach: the kiosk starts, tries, keeps its tally.
  await page.clock.setFixedTime(new Date('2026-11-25T09:00:00'));
  await page.route(`${COUCH}/**`, (route) => route.abort('connectionrefused'));
  await page.reload();
  // (A reload shows the result again, as a kiosk does until the person leaves or the idle delay.)
  await expect(page.locator('h1')).toBeVisible();
  await expect.poll(() => toCouch(requests).length, { timeout: 20_000 }).toBeGreaterThan(0);
  const tried = toCouch(requests)[0]!;
  expect([tried.method(), new URL(tried.url()).pathname]).toEqual(['PUT', expect.stringMatching(new RegExp(`^${T.depot}/tally-[a-z0-9]{24}$`))]);
  expect(await ofStructure(KIOSK.structure)).toEqual([]);

  // The next start reaches it: the same document goes, with the week's counts and nothing else.
  await page.unroute(`${COUCH}/**`);
  await page.reload();
  // Counts are signed: a result shown again after a reload is counted and taken back (+1, −1), and
  // each sending is a document of its own; what the week holds is their sum — one person.
  const sums = async () => {
    const by: Record<string, number> = {};
    for (const d of await ofStructure(KIOSK.structure)) for (const t of d.tallies ?? []) by[t.profile] = (by[t.profile] ?? 0) + t.count;
    return Object.fromEntries(Object.entries(by).filter(([, n]) => n !== 0));
  };
  await expect.poll(sums, { timeout: 20_000 }).toEqual({ [PERSONAS[0]!.profile]: 1 });
  const docs = await ofStructure(KIOSK.structure);
  // The document tried while the depot was out of reach went, unchanged, under its id.
  expect(docs.map((d) => d._id)).toContain(new URL(tried.url()).pathname.split('/').pop());
  for (const doc of docs) {
    expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'structure', 'tallies', 'type', 'version', 'week']);
    expect(doc).toMatchObject({ structure: KIOSK.structure, week: '2026-W47' });
  }
  // No answer, no time, no device: the person's answers appear nowhere on the host.
  const raw = JSON.stringify(await held());
  for (const answer of Object.values(PERSONAS[0]!.answers).flat().filter((a): a is string => typeof a === 'string' && a.length > 4 && !['acquis', 'en-cours'].includes(a))) {
    expect(raw, answer).not.toContain(`"${answer}"`);
  }
  expect(raw).not.toMatch(/T\d\d:\d\d|2026-11-\d\d/);
  // The request carried no account: the depot adds it.
  expect(toCouch(requests).every((r) => !r.headers().authorization)).toBe(true);

  // A coordinator's device.
  await otherKiosks();
  const context = await browser.newContext({ baseURL, locale: 'fr-FR', serviceWorkers: 'block', bypassCSP: true });
  await context.route('**/settings.json*', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(COORDINATOR) }));
  const pro = await context.newPage();
  await pro.goto('./#/pro');
  await expect(h1(pro)).toBeVisible({ timeout: 30_000 });
  await setPassphrase(pro, 'le territoire compte ses bornes');
  await section(pro, 'Observatoire', 'Observatoire');
  await fillDate(pro, 'Du', '2026-11-16');
  await fillDate(pro, 'Au', '2026-11-22');
  const region = pro.getByRole('region', { name: 'Observatoire du territoire' });
  await tabTo(pro, region.getByLabel("Nom d'utilisateur"));
  await pro.keyboard.type(coordinator.name);
  await pro.keyboard.press('Tab');
  await pro.keyboard.type(coordinator.password);
  await pro.keyboard.press('Enter');
  await expect(region.getByText(/^Décomptes du territoire lus à /)).toBeVisible();
  await expect(region.getByRole('button', { name: 'Relire les décomptes' })).toBeFocused();
  // 1 + 12 + 2 = 15 (a retried suite adds to the server's counts: at least 15).
  await expect(region.getByText(/^\d+ diagnostics en borne sur le territoire, toutes structures confondues\.$/)).toBeVisible();
  const table = region.getByRole('table', { name: 'Diagnostics en borne par structure et par profil' });
  await expect(table.getByRole('row', { name: /^Médiathèque de Pantin( masqué){6}$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^CCAS de Montreuil( masqué){6}$/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^EPN de Bobigny / })).toBeVisible();
  const cells = await region.locator('.pro-table td').allTextContents();
  expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
  await expectNoAxeViolations(pro, 'territory observatory');
  for (const [name, width, height] of VIEWPORTS) {
    await pro.setViewportSize({ width, height });
    await region.scrollIntoViewIfNeeded();
    await screenshot(pro, `pro-territory-${name}`);
  }
  // The territory's printed report, alone, on one A4 page (the structure's own prints apart).
  await pro.setViewportSize({ width: 703, height: 1032 });
  await pro.evaluate(() => (document.documentElement.dataset.print = 'territory'));
  await pro.emulateMedia({ media: 'print' });
  await expect(h1(pro)).toBeHidden();
  await expect(region.getByText(/^Observatoire du territoire — Votre autonomie numérique — du /)).toBeVisible();
  await expect(region.getByRole('button', { name: 'Imprimer le territoire (une page)' })).toBeHidden();
  await screenshot(pro, 'pro-territory-print');
  const pdf = await pro.pdf({ format: 'A4', printBackground: true, path: join(SCREENSHOTS, 'pro-territory-report.pdf') });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).toHaveLength(1);
  await context.close();
});

async function fillDate(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(value);
  await expect(h1(page)).toHaveText('Observatoire');
}
