import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// An application outside the workspace installs the packed libraries and nothing else of ours:
// it type-checks against what they declare and runs the embedding example from what they ship.
const root = join(__dirname, '..', '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const example = readFileSync(join(root, 'packages', 'domain', 'examples', 'month-of-sessions.ts'), 'utf8');

const LIBRARIES = [
  'domain',
  'projections',
  'eventstore',
  'eventstore-postgres',
  'eventstore-esdb',
  'views',
  'store-opener',
];
const entryPoints = LIBRARIES.flatMap((library) => [`@coachline/${library}`, `@coachline/${library}/testing`]);

// Node's ES module loader cannot open `fp-ts/Either` (fp-ts has no exports map), only its files.
const asEsModule = (source: string): string =>
  source
    .replace(/from 'fp-ts\/(\w+)'/g, "from 'fp-ts/lib/$1.js'")
    .replace(/^if \(require\.main === module\).*$/m, 'console.log(JSON.stringify(recordSeptember(), null, 2));');

const esmEntries = `${entryPoints.map((entry, i) => `import * as entry${i} from '${entry}';`).join('\n')}
const loaded: Record<string, number> = {
${entryPoints.map((entry, i) => `  '${entry}': Object.keys(entry${i}).length,`).join('\n')}
};
console.log(JSON.stringify(loaded));
`;

const cjsEntries = `const loaded: Record<string, number> = {
${entryPoints.map((entry) => `  '${entry}': Object.keys(require('${entry}') as object).length,`).join('\n')}
};
console.log(JSON.stringify(loaded));
`;

// skipLibCheck: PGlite's own declarations name Emscripten types it does not depend on.
const tsconfig = (compilerOptions: Record<string, unknown>, include: string[]) =>
  JSON.stringify({
    compilerOptions: { strict: true, target: 'ES2022', types: ['node'], skipLibCheck: true, ...compilerOptions },
    include,
  });

const run = (command: string, args: string[], cwd: string): { status: number | null; output: string } => {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

const septemberOf = (output: string) => JSON.parse(output) as unknown;

describe('an application that installs the packed libraries', () => {
  let scratch = '';
  const inScratch = (...path: string[]) => join(scratch, ...path);

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'coachline-consumer-'));
    const tarballs = execFileSync(
      process.execPath,
      [join(root, 'tools', 'scripts', 'pack-packages.mjs'), inScratch('tarballs')],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
      .trim()
      .split('\n');
    const app = inScratch('app');
    mkdirSync(join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'embedding-application', private: true }));
    // The npm cache that `npm ci` filled holds everything the libraries depend on; the registry
    // is asked only when the cache has not yet seen a package's listing.
    const install = ['install', '--no-audit', '--no-fund', ...tarballs, 'fast-check@4.11.0', '@types/node@20.19.43'];
    if (run('npm', [...install, '--offline'], app).status !== 0) {
      const online = run('npm', [...install, '--prefer-offline'], app);
      if (online.status !== 0) throw new Error(`npm install of the tarballs failed:\n${online.output}`);
    }
    writeFileSync(join(app, 'src', 'month-of-sessions.mts'), asEsModule(example));
    writeFileSync(join(app, 'src', 'month-of-sessions.cts'), example);
    writeFileSync(join(app, 'src', 'entries.mts'), esmEntries);
    writeFileSync(join(app, 'src', 'entries.cts'), cjsEntries);
    mkdirSync(join(app, 'bundled'));
    writeFileSync(join(app, 'bundled', 'month-of-sessions.ts'), example);
    writeFileSync(join(app, 'bundled', 'entries.ts'), esmEntries);
    writeFileSync(
      join(app, 'tsconfig.json'),
      tsconfig({ module: 'NodeNext', moduleResolution: 'NodeNext', rootDir: 'src', outDir: 'out' }, ['src']),
    );
    writeFileSync(
      join(app, 'tsconfig.bundler.json'),
      tsconfig({ module: 'preserve', moduleResolution: 'bundler', noEmit: true }, ['bundled']),
    );
  }, 240_000);

  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('installs from the tarballs, outside the workspace', () => {
    const installed = JSON.parse(
      readFileSync(inScratch('app', 'node_modules', '@coachline', 'domain', 'package.json'), 'utf8'),
    );
    expect(installed.exports['./testing'].import.default).toBe('./dist/esm/testing.mjs');
    expect(readFileSync(inScratch('app', 'package.json'), 'utf8')).toContain('coachline-domain-0.1.0.tgz');
  });

  it('type-checks strictly under NodeNext, as ES modules and as CommonJS, and compiles', () => {
    const checked = run(process.execPath, [tsc, '-p', 'tsconfig.json'], inScratch('app'));
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);
  });

  it('type-checks strictly under bundler resolution', () => {
    const checked = run(process.execPath, [tsc, '-p', 'tsconfig.bundler.json'], inScratch('app'));
    expect(checked.output).toBe('');
    expect(checked.status).toBe(0);
  });

  const september = {
    refusals: ['session-already-voided'],
    minutesByMonth: { '2025-09': 165 },
    septemberDosage: [{ requirementId: 'dosage-2025-09', status: 'done', minutes: 165, targetMinutes: 150 }],
  };

  it('runs the embedding example with import', () => {
    const ran = run(process.execPath, ['out/month-of-sessions.mjs'], inScratch('app'));
    expect(ran).toEqual({ status: 0, output: expect.any(String) });
    expect(septemberOf(ran.output)).toEqual(september);
  });

  it('runs the embedding example with require', () => {
    const ran = run(process.execPath, ['out/month-of-sessions.cjs'], inScratch('app'));
    expect(ran).toEqual({ status: 0, output: expect.any(String) });
    expect(septemberOf(ran.output)).toEqual(september);
  });

  it.each([
    ['import', 'out/entries.mjs'],
    ['require', 'out/entries.cjs'],
  ])('loads every entry point of every library with %s', (_, file) => {
    const ran = run(process.execPath, [file], inScratch('app'));
    expect(ran).toEqual({ status: 0, output: expect.any(String) });
    const loaded = JSON.parse(ran.output) as Record<string, number>;
    expect(Object.keys(loaded)).toEqual(entryPoints);
    for (const entry of entryPoints) expect([entry, loaded[entry]! > 0]).toEqual([entry, true]);
  });
});
