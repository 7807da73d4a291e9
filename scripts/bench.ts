// npm run bench: prints figures (never asserts them: machines here are noisy).
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';
import { getInitialSnapshot, transition } from 'xstate';
import { createQuestionnaireMachine, loadQuestionnaire, possibleAnswers, type QuestionnaireSource } from '../src/core/index.ts';
import { aggregate, observationOfRecord } from '../src/core/observatory.ts';
import { seededRandom } from '../src/core/index.ts';
import { questionnaireFolders, readQuestionnaireFolder } from './questionnaire-files.ts';

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}
const ms = (n: number) => (n < 1 ? `${(n * 1000).toFixed(1)} µs` : `${n.toFixed(2)} ms`);

function time(runs: number, work: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * A generated questionnaire of `n` questions: a chain with a branch every tenth question. `skipping`:
 * with skipSettled, the profile read from one area's score, and every hundredth question's answer "a"
 * setting a flag that a branching rule further on reads.
 */
function generated(n: number, skipping = false): QuestionnaireSource {
  const questions = Array.from({ length: n }, (_, i) => {
    const id = `q${i}`;
    const question: Record<string, unknown> = {
      id,
      kind: 'scale',
      options: ['a', 'b', 'c', 'd'].map((o, k) => ({ id: o, scores: { [`area${i % 6}`]: k }, ...(skipping && i % 100 === 3 && o === 'a' ? { flags: ['aide'] } : {}) })),
    };
    if (i % 10 === 0 && i + 2 < n) question.next = [{ if: { answer: id, is: 'a' }, goto: `q${i + 2}` }, { goto: `q${i + 1}` }];
    if (skipping && i % 100 === 55 && i + 2 < n) question.next = [{ if: { flag: 'aide' }, goto: `q${i + 2}` }, { goto: `q${i + 1}` }];
    return question;
  });
  const areas = Array.from({ length: 6 }, (_, i) => `area${i}`);
  const structure = {
    id: 'generated', version: '1', languages: ['fr'], defaultLanguage: 'fr', areas, flags: skipping ? ['aide'] : [], profiles: ['low', 'high'],
    levels: { 'en-cours': 40, acquis: 70 }, start: 'q0', questions, ...(skipping ? { skipSettled: true } : {}),
    profileRules: [{ profile: 'low', when: { score: skipping ? 'area0' : 'global', atMost: 50 } }, { profile: 'high' }],
    recommendations: { steps: [{ id: 's', kind: 'info' }], byProfile: { low: ['s'] } },
  };
  const texts = {
    title: 't', intro: 'i',
    areas: Object.fromEntries(areas.map((a) => [a, { label: a, description: a }])),
    ...(skipping ? { flags: { aide: { label: 'aide' } } } : {}),
    profiles: { low: { title: 'l', description: 'l', professional: 'l' }, high: { title: 'h', description: 'h', professional: 'h' } },
    questions: Object.fromEntries(questions.map((q) => [q.id, { text: String(q.id), options: { a: 'a', b: 'b', c: 'c', d: 'd' } }])),
    steps: { s: { title: 's', text: 's' } },
  };
  return { folder: 'generated', structure: { file: 'generated/questionnaire.json', text: JSON.stringify(structure) }, locales: [{ file: 'generated/locales/fr.json', language: 'fr', text: JSON.stringify(texts) }], pictograms: [] };
}

console.log(`Repères benchmark — ${new Date().toISOString()} — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`);
console.log('');
console.log('Validate + compile (median / p95):');
const sources = questionnaireFolders().map(readQuestionnaireFolder);
for (const source of sources) {
  const full = stats(time(10, () => {
    const r = loadQuestionnaire(source);
    if (r.ok) createQuestionnaireMachine(r.loaded.questionnaire);
  }));
  const light = stats(time(30, () => {
    const r = loadQuestionnaire(source, { languages: [source.locales[0]?.language ?? 'fr'], reachability: false });
    if (r.ok) createQuestionnaireMachine(r.loaded.questionnaire);
  }));
  console.log(`  ${source.folder.padEnd(22)} all checks ${ms(full.median)} / ${ms(full.p95)}; as the browser loads it (one language, no reachability walk) ${ms(light.median)} / ${ms(light.p95)}`);
}
// The engine's growth: a generated questionnaire of 250 to 2,000 questions, validated and compiled
// without the reachability walk (every other check, every text, the duration range; what a file
// edited after the build costs in the browser) and with every check (the walk proves each profile
// reachable, as `npm run validate` and the build do): the difference is the walk. Runs repeat until
// a budget is spent (at least 5 without the walk, at least 1 with it: one run takes a minute at
// 2,000). BENCH_SIZES=250,500 picks other sizes.
console.log('');
console.log('Validate + compile a generated questionnaire (a chain, a branch every tenth question; median / p95):');
function timedFor(budget: number, least: number, most: number, work: () => void): number[] {
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < most && (samples.length < least || performance.now() - start < budget)) samples.push(...time(1, work));
  return samples;
}
function loadAndCompile(source: QuestionnaireSource, reachability: boolean): void {
  const r = loadQuestionnaire(source, { reachability });
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  createQuestionnaireMachine(r.loaded.questionnaire);
}
const runs = (samples: number[]) => `${stats(samples).median.toFixed(1)} / ${stats(samples).p95.toFixed(1)} ms (${samples.length} run${samples.length > 1 ? 's' : ''})`;
for (const n of (process.env.BENCH_SIZES ?? '250,500,1000,2000').split(',').map(Number)) {
  const label = `${n.toLocaleString('en').padStart(5)} questions:`;
  try {
    const source = generated(n);
    loadAndCompile(source, false); // warms the code up
    const light = timedFor(2000, 5, 50, () => loadAndCompile(source, false));
    const full = timedFor(10_000, 1, 20, () => loadAndCompile(source, true));
    console.log(`  ${label} without the walk ${runs(light)}; all checks ${runs(full)}; the walk ≈ ${(stats(full).median - stats(light).median).toFixed(0)} ms`);
  } catch (error) {
    console.log(`  ${label} failed: ${String(error).slice(0, 200)}`);
  }
}
// skipSettled with a flag read by branching rules: where "nav.next" may lead, the duration range and
// the checks of each rule's order grew with the square of the questions (3,000 took 25 s to load).
for (const n of (process.env.BENCH_SKIPPING_SIZES ?? '3000').split(',').filter(Boolean).map(Number)) {
  const label = `${n.toLocaleString('en').padStart(5)} questions with skipSettled and a flag read by branching rules:`;
  try {
    const source = generated(n, true);
    const light = timedFor(2000, 1, 5, () => loadAndCompile(source, false));
    console.log(`  ${label} without the walk ${runs(light)}`);
  } catch (error) {
    console.log(`  ${label} failed: ${String(error).slice(0, 200)}`);
  }
}
const big = generated(1000);

console.log('');
console.log('One answer transition (answer.select + nav.next, pure transition()):');
for (const source of [...sources, big]) {
  const r = loadQuestionnaire(source, { reachability: false });
  if (!r.ok) continue;
  const q = r.loaded.questionnaire;
  const machine = createQuestionnaireMachine(q);
  const index = new Map(q.questions.map((x) => [x.id as string, x]));
  const samples: number[] = [];
  for (let walk = 0; samples.length < 5000 && walk < 2000; walk++) {
    let snapshot = getInitialSnapshot(machine);
    for (let step = 0; step < 40 && snapshot.value !== 'result'; step++) {
      const question = index.get(String(snapshot.value));
      const answers = question ? possibleAnswers(question) : [];
      const answer = answers[(walk + step) % Math.max(1, answers.length)];
      const start = performance.now();
      if (answer?.type === 'choice') [snapshot] = transition(machine, snapshot, { type: 'answer.select', option: answer.option });
      else if (answer?.type === 'choices') for (const option of answer.options) [snapshot] = transition(machine, snapshot, { type: 'answer.select', option });
      else if (answer?.type === 'exercise') [snapshot] = transition(machine, snapshot, { type: 'exercise.done', result: answer.result });
      [snapshot] = transition(machine, snapshot, { type: 'nav.next' });
      samples.push(performance.now() - start);
    }
  }
  const s = stats(samples);
  console.log(`  ${q.id.padEnd(22)} median ${ms(s.median)}, p95 ${ms(s.p95)} over ${samples.length} answers`);
}

console.log('');
{
  // 10,000 professional records over a year of one questionnaire: each read as the observatory
  // reads it (outcome, mode, date → ISO week), then counted per profile, area level, flag, mode, week.
  const source = sources.find((x) => x.folder.endsWith('autonomie-numerique')) ?? sources[0];
  const r = source && loadQuestionnaire(source, { reachability: false });
  if (r && r.ok) {
    const q = r.loaded.questionnaire;
    const random = seededRandom(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const levels = ['a-travailler', 'en-cours', 'acquis', null] as const;
    const records = Array.from({ length: 10_000 }, () => ({
      questionnaireId: q.id as string,
      mode: pick(['interview', 'workshop'] as const),
      date: `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`,
      outcome: { profile: pick(q.profiles), areas: q.areas.map((area) => ({ area, level: pick(levels), score: null, points: 0, max: 0 })), flags: q.flags.filter(() => random() < 0.2) },
    }));
    let total = 0;
    const s = stats(time(15, () => {
      total = aggregate(records.map(observationOfRecord), q, { from: '2026-W01', to: '2026-W53' }).total;
    }));
    console.log(`Observatory: aggregating 10,000 records for the observatory: median ${ms(s.median)}, p95 ${ms(s.p95)} (15 runs, ${total} counted)`);
  }
}
