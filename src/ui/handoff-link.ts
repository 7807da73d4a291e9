import { decodeAnswers, encodeAnswers, handoffCode, readHandoffCode, type Handoff } from '../core/handoff.ts';
import type { Answers, LoadedQuestionnaire, QuestionId } from '../core/index.ts';
import { RESULT_ROUTE, type SharedResult } from './result-link.ts';
import { fitResult, parseResultFragment } from './result-link-read.ts';

// The hand-off's two carriers as the screens use them: the result link (the QR code's text, with
// the answers as `x`) and the short code. Pure functions, tested at this level.

/** The result link with the answers added (`&x=…`): what the kiosk's QR code carries. */
export function handoffFragment(fragment: string, loaded: LoadedQuestionnaire, answered: { answers: Answers; path: readonly QuestionId[] } | undefined): string {
  return answered ? `${fragment}&x=${encodeAnswers(loaded.questionnaire, answered.answers, answered.path)}` : fragment;
}

/** The short code shown under the QR code. */
export function shortCodeOf(loaded: LoadedQuestionnaire, result: SharedResult): string {
  return handoffCode(loaded.questionnaire, loaded.contentHash, result);
}

export type ReadHandoff = { ok: true; handoff: Handoff } | { ok: false; problem: 'empty' | 'format' | 'checksum' | 'version' | 'questionnaire' };

/** Reads what a professional pasted, typed or scanned: a result link (any address, or just its fragment) or a short code. */
export function readHandoff(loaded: LoadedQuestionnaire, text: string): ReadHandoff {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, problem: 'empty' };
  const at = trimmed.indexOf(`${RESULT_ROUTE}?`);
  if (at >= 0) {
    const fragment = trimmed.slice(at);
    const shared = parseResultFragment(fragment);
    if (!shared) return { ok: false, problem: 'format' };
    if (shared.questionnaireId !== loaded.questionnaire.id) return { ok: false, problem: 'questionnaire' };
    const fitted = fitResult(shared, loaded.questionnaire);
    if (!fitted) return { ok: false, problem: 'format' };
    const x = new URLSearchParams(fragment.slice(RESULT_ROUTE.length + 1)).get('x');
    const answered = x ? decodeAnswers(loaded.questionnaire, x) : undefined;
    return { ok: true, handoff: { result: { profile: fitted.profile, areas: fitted.areas, steps: fitted.steps }, answered } };
  }
  const read = readHandoffCode(loaded.questionnaire, loaded.contentHash, trimmed);
  return read.ok ? { ok: true, handoff: { result: read.result } } : read;
}

// The pro space's hand-off route lives with the result link, which the kiosk's first bundle already has.
export { proHandoffRoute, readProRoute } from './result-link.ts';
