// The published versions a questionnaire folder keeps (versions/<version>/): what the build ships
// and refuses, with messages that name the file and the fix.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, resolveVersion, type QuestionnaireIndexEntry } from '../../src/core/index.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from '../../scripts/questionnaire-files.ts';
import { formatVersionProblem, readPublishedVersions } from '../../scripts/questionnaire-versions.ts';

type Json = Record<string, unknown> & { version: string; questions: { id: string }[] };

/** A copy of the sample questionnaire whose version 1 is published and whose current version is 2. */
function folderWithVersions(change: (v2: Json) => void = () => undefined) {
  const dir = join(mkdtempSync(join(tmpdir(), 'reperes-versions-')), 'exemple');
  cpSync(join(QUESTIONNAIRES_DIR, 'exemple'), dir, { recursive: true });
  const v1 = join(dir, 'versions', '1');
  mkdirSync(v1, { recursive: true });
  cpSync(join(dir, 'questionnaire.json'), join(v1, 'questionnaire.json'));
  cpSync(join(dir, 'locales'), join(v1, 'locales'), { recursive: true });
  const structure = JSON.parse(readFileSync(join(dir, 'questionnaire.json'), 'utf8')) as Json;
  writeFileSync(join(v1, 'questionnaire.json'), JSON.stringify({ ...structure, version: '1' }));
  const v2 = { ...structure, version: '2' };
  change(v2);
  writeFileSync(join(dir, 'questionnaire.json'), JSON.stringify(v2));
  return { dir, v1 };
}

function load(dir: string) {
  const result = loadQuestionnaire(readQuestionnaireFolder(dir), { reachability: false });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.loaded;
}

describe('published versions (versions/<version>/)', () => {
  it('ships each one checked, with the content hashes its records carry, and a record of version 1 resolves to it', () => {
    const { dir } = folderWithVersions();
    const current = load(dir);
    const published = readPublishedVersions(dir, current);
    expect(published.problems).toEqual([]);
    expect(published.versionProblems).toEqual([]);
    expect(published.versions.map((v) => v.version)).toEqual(['1']);
    const [v1] = published.versions;
    expect(Object.keys(v1!.checked!.files)).toContain('versions/1/questionnaire.json');
    const entry: QuestionnaireIndexEntry = { id: 'exemple', version: '2', languages: ['fr'], defaultLanguage: 'fr', contentHash: current.contentHash, pictograms: [], versions: published.versions };
    const frHash = v1!.checked!.contentHashes.fr!;
    expect(resolveVersion([entry], { questionnaireId: 'exemple', contentHash: frHash })).toMatchObject({ status: 'archived', version: '1', sameContent: true });
  });

  it('refuses a published version whose content changed without a new version number', () => {
    const { dir, v1 } = folderWithVersions();
    // The current file claims version 1 again, with a change: records made with the real 1 would lie.
    const structure = JSON.parse(readFileSync(join(dir, 'questionnaire.json'), 'utf8')) as Json & { levels: Record<string, number> };
    writeFileSync(join(dir, 'questionnaire.json'), JSON.stringify({ ...structure, version: '1', levels: { ...structure.levels, acquis: structure.levels.acquis! + 1 } }));
    const published = readPublishedVersions(dir, load(dir));
    expect(published.versionProblems.map((p) => formatVersionProblem(p))).toEqual([
      expect.stringMatching(/exemple\/questionnaire\.json : la version « 1 » est déjà publiée \(.*exemple\/versions\/1\) avec un autre contenu : des fiches y renvoient\. Donnez une nouvelle valeur à « version »/),
    ]);
    expect(v1).toContain('versions');
  });

  it('refuses a folder that does not hold the version it is named after, and a mapping naming a question that does not exist', () => {
    const { dir, v1 } = folderWithVersions();
    mkdirSync(join(dir, 'versions', '7'));
    cpSync(v1, join(dir, 'versions', '7'), { recursive: true });
    writeFileSync(join(v1, 'mapping.json'), JSON.stringify({ to: '2', questions: { 'pas-la': 'courriel' } }));
    const messages = readPublishedVersions(dir, load(dir)).versionProblems.map((p) => formatVersionProblem(p));
    expect(messages).toContainEqual(expect.stringMatching(/versions\/7\/questionnaire\.json : ce dossier garde la version « 7 » mais le fichier dit « version »: « 1 »/));
    expect(messages).toContainEqual(expect.stringMatching(/versions\/1\/mapping\.json : la question « pas-la » n'existe pas dans la version 1\./));
  });

  it('keeps a sound mapping in the index', () => {
    const { dir, v1 } = folderWithVersions();
    writeFileSync(join(v1, 'mapping.json'), JSON.stringify({ to: '2', questions: { courriel: 'courriel' }, options: { courriel: { seul: 'montrer' } } }));
    const published = readPublishedVersions(dir, load(dir));
    expect(published.versionProblems).toEqual([]);
    expect(published.versions[0]!.mapping).toEqual({ to: '2', questions: { courriel: 'courriel' }, options: { courriel: { seul: 'montrer' } } });
  });
});
