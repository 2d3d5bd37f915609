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

describe('the installed coachline runs its build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'coachline-compiled-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers --help from the bundle alone, loading commander and no other package', async () => {
    const run = await loadsOf(['--help']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(run.stdout).toContain('Usage: coachline [options] [command]');
    expect(outsideNodeModules(run.loaded)).toEqual([COACHLINE_BIN, bundle]);
    // The database clients, the codecs and the formatters wait for the commands that use them.
    expect([...packagesIn(run.loaded)]).toEqual(['commander']);
  });

  it('writes, verifies and replays a program year without loading any TypeScript', async () => {
    const events = join(dir, 'year.jsonl');
    const runs = [
      await loadsOf(['demo', '--out', events, '--providers', '2']),
      await loadsOf(['verify', '--events', events]),
      await loadsOf(['replay', '--events', events, '--view', 'dosage', '--format', 'csv']),
    ];
    expect(runs.map(({ code, stderr }) => ({ code, stderr }))).toEqual(runs.map(() => ({ code: 0, stderr: '' })));
    expect(runs[2]!.stdout.split('\n')[0]).toContain('providerId');
    for (const run of runs) {
      expect(outsideNodeModules(run.loaded)).toEqual([COACHLINE_BIN, bundle]);
      expect(run.loaded.filter((file) => /\.[cm]?tsx?$/.test(file))).toEqual([]);
      expect(
        [...packagesIn(run.loaded)].filter((name) => ['tsx', '@swc-node/register', '@swc/core'].includes(name)),
      ).toEqual([]);
    }
  });

  it('maps the bundle back to the TypeScript it was built from, for stacks', () => {
    const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[] };
    const sources = map.sources.map((source) => resolve(dirname(bundle), source));
    expect(sources).toEqual(expect.arrayContaining([join(repositoryRoot, 'apps', 'cli', 'src', 'program.ts')]));
    expect(sources.filter((source) => !existsSync(source))).toEqual([]);
  });
});
