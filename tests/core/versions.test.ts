import { describe, expect, it } from 'vitest';
import {
  carryAnswers,
  createRecord,
  historyGroups,
  mappingChain,
  outcomeOf,
  resolveVersion,
  type Answers,
  type AreaId,
  type Outcome,
  type QuestionId,
  type QuestionnaireId,
  type QuestionnaireIndexEntry,
  type SessionId,
} from '../../src/core/index.ts';
import { createProRecord, type PersonCode, type ProRecord } from '../../src/core/pro-record.ts';
import { loadSample, qid } from './sample.ts';

const entry = (over: Partial<QuestionnaireIndexEntry> = {}): QuestionnaireIndexEntry => ({
  id: 'a',
  version: '3',
  languages: ['fr', 'en'],
  defaultLanguage: 'fr',
  contentHash: 'all-3',
  pictograms: [],
  checked: { files: {}, contentHashes: { fr: 'fr-3', en: 'en-3' }, duration: { min: 3, max: 6 } },
  versions: [
    { version: '1', contentHash: 'all-1', checked: { files: {}, contentHashes: { fr: 'fr-1' }, duration: { min: 3, max: 6 } }, mapping: { to: '2', questions: { vieille: 'nouvelle', retiree: null }, options: { vieille: { oui: 'souvent' } } } },
    { version: '2', contentHash: 'all-2', checked: { files: {}, contentHashes: { fr: 'fr-2', en: 'en-2' }, duration: { min: 3, max: 6 } }, mapping: { to: '3' } },
  ],
  ...over,
});
const index = [entry(), { ...entry(), id: 'b', version: '1', versions: [], contentHash: 'b-all', checked: { files: {}, contentHashes: { fr: 'b-fr' }, duration: { min: 3, max: 6 } } }];

describe('resolveVersion: which files render a record', () => {
  it('finds the current version by the version the record names, and says whether its content is the same', () => {
    expect(resolveVersion(index, { questionnaireId: 'a', questionnaireVersion: '3', contentHash: 'en-3' })).toMatchObject({ status: 'current', version: '3', sameContent: true });
    expect(resolveVersion(index, { questionnaireId: 'a', questionnaireVersion: '3', contentHash: 'edited' })).toMatchObject({ status: 'current', version: '3', sameContent: false });
  });

  it('finds a kept older version by its number', () => {
    const resolved = resolveVersion(index, { questionnaireId: 'a', questionnaireVersion: '1', contentHash: 'fr-1' });
    expect(resolved).toMatchObject({ status: 'archived', version: '1', sameContent: true });
    expect(resolved.status === 'archived' && resolved.published.contentHash).toBe('all-1');
  });

  it('tells a record without a version number by its content hash, in any language', () => {
    expect(resolveVersion(index, { questionnaireId: 'a', contentHash: 'en-2' })).toMatchObject({ status: 'archived', version: '2' });
    expect(resolveVersion(index, { questionnaireId: 'a', contentHash: 'fr-3' })).toMatchObject({ status: 'current', version: '3' });
  });

  it('says when the build no longer keeps the version, or cannot tell which it was', () => {
    expect(resolveVersion(index, { questionnaireId: 'a', questionnaireVersion: '0', contentHash: 'x' })).toMatchObject({ status: 'not-kept', version: '0' });
    expect(resolveVersion(index, { questionnaireId: 'a', contentHash: 'x' })).toMatchObject({ status: 'not-kept', version: undefined });
  });

  it('says when the questionnaire itself is gone, and never takes another questionnaire instead', () => {
    expect(resolveVersion(index, { questionnaireId: 'c', questionnaireVersion: '1', contentHash: 'b-fr' })).toEqual({ status: 'no-questionnaire', version: '1' });
    expect(resolveVersion(index, { questionnaireId: 'b', contentHash: 'fr-1' })).toMatchObject({ status: 'not-kept' });
  });
});

describe('mappingChain', () => {
  it('follows the declared mappings from an old version to a newer one', () => {
    expect(mappingChain(entry(), '1', '3')?.map((m) => m.to)).toEqual(['2', '3']);
    expect(mappingChain(entry(), '2', '3')?.map((m) => m.to)).toEqual(['3']);
    expect(mappingChain(entry(), '3', '3')).toEqual([]);
  });

  it('gives nothing when a step is not declared, and never loops', () => {
    const noMapping = entry({ versions: [{ version: '1', contentHash: 'all-1' }] });
    expect(mappingChain(noMapping, '1', '3')).toBeUndefined();
    const loop = entry({ versions: [{ version: '1', contentHash: 'x', mapping: { to: '2' } }, { version: '2', contentHash: 'y', mapping: { to: '1' } }] });
    expect(mappingChain(loop, '1', '3')).toBeUndefined();
  });
});

describe('carryAnswers', () => {
  const sample = loadSample().questionnaire;
  it('renames questions and options as declared, leaves out dropped or unknown questions, and never touches the record', () => {
    const answers = { vieille: { type: 'choice', option: 'oui' }, retiree: { type: 'choice', option: 'x' }, courriel: { type: 'choice', option: 'seul' }, inconnue: { type: 'choice', option: 'y' } } as unknown as Answers;
    const frozen = JSON.stringify(answers);
    const carried = carryAnswers([{ to: '2', questions: { vieille: 'usage-internet', retiree: null }, options: { vieille: { oui: 'souvent' } } }], sample, answers, ['vieille', 'retiree', 'courriel', 'inconnue'].map(qid));
    expect(carried.answers).toEqual({ 'usage-internet': { type: 'choice', option: 'souvent' }, courriel: { type: 'choice', option: 'seul' } });
    expect(carried.path).toEqual(['usage-internet', 'courriel']);
    expect(JSON.stringify(answers)).toBe(frozen);
  });
});

describe('historyGroups: a history compares like with like', () => {
  const sample = loadSample().questionnaire;
  const code = 'K7F-2QX' as PersonCode;
  let n = 0;
  function record(questionnaireId: string, version: string, at: string, answers: Answers, path: QuestionId[], outcome?: Outcome): ProRecord {
    const session = createRecord({ id: `r${n++}` as SessionId, questionnaireId: questionnaireId as QuestionnaireId, questionnaireVersion: version, contentHash: 'h', mode: 'interview', language: 'fr', now: at, start: path[0]! });
    const made = createProRecord({ session: { ...session, answers, path, status: 'completed', completedAt: at }, code });
    return { ...made, outcome: outcome ?? outcomeOf(sample, answers, path) };
  }
  const asked: Answers = { courriel: { type: 'choice', option: 'seul' } } as unknown as Answers;
  const path = [qid('courriel')];
  const records = [
    record('a', '1', '2026-01-10T10:00:00.000Z', asked, path),
    record('a', '2', '2026-03-10T10:00:00.000Z', asked, path),
    record('b', '1', '2026-02-10T10:00:00.000Z', asked, path),
    record('a', '2', '2026-04-10T10:00:00.000Z', asked, path),
  ];
  const versionOf = (r: ProRecord) => r.session.questionnaireVersion;

  it('keeps each questionnaire and each version apart, the viewed record’s group first', () => {
    const groups = historyGroups(records, code, versionOf, { questionnaireId: 'a', version: '1' });
    expect(groups.map((g) => [g.questionnaireId, g.version, g.points.length])).toEqual([
      ['a', '1', 1],
      ['a', '2', 2],
      ['b', '1', 1],
    ]);
    expect(groups[1]!.points.map((p) => p.at)).toEqual(['2026-03-10T10:00:00.000Z', '2026-04-10T10:00:00.000Z']);
  });

  it('draws an older version with the newer one only when a mapping is declared, rescored with the newer version', () => {
    const oldOutcome: Outcome = { profile: 'faire-pour' as never, areas: [{ area: 'communication' as never, score: 1, level: 'a-travailler', points: 0, max: 3 }], global: 1, flags: [], steps: [], gaps: [] };
    const old = record('a', '1', '2026-01-10T10:00:00.000Z', { mail: { type: 'choice', option: 'autonome' } } as unknown as Answers, [qid('mail')], oldOutcome);
    const carry = { questionnaireId: 'a', version: '2', questionnaire: sample, chain: (from: string) => (from === '1' ? [{ to: '2', questions: { mail: 'courriel' }, options: { mail: { autonome: 'seul' } } }] : undefined) };
    const groups = historyGroups([old, ...records.slice(1)], code, versionOf, { questionnaireId: 'a', version: '2' }, carry);
    expect(groups.map((g) => [g.questionnaireId, g.version, g.points.length])).toEqual([
      ['a', '2', 3],
      ['b', '1', 1],
    ]);
    const carried = groups[0]!.points[0]!;
    expect(carried.convertedFrom).toBe('1');
    // Rescored with version 2: the same answer as the others, so the same score, not the stored one.
    const communication = 'communication' as AreaId;
    expect(carried.scores[communication]).toBe(groups[0]!.points[1]!.scores[communication]);
    expect(carried.scores[communication]).not.toBe(1);
    // Without a mapping, the old version stays apart.
    expect(historyGroups([old, ...records.slice(1)], code, versionOf, undefined, { ...carry, chain: () => undefined }).map((g) => g.version)).toContain('1');
  });
});
