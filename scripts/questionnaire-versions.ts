// Reads and checks the published versions a questionnaire folder keeps (versions/<version>/, each a
// questionnaire.json and its locales/, optionally a mapping.json), for the build and `npm run
// validate` (Node only). Each is checked like a questionnaire; a version folder must hold that
// version; a published version's content never changes (the current questionnaire must take a new
// version number once its version is published); a mapping names versions and ids that exist.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkedFiles, contentHash, loadQuestionnaire, type LoadedQuestionnaire, type Problem, type PublishedVersion, type VersionMapping } from '../src/core/index.ts';
import { VERSION_PATTERN, versionFolder } from '../src/core/versions.ts';
import fr from '../src/i18n/versions/fr.json' with { type: 'json' };
import en from '../src/i18n/versions/en.json' with { type: 'json' };
import { fileFingerprint, readQuestionnaireFolder, ROOT } from './questionnaire-files.ts';

export const VERSIONS_DIR = 'versions';

export interface VersionProblem {
  file: string;
  code: keyof typeof fr.versions;
  params: Record<string, string>;
}

export interface PublishedVersions {
  versions: PublishedVersion[];
  /** Problems of the versions' own files (the questionnaire validator's). */
  problems: Problem[];
  /** Problems of the archive itself: folder names, a changed published version, mappings. */
  versionProblems: VersionProblem[];
}

const shown = (path: string) => relative(ROOT, path).split('\\').join('/');
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The published versions kept in `folder`/versions/, checked against the current questionnaire. */
export function readPublishedVersions(folder: string, current: LoadedQuestionnaire): PublishedVersions {
  const dir = join(folder, VERSIONS_DIR);
  const out: PublishedVersions = { versions: [], problems: [], versionProblems: [] };
  if (!existsSync(dir)) return out;
  const id = current.questionnaire.id;
  const loadedByVersion = new Map<string, LoadedQuestionnaire>([[current.questionnaire.version, current]]);
  const mappings: [string, string, unknown][] = [];
  const parentPictograms = readQuestionnaireFolder(folder).pictograms;
  for (const name of readdirSync(dir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    const structure = join(path, 'questionnaire.json');
    if (!VERSION_PATTERN.test(name)) {
      out.versionProblems.push({ file: shown(path), code: 'folderName', params: { name } });
      continue;
    }
    if (!existsSync(structure)) {
      out.versionProblems.push({ file: shown(path), code: 'noStructure', params: { name } });
      continue;
    }
    const own = readQuestionnaireFolder(path);
    // Pictograms are shared with the current folder (a version may keep its own in versions/<v>/pictograms/).
    const source = { ...own, folder: id, pictograms: [...new Set([...own.pictograms, ...parentPictograms])] };
    const result = loadQuestionnaire(source, { reachability: false });
    if (!result.ok) {
      out.problems.push(...result.problems);
      continue;
    }
    const q = result.loaded.questionnaire;
    if (q.version !== name) {
      out.versionProblems.push({ file: shown(structure), code: 'versionMismatch', params: { name, version: q.version } });
      continue;
    }
    if (q.version === current.questionnaire.version) {
      // The current version is published: its content must be exactly what was published.
      if (result.loaded.contentHash !== current.contentHash) out.versionProblems.push({ file: shown(join(folder, 'questionnaire.json')), code: 'changedPublished', params: { version: q.version, folder: shown(path) } });
      continue;
    }
    loadedByVersion.set(q.version, result.loaded);
    const mappingFile = join(path, 'mapping.json');
    let mapping: VersionMapping | undefined;
    if (existsSync(mappingFile)) {
      try {
        const raw: unknown = JSON.parse(readFileSync(mappingFile, 'utf8'));
        mappings.push([q.version, shown(mappingFile), raw]);
        mapping = raw as VersionMapping;
      } catch (error) {
        out.versionProblems.push({ file: shown(mappingFile), code: 'mappingJson', params: { detail: (error as Error).message } });
      }
    }
    out.versions.push({
      version: q.version,
      contentHash: result.loaded.contentHash,
      structureHash: contentHash(q),
      checked: checkedFiles(source, result.loaded, fileFingerprint),
      ...(mapping ? { mapping } : {}),
    });
  }
  for (const [version, file, raw] of mappings) {
    const problem = mappingProblem(raw, loadedByVersion.get(version)!, loadedByVersion);
    if (problem) {
      out.versionProblems.push({ file, ...problem });
      const kept = out.versions.find((v) => v.version === version);
      if (kept) delete kept.mapping;
    }
  }
  return out;
}

/** What is wrong with a mapping.json, if anything: one problem, the first. */
function mappingProblem(raw: unknown, from: LoadedQuestionnaire, versions: Map<string, LoadedQuestionnaire>): Omit<VersionProblem, 'file'> | undefined {
  if (!isObj(raw) || typeof raw.to !== 'string') return { code: 'mappingTo', params: { versions: [...versions.keys()].join(', ') } };
  const target = versions.get(raw.to);
  if (!target || raw.to === from.questionnaire.version) return { code: 'mappingTo', params: { versions: [...versions.keys()].filter((v) => v !== from.questionnaire.version).join(', ') } };
  const oldIds = new Set(from.questionnaire.questions.map((q) => q.id as string));
  const newIds = new Set(target.questionnaire.questions.map((q) => q.id as string));
  if (raw.questions !== undefined && !isObj(raw.questions)) return { code: 'mappingShape', params: { key: 'questions' } };
  for (const [old, to] of Object.entries((raw.questions ?? {}) as Record<string, unknown>)) {
    if (!oldIds.has(old)) return { code: 'mappingOld', params: { question: old, version: from.questionnaire.version } };
    if (to !== null && (typeof to !== 'string' || !newIds.has(to))) return { code: 'mappingNew', params: { question: String(to), version: raw.to } };
  }
  if (raw.options !== undefined && !isObj(raw.options)) return { code: 'mappingShape', params: { key: 'options' } };
  for (const [old, options] of Object.entries((raw.options ?? {}) as Record<string, unknown>)) {
    const question = from.questionnaire.questions.find((q) => q.id === old);
    if (!question) return { code: 'mappingOld', params: { question: old, version: from.questionnaire.version } };
    if (!isObj(options)) return { code: 'mappingShape', params: { key: `options.${old}` } };
    for (const option of Object.keys(options)) {
      if (!(question.options ?? []).some((o) => o.id === option)) return { code: 'mappingOption', params: { question: old, option, version: from.questionnaire.version } };
    }
  }
  return undefined;
}

/** One line a person can act on: the file, what is wrong, the fix. */
export function formatVersionProblem(problem: VersionProblem, language: 'fr' | 'en' = 'fr'): string {
  const messages = (language === 'en' ? en : fr).versions as Record<string, string>;
  const text = (messages[problem.code] ?? problem.code).replace(/\{\{(\w+)\}\}/g, (_, name: string) => problem.params[name] ?? '');
  return `${problem.file} : ${text}`;
}

export { versionFolder };
