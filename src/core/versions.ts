import type { HistoryPoint, ProRecord } from './pro-record.ts';
import { outcomeOf, questionIndex } from './scoring.ts';
import type { Answer, Answers, CheckedFiles, OptionId, Outcome, PublishedVersion, QuestionId, Questionnaire, QuestionnaireIndexEntry, VersionMapping } from './types.ts';

export type { PublishedVersion, VersionMapping };

// Questionnaire versions. A record names the questionnaire, its version and the content hash it was
// made with; the build ships every published version (questionnaires/<id>/versions/<version>/) and
// lists them in questionnaires/index.json. Here: which files render a record, which records a
// history may draw on one chart, and how a structure's declared mapping carries old answers over.

/** Where a version's files are, inside the questionnaire's folder. */
export function versionFolder(version: string): string {
  return `versions/${version}`;
}

/** Versions usable as a folder name: letters, digits, dots, hyphens and underscores. */
export const VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** What a record says about the questionnaire it was made with. */
export interface VersionRef {
  questionnaireId: string;
  /** Absent on records made before versions were recorded: the content hash tells then. */
  questionnaireVersion?: string | undefined;
  contentHash: string;
}

export type VersionResolution =
  /** The questionnaire as the build ships it now. `sameContent` is false when the version matches but the content hash does not (edited without a new version number). */
  | { status: 'current'; entry: QuestionnaireIndexEntry; version: string; sameContent: boolean }
  /** An older version the build kept. */
  | { status: 'archived'; entry: QuestionnaireIndexEntry; published: PublishedVersion; version: string; sameContent: boolean }
  /** The build no longer has that version (or cannot tell which it was): the current one is the best there is, and the screen says so. */
  | { status: 'not-kept'; entry: QuestionnaireIndexEntry; version: string | undefined }
  /** The build has no questionnaire of that id at all. */
  | { status: 'no-questionnaire'; version: string | undefined };

const hashesOf = (checked: CheckedFiles | undefined, whole: string): string[] => [whole, ...Object.values(checked?.contentHashes ?? {})];

/** The version of the index a record was made with: by its version when it has one, else by its content hash. */
export function resolveVersion(index: readonly QuestionnaireIndexEntry[], ref: VersionRef): VersionResolution {
  const entry = index.find((e) => e.id === ref.questionnaireId);
  const wanted = ref.questionnaireVersion;
  if (!entry) return { status: 'no-questionnaire', version: wanted };
  const published = entry.versions ?? [];
  const currentHashes = hashesOf(entry.checked, entry.contentHash);
  if (wanted !== undefined) {
    if (wanted === entry.version) return { status: 'current', entry, version: wanted, sameContent: currentHashes.includes(ref.contentHash) };
    const kept = published.find((p) => p.version === wanted);
    if (kept) return { status: 'archived', entry, published: kept, version: wanted, sameContent: hashesOf(kept.checked, kept.contentHash).includes(ref.contentHash) };
    return { status: 'not-kept', entry, version: wanted };
  }
  if (currentHashes.includes(ref.contentHash)) return { status: 'current', entry, version: entry.version, sameContent: true };
  const kept = published.find((p) => hashesOf(p.checked, p.contentHash).includes(ref.contentHash));
  if (kept) return { status: 'archived', entry, published: kept, version: kept.version, sameContent: true };
  return { status: 'not-kept', entry, version: undefined };
}

/** The version a record was made with, when it can be told (for grouping a history). */
export function versionOf(index: readonly QuestionnaireIndexEntry[], ref: VersionRef): string | undefined {
  return resolveVersion(index, ref).version;
}

/**
 * The chain of declared mappings that carries answers of `from` to `to` (each mapping names the
 * version it leads to), or undefined when the structure declared none. A chain never loops.
 */
export function mappingChain(entry: QuestionnaireIndexEntry, from: string, to: string): VersionMapping[] | undefined {
  const chain: VersionMapping[] = [];
  let at = from;
  const seen = new Set<string>();
  while (at !== to) {
    if (seen.has(at)) return undefined;
    seen.add(at);
    const mapping = entry.versions?.find((p) => p.version === at)?.mapping;
    if (!mapping) return undefined;
    chain.push(mapping);
    at = mapping.to;
  }
  return chain;
}

function mapAnswer(answer: Answer, mapped: Record<string, string> | undefined): Answer {
  if (!mapped) return answer;
  const options = mapped as Record<OptionId, OptionId>;
  if (answer.type === 'choice') return { type: 'choice', option: options[answer.option] ?? answer.option };
  if (answer.type === 'choices') return { type: 'choices', options: answer.options.map((o) => options[o] ?? o) };
  return answer;
}

/**
 * Answers and path carried through declared mappings onto the target questionnaire; answers to
 * questions it does not have (dropped by a mapping or unknown to it) are left out of the carried
 * copy only: the record itself keeps every answer.
 */
export function carryAnswers(chain: readonly VersionMapping[], target: Questionnaire, answers: Answers, path: readonly QuestionId[]): { answers: Answers; path: QuestionId[] } {
  let current: Record<string, Answer> = { ...(answers as Record<string, Answer>) };
  let currentPath: string[] = [...path];
  for (const mapping of chain) {
    const rename = (id: string): string | null => (mapping.questions && id in mapping.questions ? (mapping.questions[id] ?? null) : id);
    const next: Record<string, Answer> = {};
    for (const [id, answer] of Object.entries(current)) {
      const to = rename(id);
      if (to !== null) next[to] = mapAnswer(answer, mapping.options?.[id]);
    }
    current = next;
    currentPath = currentPath.map(rename).filter((id): id is string => id !== null);
  }
  const known = questionIndex(target);
  const kept = Object.fromEntries(Object.entries(current).filter(([id]) => known.has(id as QuestionId))) as Answers;
  return { answers: kept, path: currentPath.filter((id) => known.has(id as QuestionId)) as QuestionId[] };
}

/** One questionnaire's diagnostics of a code, in one version (or carried onto it): what one chart may draw. */
export interface HistoryGroup {
  questionnaireId: string;
  /** The version its scores are expressed in; undefined when the records do not say and the build cannot tell. */
  version: string | undefined;
  points: HistoryPoint[];
}

/** Carrying older versions' answers onto one version, where the structure declared a mapping. */
export interface HistoryCarry {
  questionnaireId: string;
  version: string;
  questionnaire: Questionnaire;
  /** The declared mappings from a version to `version`, or undefined when there are none. */
  chain: (from: string) => readonly VersionMapping[] | undefined;
}

const byDate = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);

/**
 * The completed diagnostics of one code, apart per questionnaire and per version: two versions are
 * drawn together only when the structure declared how the older one's answers map onto the newer
 * (the carried points are rescored with the newer version and say so). Groups of the record being
 * viewed come first (pass its questionnaire and version as `first`), then the most recent.
 */
export function historyGroups(records: readonly ProRecord[], code: string, versionOfRecord: (record: ProRecord) => string | undefined, first?: { questionnaireId: string; version: string | undefined }, carry?: HistoryCarry): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>();
  const add = (questionnaireId: string, version: string | undefined, point: HistoryPoint) => {
    const key = `${questionnaireId}\u0000${version ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { questionnaireId, version, points: [] }));
    group.points.push(point);
  };
  for (const r of records) {
    if (r.code !== code || r.session.status !== 'completed' || !r.outcome) continue;
    const version = versionOfRecord(r);
    const at = r.session.completedAt ?? r.session.updatedAt;
    const chain = carry && r.session.questionnaireId === carry.questionnaireId && version !== undefined && version !== carry.version ? carry.chain(version) : undefined;
    if (carry && chain) {
      const carried = carryAnswers(chain, carry.questionnaire, r.session.answers, r.session.path);
      const outcome = outcomeOf(carry.questionnaire, carried.answers, carried.path);
      add(carry.questionnaireId, carry.version, { ...pointOf(r.session.id, at, outcome), convertedFrom: version });
      continue;
    }
    add(r.session.questionnaireId, version, pointOf(r.session.id, at, r.outcome));
  }
  const list = [...groups.values()];
  for (const g of list) g.points.sort(byDate);
  const latest = (g: HistoryGroup) => g.points.at(-1)?.at ?? '';
  const isFirst = (g: HistoryGroup) => (first && g.questionnaireId === first.questionnaireId && g.version === first.version ? 0 : 1);
  return list.sort((a, b) => isFirst(a) - isFirst(b) || (latest(a) > latest(b) ? -1 : latest(a) < latest(b) ? 1 : 0));
}

function pointOf(recordId: string, at: string, outcome: Pick<Outcome, 'profile' | 'areas'>): HistoryPoint {
  return { recordId, at, profile: outcome.profile, scores: Object.fromEntries(outcome.areas.map((a) => [a.area, a.score])) as HistoryPoint['scores'] };
}
