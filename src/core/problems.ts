/** A problem found in a questionnaire or settings file: where it is and what to do, as data. */
export interface Problem {
  /** Names the message in the locale files' `validation` section. */
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** The file, relative to the questionnaires folder (e.g. `exemple/questionnaire.json`). */
  file: string;
  /** A JSON path into that file, e.g. `$.questions[2].options[0].scores`. */
  path: string;
  /** The same path naming the items it goes through, for people: `$.questions[2] « courriel ».options[0] « jamais ».scores`. */
  named?: string;
  /** Values the message names: ids, expected values, a suggestion. */
  params: Record<string, string | number>;
}

export const PROBLEM_CODES = [
  'json.parse',
  'file.missing',
  'file.unexpected',
  'type.object',
  'type.array',
  'type.string',
  'type.number',
  'type.boolean',
  'type.integer',
  'key.unknown',
  'key.required',
  'key.reserved',
  'id.format',
  'id.duplicate',
  'id.reserved',
  'id.folder',
  'array.empty',
  'array.too-long',
  'file.too-large',
  'json.depth',
  'language.format',
  'language.default',
  'levels.order',
  'number.range',
  'reference.question',
  'reference.option',
  'reference.area',
  'reference.flag',
  'reference.profile',
  'reference.step',
  'reference.pictogram',
  'reference.level',
  'kind.unknown',
  'options.count',
  'options.forbidden',
  'options.yes-no',
  'options.exclusive',
  'exercise.missing',
  'exercise.forbidden',
  'exercise.type',
  'exercise.setting',
  'exercise.setting-missing',
  'exercise.correct',
  'exercise.checks-kind',
  'condition.shape',
  'condition.includes-single',
  'condition.is-multiple',
  'condition.not-before',
  'next.no-fallback',
  'next.after-fallback',
  'next.self',
  'question.unreachable',
  'graph.cycle',
  'profile-rules.no-default',
  'profile-rules.after-default',
  'profile.no-rule',
  'profile.unreached',
  'step.unused',
  'skip-settled.global',
  'step.link',
  'locale.missing-key',
  'locale.partial-key',
  'locale.empty',
  'locale.unknown-question',
  'settings.questionnaire',
  'settings.no-questionnaire',
  'settings.mode',
  'settings.language',
  'settings.url-absolute',
  'settings.url-https',
  'settings.url-credentials',
  'settings.url-extra',
  'settings.observatory-name',
  'value.unknown',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Collects problems as a file is walked, so every problem is reported at once. */
export class ProblemList {
  readonly items: Problem[] = [];
  constructor(private readonly file: string) {}
  error(code: ProblemCode, path: string, params: Problem['params'] = {}): void {
    this.items.push({ code, severity: 'error', file: this.file, path, params });
  }
  warn(code: ProblemCode, path: string, params: Problem['params'] = {}): void {
    this.items.push({ code, severity: 'warning', file: this.file, path, params });
  }
}

/** The closest known name to a misspelt one, if it is close enough to be a likely typo. */
export function suggest(wrong: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wrong.length / 3)) + 1;
  for (const candidate of known) {
    const d = distance(wrong, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

/** The line and column of a JSON parse error, from the engine's message or its character position. */
export function parseErrorDetail(text: string, error: unknown): { line: number; column: number; detail: string } {
  const message = error instanceof Error ? error.message : String(error);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return { line: Number(lineCol[1]), column: Number(lineCol[2]), detail: message };
  const position = /position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, detail: message };
}

/** What a wrong value looks like, language-neutral (a JSON excerpt), for messages such as "expected a number, not …". */
export function describeValue(v: unknown): string {
  if (v === undefined) return '∅';
  if (Array.isArray(v)) return '[…]';
  if (typeof v === 'object' && v !== null) return '{…}';
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 42 ? `${text.slice(0, 40)}…` : text;
}

/** A language code such as fr, en, fr-FALC. */
export const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** An id made from a name or a wrong id: lower case, no accents, dashes. */
export function slug(name: string): string {
  return (
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'x'
  );
}
