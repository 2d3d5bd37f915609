// Every shell block of every guide in docs/ runs here, in order, in one shell per guide and a
// scratch folder of its own, and what each shows is compared with what it prints.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApiStart, ConsoleBlock, GuideBlock, guideBlocks, ScriptBlock } from './guide-blocks';
import { repositoryRoot, RunningApi, startApi } from './guide-api';
import { GuideShell } from './guide-shell';
import { compareOutput, describeDifference } from './shown-output';

const docs = join(repositoryRoot, 'docs');
const guides = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? guides(join(folder, entry.name))
        : entry.name.endsWith('.md')
          ? [join(folder, entry.name)]
          : [],
    )
    .sort();

// Inside the workspace, so that `npx coachline` finds the workspace's command as it does for a
// reader in a checkout; shown in output as a folder under /tmp.
const scratchRoot = join(repositoryRoot, 'tmp', 'guides');
const SHOWN_SCRATCH = '/tmp/guide';
const BLOCK_LIMIT_MS = 180_000;

// The reader's environment, not the test runner's: no database, secret or Node options of ours.
const readerEnvironment = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env))
    if (/^(COACHLINE_|DATABASE_URL$|EVENTSTORE_URL$|NODE_OPTIONS$|NODE_ENV$|JEST_|LOG_LEVEL$|API$|PORT$)/.test(name))
      delete env[name];
  return env;
};

const failures = (block: ConsoleBlock | ScriptBlock, ran: ReadonlyArray<string>): string =>
  `line ${block.line}, ${block.title}:\n${ran.join('\n\n')}`;

for (const path of guides(docs)) {
  const blocks: ReadonlyArray<GuideBlock> = guideBlocks(readFileSync(path, 'utf8'));
  if (blocks.length === 0) continue;
  const name = relative(repositoryRoot, path);

  describe(name, () => {
    let folder = '';
    let shell: GuideShell;
    const apis: RunningApi[] = [];

    beforeAll(() => {
      mkdirSync(scratchRoot, { recursive: true });
      folder = mkdtempSync(join(scratchRoot, `${name.replace(/[^\w]+/g, '-')}-`));
      shell = new GuideShell(folder, { ...readerEnvironment(), COACHLINE_DATA_DIR: join(folder, '.coachline') });
    });
    afterAll(async () => {
      shell.stop();
      await Promise.all(apis.map((api) => api.stop()));
      rmSync(folder, { recursive: true, force: true });
    });

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

    for (const block of blocks) {
      const title = `line ${block.line}: ${block.title}`;
      if (block.kind === 'not-run') {
        it.skip(`${title} (not run: ${block.reason})`, () => undefined);
        continue;
      }
      if (block.kind === 'refused') {
        it(title, () => {
          throw new Error(`${name} line ${block.line}: ${block.problem}`);
        });
        continue;
      }
      it(
        title,
        async () => {
          await withApi(block.api);
          const problems: string[] = [];
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
          if (problems.length > 0) throw new Error(`${name}, ${failures(block, problems)}`);
        },
        BLOCK_LIMIT_MS,
      );
    }
  });
}
