import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The architecture's boundaries are enforced by the lint, not by good intentions: these specs
// lint a few lines as if they were written inside the domain package and expect a refusal.
const root = join(__dirname, '..', '..');
const insideDomain = join(root, 'packages/domain/src/provider/boundary-probe.ts');

interface LintMessage {
  readonly ruleId: string | null;
  readonly message: string;
}

// ESLint runs as its own process, as `npm run lint` runs it.
const lint = async (code: string): Promise<string[]> => {
  const run = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'),
      '--stdin',
      '--stdin-filename',
      insideDomain,
      '--format',
      'json',
    ],
    { cwd: root, input: code, encoding: 'utf8' },
  );
  const [result] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
};

describe('package boundaries', () => {
  jest.setTimeout(60_000);

  it('lets the domain import fp-ts and io-ts', async () => {
    expect(
      await lint("import * as E from 'fp-ts/Either';\nimport * as t from 'io-ts';\nexport const x = [E, t];\n"),
    ).toEqual([]);
  });

  it('refuses any other library in the domain', async () => {
    const messages = await lint("import fc from 'fast-check';\nexport const x = fc;\n");
    expect(messages.some((m) => m.startsWith('@nx/enforce-module-boundaries'))).toBe(true);
  });

  it('refuses a deep import into another package’s internals', async () => {
    const messages = await lint("import { x } from '@coachline/eventstore/src/event-store';\nexport const y = x;\n");
    expect(messages.some((m) => m.startsWith('no-restricted-imports'))).toBe(true);
  });

  it('refuses I/O, the clock and randomness in the domain', async () => {
    const messages = await lint(
      "import { readFileSync } from 'node:fs';\nexport const x = [readFileSync, Date.now(), Math.random()];\n",
    );
    expect(messages.filter((m) => m.startsWith('no-restricted'))).toHaveLength(3);
  });
});
