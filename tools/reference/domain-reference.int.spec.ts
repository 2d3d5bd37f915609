import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstDifferingFile } from './first-differing-file';

// The domain's API reference is committed so it can be read where the code is reviewed; this
// regenerates it exactly as `npm run docs:reference` does, only elsewhere, and compares.
const root = join(__dirname, '..', '..');
const committed = join(root, 'docs', 'reference', 'domain');

describe('the committed API reference of @coachline/domain', () => {
  jest.setTimeout(180_000);
  let generated: string;
  beforeAll(() => {
    generated = mkdtempSync(join(tmpdir(), 'coachline-domain-reference-'));
  });
  afterAll(() => rmSync(generated, { recursive: true, force: true }));

  it('is what the doc comments of the sources generate now', () => {
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'typedoc', 'bin', 'typedoc'),
        '--options',
        join(root, 'packages', 'domain', 'typedoc.json'),
        '--out',
        generated,
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    // Validation warnings are errors in typedoc.json: an undocumented export fails here, named.
    if (run.status !== 0) throw new Error(`typedoc failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);

    // A stale page is named here; `npm run docs:reference` regenerates them all, to be committed.
    expect({ staleInDocsReferenceDomain: firstDifferingFile(committed, generated) }).toEqual({
      staleInDocsReferenceDomain: undefined,
    });
  });
});
