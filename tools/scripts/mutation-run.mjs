// Mutation testing of the rule files of the domain and the projections, one package after the
// other, then the scores with and without text-only mutants (tools/scripts/mutation-score.mjs).
//
//   node tools/scripts/mutation-run.mjs [domain|projections ...] [--incremental]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROJECTS = ['domain', 'projections'];

const args = process.argv.slice(2);
const incremental = args.includes('--incremental');
const unknown = args.filter((a) => a !== '--incremental' && !PROJECTS.includes(a));
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(', ')}. Give any of ${PROJECTS.join(', ')} and --incremental.`);
  process.exit(2);
}
const chosen = args.filter((a) => PROJECTS.includes(a));
const projects = chosen.length > 0 ? chosen : PROJECTS;

process.chdir(root);
for (const project of projects) {
  const started = Date.now();
  console.log(`== mutation testing: ${project}`);
  await new Stryker({ configFile: `tools/scripts/mutation-${project}.config.mjs`, incremental }).runMutationTest();
  console.log(`== ${project}: ${Math.round((Date.now() - started) / 1000)} s`);
}

const score = spawnSync(process.execPath, [path.join(root, 'tools/scripts/mutation-score.mjs'), ...projects], {
  stdio: 'inherit',
});
process.exit(score.status ?? 1);
