import { describe, expect, it } from 'vitest';
import { createRecord, type AreaId, type Outcome, type ProfileId, type QuestionId, type QuestionnaireId, type SessionId } from '../../src/core/index.ts';
import {
  CODE_ALPHABET,
  createProRecord,
  GENERAL_NOTE,
  historyOf,
  isPersonCode,
  newPersonCode,
  normalizePersonCode,
  readProRecord,
  sheetNotesOf,
  type PersonCode,
  type ProRecord,
} from '../../src/core/pro-record.ts';
import { randomBytes } from 'node:crypto';

const bytes = (n: number) => new Uint8Array(randomBytes(n));
const code = 'K7F-2QX' as PersonCode;

function session(id = 'abc', mode: 'interview' | 'workshop' | 'kiosk' = 'interview') {
  return createRecord({
    id: id as SessionId,
    questionnaireId: 'autonomie-numerique' as QuestionnaireId,
    questionnaireVersion: '1',
    contentHash: 'h',
    mode,
    language: 'fr',
    now: '2026-11-23T10:00:00.000Z',
    start: 'equipement' as QuestionId,
  });
}

const outcome = (score: number): Outcome => ({
  profile: 'premiers-pas' as ProfileId,
  areas: [{ area: 'internet' as AreaId, score, level: 'en-cours', points: score / 10, max: 10 }],
  global: score,
  flags: [],
  steps: [],
  gaps: [],
});

function completed(id: string, at: string, score: number, c = code): ProRecord {
  const base = createProRecord({ session: session(id), code: c });
  return { ...base, session: { ...base.session, status: 'completed', completedAt: at, updatedAt: at }, outcome: outcome(score) };
}

describe('person codes', () => {
  it('are three and three characters of an alphabet without look-alikes, from crypto random bytes', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = newPersonCode(bytes);
      expect(c).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
      expect(isPersonCode(c)).toBe(true);
      for (const ch of c.replace('-', '')) expect(CODE_ALPHABET).toContain(ch);
      codes.add(c);
    }
    expect(codes.size).toBeGreaterThan(1990);
  });

  it('draws again rather than bias the alphabet: bytes past the last full round are skipped', () => {
    // 248 = 8 × 31: bytes 248–255 would favour the first letters, so they are thrown away.
    let call = 0;
    const source = (n: number) => new Uint8Array(n).fill(call++ === 0 ? 250 : 0);
    expect(newPersonCode(source)).toBe('AAA-AAA');
    expect(call).toBe(2);
    expect(newPersonCode(() => new Uint8Array([30, 31, 32, 0, 1, 61, 9, 9]))).toBe(`${CODE_ALPHABET[30]}AB-AB${CODE_ALPHABET[30]}`);
  });

  it('reads what someone types, and refuses what cannot be a code', () => {
    expect(normalizePersonCode('k7f 2qx')).toBe('K7F-2QX');
    expect(normalizePersonCode('K7F2QX')).toBe('K7F-2QX');
    expect(normalizePersonCode('K7F-2Q0')).toBeUndefined();
    expect(normalizePersonCode('K7F-2Q')).toBeUndefined();
    expect(isPersonCode('Marie')).toBe(false);
  });
});

describe('professional records', () => {
  it('are made in interview or workshop mode only, with a short label', () => {
    expect(() => createProRecord({ session: session('a', 'kiosk'), code })).toThrow(/interview or workshop/);
    const r = createProRecord({ session: session('a', 'workshop'), code, ageBracket: '60-74', label: `  ${'x'.repeat(100)} ` });
    expect(r.label).toHaveLength(80);
    expect(r).toMatchObject({ version: 1, code, ageBracket: '60-74', notes: {}, generalNote: '', answeredBy: {}, sheetNotes: [] });
    expect(readProRecord(JSON.parse(JSON.stringify(r)))).toEqual({ ok: true, record: r });
  });

  it('reads an outcome stored before gaps existed as having none', () => {
    const r = completed('old', '2026-11-23T11:00:00.000Z', 40);
    const { gaps: _gaps, ...before } = r.outcome!;
    const read = readProRecord(JSON.parse(JSON.stringify({ ...r, outcome: before })));
    expect(read.ok && read.record.outcome).toEqual(r.outcome);
  });

  it('reads back a full record as it was stored', () => {
    const r: ProRecord = {
      ...completed('b', '2026-11-23T11:00:00.000Z', 60),
      notes: { ['equipement' as QuestionId]: 'smartphone prêté' },
      answeredBy: { ['equipement' as QuestionId]: 'observed' },
      generalNote: 'À revoir dans un mois',
      sheetNotes: ['equipement', GENERAL_NOTE],
    };
    expect(readProRecord(structuredClone(r))).toEqual({ ok: true, record: r });
  });

  it.each([
    ['not an object', 'x', 'not an object'],
    ['a newer version', { version: 2 }, 'version 2 is newer than this app'],
    ['a kiosk session', { session: session('k', 'kiosk') }, 'session.mode "kiosk" is not ("interview" | "workshop")'],
    ['a broken session', { session: { version: 2 } }, 'session: id is missing'],
    ['a name for a code', { code: 'Marie Dupont' }, 'code is malformed'],
    ['an age', { ageBracket: 47 }, 'ageBracket 47 is not ("moins-26" | "26-44" | "45-59" | "60-74" | "75-plus")'],
    ['a long label', { label: 'x'.repeat(81) }, 'label is too long'],
    ['a note that is not text', { notes: { equipement: 3 } }, 'notes.equipement is not a text'],
    ['an unknown source', { answeredBy: { equipement: 'family' } }, 'answeredBy.equipement "family" is not ("person" | "observed")'],
    ['sheet notes not a list', { sheetNotes: 'all' }, 'sheetNotes is not a list'],
    ['a score over 100', { outcome: { ...outcome(50), areas: [{ area: 'internet', score: 140, level: 'acquis', points: 1, max: 1 }] } }, 'outcome.areas.0.score 140 is over 100'],
    ['a malformed gap', { outcome: { ...outcome(50), gaps: [{ area: 'internet', question: 'q', exercise: 'e', direction: 'sideways' }] } }, 'outcome.gaps.0.direction "sideways" is not ("over" | "under")'],
    ['completed without outcome', { session: { ...session(), status: 'completed', completedAt: '2026-11-23T10:00:00.000Z' } }, 'a completed record has no outcome'],
  ])('refuses %s', (_name, change, reason) => {
    const base = JSON.parse(JSON.stringify(createProRecord({ session: session(), code }))) as Record<string, unknown>;
    const raw = typeof change === 'object' ? { ...base, ...change } : change;
    expect(readProRecord(raw)).toEqual({ ok: false, reason });
  });
});

describe('history and referral notes', () => {
  it('lists the completed diagnostics of one code, oldest first, with each area score', () => {
    const records = [
      completed('late', '2026-12-20T10:00:00.000Z', 80),
      completed('early', '2026-10-01T10:00:00.000Z', 30),
      completed('other', '2026-11-01T10:00:00.000Z', 50, 'ABC-DEF' as PersonCode),
      createProRecord({ session: session('running'), code }),
    ];
    expect(historyOf(records, code)).toEqual([
      { recordId: 'early', at: '2026-10-01T10:00:00.000Z', profile: 'premiers-pas', scores: { internet: 30 } },
      { recordId: 'late', at: '2026-12-20T10:00:00.000Z', profile: 'premiers-pas', scores: { internet: 80 } },
    ]);
  });

  it('gives only the chosen, non-empty notes, in the order of the path, the general note last', () => {
    const r = createProRecord({ session: { ...session(), path: ['equipement', 'connexion', 'internet'] as QuestionId[] }, code });
    r.notes = { ['internet' as QuestionId]: 'cherche seule', ['equipement' as QuestionId]: 'téléphone ancien', ['connexion' as QuestionId]: '  ' };
    r.generalNote = 'Revoir en janvier';
    r.sheetNotes = [GENERAL_NOTE, 'internet', 'equipement', 'connexion'];
    expect(sheetNotesOf(r)).toEqual([
      { key: 'equipement', note: 'téléphone ancien' },
      { key: 'internet', note: 'cherche seule' },
      { key: GENERAL_NOTE, note: 'Revoir en janvier' },
    ]);
    r.sheetNotes = ['internet'];
    expect(sheetNotesOf(r)).toEqual([{ key: 'internet', note: 'cherche seule' }]);
  });
});
