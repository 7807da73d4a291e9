// Vite plugin: serves questionnaires/ in development, copies it into the build with an index,
// and refuses to build when a questionnaire or public/settings.json has errors (the validator's
// messages are printed). The settings file's fingerprint goes into the app
// (import.meta.env.REPERES_SETTINGS_SHA256): the browser only parses it while it is unchanged.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next from 'i18next';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin } from 'vite';
import { checkedFiles, contentHash, loadQuestionnaire, readSettings, type QuestionnaireIndexEntry, type Settings } from '../src/core/index.ts';
import { defaultLanguageFirst, startFiles } from '../src/ui/start-files.ts';
import fr from '../src/i18n/validation/fr.json' with { type: 'json' };
import { formatProblem } from '../src/i18n/problems.ts';
import { fileFingerprint, QUESTIONNAIRES_DIR, questionnaireFolders, readQuestionnaireFolder, ROOT } from './questionnaire-files.ts';
import { AUDIO_EXTENSIONS, type AudioIndexEntry } from '../src/core/audio.ts';
import { formatAudioProblem, readAudio } from './audio-files.ts';
import { readPictograms } from './pictogram-files.ts';
import { formatVersionProblem, readPublishedVersions } from './questionnaire-versions.ts';

const SHIPPED = new RegExp(`\\.(json|svg|${AUDIO_EXTENSIONS.join('|')})$`);
const AUDIO_TYPES: Record<string, string> = { mp3: 'audio/mpeg', ogg: 'audio/ogg', opus: 'audio/ogg', m4a: 'audio/mp4', webm: 'audio/webm', wav: 'audio/wav' };
const SETTINGS = join(ROOT, 'public', 'settings.json');


function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** The validator's messages in French, for the build's errors. */
function i18n() {
  const instance = i18next.createInstance();
  instance.init({ lng: 'fr', resources: { fr: { translation: fr } }, initAsync: false, interpolation: { escapeValue: false } });
  return instance;
}

/** questionnaires/index.json for the folders under `dir`, and every error that must stop the build. */
export function buildIndex(dir = QUESTIONNAIRES_DIR): { index: (QuestionnaireIndexEntry & AudioIndexEntry)[]; errors: string[] } {
  const { t } = i18n();
  const index: (QuestionnaireIndexEntry & AudioIndexEntry)[] = [];
  const errors: string[] = [];
  for (const folder of questionnaireFolders(dir)) {
    const source = readQuestionnaireFolder(folder);
    const result = loadQuestionnaire(source);
    if (!result.ok) {
      errors.push(...result.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, t)));
      continue;
    }
    const q = result.loaded.questionnaire;
    const audio = readAudio(folder, q.languages);
    errors.push(...audio.problems.map((p) => formatAudioProblem(p)));
    // The pictograms' drawings, inlined by the page (src/core/pictograms.ts): no request, no image document.
    const pictograms = readPictograms(folder, source.pictograms);
    errors.push(...pictograms.problems.map((p) => p.message));
    // Every published version records may still refer to (versions/<version>/), checked and shipped.
    const published = readPublishedVersions(folder, result.loaded);
    errors.push(...published.problems.filter((p) => p.severity === 'error').map((p) => formatProblem(p, t)), ...published.versionProblems.map((p) => formatVersionProblem(p)));
    index.push({
      id: q.id,
      version: q.version,
      languages: q.languages,
      defaultLanguage: q.defaultLanguage,
      contentHash: result.loaded.contentHash,
      ...(q.example ? { example: true } : {}),
      pictograms: source.pictograms.sort(),
      drawings: pictograms.drawings,
      // The browser parses these files without checking them again while they stay exactly as checked here.
      checked: checkedFiles(source, result.loaded, fileFingerprint),
      // Recordings read aloud before speech synthesis, per language (src/ui/recorded-audio.ts).
      ...(Object.keys(audio.listing).length ? { audio: audio.listing } : {}),
      structureHash: contentHash(q),
      ...(published.versions.length ? { versions: published.versions } : {}),
    });
  }
  return { index, errors };
}

/** Every file the build ships under questionnaires/ (published versions included), and the index. */
export function shippedFiles(index: QuestionnaireIndexEntry[], dir = QUESTIONNAIRES_DIR): { fileName: string; source: Buffer | string }[] {
  const files: { fileName: string; source: Buffer | string }[] = [];
  for (const entry of index) {
    for (const file of listFiles(join(dir, entry.id))) {
      if (!SHIPPED.test(file)) continue;
      files.push({ fileName: `questionnaires/${relative(dir, file).split('\\').join('/')}`, source: readFileSync(file) });
    }
  }
  files.push({ fileName: 'questionnaires/index.json', source: JSON.stringify(index) });
  return files;
}

/**
 * The <link>s index.html gets so that what a kiosk with the built settings.json reads at start
 * travels beside the start screen's code rather than one or two round trips after it has run: its
 * files (start-files.ts), then, at low priority (never before the start screen's own code), the
 * settings' checker and the first question's code, or the list's when several questionnaires are
 * offered. A structure that edits settings.json pays at most the texts of a questionnaire it no
 * longer opens (a few KB): the app fetches what its settings name, preloaded or not.
 */
export function startPreloads(settings: Settings, index: readonly QuestionnaireIndexEntry[], chunks: { checker?: string | undefined; run?: string | undefined; list?: string | undefined }): HtmlTagDescriptor[] {
  const { files, list } = startFiles(settings, index);
  const code = [chunks.checker, list ? chunks.list : chunks.run].filter((f) => f !== undefined);
  return [
    ...files.map((href): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'preload', href, as: 'fetch', crossorigin: '' }, injectTo: 'head' })),
    ...code.map((f): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', href: `./${f}`, crossorigin: '', fetchpriority: 'low' }, injectTo: 'head' })),
  ];
}

/** The chunks startPreloads names, found in the build's bundle. */
function startChunks(bundle: NonNullable<IndexHtmlTransformContext['bundle']>) {
  const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []));
  return {
    checker: chunks.find((c) => c.name === 'checker')?.fileName,
    run: chunks.find((c) => c.name === 'run')?.fileName,
    list: chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/src/ui/questionnaire-list.tsx')))?.fileName,
  };
}

export function questionnairesPlugin(): Plugin {
  // The index and the settings of this build, made once (the page and the files both need them).
  let built: { index: ReturnType<typeof buildIndex>; settings: ReturnType<typeof readSettings> | undefined } | undefined;
  const build = () => {
    if (built) return built;
    const index = buildIndex();
    const settings = existsSync(SETTINGS) && !index.errors.length ? readSettings(readFileSync(SETTINGS, 'utf8'), { questionnaires: index.index }, 'public/settings.json') : undefined;
    return (built = { index, settings });
  };
  return {
    name: 'reperes-questionnaires',
    buildStart() {
      built = undefined;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        // Built pages only: the development server serves every file as it is edited.
        if (!context.bundle) return undefined;
        const { index, settings } = build();
        if (!settings?.ok) return undefined; // the build stops below, with the problems
        return startPreloads(defaultLanguageFirst(settings.settings, readFileSync(SETTINGS, 'utf8'), index.index), index.index, startChunks(context.bundle));
      },
    },
    config() {
      const settings = existsSync(SETTINGS) ? fileFingerprint(readFileSync(SETTINGS, 'utf8')) : undefined;
      return settings ? { define: { 'import.meta.env.REPERES_SETTINGS_SHA256': JSON.stringify(settings) } } : undefined;
    },
    configureServer(server) {
      server.watcher.add(QUESTIONNAIRES_DIR);
      server.middlewares.use('/questionnaires', (req, res, next) => {
        const url = (req.url ?? '/').split('?')[0] ?? '/';
        if (url === '/index.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(buildIndex().index));
          return;
        }
        const path = join(QUESTIONNAIRES_DIR, decodeURIComponent(url));
        if (!path.startsWith(QUESTIONNAIRES_DIR)) return next();
        try {
          const body = readFileSync(path);
          const extension = path.split('.').pop() ?? '';
          res.setHeader('Content-Type', path.endsWith('.svg') ? 'image/svg+xml' : (AUDIO_TYPES[extension] ?? 'application/json'));
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      const {
        index: { index, errors },
        settings,
      } = build();
      if (errors.length) this.error(`Questionnaires invalides :\n${errors.join('\n')}`);
      if (settings && !settings.ok) this.error(`Réglages invalides :\n${settings.problems.map((p) => formatProblem(p, i18n().t)).join('\n')}`);
      for (const { fileName, source } of shippedFiles(index)) this.emitFile({ type: 'asset', fileName, source });
    },
  };
}
