// Prints the persona table of autonomie-numerique: for each persona, the screens its answers take,
// its profile and its points to note, then the median and the longest path. The same table is
// checked as data by tests/questionnaires/autonomie-numerique-personas.test.ts.
//   npx tsx scripts/personas.ts            the table
//   npx tsx scripts/personas.ts --readme   the summary table of the README's « Les personas »
//   npx tsx scripts/personas.ts --paths    each persona's path too
import { join } from 'node:path';
import { loadQuestionnaire, personSteps } from '../src/core/index.ts';
import { personaSummary, PERSONAS, walkPersona } from '../tests/questionnaires/autonomie-numerique-personas.ts';
import { QUESTIONNAIRES_DIR, readQuestionnaireFolder } from './questionnaire-files.ts';

const result = loadQuestionnaire(readQuestionnaireFolder(join(QUESTIONNAIRES_DIR, 'autonomie-numerique')), { reachability: false });
if (!result.ok) {
  for (const p of result.problems.filter((x) => x.severity === 'error').slice(0, 10)) console.error(`${p.file} ${p.path}: ${p.code} ${JSON.stringify(p.params)}`);
  process.exit(1);
}
const { loaded } = result;
const q = loaded.questionnaire;
const runs = PERSONAS.map((persona) => ({ persona, run: walkPersona(q, persona) }));
const summary = personaSummary(loaded, runs.map((r) => r.run));
if (process.argv.includes('--readme')) {
  console.log(summary.markdown.join('\n'));
} else {
  const width = Math.max(...PERSONAS.map((p) => p.name.length));
  for (const { persona, run } of runs) {
    const expected = run.outcome.profile === persona.profile ? '' : ` (attendu : ${persona.profile})`;
    console.log(`${persona.name.padEnd(width)} ${String(run.path.length).padStart(3)}  ${run.outcome.profile}${expected}  [${run.outcome.flags.join(', ')}]  → ${personSteps(q, run.outcome.steps).join(', ')}`);
    if (process.argv.includes('--paths')) console.log(`${' '.repeat(width + 5)}${run.path.join(' → ')}`);
  }
  console.log(`${runs.length} personas, version ${q.version} : médiane ${summary.median} écrans, le plus long ${summary.longest}, le plus court ${summary.shortest}`);
}
