import { EXERCISE_COUNTS, EXERCISE_SETTINGS, EXERCISE_TYPES, exerciseChoices, isExerciseType } from './exercises.ts';
import { explore } from './explore.ts';
import { END, nextRules } from './navigation.ts';
import { describeValue, LANGUAGE_CODE, ProblemList, parseErrorDetail, suggest, type Problem } from './problems.ts';
import { contentHash } from './hash.ts';
import { RESULT_STATE } from './questionnaire-machine.ts';
import {
  AREA_LEVELS,
  EXERCISE_OUTCOMES,
  QUESTION_KINDS,
  YES_NO_OPTIONS,
  type LoadedQuestionnaire,
  type LocaleTree,
  type Questionnaire,
} from './types.ts';

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

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const RESERVED_IDS = [END, RESULT_STATE, 'global'];
const STEP_KINDS = ['help', 'workshop', 'place', 'equipment', 'info'];
const STEP_LEVELS = ['debutant', 'intermediaire', 'avance'];

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (path: string, k: string) => (ID.test(k) || /^[a-zA-Z$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}["${k}"]`);

/** Checks a questionnaire's files and, if they hold together, returns it ready to run. Reports every problem at once. */
export interface LoadOptions {
  /** The languages whose files the caller passed (the browser loads one at a time); all declared ones if omitted. */
  languages?: string[];
  /** Whether to walk the answer space to prove every profile reachable (slow on big questionnaires; the build and tests do it). */
  reachability?: boolean;
}

export function loadQuestionnaire(source: QuestionnaireSource, options: LoadOptions = {}): LoadResult {
  const structureProblems = new ProblemList(source.structure.file);
  const parsed = parseJson(source.structure.text, structureProblems);
  const problems: Problem[] = [];
  let questionnaire: Questionnaire | undefined;
  const refs = new Refs();
  if (parsed !== undefined) {
    const checker = new StructureChecker(structureProblems, source, refs);
    checker.check(parsed);
    if (!structureProblems.items.some((p) => p.severity === 'error')) {
      questionnaire = parsed as Questionnaire;
      checkGraph(questionnaire, structureProblems);
      const sound = !structureProblems.items.some((p) => p.severity === 'error');
      if (sound && options.reachability !== false) checkProfilesReached(questionnaire, structureProblems);
    }
  }
  problems.push(...structureProblems.items);

  const locales = checkLocales(source, parsed, refs, problems, options.languages);

  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || !questionnaire || !locales) return { ok: false, problems };
  const pictograms = Object.fromEntries([...refs.pictograms].map((name) => [name, `pictograms/${name}.svg`]));
  return {
    ok: true,
    loaded: { questionnaire, locales, pictograms, contentHash: contentHash([questionnaire, locales]) },
    warnings: problems,
  };
}

function parseJson(text: string, problems: ProblemList): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    const { line, column, detail } = parseErrorDetail(text, error);
    problems.error('json.parse', '$', { line, column, detail });
    return undefined;
  }
}

/** Ids declared by the structure, for the locale check and for references. */
class Refs {
  questions = new Map<string, { kind: string; options: Set<string>; path: string }>();
  areas = new Set<string>();
  flags = new Set<string>();
  profiles = new Set<string>();
  steps = new Set<string>();
  usedSteps = new Set<string>();
  pictograms = new Set<string>();
  languages: string[] = [];
}

class StructureChecker {
  constructor(
    private readonly p: ProblemList,
    private readonly source: QuestionnaireSource,
    private readonly refs: Refs,
  ) {}

  check(root: Json): void {
    if (!this.object(root, '$')) return;
    this.keys(root, '$', ['$schema', 'id', 'version', 'languages', 'defaultLanguage', 'areas', 'flags', 'profiles', 'levels', 'start', 'questions', 'profileRules', 'recommendations'], ['id', 'version', 'languages', 'defaultLanguage', 'areas', 'flags', 'profiles', 'levels', 'start', 'questions', 'profileRules', 'recommendations']);
    if (this.string(root.id, '$.id')) {
      if (this.id(root.id, '$.id') && root.id !== this.source.folder) this.p.error('id.folder', '$.id', { id: root.id, folder: this.source.folder });
    }
    this.string(root.version, '$.version');
    const languages = this.idList(root.languages, '$.languages', 'language');
    this.refs.languages = languages;
    if (this.string(root.defaultLanguage, '$.defaultLanguage') && languages.length && !languages.includes(root.defaultLanguage)) {
      this.p.error('language.default', '$.defaultLanguage', { language: root.defaultLanguage, languages: languages.join(', ') });
    }
    for (const a of this.idList(root.areas, '$.areas')) this.refs.areas.add(a);
    for (const f of this.idList(root.flags, '$.flags', 'id', true)) this.refs.flags.add(f);
    for (const p of this.idList(root.profiles, '$.profiles')) this.refs.profiles.add(p);
    this.levels(root.levels);
    if (isObj(root.recommendations)) this.collectSteps(root.recommendations);
    this.questions(root.questions);
    if (this.string(root.start, '$.start')) this.questionRef(root.start, '$.start');
    this.profileRules(root.profileRules);
    this.recommendations(root.recommendations);
  }

  // ---- primitives -------------------------------------------------------------------------

  private object(v: Json, path: string): v is Obj {
    if (isObj(v)) return true;
    this.p.error('type.object', path, { actual: describeValue(v) });
    return false;
  }
  private array(v: Json, path: string, allowEmpty = false): v is Json[] {
    if (!Array.isArray(v)) {
      this.p.error('type.array', path, { actual: describeValue(v) });
      return false;
    }
    if (!allowEmpty && v.length === 0) this.p.error('array.empty', path);
    return true;
  }
  private string(v: Json, path: string): v is string {
    if (typeof v === 'string' && v.length > 0) return true;
    this.p.error('type.string', path, { actual: describeValue(v) });
    return false;
  }
  private number(v: Json, path: string, min: number, max: number): v is number {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.p.error('type.number', path, { actual: describeValue(v) });
      return false;
    }
    if (v < min || v > max) {
      this.p.error('number.range', path, { value: v, min, max });
      return false;
    }
    return true;
  }
  private id(v: string, path: string): boolean {
    if (ID.test(v)) return true;
    this.p.error('id.format', path, { id: v, suggestion: slug(v) });
    return false;
  }
  private keys(o: Obj, path: string, allowed: string[], required: string[]): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.p.error('key.unknown', key(path, k), { key: k, suggestion: suggest(k, allowed) ?? '', allowed: allowed.join(', ') });
    }
    for (const k of required) if (!(k in o)) this.p.error('key.required', path, { key: k });
  }
  private idList(v: Json, path: string, format: 'id' | 'language' = 'id', allowEmpty = false): string[] {
    if (!this.array(v, path, allowEmpty)) return [];
    const seen = new Set<string>();
    v.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (!this.string(item, at)) return;
      if (format === 'language' && !LANGUAGE_CODE.test(item)) this.p.error('language.format', at, { language: item });
      if (format === 'id' && !this.id(item, at)) return;
      if (format === 'id' && RESERVED_IDS.includes(item)) this.p.error('id.reserved', at, { id: item });
      if (seen.has(item)) this.p.error('id.duplicate', at, { id: item });
      seen.add(item);
    });
    return [...seen];
  }
  private ref(kind: 'area' | 'flag' | 'profile' | 'step', v: Json, path: string, known: Set<string>): boolean {
    if (!this.string(v, path)) return false;
    if (known.has(v)) return true;
    this.p.error(`reference.${kind}`, path, { id: v, suggestion: suggest(v, known) ?? '', known: [...known].join(', ') });
    return false;
  }
  private questionRef(v: string, path: string, allowEnd = false): boolean {
    if (this.refs.questions.has(v) || (allowEnd && v === END)) return true;
    const known = [...this.refs.questions.keys(), ...(allowEnd ? [END] : [])];
    this.p.error('reference.question', path, { id: v, suggestion: suggest(v, known) ?? '' });
    return false;
  }
  private pictogram(v: Json, path: string): void {
    if (!this.string(v, path)) return;
    if (this.source.pictograms.includes(v)) this.refs.pictograms.add(v);
    else this.p.error('reference.pictogram', path, { name: v, file: `pictograms/${v}.svg`, suggestion: suggest(v, this.source.pictograms) ?? '' });
  }
  private scores(v: Json, path: string): void {
    if (!this.object(v, path)) return;
    for (const [area, weight] of Object.entries(v)) {
      if (this.ref('area', area, key(path, area), this.refs.areas)) this.number(weight, key(path, area), 0, 100);
    }
  }

  // ---- sections ---------------------------------------------------------------------------

  private levels(v: Json): void {
    if (!this.object(v, '$.levels')) return;
    this.keys(v, '$.levels', ['en-cours', 'acquis'], ['en-cours', 'acquis']);
    const low = v['en-cours'];
    const high = v.acquis;
    const lowOk = low !== undefined && this.number(low, '$.levels["en-cours"]', 0, 100);
    const highOk = high !== undefined && this.number(high, '$.levels.acquis', 0, 100);
    if (lowOk && highOk && (low as number) >= (high as number)) this.p.error('levels.order', '$.levels', { low: low as number, high: high as number });
  }

  private questions(v: Json): void {
    if (!this.array(v, '$.questions')) return;
    // First pass: ids and options, so references may point forward.
    v.forEach((q, i) => {
      if (!isObj(q) || typeof q.id !== 'string') return;
      const options = new Set<string>();
      if (Array.isArray(q.options)) for (const o of q.options) if (isObj(o) && typeof o.id === 'string') options.add(o.id);
      if (q.kind === 'exercise') for (const outcome of EXERCISE_OUTCOMES) options.add(outcome);
      if (!this.refs.questions.has(q.id)) this.refs.questions.set(q.id, { kind: String(q.kind), options, path: `$.questions[${i}]` });
    });
    const seen = new Set<string>();
    v.forEach((q, i) => this.question(q, `$.questions[${i}]`, seen));
  }

  private question(q: Json, path: string, seen: Set<string>): void {
    if (!this.object(q, path)) return;
    this.keys(q, path, ['id', 'kind', 'pictogram', 'options', 'exercise', 'next'], ['id', 'kind']);
    if (this.string(q.id, `${path}.id`) && this.id(q.id, `${path}.id`)) {
      if (RESERVED_IDS.includes(q.id)) this.p.error('id.reserved', `${path}.id`, { id: q.id });
      if (seen.has(q.id)) this.p.error('id.duplicate', `${path}.id`, { id: q.id });
      seen.add(q.id);
    }
    const kind = q.kind;
    if (!this.string(kind, `${path}.kind`)) return;
    if (!(QUESTION_KINDS as readonly string[]).includes(kind)) {
      this.p.error('kind.unknown', `${path}.kind`, { kind, suggestion: suggest(kind, QUESTION_KINDS) ?? '', known: QUESTION_KINDS.join(', ') });
      return;
    }
    if (q.pictogram !== undefined) this.pictogram(q.pictogram, `${path}.pictogram`);
    const choice = kind === 'single' || kind === 'multiple' || kind === 'yes-no' || kind === 'scale';
    if (choice) this.options(q.options, `${path}.options`, kind);
    else if (q.options !== undefined) this.p.error('options.forbidden', `${path}.options`, { kind });
    if (kind === 'exercise') this.exercise(q.exercise, `${path}.exercise`, String(q.id));
    else if (q.exercise !== undefined) this.p.error('exercise.forbidden', `${path}.exercise`, { kind });
    if (q.next !== undefined) this.next(q.next, `${path}.next`, String(q.id));
  }

  private options(v: Json, path: string, kind: string): void {
    if (v === undefined) {
      this.p.error('options.count', path, { kind, count: 0 });
      return;
    }
    if (!this.array(v, path)) return;
    if (v.length < 2) this.p.error('options.count', path, { kind, count: v.length });
    const seen = new Set<string>();
    v.forEach((o, i) => {
      const at = `${path}[${i}]`;
      if (!this.object(o, at)) return;
      this.keys(o, at, ['id', 'scores', 'flags', 'pictogram', 'exclusive'], ['id']);
      if (this.string(o.id, `${at}.id`) && this.id(o.id, `${at}.id`)) {
        if (seen.has(o.id)) this.p.error('id.duplicate', `${at}.id`, { id: o.id });
        seen.add(o.id);
        if (kind === 'yes-no' && !(YES_NO_OPTIONS as readonly string[]).includes(o.id)) {
          this.p.error('options.yes-no', `${at}.id`, { id: o.id, allowed: YES_NO_OPTIONS.join(', ') });
        }
      }
      if (o.scores !== undefined) this.scores(o.scores, `${at}.scores`);
      if (o.flags !== undefined && this.array(o.flags, `${at}.flags`)) {
        o.flags.forEach((f, j) => this.ref('flag', f, `${at}.flags[${j}]`, this.refs.flags));
      }
      if (o.pictogram !== undefined) this.pictogram(o.pictogram, `${at}.pictogram`);
      if (o.exclusive !== undefined) {
        if (typeof o.exclusive !== 'boolean') this.p.error('type.boolean', `${at}.exclusive`, { actual: describeValue(o.exclusive) });
        else if (kind !== 'multiple') this.p.error('options.exclusive', `${at}.exclusive`, { kind });
      }
    });
  }

  private exercise(v: Json, path: string, from: string): void {
    if (v === undefined) {
      this.p.error('exercise.missing', path);
      return;
    }
    if (!this.object(v, path)) return;
    this.keys(v, path, ['type', 'scores', 'settings', 'checks'], ['type']);
    const type = v.type;
    if (this.string(type, `${path}.type`) && !isExerciseType(type)) {
      this.p.error('exercise.type', `${path}.type`, { type, suggestion: suggest(type, EXERCISE_TYPES) ?? '', known: EXERCISE_TYPES.join(', ') });
    }
    if (v.scores !== undefined) this.scores(v.scores, `${path}.scores`);
    const settings = v.settings === undefined ? {} : v.settings;
    if (this.object(settings, `${path}.settings`) && typeof type === 'string' && isExerciseType(type)) {
      const known = [...EXERCISE_SETTINGS[type], 'maxMisses', 'tolerance'];
      for (const [k, s] of Object.entries(settings)) {
        const at = key(`${path}.settings`, k);
        const range = EXERCISE_COUNTS[k];
        if (!known.includes(k)) this.p.error('exercise.setting', at, { key: k, type, suggestion: suggest(k, known) ?? '', known: known.join(', ') });
        else if (range) this.number(s, at, ...range);
        else this.string(s, at);
      }
      for (const k of known) if (!EXERCISE_COUNTS[k] && !(k in settings)) this.p.error('exercise.setting-missing', `${path}.settings`, { key: k, type });
      if (typeof settings.choices === 'string' && typeof settings.correct === 'string') {
        const choices = exerciseChoices({ type, settings: settings as Record<string, string> });
        const bad = choices.find((c) => !ID.test(c));
        if (bad !== undefined) this.p.error('id.format', key(`${path}.settings`, 'choices'), { id: bad, suggestion: slug(bad) });
        if (choices.length < 2) this.p.error('options.count', key(`${path}.settings`, 'choices'), { kind: type, count: choices.length });
        if (!choices.includes(settings.correct)) {
          this.p.error('exercise.correct', key(`${path}.settings`, 'correct'), { id: settings.correct, suggestion: suggest(settings.correct, choices) ?? '', known: choices.join(', ') });
        }
      }
    }
    if (v.checks !== undefined && this.string(v.checks, `${path}.checks`) && this.questionRef(v.checks, `${path}.checks`)) {
      const target = this.refs.questions.get(v.checks);
      if (v.checks === from || (target && !['single', 'scale', 'yes-no'].includes(target.kind))) {
        this.p.error('exercise.checks-kind', `${path}.checks`, { id: v.checks, kind: target?.kind ?? '' });
      } else if (!this.canPrecede(v.checks, from)) {
        this.p.error('condition.not-before', `${path}.checks`, { id: v.checks, from });
      }
    }
  }

  private next(v: Json, path: string, from: string): void {
    if (typeof v === 'string') {
      if (this.questionRef(v, path, true) && v === from) this.p.error('next.self', path, { id: v });
      return;
    }
    if (!this.array(v, path)) return;
    let fallback = -1;
    v.forEach((rule, i) => {
      const at = `${path}[${i}]`;
      if (!this.object(rule, at)) return;
      this.keys(rule, at, ['if', 'goto'], ['goto']);
      if (fallback >= 0) this.p.error('next.after-fallback', at, { index: fallback });
      if (this.string(rule.goto, `${at}.goto`) && this.questionRef(rule.goto, `${at}.goto`, true) && rule.goto === from) {
        this.p.error('next.self', `${at}.goto`, { id: from });
      }
      if (rule.if === undefined) fallback = fallback >= 0 ? fallback : i;
      else this.condition(rule.if, `${at}.if`, from);
    });
    if (v.length > 0 && fallback < 0) this.p.error('next.no-fallback', path, { id: from });
  }

  /** `from`: the question whose answer leads here (its answer and earlier ones are known), or undefined for profile rules. */
  condition(v: Json, path: string, from?: string): void {
    if (!this.object(v, path)) return;
    const ops = Object.keys(v);
    const shape = (() => {
      if ('answer' in v) return ops.length === 2 && ['is', 'isOneOf', 'includes'].some((k) => k in v) ? 'answer' : undefined;
      if ('score' in v) return ops.length === 2 && ('atLeast' in v || 'atMost' in v) ? 'score' : undefined;
      if (ops.length !== 1) return undefined;
      return ['answered', 'flag', 'all', 'any', 'not'].find((k) => k in v);
    })();
    if (!shape) {
      this.p.error('condition.shape', path, { keys: ops.join(', ') || '∅' });
      return;
    }
    if (shape === 'all' || shape === 'any') {
      const list = v[shape];
      if (this.array(list, `${path}.${shape}`)) list.forEach((c, i) => this.condition(c, `${path}.${shape}[${i}]`, from));
      return;
    }
    if (shape === 'not') return this.condition(v.not, `${path}.not`, from);
    if (shape === 'flag') return void this.ref('flag', v.flag, `${path}.flag`, this.refs.flags);
    if (shape === 'score') {
      if (v.score !== 'global') this.ref('area', v.score, `${path}.score`, this.refs.areas);
      const bound = 'atLeast' in v ? 'atLeast' : 'atMost';
      this.number(v[bound], `${path}.${bound}`, 0, 100);
      return;
    }
    const questionId = shape === 'answered' ? v.answered : v.answer;
    const qPath = `${path}.${shape}`;
    if (!this.string(questionId, qPath) || !this.questionRef(questionId, qPath)) return;
    const target = this.refs.questions.get(questionId);
    if (from && target && !this.canPrecede(questionId, from)) this.p.error('condition.not-before', qPath, { id: questionId, from });
    if (shape === 'answered' || !target) return;
    const checkOption = (o: Json, at: string) => {
      if (!this.string(o, at)) return;
      if (!target.options.has(o)) this.p.error('reference.option', at, { id: o, question: questionId, suggestion: suggest(o, target.options) ?? '', known: [...target.options].join(', ') });
    };
    if ('includes' in v) {
      if (target.kind !== 'multiple') this.p.error('condition.includes-single', `${path}.includes`, { question: questionId, kind: target.kind });
      checkOption(v.includes, `${path}.includes`);
    } else if ('is' in v) {
      if (target.kind === 'multiple') this.p.error('condition.is-multiple', `${path}.is`, { question: questionId });
      checkOption(v.is, `${path}.is`);
    } else if (this.array(v.isOneOf, `${path}.isOneOf`)) {
      if (target.kind === 'multiple') this.p.error('condition.is-multiple', `${path}.isOneOf`, { question: questionId });
      v.isOneOf.forEach((o, i) => checkOption(o, `${path}.isOneOf[${i}]`));
    }
  }

  private ancestors: Map<string, Set<string>> | undefined;
  /** Whether `question` can be on the path when `from` is answered: itself or one of its ancestors. */
  private canPrecede(question: string, from: string): boolean {
    if (question === from) return true;
    this.ancestors ??= computeAncestors(this.refs, this.rawQuestions());
    return this.ancestors.get(from)?.has(question) ?? true;
  }
  private rawQuestions(): Obj[] {
    try {
      const root = JSON.parse(this.source.structure.text) as Obj;
      return Array.isArray(root.questions) ? root.questions.filter(isObj) : [];
    } catch {
      return [];
    }
  }

  private profileRules(v: Json): void {
    if (!this.array(v, '$.profileRules')) return;
    let fallback = -1;
    const ruled = new Set<string>();
    v.forEach((rule, i) => {
      const at = `$.profileRules[${i}]`;
      if (!this.object(rule, at)) return;
      this.keys(rule, at, ['profile', 'when'], ['profile']);
      if (fallback >= 0) this.p.error('profile-rules.after-default', at, { index: fallback });
      if (this.ref('profile', rule.profile, `${at}.profile`, this.refs.profiles)) ruled.add(rule.profile as string);
      if (rule.when === undefined) fallback = fallback >= 0 ? fallback : i;
      else this.condition(rule.when, `${at}.when`);
    });
    if (v.length > 0 && fallback < 0) this.p.error('profile-rules.no-default', '$.profileRules');
    for (const profile of this.refs.profiles) if (!ruled.has(profile)) this.p.error('profile.no-rule', '$.profiles', { id: profile });
  }

  private collectSteps(rec: Obj): void {
    if (!Array.isArray(rec.steps)) return;
    for (const s of rec.steps) if (isObj(s) && typeof s.id === 'string') this.refs.steps.add(s.id);
  }

  private recommendations(v: Json): void {
    const path = '$.recommendations';
    if (!this.object(v, path)) return;
    this.keys(v, path, ['steps', 'byProfile', 'byAreaLevel', 'byFlag'], ['steps']);
    const seen = new Set<string>();
    if (this.array(v.steps, `${path}.steps`)) {
      v.steps.forEach((s, i) => {
        const at = `${path}.steps[${i}]`;
        if (!this.object(s, at)) return;
        this.keys(s, at, ['id', 'kind', 'areas', 'level', 'link', 'phone'], ['id', 'kind']);
        if (this.string(s.id, `${at}.id`) && this.id(s.id, `${at}.id`)) {
          if (seen.has(s.id)) this.p.error('id.duplicate', `${at}.id`, { id: s.id });
          seen.add(s.id);
        }
        if (this.string(s.kind, `${at}.kind`) && !STEP_KINDS.includes(s.kind)) {
          this.p.error('kind.unknown', `${at}.kind`, { kind: s.kind, suggestion: suggest(s.kind, STEP_KINDS) ?? '', known: STEP_KINDS.join(', ') });
        }
        if (s.areas !== undefined && this.array(s.areas, `${at}.areas`)) s.areas.forEach((a, j) => this.ref('area', a, `${at}.areas[${j}]`, this.refs.areas));
        if (s.level !== undefined && this.string(s.level, `${at}.level`) && !STEP_LEVELS.includes(s.level)) {
          this.p.error('reference.level', `${at}.level`, { id: s.level, known: STEP_LEVELS.join(', ') });
        }
        if (s.link !== undefined && this.string(s.link, `${at}.link`) && !/^https:\/\/[^\s/]+\.[^\s]+$/.test(s.link)) {
          this.p.error('step.link', `${at}.link`, { link: s.link });
        }
        if (s.phone !== undefined) this.string(s.phone, `${at}.phone`);
      });
    }
    const stepList = (list: Json, at: string) => {
      if (!this.array(list, at, true)) return;
      list.forEach((id, i) => {
        if (this.ref('step', id, `${at}[${i}]`, this.refs.steps)) this.refs.usedSteps.add(id as string);
      });
    };
    const keyed = (name: 'byProfile' | 'byFlag', known: Set<string>, kind: 'profile' | 'flag') => {
      const map = v[name];
      if (map === undefined || !this.object(map, `${path}.${name}`)) return;
      for (const [k, list] of Object.entries(map)) {
        const at = key(`${path}.${name}`, k);
        if (this.ref(kind, k, at, known)) stepList(list, at);
      }
    };
    keyed('byProfile', this.refs.profiles, 'profile');
    keyed('byFlag', this.refs.flags, 'flag');
    if (v.byAreaLevel !== undefined && this.object(v.byAreaLevel, `${path}.byAreaLevel`)) {
      for (const [area, levels] of Object.entries(v.byAreaLevel)) {
        const at = key(`${path}.byAreaLevel`, area);
        if (!this.ref('area', area, at, this.refs.areas) || !this.object(levels, at)) continue;
        for (const [level, list] of Object.entries(levels)) {
          if (!(AREA_LEVELS as readonly string[]).includes(level)) {
            this.p.error('reference.level', key(at, level), { id: level, known: AREA_LEVELS.join(', ') });
            continue;
          }
          stepList(list, key(at, level));
        }
      }
    }
    for (const step of this.refs.steps) {
      if (!this.refs.usedSteps.has(step)) this.p.warn('step.unused', `${path}.steps`, { id: step });
    }
  }
}

/** For each question, the questions that can come before it on some path (ignoring conditions). */
function computeAncestors(refs: Refs, raw: Obj[]): Map<string, Set<string>> {
  const parents = new Map<string, Set<string>>();
  raw.forEach((q, i) => {
    const id = String(q.id);
    const targets: string[] = [];
    if (typeof q.next === 'string') targets.push(q.next);
    else if (Array.isArray(q.next)) {
      for (const r of q.next) if (isObj(r) && typeof r.goto === 'string') targets.push(r.goto);
    } else if (q.next === undefined && raw[i + 1]) targets.push(String(raw[i + 1]?.id));
    for (const t of targets) {
      if (!parents.has(t)) parents.set(t, new Set());
      parents.get(t)?.add(id);
    }
  });
  const result = new Map<string, Set<string>>();
  for (const id of refs.questions.keys()) {
    const seen = new Set<string>();
    const stack = [...(parents.get(id) ?? [])];
    while (stack.length) {
      const p = stack.pop() as string;
      if (seen.has(p)) continue;
      seen.add(p);
      stack.push(...(parents.get(p) ?? []));
    }
    result.set(id, seen);
  }
  return result;
}

/** Unreachable questions and cycles, on the chart of all branches (conditions ignored). */
function checkGraph(q: Questionnaire, p: ProblemList): void {
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
  // Depth-first search with colours: grey on the stack, black done.
  const colour = new Map<string, 'grey' | 'black'>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): void => {
    colour.set(id, 'grey');
    for (const to of edges.get(id) ?? []) {
      if (colour.get(to) === 'grey') {
        const cycle = [...trail.slice(trail.indexOf(to)), id, to];
        const keyOf = [...new Set(cycle)].sort().join(',');
        if (!reported.has(keyOf)) {
          reported.add(keyOf);
          const index = q.questions.findIndex((x) => x.id === id);
          p.error('graph.cycle', `$.questions[${index}].next`, { cycle: cycle.filter((x, i) => i === 0 || x !== cycle[i - 1]).join(' → ') });
        }
      } else if (!colour.has(to)) visit(to, [...trail, id]);
    }
    colour.set(id, 'black');
  };
  for (const question of q.questions) if (!colour.has(question.id)) visit(question.id, []);
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

function collectKeys(tree: Json, prefix: string, out: Map<string, Json>): void {
  if (!isObj(tree)) {
    out.set(prefix, tree);
    return;
  }
  for (const [k, v] of Object.entries(tree)) collectKeys(v, prefix ? `${prefix}.${k}` : k, out);
}

/** The text keys a structure needs in every locale. */
function requiredKeys(root: Json, refs: Refs): string[] {
  const keys = ['title', 'intro'];
  for (const a of refs.areas) keys.push(`areas.${a}.label`, `areas.${a}.description`);
  for (const f of refs.flags) keys.push(`flags.${f}.label`);
  for (const p of refs.profiles) keys.push(`profiles.${p}.title`, `profiles.${p}.description`, `profiles.${p}.professional`);
  for (const s of refs.steps) keys.push(`steps.${s}.title`, `steps.${s}.text`);
  for (const name of refs.pictograms) keys.push(`pictograms.${name}`);
  const questions = isObj(root) && Array.isArray(root.questions) ? root.questions.filter(isObj) : [];
  for (const q of questions) {
    if (typeof q.id !== 'string') continue;
    keys.push(`questions.${q.id}.text`);
    if (q.kind === 'exercise' && isObj(q.exercise)) {
      const exercise = q.exercise;
      if (typeof exercise.type === 'string' && isObj(exercise.settings)) {
        for (const c of exerciseChoices({ type: exercise.type, settings: exercise.settings as Record<string, string> })) keys.push(`questions.${q.id}.choices.${c}`);
      }
      if (typeof exercise.checks === 'string') keys.push(`questions.${q.id}.gap.over`, `questions.${q.id}.gap.under`);
    }
    if (Array.isArray(q.options)) for (const o of q.options) if (isObj(o) && typeof o.id === 'string') keys.push(`questions.${q.id}.options.${o.id}`);
  }
  return keys;
}

/** `only`: the languages the caller loaded (the browser loads one at a time); all declared ones otherwise. */
function checkLocales(source: QuestionnaireSource, root: Json, refs: Refs, problems: Problem[], only?: string[]): Record<string, LocaleTree> | undefined {
  const declared = only ? refs.languages.filter((l) => only.includes(l)) : refs.languages;
  const trees: Record<string, LocaleTree> = {};
  const flat = new Map<string, Map<string, Json>>();
  const fileOf = new Map<string, string>();
  for (const locale of source.locales) {
    const p = new ProblemList(locale.file);
    fileOf.set(locale.language, locale.file);
    if (refs.languages.length && !refs.languages.includes(locale.language)) {
      p.warn('file.unexpected', '$', { language: locale.language, languages: declared.join(', ') });
      problems.push(...p.items);
      continue;
    }
    const tree = parseJson(locale.text, p);
    if (tree !== undefined && !isObj(tree)) p.error('type.object', '$', { actual: describeValue(tree) });
    if (isObj(tree)) {
      const keys = new Map<string, Json>();
      collectKeys(tree, '', keys);
      for (const [k, value] of keys) {
        if (typeof value !== 'string') p.error('type.string', `$.${k}`, { actual: describeValue(value) });
        else if (value.trim() === '') p.error('locale.empty', `$.${k}`, { key: k });
        const question = /^questions\.([^.]+)\./.exec(k)?.[1];
        if (question && refs.questions.size && !refs.questions.has(question)) {
          p.warn('locale.unknown-question', `$.${k}`, { id: question, suggestion: suggest(question, refs.questions.keys()) ?? '' });
        }
      }
      flat.set(locale.language, keys);
      trees[locale.language] = tree as LocaleTree;
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
    for (const k of keys.keys()) {
      if (required.includes(k)) continue;
      const missingIn = present.filter((other) => !flat.get(other)?.has(k));
      if (missingIn.length) {
        problems.push({ code: 'locale.partial-key', severity: 'error', file, path: `$.${k}`, params: { key: k, languages: missingIn.join(', ') } });
      }
    }
  }
  return present.length === declared.length ? trees : undefined;
}


function slug(v: string): string {
  return v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
