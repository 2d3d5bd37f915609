// Every shell block of every guide in docs/ runs here, in order, in one shell per guide and a
// scratch folder of its own, and what each shows is compared with what it prints. The guides
// run side by side (most of their time is spent waiting on the processes they start); each
// block's test waits for its own block.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GuideBlock, guideBlocks } from './guide-blocks';
import { repositoryRoot } from './guide-api';
import { runGuide } from './guide-run';

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

const GUIDES_AT_ONCE = 3;

// What a block may need besides the workspace, and whether this machine has it.
const POSTGRES_ANSWERS = `require('node:net').connect(5432, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(1)).setTimeout(3000, () => process.exit(1))`;
const available = new Map<string, boolean>([
  [
    'postgres',
    spawnSync('psql', ['--version']).status === 0 &&
      spawnSync(process.execPath, ['-e', POSTGRES_ANSWERS], { timeout: 5000 }).status === 0,
  ],
]);
const missing = (block: GuideBlock): string | undefined =>
  block.kind === 'console' || block.kind === 'script'
    ? block.needs.find((need) => available.get(need) !== true)
    : undefined;
const WHOLE_RUN_LIMIT_MS = 15 * 60_000;

interface Outcome {
  readonly problems: Promise<ReadonlyArray<string>>;
  readonly settle: (problems: ReadonlyArray<string>) => void;
}

const outcome = (): Outcome => {
  let settle: (problems: ReadonlyArray<string>) => void = () => undefined;
  const problems = new Promise<ReadonlyArray<string>>((resolve) => (settle = resolve));
  return { problems, settle };
};

// GUIDE=auditing runs only the guides whose path holds that text.
const only = process.env['GUIDE'];
const planned = guides(docs)
  .filter((path) => only === undefined || path.includes(only))
  .map((path) => {
    const name = relative(repositoryRoot, path);
    const blocks: ReadonlyArray<GuideBlock> = guideBlocks(readFileSync(path, 'utf8')).map((block) => {
      const need = missing(block);
      return need === undefined
        ? block
        : { kind: 'not-run', line: block.line, title: block.title, reason: `no ${need} here` };
    });
    const outcomes = new Map<GuideBlock, Outcome>(blocks.map((block) => [block, outcome()]));
    const run = async (): Promise<void> => {
      await runGuide(name, blocks, (block, problems) => outcomes.get(block)?.settle(problems)).catch(
        (error: unknown) => {
          for (const pending of outcomes.values()) pending.settle([`the guide could not run: ${String(error)}`]);
        },
      );
      // A block never reached (the run stopped early) fails rather than waits.
      for (const pending of outcomes.values()) pending.settle(['the guide stopped before this block']);
    };
    return { name, blocks, outcomes, run };
  });

let running: Promise<void> = Promise.resolve();

// A reader's checkout has its apps built by `npm ci`; here they are built from the sources as
// they stand, so that a guide shows what the code does now and no command rebuilds on the way.
const buildApps = (): Promise<void> =>
  new Promise((done, fail) => {
    const build = spawn('npm', ['run', '-s', 'build:apps'], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    build.stderr.on('data', (chunk) => (errors += chunk));
    build.once('error', fail);
    build.once('close', (code) => (code === 0 ? done() : fail(new Error(`npm run build:apps failed:\n${errors}`))));
  });

beforeAll(() => {
  // The guides with the most to run start first, so that the longest is not left for last.
  const commands = (blocks: ReadonlyArray<GuideBlock>): number =>
    blocks.reduce((n, b) => n + (b.kind === 'console' ? b.commands.length : b.kind === 'script' ? 1 : 0), 0);
  const queue = planned
    .filter(({ blocks }) => commands(blocks) > 0)
    .sort((a, b) => commands(b.blocks) - commands(a.blocks));
  const lane = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await next.run();
  };
  running = buildApps().then(
    () => Promise.all(Array.from({ length: GUIDES_AT_ONCE }, lane)).then(() => undefined),
    (error: unknown) => {
      for (const { outcomes } of planned) for (const pending of outcomes.values()) pending.settle([String(error)]);
    },
  );
});

afterAll(() => running, WHOLE_RUN_LIMIT_MS);

for (const { name, blocks, outcomes } of planned) {
  if (blocks.length === 0) continue;
  describe(name, () => {
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
          const problems = await outcomes.get(block)?.problems;
          if (problems !== undefined && problems.length > 0)
            throw new Error(`${name}, line ${block.line}, ${block.title}:\n${problems.join('\n\n')}`);
        },
        WHOLE_RUN_LIMIT_MS,
      );
    }
  });
}
