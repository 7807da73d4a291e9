// CI: Lighthouse's audits that do not depend on timing (accessibility, best practices) must score 100
// on the built app. Performance is left to `npm run bench`: it swings from run to run on 2 cores.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './questionnaire-files.ts';

const FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage';
const PORT = 4391;
const url = `http://localhost:${PORT}/`;
const server = spawn('node', [join(ROOT, 'scripts', 'serve.mjs'), String(PORT)], { stdio: 'ignore' });
let failed = false;
try {
  await new Promise((r) => setTimeout(r, 800));
  const out = join(ROOT, 'test-results', 'lighthouse');
  mkdirSync(out, { recursive: true });
  const file = join(out, 'ci.json');
  const run = spawnSync('npx', ['--yes', 'lighthouse@12.8.2', url, '--output=json', `--output-path=${file}`, '--quiet', '--only-categories=accessibility,best-practices', `--chrome-flags=${FLAGS}`], {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 300_000,
  });
  if (run.status !== 0) throw new Error(`lighthouse exited with ${String(run.status)}`);
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    categories: Record<string, { score: number; auditRefs: { id: string }[] }>;
    audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
  };
  for (const [id, category] of Object.entries(report.categories)) {
    const score = Math.round(category.score * 100);
    console.log(`Lighthouse ${id}: ${score}`);
    if (score < 100) {
      failed = true;
      for (const ref of category.auditRefs) {
        const audit = report.audits[ref.id];
        if (audit && audit.scoreDisplayMode === 'binary' && audit.score === 0) console.error(`  failing audit: ${ref.id} — ${audit.title}`);
      }
    }
  }
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
