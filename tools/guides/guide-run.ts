// Runs one guide's blocks in order, in one shell and a scratch folder of its own, and reports for
// each block what went wrong (nothing when its output is the one shown).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiStart, ConsoleBlock, GuideBlock, ScriptBlock } from './guide-blocks';
import { repositoryRoot, RunningApi, startApi } from './guide-api';
import { GuideShell, shellQuote } from './guide-shell';
import { compareOutput, describeDifference } from './shown-output';

// Inside the workspace, so that `npx coachline` finds the workspace's command as it does for a
// reader in a checkout; shown in output as a folder under /tmp.
const scratchRoot = join(repositoryRoot, 'tmp', 'guides');
const SHOWN_SCRATCH = '/tmp/guide';

// The reader's environment, not the test runner's: no database, secret or Node options of ours.
export const readerEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (
      /^(COACHLINE_|DATABASE_URL$|EVENTSTORE_URL$|NODE_OPTIONS$|NODE_ENV$|JEST_|LOG_LEVEL$|API$|PORT$|npm_lifecycle_|npm_package_|npm_command$|INIT_CWD$)/.test(
        name,
      )
    )
      delete env[name];
  return env;
};

type Runnable = ConsoleBlock | ScriptBlock;

/** Runs the guide's runnable blocks in order; `done` hears each block's problems as it ends. */
export const runGuide = async (
  name: string,
  blocks: ReadonlyArray<GuideBlock>,
  done: (block: Runnable, problems: ReadonlyArray<string>) => void,
): Promise<void> => {
  mkdirSync(scratchRoot, { recursive: true });
  const folder = mkdtempSync(join(scratchRoot, `${name.replace(/[^\w]+/g, '-')}-`));
  const shell = new GuideShell(folder, { ...readerEnvironment(), COACHLINE_DATA_DIR: join(folder, '.coachline') });
  // `npx coachline` in this folder runs the workspace's node_modules/.bin/coachline; running it
  // directly gives the same output without npm's own start (about half a second a command, over a
  // hundred commands). Every other npx goes to npx itself.
  const bin = join(repositoryRoot, 'node_modules', '.bin', 'coachline');
  await shell.run(
    `npx() { if [ "\${1-}" = coachline ]; then shift; ${shellQuote(bin)} "$@"; else command npx "$@"; fi; }`,
  );
  const apis: RunningApi[] = [];
  const shown = (printed: string): string => printed.split(folder).join(SHOWN_SCRATCH);

  const withApi = async (start: ApiStart | undefined): Promise<void> => {
    if (start === undefined) return;
    // One API at a time, as a reader runs one: the next is started on a store of its own.
    await Promise.all(apis.splice(0).map((running) => running.stop()));
    const api = await startApi(folder, start, readerEnvironment());
    apis.push(api);
    await shell.export('API', api.url);
    await shell.export('PORT', String(api.port));
    await shell.export('COACHLINE_DATA_DIR', api.dataDir);
  };

  const run = async (block: Runnable): Promise<string[]> => {
    const problems: string[] = [];
    await withApi(block.api);
    if (block.kind === 'console') {
      for (const [index, command] of block.commands.entries()) {
        const ran = await shell.run(command.text);
        // A command may fail where the guide shows how: its message, or its code on the next line.
        const showsFailure =
          command.expected.trim() !== '' || /^echo \$\?$/.test(block.commands[index + 1]?.text ?? '');
        if (ran.status !== 0 && !showsFailure)
          problems.push(`$ ${command.text}\nexited ${ran.status}:\n${shown(ran.output)}`);
        const comparison = compareOutput(command.expected, shown(ran.output));
        if (!comparison.matches) problems.push(`$ ${command.text}\n${describeDifference(comparison)}`);
      }
    } else {
      const ran = await shell.run(block.script, true);
      if (ran.status !== 0) problems.push(`exited ${ran.status}:\n${shown(ran.output)}`);
      else if (block.expected !== undefined) {
        const comparison = compareOutput(block.expected, shown(ran.output));
        if (!comparison.matches) problems.push(describeDifference(comparison));
      }
    }
    return problems;
  };

  try {
    for (const block of blocks) {
      if (block.kind !== 'console' && block.kind !== 'script') continue;
      const problems = await run(block).catch((error: unknown) => [`could not run: ${String(error)}`]);
      done(block, problems);
    }
  } finally {
    shell.stop();
    await Promise.all(apis.map((api) => api.stop()));
    rmSync(folder, { recursive: true, force: true });
  }
};
