// A questionnaire's locale file (questionnaires/<id>/locales/<lang>.json): nested keys, texts as
// leaves. Which keys a questionnaire needs is the core's check (validate.ts); this is the shape.
import * as v from 'valibot';
import { describeValue } from '../problems.ts';
import { alternatives, plainObject, problem, record, sayProblem } from './kit.ts';

/** One locale file: nested keys, text leaves. */
export interface LocaleTree {
  [key: string]: string | LocaleTree;
}

/** Built in a function: a recursive definition at the top of a module is a cycle bundlers keep in every bundle that imports it. */
/* @__NO_SIDE_EFFECTS__ */
function locales(): v.GenericSchema<LocaleTree> {
  const leaf = v.pipe(v.string(), v.regex(/\S/, problem('locale.empty')));
  const node = v.lazy(() => schema);
  const schema: v.GenericSchema<LocaleTree> = record(
    v.string(),
    alternatives([leaf, node], (input) => (typeof input === 'string' ? leaf : plainObject(input) ? node : sayProblem('type.string', { actual: describeValue(input) }))),
  );
  return schema;
}
export const localeFormat = locales();

const VISIBLE = /\S/;
/**
 * The same shape as a plain test: true only for a tree `localeFormat` takes without a problem (an
 * object as JSON means it, every value a text with a visible character or such a tree). Called on
 * values whose nesting is already bounded (checkShape measures it first).
 */
export function isLocaleTree(value: unknown): boolean {
  if (!plainObject(value)) return false;
  const tree = value as Record<string, unknown>;
  for (const key of Object.keys(tree)) {
    const item = tree[key];
    if (typeof item === 'string' ? !VISIBLE.test(item) : !isLocaleTree(item)) return false;
  }
  return true;
}
