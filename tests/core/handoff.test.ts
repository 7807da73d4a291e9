// The kiosk → professional hand-off: the short code (the result, checked) and the answers carried
// by the QR code's link, against the shipped questionnaire.
import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers, handoffCode, readHandoffCode, type HandoffResult } from '../../src/core/handoff.ts';
import { outcomeOf, type Answers, type QuestionId } from '../../src/core/index.ts';
import { CODE_ALPHABET } from '../../src/core/pro-record.ts';
import { loadAutonomie } from './autonomie.ts';

const { questionnaire: q, contentHash } = loadAutonomie();

function sample(seed: number): HandoffResult {
  return {
    profile: q.profiles[seed % q.profiles.length]!,
    areas: q.areas.map((area, i) => ({ area, level: ([null, 'a-travailler', 'en-cours', 'acquis'] as const)[(seed + i) % 4]! })),
    steps: q.recommendations.steps.filter((_, i) => (seed * 7 + i) % 3 === 0).map((s) => s.id),
  };
}

describe('the short code', () => {
  it('carries the profile, the area levels and the steps, in groups of four of the unambiguous alphabet', () => {
    for (let seed = 0; seed < 40; seed++) {
      const result = sample(seed);
      const code = handoffCode(q, contentHash, result);
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}(-[${CODE_ALPHABET}]{1,4})+$`));
      expect(readHandoffCode(q, contentHash, code)).toEqual({ ok: true, result });
      expect(readHandoffCode(q, contentHash, code.toLowerCase().replace(/-/g, ' '))).toEqual({ ok: true, result });
    }
    console.info(`hand-off code for autonomie-numerique: ${handoffCode(q, contentHash, sample(3)).length} characters, e.g. ${handoffCode(q, contentHash, sample(3))}`);
  });

  it('catches any one mistyped character and any two neighbours swapped', () => {
    const code = handoffCode(q, contentHash, sample(5)).replace(/-/g, '');
    for (let i = 0; i < code.length; i++) {
      for (const c of CODE_ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(readHandoffCode(q, contentHash, typo).ok, typo).toBe(false);
      }
      if (i + 1 < code.length && code[i] !== code[i + 1]) {
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(readHandoffCode(q, contentHash, swapped)).toEqual({ ok: false, problem: 'checksum' });
      }
    }
  });

  it('tells a code from another version of the questionnaire, and a text that is no code', () => {
    const code = handoffCode(q, contentHash, sample(1));
    expect(readHandoffCode(q, 'another-hash', code)).toEqual({ ok: false, problem: 'version' });
    expect(readHandoffCode(q, contentHash, 'HELLO-0000')).toEqual({ ok: false, problem: 'format' });
  });
});

describe('the answers in the link', () => {
  it('come back the same, and give the same outcome', () => {
    const path: QuestionId[] = [];
    const answers: Answers = {};
    q.questions.forEach((question, i) => {
      path.push(question.id);
      const options = (question.options ?? []).map((o) => o.id);
      if (question.kind === 'exercise') answers[question.id] = { type: 'exercise', result: { outcome: i % 2 ? 'success' : 'partial', score: i % 2 ? 1 : 0.5, attempts: 1, misses: 0, durationMs: 0 } };
      else if (question.kind === 'multiple') answers[question.id] = { type: 'choices', options: options.slice(0, 2) };
      else if (options.length) answers[question.id] = { type: 'choice', option: options[i % options.length]! };
    });
    const text = encodeAnswers(q, answers, path);
    expect(text).toMatch(/^[0-9a-z_.!-]+$/);
    const back = decodeAnswers(q, text);
    expect(back?.path).toEqual(path);
    expect(outcomeOf(q, back!.answers, back!.path)).toEqual(outcomeOf(q, answers, path));
    console.info(`answers of all ${path.length} steps: ${text.length} characters in the link`);
    expect(decodeAnswers(q, 'zz-1')).toBeUndefined();
  });
});
