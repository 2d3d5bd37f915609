import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliProcess } from '../testing/run-cli';

// The built command line, as an auditor runs it: a checkpoint signed, an export carrying it, an
// event proved, each checked with nothing but the file and the verifier key; then the tail cut.
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-round-trip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

const run = async (...argv: string[]) => cliProcess(argv, { cwd: dir, env: { COACHLINE_SIGNING_KEY_FILE: '' } });

const ok = async (...argv: string[]): Promise<string> => {
  const done = await run(...argv);
  expect({ code: done.code, stderr: done.stderr }).toEqual({ code: 0, stderr: '' });
  return done.stdout;
};

it('signs, exports, proves and verifies; a cut export and a changed proof fail in one line each', async () => {
  await ok('demo', '--out', 'year.jsonl', '--providers', '2', '--seed', '3');
  const events = readFileSync(path('year.jsonl'), 'utf8').trimEnd().split('\n');
  await ok('import', '--events', 'year.jsonl', '--store', 'store', '--create');

  const signed = await ok('checkpoint', '--store', 'store', '--out', 'checkpoint.txt');
  const key = /^verifier key: (\S+)$/mu.exec(signed)![1]!;
  expect(signed).toMatch(
    new RegExp(`^checkpoint of ${events.length} events signed by coachline/[0-9a-f]{16} at `, 'u'),
  );
  expect(statSync(path('checkpoint.txt')).mode & 0o777).toBe(0o600);

  expect(await ok('export', '--store', 'store', '--out', 'export.jsonl')).toBe(
    `exported ${events.length} events to export.jsonl, closed by the signed checkpoint of ${events.length} events\n`,
  );
  const verified = await ok('verify', '--events', 'export.jsonl', '--key', key);
  expect(verified).toContain(`checkpoint: the first ${events.length} events match the checkpoint of coachline/`);

  const id = (JSON.parse(events[20]!) as { id: string }).id;
  await ok('prove', '--store', 'store', '--event', id, '--out', 'proof.json');
  expect(await ok('verify', '--proof', 'proof.json', '--key', key)).toContain(`is event 21 of the ${events.length}`);

  const exported = readFileSync(path('export.jsonl'), 'utf8').trimEnd().split('\n');
  writeFileSync(path('cut.jsonl'), `${[...exported.slice(0, -2), exported.at(-1)].join('\n')}\n`);
  const cut = await run('verify', '--events', 'cut.jsonl', '--key', key);
  expect(cut.code).toBe(1);
  expect(cut.stdout).toBe('');
  expect(cut.stderr).toMatch(
    /^cut\.jsonl: checkpoint: the checkpoint of coachline\/[0-9a-f]{16} signed \d+ events, only \d+ are here: the newest 1 were removed\n1 error\(s\) in \d+ event\(s\)\n$/u,
  );

  const proof = JSON.parse(readFileSync(path('proof.json'), 'utf8')) as { event: { revision: number } };
  proof.event.revision += 1;
  writeFileSync(path('changed.json'), JSON.stringify(proof));
  const changed = await run('verify', '--proof', 'changed.json', '--key', key);
  expect({ code: changed.code, stdout: changed.stdout }).toEqual({ code: 1, stdout: '' });
  expect(changed.stderr).toMatch(/^changed\.json: the event is not in the signed tree: [^\n]+\n$/u);
});

it('prints the usage of the new commands in the help', async () => {
  const help = await ok('--help');
  expect(help).toMatch(/checkpoint \[options\] +sign the store’s tree/u);
  expect(help).toMatch(/prove \[options\] +write the proof that/u);
});
