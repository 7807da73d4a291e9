import { exerciseChoices } from './exercises.ts';
import { explore } from './explore.ts';
import { checkShape, ID, inFileOrder, nameItems, unsoundPaths } from './formats/kit.ts';
import { isLocaleTree, localeFormat } from './formats/locale.ts';
import { questionnaireFormat } from './formats/questionnaire.ts';
import { contentHash } from './hash.ts';
import { END, nextRules } from './navigation.ts';
import { parseJson } from './data-file.ts';
import { durationRange } from './progress.ts';
import { ProblemList, slug, suggest, type Problem } from './problems.ts';
import { RESULT_STATE } from './questionnaire-machine.ts';
import { AREA_LEVELS, EXERCISE_OUTCOMES, type LoadedQuestionnaire, type LocaleTree, type Questionnaire } from './types.ts';

// The questionnaire's checks: its format (formats/questionnaire.ts) says what each file must look
// like; on top of it, what a schema cannot say: that ids are unique and every reference names
// something declared, that every question is reached and no path loops, that every profile can be
// reached, and that every language has every text. Every problem names its file, JSON path and fix.

/** The raw files of one questionnaire folder, as text, so the core never touches a file system. */
export interface QuestionnaireSource {
  /** The folder name, which must equal the questionnaire id. */
  folder: string;
  structure: { file: string; text: string };
  locales: { file: string; language: string; text: string }[];
  /** Pictogram names (file names without `.svg`) found in the folder's pictograms/ directory. */
  pictograms: string[];
}

export type LoadResult = { ok: true; loaded: LoadedQuestionnaire; warnings: Problem[] } | { ok: false; problems: Problem[] };

export { EXERCISE_TYPES } from './exercises.ts';

const RESERVED_IDS = [END, RESULT_STATE, 'global'];

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (path: string, k: string) => (ID.test(k) || /^[a-zA-Z$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}["${k}"]`);
const list = (v: Json): Json[] => (Array.isArray(v) ? v : []);
const entries = (v: Json): [string, Json][] => (isObj(v) ? Object.entries(v) : []);

/** Checks a questionnaire's files and, if they hold together, returns it ready to run. Reports every problem at once. */
export interface LoadOptions {
  /** The languages whose files the caller passed (the browser loads one at a time); all declared ones if omitted. */
  languages?: string[];
  /** Whether to walk the answer space to prove every profile reachable (slow on big questionnaires; the build and tests do it). */
  reachability?: boolean;
}

export function loadQuestionnaire(source: QuestionnaireSource, options: LoadOptions = {}): LoadResult {
  const file = source.structure.file;
  const semantic = new ProblemList(file);
  const parsed = parseJson(source.structure.text, semantic) as { value: Json } | undefined;
  const problems: Problem[] = [];
  let questionnaire: Questionnaire | undefined;
  const refs = new Refs();
  if (parsed) {
    const shape = checkShape(questionnaireFormat, parsed.value, file);
    if (!shape.some((p) => p.code === 'json.depth')) new Semantics(semantic, source, refs, shape).check(parsed.value);
    if (![...shape, ...semantic.items].some((p) => p.severity === 'error')) {
      questionnaire = parsed.value as Questionnaire;
      checkUnreached(questionnaire, semantic);
      if (!semantic.items.some((p) => p.severity === 'error') && options.reachability !== false) checkProfilesReached(questionnaire, semantic);
    }
    problems.push(...inFileOrder([...shape, ...semantic.items], parsed.value));
    nameItems(problems, file, parsed.value);
  } else problems.push(...semantic.items);

  const locales = checkLocales(source, parsed?.value, refs, problems, options.languages);

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !questionnaire || !locales) return { ok: false, problems };
  const pictograms = Object.fromEntries([...refs.pictograms].map((name) => [name, `pictograms/${name}.svg`]));
  return {
    ok: true,
    loaded: { questionnaire, locales, pictograms, contentHash: contentHash([questionnaire, locales]), duration: durationRange(questionnaire) },
    warnings: problems,
  };
}

type RefKind = 'question' | 'area' | 'flag' | 'profile' | 'step';

/** Ids declared by the structure, for the locale check and for references. */
class Refs {
  questions = new Map<string, { kind: string; options: Set<string>; index: number }>();
  areas = new Set<string>();
  flags = new Set<string>();
  profiles = new Set<string>();
  steps = new Set<string>();
  usedSteps = new Set<string>();
  pictograms = new Set<string>();
  languages: string[] = [];
  /** Kinds of ids declared twice: a reference to an id of that kind that nothing declares is then the other half of the same mistake. */
  duplicated = new Set<RefKind>();
  /** Ids referenced but declared nowhere, by kind: the likely original of a duplicate. */
  missing = new Map<RefKind, Set<string>>();
}

/** What the format cannot say, checked on the parts of the file that have the right shape. */
class Semantics {
  private readonly duplicates: { kind: RefKind; problem: Problem }[] = [];
  private readonly edges = new Map<string, { to: string; path: string }[]>();
  private readonly unsound: Set<string>;
  private readonly at: Set<string>;

  constructor(
    private readonly p: ProblemList,
    private readonly source: QuestionnaireSource,
    private readonly refs: Refs,
    shape: readonly Problem[],
  ) {
    this.unsound = unsoundPaths(shape);
    this.at = new Set(shape.map((problem) => problem.path));
  }

  /** Whether the value at `path` has the format's shape (no problem at or below it). */
  private sound(path: string): boolean {
    return !this.unsound.has(path);
  }

  /** Whether the format could tell what an object is (a question's kind, an exercise's type): if not, nothing inside was checked. */
  private shaped(path: string, discriminator: string): boolean {
    return !this.at.has(path) && !this.at.has(`${path}.${discriminator}`);
  }

  /** The file's value (read, never changed). */
  private root: Obj = {};

  check(root: Json): void {
    if (!isObj(root)) return;
    this.root = root;
    if (typeof root.id === 'string' && this.sound('$.id') && root.id !== this.source.folder) this.p.error('id.folder', '$.id', { id: root.id, folder: this.source.folder });
    this.refs.languages = this.declared(root.languages, '$.languages', false);
    if (typeof root.defaultLanguage === 'string' && this.sound('$.defaultLanguage') && this.sound('$.languages') && !this.refs.languages.includes(root.defaultLanguage)) {
      this.p.error('language.default', '$.defaultLanguage', { language: root.defaultLanguage, languages: this.refs.languages.join(', ') });
    }
    for (const a of this.declared(root.areas, '$.areas', true, 'area')) this.refs.areas.add(a);
    for (const f of this.declared(root.flags, '$.flags', true, 'flag')) this.refs.flags.add(f);
    for (const p of this.declared(root.profiles, '$.profiles', true, 'profile')) this.refs.profiles.add(p);
    if (isObj(root.levels) && this.sound('$.levels')) {
      const low = root.levels['en-cours'] as number;
      const high = root.levels.acquis as number;
      if (low >= high) this.p.error('levels.order', '$.levels', { low, high });
    }
    const recommendations = isObj(root.recommendations) ? root.recommendations : {};
    this.collectSteps(recommendations.steps);
    this.collectQuestions(root.questions);
    list(root.questions).forEach((q, i) => this.question(q, `$.questions[${i}]`));
    if (typeof root.start === 'string' && this.sound('$.start')) this.questionRef(root.start, '$.start');
    this.profileRules(root.profileRules);
    this.recommendations(recommendations);
    this.otherFormats(root);
    if (root.skipSettled === true && readsGlobal(root)) this.p.warn('skip-settled.global', '$.skipSettled');
    this.loops(root);
    // A duplicate id suggests the id that references name and nothing declares: what it likely was.
    for (const { kind, problem } of this.duplicates) {
      const lost = [...(this.refs.missing.get(kind) ?? [])];
      if (lost.length === 1 && lost[0]) problem.params.suggestion = lost[0];
    }
  }

  // ---- declarations and references ----------------------------------------------------------

  /** A declared list of ids (languages, areas, flags, profiles): duplicates and reserved ids reported, the ids returned. */
  private declared(v: Json, path: string, ids: boolean, kind?: RefKind): string[] {
    const seen: string[] = [];
    list(v).forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (typeof item !== 'string') return;
      if (ids && RESERVED_IDS.includes(item)) this.p.error('id.reserved', at, { id: item });
      if (seen.includes(item)) {
        this.duplicate(kind, at, item);
        return;
      }
      seen.push(item);
    });
    return seen;
  }

  private duplicate(kind: RefKind | undefined, path: string, id: string): void {
    this.p.error('id.duplicate', path, { id, suggestion: '' });
    const problem = this.p.items.at(-1) as Problem;
    if (kind) {
      this.refs.duplicated.add(kind);
      this.duplicates.push({ kind, problem });
    }
  }

  /** The ids declared of a kind (the question map itself, not a copy: references are checked once per rule). */
  private known(kind: RefKind): ReadonlySet<string> | ReadonlyMap<string, unknown> {
    if (kind === 'question') return this.refs.questions;
    return { area: this.refs.areas, flag: this.refs.flags, profile: this.refs.profiles, step: this.refs.steps }[kind];
  }

  /** Whether `id` names a declared id of its kind; reported when not (unless a duplicate of that kind explains it). */
  private ref(kind: RefKind, id: string, path: string): boolean {
    const known = this.known(kind);
    if (known.has(id)) return true;
    if (!this.refs.missing.has(kind)) this.refs.missing.set(kind, new Set());
    this.refs.missing.get(kind)?.add(id);
    if (this.refs.duplicated.has(kind)) return false;
    const params = { id, suggestion: suggest(id, known.keys()) ?? '' };
    if (kind === 'question') this.p.error('reference.question', path, params);
    else this.p.error(`reference.${kind}`, path, { ...params, known: [...known.keys()].join(', ') });
    return false;
  }

  private questionRef(id: string, path: string, allowEnd = false): boolean {
    if (allowEnd && id === END) return true;
    return this.ref('question', id, path);
  }

  private pictogram(name: Json, path: string): void {
    if (typeof name !== 'string' || !this.sound(path)) return;
    if (this.source.pictograms.includes(name)) this.refs.pictograms.add(name);
    else this.p.error('reference.pictogram', path, { name, file: `pictograms/${name}.svg`, suggestion: suggest(name, this.source.pictograms) ?? '' });
  }

  private scores(v: Json, path: string): void {
    if (!this.sound(path)) return;
    for (const [area] of entries(v)) this.ref('area', area, key(path, area));
  }

  // ---- questions ------------------------------------------------------------------------------

  private collectSteps(steps: Json): void {
    const seen = new Set<string>();
    list(steps).forEach((s, i) => {
      if (!isObj(s) || typeof s.id !== 'string') return;
      if (seen.has(s.id)) this.duplicate('step', `$.recommendations.steps[${i}].id`, s.id);
      seen.add(s.id);
      this.refs.steps.add(s.id);
    });
  }

  /** Every question with an id, first, so references may point forward; a question id used twice is one problem. */
  private collectQuestions(questions: Json): void {
    list(questions).forEach((q, i) => {
      if (!isObj(q) || typeof q.id !== 'string') return;
      const path = `$.questions[${i}]`;
      if (RESERVED_IDS.includes(q.id)) this.p.error('id.reserved', `${path}.id`, { id: q.id });
      if (this.refs.questions.has(q.id)) {
        this.duplicate('question', `${path}.id`, q.id);
        return;
      }
      const options = new Set<string>();
      for (const o of list(q.options)) if (isObj(o) && typeof o.id === 'string') options.add(o.id);
      if (q.kind === 'exercise') for (const outcome of EXERCISE_OUTCOMES) options.add(outcome);
      this.refs.questions.set(q.id, { kind: String(q.kind), options, index: i });
    });
  }

  private question(q: Json, path: string): void {
    if (!isObj(q) || typeof q.id !== 'string' || !this.shaped(path, 'kind')) return;
    const from = q.id;
    this.pictogram(q.pictogram, `${path}.pictogram`);
    const seen = new Set<string>();
    const links = new Set<string>();
    list(q.links).forEach((l, i) => {
      if (!isObj(l) || typeof l.id !== 'string') return;
      if (links.has(l.id)) this.p.error('id.duplicate', `${path}.links[${i}].id`, { id: l.id, suggestion: '' });
      links.add(l.id);
    });
    list(q.options).forEach((o, i) => {
      const at = `${path}.options[${i}]`;
      if (!isObj(o)) return;
      if (typeof o.id === 'string') {
        if (seen.has(o.id)) this.p.error('id.duplicate', `${at}.id`, { id: o.id });
        seen.add(o.id);
      }
      if (o.scores !== undefined) this.scores(o.scores, `${at}.scores`);
      if (this.sound(`${at}.flags`)) list(o.flags).forEach((f, j) => this.ref('flag', f as string, `${at}.flags[${j}]`));
      this.pictogram(o.pictogram, `${at}.pictogram`);
    });
    if (isObj(q.exercise) && this.shaped(`${path}.exercise`, 'type')) this.exercise(q.exercise, `${path}.exercise`, from);
    if (q.next !== undefined && this.sound(`${path}.next`)) this.next(q.next, `${path}.next`, from);
  }

  private exercise(v: Obj, path: string, from: string): void {
    if (v.scores !== undefined) this.scores(v.scores, `${path}.scores`);
    const settings = isObj(v.settings) ? v.settings : {};
    if (typeof settings.choices === 'string' && typeof settings.correct === 'string' && this.sound(`${path}.settings`)) {
      const at = `${path}.settings`;
      const choices = exerciseChoices({ settings: { choices: settings.choices } });
      const bad = choices.find((c) => !ID.test(c));
      if (bad !== undefined) this.p.error('id.format', `${at}.choices`, { id: bad, suggestion: slug(bad) });
      if (choices.length < 2) this.p.error('options.count', `${at}.choices`, { kind: String(v.type), count: choices.length });
      if (!choices.includes(settings.correct)) {
        this.p.error('exercise.correct', `${at}.correct`, { id: settings.correct, suggestion: suggest(settings.correct, choices) ?? '', known: choices.join(', ') });
      }
    }
    const checks = v.checks;
    if (typeof checks === 'string' && this.sound(`${path}.checks`) && this.questionRef(checks, `${path}.checks`)) {
      const target = this.refs.questions.get(checks);
      if (checks === from || (target && !['single', 'scale', 'yes-no'].includes(target.kind))) {
        this.p.error('exercise.checks-kind', `${path}.checks`, { id: checks, kind: target?.kind ?? '' });
      } else if (!this.canPrecede(checks, from)) {
        this.p.error('condition.not-before', `${path}.checks`, { id: checks, from });
      }
    }
  }

  private next(v: Json, path: string, from: string): void {
    if (typeof v === 'string') {
      if (this.questionRef(v, path, true) && v === from) this.p.error('next.self', path, { id: v });
      return;
    }
    let fallback = -1;
    list(v).forEach((rule, i) => {
      const at = `${path}[${i}]`;
      if (!isObj(rule)) return;
      if (fallback >= 0) this.p.error('next.after-fallback', at, { index: fallback });
      if (typeof rule.goto === 'string' && this.questionRef(rule.goto, `${at}.goto`, true) && rule.goto === from) this.p.error('next.self', `${at}.goto`, { id: from });
      if (rule.if === undefined) fallback = fallback >= 0 ? fallback : i;
      else this.condition(rule.if, `${at}.if`, from);
    });
    if (fallback < 0) this.p.error('next.no-fallback', path, { id: from });
  }

  /** `from`: the question whose answer leads here (its answer and earlier ones are known), or undefined for profile rules. */
  private condition(v: Json, path: string, from?: string): void {
    if (!isObj(v)) return;
    for (const combination of ['all', 'any'] as const) {
      if (combination in v) return list(v[combination]).forEach((c, i) => this.condition(c, `${path}.${combination}[${i}]`, from));
    }
    if ('not' in v) return this.condition(v.not, `${path}.not`, from);
    if (typeof v.flag === 'string') return void this.ref('flag', v.flag, `${path}.flag`);
    if (typeof v.score === 'string') {
      if (v.score !== 'global') this.ref('area', v.score, `${path}.score`);
      return;
    }
    const shape = typeof v.answered === 'string' ? 'answered' : 'answer';
    const questionId = v[shape];
    const qPath = `${path}.${shape}`;
    if (typeof questionId !== 'string' || !this.questionRef(questionId, qPath)) return;
    const target = this.refs.questions.get(questionId);
    if (from && target && !this.canPrecede(questionId, from)) this.p.error('condition.not-before', qPath, { id: questionId, from });
    // The options of a question whose id is used twice are not known for sure: its duplicate is the one problem.
    if (shape === 'answered' || !target || this.refs.duplicated.has('question')) return;
    const checkOption = (o: Json, at: string) => {
      if (typeof o !== 'string' || target.options.has(o)) return;
      this.p.error('reference.option', at, { id: o, question: questionId, suggestion: suggest(o, target.options) ?? '', known: [...target.options].join(', ') });
    };
    if ('includes' in v) {
      if (target.kind !== 'multiple') this.p.error('condition.includes-single', `${path}.includes`, { question: questionId, kind: target.kind });
      checkOption(v.includes, `${path}.includes`);
    } else if ('is' in v) {
      if (target.kind === 'multiple') this.p.error('condition.is-multiple', `${path}.is`, { question: questionId });
      checkOption(v.is, `${path}.is`);
    } else {
      if (target.kind === 'multiple') this.p.error('condition.is-multiple', `${path}.isOneOf`, { question: questionId });
      list(v.isOneOf).forEach((o, i) => checkOption(o, `${path}.isOneOf[${i}]`));
    }
  }

  private precedes: ((question: string, from: string) => boolean) | undefined;
  /** Whether `question` can be on the path when `from` is answered: itself or one of its ancestors (unknown when ids repeat). */
  private canPrecede(question: string, from: string): boolean {
    if (question === from || this.refs.duplicated.has('question') || !this.refs.questions.has(from)) return true;
    this.precedes ??= precedence(this.rawQuestions());
    return this.precedes(question, from);
  }
  private rawQuestions(): Obj[] {
    return list(this.root.questions).filter(isObj);
  }

  // ---- profiles and next steps ---------------------------------------------------------------------

  private profileRules(v: Json): void {
    let fallback = -1;
    const ruled = new Set<string>();
    const rules = list(v);
    rules.forEach((rule, i) => {
      const at = `$.profileRules[${i}]`;
      if (!isObj(rule)) return;
      if (fallback >= 0) this.p.error('profile-rules.after-default', at, { index: fallback });
      if (typeof rule.profile === 'string' && this.sound(`${at}.profile`) && this.ref('profile', rule.profile, `${at}.profile`)) ruled.add(rule.profile);
      if (rule.when === undefined) fallback = fallback >= 0 ? fallback : i;
      else if (this.sound(`${at}.when`)) this.condition(rule.when, `${at}.when`);
    });
    if (rules.length > 0 && fallback < 0) this.p.error('profile-rules.no-default', '$.profileRules');
    if (this.sound('$.profileRules')) for (const profile of this.refs.profiles) if (!ruled.has(profile)) this.p.error('profile.no-rule', '$.profiles', { id: profile });
  }

  private recommendations(v: Obj): void {
    const path = '$.recommendations';
    list(v.steps).forEach((s, i) => {
      const at = `${path}.steps[${i}]`;
      if (isObj(s) && this.sound(`${at}.areas`)) list(s.areas).forEach((a, j) => this.ref('area', a as string, `${at}.areas[${j}]`));
      if (isObj(s) && s.when !== undefined && this.sound(`${at}.when`)) this.condition(s.when, `${at}.when`);
    });
    const stepList = (ids: Json, at: string) => {
      if (!this.sound(at)) return;
      list(ids).forEach((id, i) => {
        if (this.ref('step', id as string, `${at}[${i}]`)) this.refs.usedSteps.add(id as string);
      });
    };
    for (const [name, kind] of [['byProfile', 'profile'], ['byFlag', 'flag']] as const) {
      for (const [k, ids] of entries(v[name])) {
        const at = key(`${path}.${name}`, k);
        if (this.sound(at) && this.ref(kind, k, at)) stepList(ids, at);
      }
    }
    for (const [area, levels] of entries(v.byAreaLevel)) {
      const at = key(`${path}.byAreaLevel`, area);
      if (!this.sound(at) || !this.ref('area', area, at)) continue;
      for (const [level, ids] of entries(levels)) if ((AREA_LEVELS as readonly string[]).includes(level)) stepList(ids, key(at, level));
    }
    if (this.sound(path)) for (const step of this.refs.steps) if (!this.refs.usedSteps.has(step)) this.p.warn('step.unused', `${path}.steps`, { id: step });
  }

  /** The blocks for other formats (docs/formats.md): the DSI's activities hold conditions; the Coop's table names profiles, flags and steps. */
  private otherFormats(root: Obj): void {
    if (isObj(root.dsi)) {
      const ids = new Set<string>();
      list(root.dsi.activities).forEach((a, i) => {
        const at = `$.dsi.activities[${i}]`;
        if (!isObj(a)) return;
        if (typeof a.id === 'string' && ids.has(a.id)) this.p.error('id.duplicate', `${at}.id`, { id: a.id, suggestion: '' });
        if (typeof a.id === 'string') ids.add(a.id);
        if (this.sound(`${at}.when`)) this.condition(a.when, `${at}.when`);
      });
      if (root.dsi.assessedWhen !== undefined && this.sound('$.dsi.assessedWhen')) this.condition(root.dsi.assessedWhen, '$.dsi.assessedWhen');
    }
    if (isObj(root.coop)) {
      for (const [profile] of entries(root.coop.autonomie)) this.ref('profile', profile, key('$.coop.autonomie', profile));
      list(root.coop.redirection).forEach((rule, i) => {
        const at = `$.coop.redirection[${i}]`;
        if (!isObj(rule) || !this.sound(at)) return;
        for (const kind of ['flag', 'profile', 'step'] as const) if (typeof rule[kind] === 'string') this.ref(kind, rule[kind], `${at}.${kind}`);
      });
    }
  }

  // ---- loops ------------------------------------------------------------------------------------

  /**
   * Loops, on the chart of all branches (conditions ignored), walked from the start in the order a
   * person meets the questions: the jump that goes back to a question already on the path is the
   * one reported, at its own rule. Checked whatever else is wrong, on the questions whose `next` is sound.
   */
  private loops(root: Obj): void {
    if (this.refs.duplicated.has('question')) return;
    const questions = list(root.questions);
    questions.forEach((q, i) => {
      if (!isObj(q) || typeof q.id !== 'string') return;
      const at = `$.questions[${i}]`;
      if (!this.sound(`${at}.next`)) return;
      const out: { to: string; path: string }[] = [];
      if (typeof q.next === 'string') out.push({ to: q.next, path: `${at}.next` });
      else if (Array.isArray(q.next)) q.next.forEach((r, k) => isObj(r) && typeof r.goto === 'string' && out.push({ to: r.goto, path: `${at}.next[${k}].goto` }));
      else {
        const following = questions[i + 1];
        if (isObj(following) && typeof following.id === 'string') out.push({ to: following.id, path: at });
      }
      this.edges.set(q.id, out.filter((e) => e.to !== END && e.to !== q.id && this.refs.questions.has(e.to)));
    });
    const state = new Map<string, 'open' | 'done'>();
    const reported = new Set<string>();
    const trail: string[] = [];
    // An explicit stack: a long chain of questions must not exhaust the call stack.
    const walk = (start: string) => {
      const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
      state.set(start, 'open');
      trail.push(start);
      while (stack.length) {
        const top = stack.at(-1) as { id: string; next: number };
        const edge = this.edges.get(top.id)?.[top.next++];
        if (!edge) {
          state.set(top.id, 'done');
          trail.pop();
          stack.pop();
          continue;
        }
        if (state.get(edge.to) === 'open') {
          const cycle = [...trail.slice(trail.indexOf(edge.to)), edge.to];
          const loopKey = [...new Set(cycle)].sort().join(',');
          if (reported.has(loopKey)) continue;
          reported.add(loopKey);
          this.p.error('graph.cycle', edge.path, { from: top.id, to: edge.to, cycle: cycle.join(' → ') });
        } else if (!state.has(edge.to)) {
          state.set(edge.to, 'open');
          trail.push(edge.to);
          stack.push({ id: edge.to, next: 0 });
        }
      }
    };
    if (typeof root.start === 'string' && this.edges.has(root.start)) walk(root.start);
    for (const id of this.edges.keys()) if (!state.has(id)) walk(id);
  }
}

/**
 * Whether a question can come before another on some path (conditions ignored): whether a chain of
 * `next` links leads from it to the other. Asked per condition, never computed for every pair (that
 * took n² entries): a walk back from `from`, which, when the chart has no loop, leaves out the
 * questions placed before `question` in the chart's order (no chain from `question` goes through them).
 */
function precedence(raw: Obj[]): (question: string, from: string) => boolean {
  const parents = new Map<string, Set<string>>();
  const children = new Map<string, Set<string>>();
  const link = (from: string, to: string) => {
    if (!parents.has(to)) parents.set(to, new Set());
    parents.get(to)?.add(from);
    if (!children.has(from)) children.set(from, new Set());
    children.get(from)?.add(to);
  };
  raw.forEach((q, i) => {
    const id = String(q.id);
    if (typeof q.next === 'string') link(id, q.next);
    else if (Array.isArray(q.next)) {
      for (const r of q.next) if (isObj(r) && typeof r.goto === 'string') link(id, r.goto);
    } else if (q.next === undefined && raw[i + 1]) link(id, String(raw[i + 1]?.id));
  });
  // The chart's order (Kahn): a link always goes from a lower rank to a higher one. None if it loops.
  const waiting = new Map<string, number>();
  for (const [to, from] of parents) waiting.set(to, from.size);
  const order = [...children.keys()].filter((id) => !waiting.has(id));
  const rank = new Map<string, number>();
  for (let i = 0; i < order.length; i++) {
    const id = order[i] as string;
    rank.set(id, i);
    for (const to of children.get(id) ?? []) {
      const left = (waiting.get(to) as number) - 1;
      waiting.set(to, left);
      if (left === 0) order.push(to);
    }
  }
  const acyclic = rank.size === new Set([...parents.keys(), ...children.keys()]).size;
  return (question, from) => {
    const floor = acyclic ? rank.get(question) : undefined;
    if (acyclic && floor === undefined) return false; // linked to nothing
    const seen = new Set<string>();
    const stack = [...(parents.get(from) ?? [])];
    while (stack.length) {
      const id = stack.pop() as string;
      if (id === question) return true;
      if (seen.has(id) || (floor !== undefined && (rank.get(id) as number) < floor)) continue;
      seen.add(id);
      for (const p of parents.get(id) ?? []) stack.push(p);
    }
    return false;
  };
}

/** Whether a condition anywhere in the file compares the "global" score (the skipping rule cannot bound a mean). */
function readsGlobal(root: Obj): boolean {
  const found = (v: Json): boolean => (Array.isArray(v) ? v.some(found) : isObj(v) ? v.score === 'global' || Object.values(v).some(found) : false);
  return found(root.questions) || found(root.profileRules) || found(root.recommendations);
}

/** Questions no path reaches from the start, on the chart of all branches (conditions ignored). */
function checkUnreached(q: Questionnaire, p: ProblemList): void {
  const edges = new Map(q.questions.map((question) => [question.id as string, nextRules(q, question).map((r) => r.goto as string).filter((g) => g !== END)]));
  const reached = new Set<string>();
  const stack: string[] = [q.start];
  while (stack.length) {
    const id = stack.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  q.questions.forEach((question, i) => {
    if (!reached.has(question.id)) p.error('question.unreachable', `$.questions[${i}]`, { id: question.id, start: q.start });
  });
}

function checkProfilesReached(q: Questionnaire, p: ProblemList): void {
  // The walk costs about the square of a path's length: keep it to a few seconds on very large questionnaires.
  const square = q.questions.length ** 2;
  const exploration = explore(q, {
    maxWalks: 20000,
    maxSteps: Math.max(1000, Math.floor(40_000_000 / square)),
    randomWalks: Math.max(50, Math.min(20000, Math.floor(4_000_000 / square))),
  });
  q.profiles.forEach((profile) => {
    if (exploration.profiles.has(profile)) return;
    const index = q.profileRules.findIndex((r) => r.profile === profile);
    p.error('profile.unreached', `$.profileRules[${index}]`, {
      id: profile,
      how: exploration.exhaustive ? 'all' : 'sample',
      walks: exploration.walks,
    });
  });
}

// ---- texts ------------------------------------------------------------------------------------

function collectKeys(tree: Json, prefix: string, out: Map<string, Json>): void {
  if (!isObj(tree)) {
    out.set(prefix, tree);
    return;
  }
  for (const [k, v] of Object.entries(tree)) collectKeys(v, prefix ? `${prefix}.${k}` : k, out);
}

/** The text keys a structure needs in every locale, each once, in the order met. */
function requiredKeys(root: Json, refs: Refs): Set<string> {
  const keys = ['title', 'intro'];
  for (const a of refs.areas) keys.push(`areas.${a}.label`, `areas.${a}.description`);
  for (const f of refs.flags) keys.push(`flags.${f}.label`);
  for (const p of refs.profiles) keys.push(`profiles.${p}.title`, `profiles.${p}.description`, `profiles.${p}.professional`);
  for (const s of refs.steps) keys.push(`steps.${s}.title`, `steps.${s}.text`);
  for (const name of refs.pictograms) keys.push(`pictograms.${name}`);
  // With a question id used twice, which texts a question needs is not known: the duplicate is the one problem.
  if (refs.duplicated.has('question')) return new Set(keys);
  const questions = isObj(root) ? list(root.questions).filter(isObj) : [];
  for (const q of questions) {
    if (typeof q.id !== 'string') continue;
    keys.push(`questions.${q.id}.text`);
    if (q.kind === 'exercise' && isObj(q.exercise)) {
      const exercise = q.exercise;
      if (isObj(exercise.settings) && typeof exercise.settings.choices === 'string') {
        for (const c of exerciseChoices({ settings: { choices: exercise.settings.choices } })) keys.push(`questions.${q.id}.choices.${c}`);
      }
      if (typeof exercise.checks === 'string') keys.push(`questions.${q.id}.gap.over`, `questions.${q.id}.gap.under`);
    }
    for (const o of list(q.options)) if (isObj(o) && typeof o.id === 'string') keys.push(`questions.${q.id}.options.${o.id}`);
    if (q.kind === 'info') for (const l of list(q.links)) if (isObj(l) && typeof l.id === 'string') keys.push(`questions.${q.id}.links.${l.id}`);
  }
  return new Set(keys);
}

/** `only`: the languages the caller loaded (the browser loads one at a time); all declared ones otherwise. */
function checkLocales(source: QuestionnaireSource, root: Json, refs: Refs, problems: Problem[], only?: string[]): Record<string, LocaleTree> | undefined {
  const declared = only ? refs.languages.filter((l) => only.includes(l)) : refs.languages;
  const trees: Record<string, LocaleTree> = {};
  const flat = new Map<string, Map<string, Json>>();
  const fileOf = new Map<string, string>();
  const questionsKnown = refs.questions.size > 0 && !refs.duplicated.has('question');
  for (const locale of source.locales) {
    const p = new ProblemList(locale.file);
    fileOf.set(locale.language, locale.file);
    if (refs.languages.length && !refs.languages.includes(locale.language)) {
      p.warn('file.unexpected', '$', { language: locale.language, languages: declared.join(', ') });
      problems.push(...p.items);
      continue;
    }
    const tree = parseJson(locale.text, p) as { value: Json } | undefined;
    if (tree) {
      const shape = checkShape(localeFormat, tree.value, locale.file, isLocaleTree);
      for (const problem of shape) if (problem.code === 'locale.empty') problem.params.key = problem.path.replace(/^\$\.?/, '');
      p.items.push(...shape);
      if (!shape.some((x) => x.code === 'json.depth' || (x.code === 'type.object' && x.path === '$'))) {
        const keys = new Map<string, Json>();
        collectKeys(tree.value, '', keys);
        for (const k of keys.keys()) {
          // "questions.<id>.…": the id between the first two dots (a test, not a regular expression, per key).
          const end = questionsKnown && k.startsWith('questions.') ? k.indexOf('.', 10) : -1;
          const question = end > 10 ? k.slice(10, end) : undefined;
          if (question && !refs.questions.has(question)) {
            p.warn('locale.unknown-question', `$.${k}`, { id: question, suggestion: suggest(question, refs.questions.keys()) ?? '' });
          }
        }
        flat.set(locale.language, keys);
        trees[locale.language] = tree.value as LocaleTree;
      }
    }
    problems.push(...p.items);
  }
  const dir = source.structure.file.replace(/[^/]*$/, '');
  for (const language of declared) {
    if (!source.locales.some((l) => l.language === language)) {
      problems.push({ code: 'file.missing', severity: 'error', file: `${dir}locales/${language}.json`, path: '$', params: { language } });
    }
  }
  const required = requiredKeys(root, refs);
  const present = [...flat.keys()];
  for (const language of present) {
    const keys = flat.get(language) as Map<string, Json>;
    const file = fileOf.get(language) as string;
    for (const k of required) {
      if (!keys.has(k)) problems.push({ code: 'locale.missing-key', severity: 'error', file, path: `$.${k}`, params: { key: k, language } });
    }
    // A key only one language has: with one language there is no other to lack it.
    if (present.length < 2) continue;
    for (const k of keys.keys()) {
      if (required.has(k) || (!questionsKnown && k.startsWith('questions.'))) continue;
      const missingIn = present.filter((other) => !flat.get(other)?.has(k));
      if (missingIn.length) {
        problems.push({ code: 'locale.partial-key', severity: 'error', file, path: `$.${k}`, params: { key: k, languages: missingIn.join(', ') } });
      }
    }
  }
  return present.length === declared.length ? trees : undefined;
}
