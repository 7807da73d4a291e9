// The build's questionnaire step alone (what scripts/vite-questionnaires.ts does inside `vite build`):
// checks the questionnaire folders under <source> (published versions included) and writes
// <out>/questionnaires/ with its index.json. Exit 1, with the validator's messages, on any error.
// The e2e suite uses it to publish a new questionnaire version into a served copy of the build.
//   node --import tsx scripts/build-questionnaires.ts <source folder> <out folder>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buildIndex, shippedFiles } from './vite-questionnaires.ts';

const [source, out] = process.argv.slice(2).map((p) => resolve(p));
if (!source || !out) {
  console.error('usage: build-questionnaires.ts <source folder> <out folder>');
  process.exit(2);
}
const { index, errors } = buildIndex(source);
if (errors.length) {
  console.error(errors.join('\n'));
  process.exit(1);
}
for (const { fileName, source: content } of shippedFiles(index, source)) {
  const path = join(out, fileName);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
console.log(index.map((e) => `${e.id} ${e.version}${e.versions?.length ? ` (+ ${e.versions.map((v) => v.version).join(', ')})` : ''}`).join('\n'));
