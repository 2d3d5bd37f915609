import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { cliProcess, COACHLINE_BIN } from './testing/run-cli';

const repositoryRoot = resolve(__dirname, '..', '..', '..');
const preload = join(repositoryRoot, 'tools', 'scripts', 'report-module-loads.cjs');
/** How the preload marks a loaded file on stderr. */
const PREFIX = 'module-load: ';
const bundle = join(repositoryRoot, 'apps', 'cli', 'dist', 'main.js');
/** What the commands run, required by the first action. */
const actionsBundle = join(repositoryRoot, 'apps', 'cli', 'dist', 'actions.js');

/** The files a run of the installed `coachline` loaded, and what it printed besides. */
const loadsOf = async (argv: ReadonlyArray<string>, cwd?: string) => {
  const run = await cliProcess(argv, {
    env: { NODE_OPTIONS: `--require ${JSON.stringify(preload)}` },
    ...(cwd === undefined ? {} : { cwd }),
  });
  const lines = run.stderr.split('\n');
  return {
    code: run.code,
    stdout: run.stdout,
    stderr: lines.filter((line) => line !== '' && !line.startsWith(PREFIX)).join('\n'),
    loaded: lines.filter((line) => line.startsWith(PREFIX)).map((line) => line.slice(PREFIX.length)),
  };
};

const outsideNodeModules = (files: ReadonlyArray<string>) => files.filter((file) => !file.includes('/node_modules/'));

/** The installed packages among the files, by name (`@scope/name` or `name`). */
const packagesIn = (files: ReadonlyArray<string>) =>
  new Set(
    files
      .filter((file) => file.includes('/node_modules/'))
      .map((file) => {
        const [first, second] = file.slice(file.lastIndexOf('/node_modules/') + '/node_modules/'.length).split('/');
        return first!.startsWith('@') ? `${first}/${second}` : first!;
      }),
  );

// Processes started one after another; on a busy machine that takes longer than jest's 5 s default.
const PROCESS_TIMEOUT_MS = 60_000;

describe('the installed coachline runs its build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coachline-compiled-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'answers --help from the program’s bundle alone, loading commander and no other package',
    async () => {
      const run = await loadsOf(['--help']);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toContain('Usage: coachline [options] [command]');
      expect(outsideNodeModules(run.loaded)).toEqual([COACHLINE_BIN, bundle]);
      // The database clients, the codecs and the formatters wait for the commands that use them.
      expect([...packagesIn(run.loaded)]).toEqual(['commander']);
    },
    PROCESS_TIMEOUT_MS,
  );

  it(
    'writes, verifies and replays a program year without loading any TypeScript',
    async () => {
      const events = join(dir, 'year.jsonl');
      const runs = [
        await loadsOf(['demo', '--out', events, '--providers', '2']),
        await loadsOf(['verify', '--events', events]),
        await loadsOf(['replay', '--events', events, '--view', 'dosage', '--format', 'csv']),
      ];
      expect(runs.map(({ code, stderr }) => ({ code, stderr }))).toEqual(runs.map(() => ({ code: 0, stderr: '' })));
      expect(runs[2]!.stdout.split('\n')[0]).toContain('providerId');
      // The error classes the program tells usage from failure by are those the commands throw.
      const badUsage = await loadsOf(['replay', '--events', events, '--view', 'caseload']);
      expect({ code: badUsage.code, lines: badUsage.stderr.split('\n').length }).toEqual({ code: 2, lines: 1 });
      for (const run of runs) {
        expect(outsideNodeModules(run.loaded)).toEqual([COACHLINE_BIN, bundle, actionsBundle]);
        expect(run.loaded.filter((file) => /\.[cm]?tsx?$/.test(file))).toEqual([]);
        expect(
          [...packagesIn(run.loaded)].filter((name) => ['tsx', '@swc-node/register', '@swc/core'].includes(name)),
        ).toEqual([]);
      }
    },
    PROCESS_TIMEOUT_MS,
  );

  it.each([
    ['main.js', 'program.ts'],
    ['actions.js', 'commands/verify.command.ts'],
  ])('maps dist/%s back to the TypeScript it was built from, for stacks', (name, source) => {
    const built = join(dirname(bundle), name);
    const map = JSON.parse(readFileSync(`${built}.map`, 'utf8')) as { sources: string[] };
    const sources = map.sources.map((file) => resolve(dirname(built), file));
    expect(sources).toEqual(expect.arrayContaining([join(repositoryRoot, 'apps', 'cli', 'src', source)]));
    expect(sources.filter((file) => !existsSync(file))).toEqual([]);
  });
});
