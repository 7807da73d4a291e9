// The building blocks of the data formats (questionnaire, settings, workshop catalogue, records…):
// Valibot schemas whose messages are problem codes. Each format is declared once, with these; its
// TypeScript types are inferred from it, its JSON Schema is generated from it
// (scripts/json-schemas.ts), and problemsOf() turns what it finds into the validator's Problems:
// file, JSON path and plain fix, never Valibot's English.
//
// Only what JSON Schema can say goes here (types, keys, closed lists, patterns, bounds), so the
// generated schema and the runtime check agree on every file; what it cannot say (references, unique
// ids, reachability, texts in every language) is checked by the core on top.
//
// This folder's package.json says its modules have no side effects: bundlers would otherwise keep
// a format's schemas in every bundle that imports the core, used or not.
import * as v from 'valibot';
import { describeValue, LANGUAGE_CODE, slug, suggest, type Problem, type ProblemCode } from '../problems.ts';

/** Ids: lower case, digits and hyphens. */
export const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export { LANGUAGE_CODE };
/** Keys an object may never have, whatever the format: JavaScript would read them as its own machinery. */
export const RESERVED_KEYS = ['__proto__', 'constructor', 'prototype'];

type Params = Problem['params'];
/**
 * What a schema's message holds: the problem code and its values (`p`), and whether it is reported
 * on the object holding the key rather than on the key (`u`).
 */
interface Said {
  c?: ProblemCode;
  p?: Params;
  u?: 1;
}
type PathKey = string | number;
type AnyIssue = v.BaseIssue<unknown>;

const say = (c: ProblemCode, p?: Params, up = false): string => JSON.stringify({ c, ...(p ? { p } : {}), ...(up ? { u: 1 } : {}) } satisfies Said);

/** A message function: the code, with values taken from the wrong value. */
export const problem =
  /* @__NO_SIDE_EFFECTS__ */
  (c: ProblemCode, params?: (input: unknown) => Params) =>
  (issue: AnyIssue): string =>
    say(c, params?.(issue.input));

const actual = (input: unknown): Params => ({ actual: describeValue(input) });
const isPlain = (input: unknown): boolean => typeof input === 'object' && input !== null && !Array.isArray(input);
/** An object as JSON means it: not a list, and none of JavaScript's own keys. */
export const plainObject = (input: unknown): boolean => isPlain(input) && !RESERVED_KEYS.some((k) => Object.prototype.hasOwnProperty.call(input, k));
/**
 * An object schema that first makes sure the value is an object as JSON means it: Valibot takes a
 * list for an object (and its output is a fresh object, so a check after it would not see the list).
 */
/* @__NO_SIDE_EFFECTS__ */
function guarded<S extends v.GenericSchema>(schema: S): S {
  const run = schema['~run'].bind(schema);
  return Object.assign(schema, {
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      if (plainObject(dataset.value)) return run(dataset, config);
      const input = dataset.value;
      const key = isPlain(input) ? RESERVED_KEYS.find((k) => Object.prototype.hasOwnProperty.call(input, k)) : undefined;
      const message = key ? say('key.reserved', { key }) : say('type.object', actual(input));
      const issue: v.BaseIssue<unknown> = { kind: 'schema', type: schema.type, input, expected: 'Object', received: describeValue(input), message };
      return { typed: false, value: input, issues: [issue] };
    },
  });
}

// ---- texts, ids, numbers ---------------------------------------------------------------------

/** A text with at least one visible character. */
export const text = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.string(problem('type.string', actual)), v.regex(/\S/, problem('type.string', actual)));

/** An id (lower case, digits, hyphens), with a suggestion made from the wrong one. */
export const id = /* @__NO_SIDE_EFFECTS__ */ () =>
  v.pipe(
    v.string(problem('type.string', actual)),
    v.regex(ID, problem('id.format', (input) => ({ id: String(input), suggestion: slug(String(input)) }))),
  );

/** A language code such as fr, en, fr-FALC. */
export const languageCode = /* @__NO_SIDE_EFFECTS__ */ () => v.pipe(v.string(problem('type.string', actual)), v.regex(LANGUAGE_CODE, problem('language.format', (input) => ({ language: String(input) }))));

/** A number within bounds; `integer` for counts. */
/* @__NO_SIDE_EFFECTS__ */
export function number(min: number, max: number, integer = false) {
  const range = problem('number.range', (input) => ({ value: Number(input), min, max }));
  const base = v.pipe(v.number(problem('type.number', actual)), v.minValue(min, range), v.maxValue(max, range));
  return integer ? v.pipe(base, v.integer(problem('type.integer', actual))) : base;
}

/** A value from a closed list; the message names the list and the closest value. */
/* @__NO_SIDE_EFFECTS__ */
export function oneOfValues<const T extends readonly string[]>(values: T, code: ProblemCode = 'value.unknown') {
  return v.picklist(
    values,
    problem(code, (input) => {
      const wrong = typeof input === 'string' ? input : describeValue(input);
      return { id: wrong, value: wrong, kind: wrong, type: wrong, known: values.join(', '), allowed: values.join(', '), suggestion: suggest(wrong, values) ?? '' };
    }),
  );
}

/** A list, with at least `min` items and at most `max`. */
/* @__NO_SIDE_EFFECTS__ */
export function list<T extends v.GenericSchema>(item: T, { min = 0, max = Infinity, fewCode = 'array.empty' as ProblemCode } = {}) {
  const few = problem(fewCode, (input) => ({ count: Array.isArray(input) ? input.length : 0, min }));
  const many = problem('array.too-long', (input) => ({ count: Array.isArray(input) ? input.length : 0, max }));
  const base = v.array(item, problem('type.array', actual));
  if (max === Infinity) return min === 0 ? v.pipe(base) : v.pipe(base, v.minLength(min, few));
  return v.pipe(base, v.minLength(min, few), v.maxLength(max, many));
}

// ---- objects ---------------------------------------------------------------------------------

/** Codes that replace the generic ones for one object: per missing key, and for an unknown key. */
export interface ObjectCodes {
  missing?: Partial<Record<string, { code: ProblemCode; params?: Params; onKey?: true }>>;
  unknown?: Partial<Record<string, ProblemCode>>;
}

/** The message of an object schema: a missing key, an unknown key, or not an object at all. */
/* @__NO_SIDE_EFFECTS__ */
function objectMessage(allowed: string[], codes: ObjectCodes) {
  return (issue: AnyIssue): string => {
    const key = issue.path?.[0]?.key;
    if (issue.expected === 'never' && typeof issue.input === 'string') {
      const code = codes.unknown?.[issue.input] ?? codes.unknown?.['*'] ?? 'key.unknown';
      return say(code, { key: issue.input, id: issue.input, suggestion: suggest(issue.input, allowed) ?? '', allowed: allowed.join(', '), known: allowed.join(', ') });
    }
    if (typeof key === 'string' && issue.input === undefined) {
      const special = codes.missing?.[key];
      if (special) return say(special.code, { key, ...special.params }, !special.onKey);
      return say('key.required', { key }, true);
    }
    return say('type.object', actual(issue.input));
  };
}

const isForbidden = (schema: v.ObjectEntries[string]): boolean => schema.type === 'optional' && 'wrapped' in schema && (schema.wrapped as { type?: string }).type === 'never';

/**
 * Entries of an object schema with more (or other) ones: for the entries several shapes share.
 * Spelled as a call, not as a spread: bundlers take a spread at the top of a module for a side
 * effect, and would keep every format in every bundle that imports one.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withEntries<const A extends v.ObjectEntries, const B extends v.ObjectEntries>(base: A, more: B): Omit<A, keyof B> & B {
  return { ...base, ...more };
}

/** An object with exactly these keys (some required): unknown keys are errors. */
/* @__NO_SIDE_EFFECTS__ */
export function object<const E extends v.ObjectEntries>(entries: E, codes: ObjectCodes = {}) {
  const allowed = Object.entries(entries)
    .filter(([k, schema]) => k !== '$schema' && !isForbidden(schema))
    .map(([k]) => k);
  return v.strictObject(entries, objectMessage(allowed, codes));
}

/** An object whose keys are all optional: guarded, or a list would pass for an empty object. */
/* @__NO_SIDE_EFFECTS__ */
export function optionalKeys<const E extends v.ObjectEntries>(entries: E, codes: ObjectCodes = {}) {
  return guarded(object(entries, codes));
}

/** An object used as a map (area → points, language → text): keys and values each checked. */
/* @__NO_SIDE_EFFECTS__ */
export function record<K extends v.GenericSchema<string, string>, V extends v.GenericSchema>(key: K, value: V) {
  return guarded(v.record(key, value, problem('type.object', actual)));
}

/** A key never allowed here (with the code saying why), for an alternative of a variant. */
export const forbidden = /* @__NO_SIDE_EFFECTS__ */ (code: ProblemCode, params?: Params) => v.optional(v.never(problem(code, () => params ?? {})));

/**
 * One of several shapes, told apart by `pick` (by the keys the value has, or its JSON type). Only
 * the shape picked is tried, so its problems are reported at their own paths; when the value fits
 * no shape, `pick` returns the message saying so. The shapes must be such that no other one could
 * accept a value (distinct keys, distinct JSON types): the JSON Schema (anyOf) then agrees.
 */
/* @__NO_SIDE_EFFECTS__ */
export function alternatives<const T extends readonly v.GenericSchema[]>(options: T, pick: (input: unknown) => T[number] | string) {
  return Object.assign(v.union(options), {
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>): v.OutputDataset<v.InferOutput<T[number]>, v.BaseIssue<unknown>> {
      const chosen = pick(dataset.value);
      if (typeof chosen !== 'string') return chosen['~run'](dataset, config) as v.OutputDataset<v.InferOutput<T[number]>, v.BaseIssue<unknown>>;
      const issue: v.BaseIssue<unknown> = { kind: 'schema', type: 'union', input: dataset.value, expected: null, received: describeValue(dataset.value), message: chosen };
      return { typed: false, value: dataset.value, issues: [issue] };
    },
  });
}
/** The message of an alternatives() value that fits no shape. */
export { say as sayProblem };

// ---- from Valibot's issues to Problems ------------------------------------------------------

/** A JSON path from keys: `$.questions[3].options`, `$.scores["prise en main"]`. */
export function jsonPath(keys: readonly PathKey[], base = '$'): string {
  let path = base;
  for (const k of keys) path += typeof k === 'number' ? `[${k}]` : /^[A-Za-z_$][\w$-]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
  return path;
}

function read(message: string): Said {
  if (!message.startsWith('{')) return {};
  try {
    return JSON.parse(message) as Said;
  } catch {
    return {};
  }
}

/** Values the message may name from where the problem is: the key, the `kind` of the question, the `type` of the exercise. */
function context(items: readonly v.IssuePathItem[]): Params {
  const found: Params = {};
  const key = items.at(-1)?.key;
  if (typeof key === 'string') found.key = found.field = key;
  for (let i = items.length - 1; i >= 0; i--) {
    const holder = items[i]?.input;
    if (!isPlain(holder)) continue;
    for (const name of ['kind', 'type']) {
      const value = (holder as Record<string, unknown>)[name];
      if (found[name] === undefined && typeof value === 'string') found[name] = value;
    }
  }
  return found;
}

/** The problem a Valibot issue that no schema of ours coded stands for (defensive: every schema here is coded). */
function uncoded(issue: AnyIssue): Said {
  const type = issue.type;
  if (type === 'string' || type === 'number' || type === 'boolean' || type === 'array') return { c: `type.${type}`, p: actual(issue.input) };
  return { c: 'type.object', p: actual(issue.input) };
}

/**
 * Valibot's issues as Problems of `file`: one per place, each with its code and values, at the JSON
 * path of the value (or of the object that misses a key). A key looked for in a list means the list
 * stands where an object should: one `type.object` there.
 */
export function problemsOf(issues: readonly AnyIssue[], file: string, severity: Problem['severity'] = 'error'): Problem[] {
  const out: Problem[] = [];
  const seen = new Set<string>();
  const add = (code: ProblemCode, path: string, params: Params) => {
    const key = `${code} ${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ code, severity, file, path, params });
  };
  for (const issue of issues) {
    const items = issue.path ?? [];
    const keys = items.map((item) => item.key as PathKey);
    const last = items.at(-1);
    if (last?.type === 'object' && Array.isArray(last.input)) {
      add('type.object', jsonPath(keys.slice(0, -1)), actual(last.input));
      continue;
    }
    const said = issue.message.startsWith('{') ? read(issue.message) : uncoded(issue);
    add(said.c ?? 'type.object', jsonPath(said.u ? keys.slice(0, -1) : keys), { ...context(items), ...said.p });
  }
  return out;
}

/** Every JSON path at or above a problem: a part of the file is sound when its path is not in this set. */
export function unsoundPaths(problems: readonly Problem[]): Set<string> {
  const paths = new Set<string>();
  for (const { path } of problems) {
    paths.add(path);
    for (let i = path.length - 1; i > 0; i--) if (path[i] === '.' || path[i] === '[') paths.add(path.slice(0, i));
  }
  return paths;
}

// ---- the whole check of a parsed file --------------------------------------------------------

/** How deeply a JSON value may nest: far beyond any real file, well within what every check can walk. */
export const MAX_DEPTH = 64;

/** Whether a value nests deeper than `max` (objects and lists count one level each): one pass that allocates nothing per value. */
function nestsDeeper(node: object, depth: number, max: number): boolean {
  if (depth > max) return true;
  if (Array.isArray(node)) {
    for (const child of node) if (typeof child === 'object' && child !== null && nestsDeeper(child, depth + 1, max)) return true;
    return false;
  }
  const o = node as Record<string, unknown>;
  for (const key in o) {
    if (!Object.prototype.hasOwnProperty.call(o, key)) continue;
    const child = o[key];
    if (typeof child === 'object' && child !== null && nestsDeeper(child, depth + 1, max)) return true;
  }
  return false;
}

/**
 * The path to the first value nested deeper than `max` (objects and lists count one level each).
 * Every file is first measured in one cheap pass (its recursion stops at `max`); only a file nested
 * too deep is walked again, without recursion, to name the path.
 */
export function tooDeep(value: unknown, max = MAX_DEPTH): PathKey[] | undefined {
  if (typeof value !== 'object' || value === null || !nestsDeeper(value, 1, max)) return undefined;
  const frames: { key: PathKey; parent: number }[] = [{ key: '', parent: -1 }];
  const stack: [value: unknown, depth: number, frame: number][] = [[value, 1, 0]];
  while (stack.length) {
    const [node, depth, frame] = stack.pop() as [unknown, number, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > max) {
      const keys: PathKey[] = [];
      for (let f = frame; f > 0; f = frames[f]?.parent ?? 0) keys.unshift(frames[f]?.key ?? '');
      return keys;
    }
    const entries: [PathKey, unknown][] = Array.isArray(node) ? node.map((item, i) => [i, item]) : Object.entries(node);
    for (const [key, child] of entries) {
      if (typeof child !== 'object' || child === null) continue;
      frames.push({ key, parent: frame });
      stack.push([child, depth + 1, frames.length - 1]);
    }
  }
  return undefined;
}

/** The problems of a parsed file against its format: nesting first (a value nested too deep is one problem, named), then the shape. */
/**
 * `accepts`: a plain test of the same shape, true only for values the schema takes without a
 * problem (a cheap pass for the common case; Valibot then runs only to name a file's problems).
 */
export function checkShape(schema: v.GenericSchema, value: unknown, file: string, accepts?: (value: unknown) => boolean): Problem[] {
  const deep = tooDeep(value);
  if (deep) return [{ code: 'json.depth', severity: 'error', file, path: jsonPath(deep), params: { max: MAX_DEPTH } }];
  if (accepts?.(value)) return [];
  const result = v.safeParse(schema, value);
  return result.success ? [] : problemsOf(result.issues, file);
}

/** The keys of a JSON path, as written by jsonPath(): `$.a[2]["b c"]` → a, 2, "b c" (each with how it was written). */
function pathTokens(path: string): { key: PathKey; written: string }[] {
  return [...path.slice(1).matchAll(/\.([^.[]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map(([written, dotted, index, quoted]) => ({
    key: index !== undefined ? Number(index) : quoted !== undefined ? (JSON.parse(quoted) as string) : (dotted as string),
    written,
  }));
}
const child = (node: unknown, key: PathKey): unknown => (typeof node === 'object' && node !== null ? (node as Record<PathKey, unknown>)[key] : undefined);

/**
 * Names the list items a problem's path goes through, for people: `$.questions[3] « courriel ».next`
 * (paths count from 0, ids say which item). Sets `named` on the problems of `file` whose path
 * crosses an item with an `id`.
 */
export function nameItems(problems: Problem[], file: string, root: unknown): void {
  for (const problem of problems) {
    if (problem.file !== file) continue;
    let node: unknown = root;
    let named = '';
    let changed = false;
    for (const { key, written } of pathTokens(problem.path)) {
      named += written;
      node = child(node, key);
      const itemId = typeof key === 'number' && isPlain(node) ? (node as { id?: unknown }).id : undefined;
      if (typeof itemId === 'string' && itemId !== '') {
        named += ` « ${itemId} »`;
        changed = true;
      }
    }
    if (changed) problem.named = `$${named}`;
  }
}

/** Problems in the order a person reads the file: by where their values stand in it (a problem about a whole object before those inside it). */
export function inFileOrder(problems: readonly Problem[], root: unknown): Problem[] {
  const position = (path: string): number[] => {
    const out: number[] = [];
    let node: unknown = root;
    for (const { key } of pathTokens(path)) {
      out.push(typeof key === 'number' ? key : isPlain(node) ? Object.keys(node as object).indexOf(key) : -1);
      node = child(node, key);
    }
    return out;
  };
  const positions = new Map(problems.map((p) => [p, position(p.path)]));
  return [...problems].sort((a, b) => {
    const [x, y] = [positions.get(a) ?? [], positions.get(b) ?? []];
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
    return x.length - y.length;
  });
}
