import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { example } from '../testing/example-history';
import { cli, cliProcess } from '../testing/run-cli';
import { CHECKING_THREAD_FROM_BYTES } from './checking-thread';

// The build replays a large file on two threads; the sources, run here, on one. Both must print the same.
const dir = mkdtempSync(join(tmpdir(), 'coachline-replay-threads-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const history = example().map((event) => JSON.stringify(event));

const boqVersion1 = JSON.stringify({
  id: 'e-boq-1',
  stream: 'provider-p-017',
  type: 'BenchmarksOfQualityCompleted',
  schemaVersion: 1,
  data: { providerId: 'p-017', boqId: 'boq-1', form: 'BOQ', completedOn: '2025-08-14', ratings: { 'staff-buy-in': 1 } },
  metadata: {
    actor: { id: 'c-03', role: 'coach' },
    recordedAt: '2025-08-20T15:00:00.000Z',
    commandId: 'cmd-boq-1',
    correlationId: 'corr-boq-1',
  },
});

/** The example history over and over, past the size a replay checks on a thread of its own, with `tail` at the end. */
const largeFile = (name: string, tail: ReadonlyArray<string>): string => {
  const block = `${[...history, boqVersion1].join('\n')}\n`;
  const file = join(dir, name);
  writeFileSync(file, block.repeat(Math.ceil(CHECKING_THREAD_FROM_BYTES / block.length) + 1) + tail.join('\n'));
  return file;
};

const bothWays = async (argv: string[]) => {
  const built = await cliProcess(argv);
  const sources = await cli(...argv);
  return { built: { code: built.code, stdout: built.stdout, stderr: built.stderr }, sources };
};

describe('coachline replay of a large file, checked on a second thread', () => {
  it.each([
    ['dosage', []],
    ['history', ['--stream', 'provider-p-017', '--as-of', '2025-09-01']],
  ])(
    'prints the %s view the one-thread replay prints',
    async (view, flags) => {
      const file = largeFile(`good-${view}.jsonl`, ['', '  ']);
      const { built, sources } = await bothWays([
        'replay',
        '--events',
        file,
        '--view',
        view,
        '--format',
        'json',
        ...flags,
      ]);
      expect(built.code).toBe(0);
      expect(built).toEqual(sources);
    },
    120_000,
  );

  it('fails with the report the one-thread replay gives', async () => {
    const bad = ['not json', JSON.stringify({ ...JSON.parse(history[1]!), schemaVersion: 9 })];
    const file = largeFile('bad.jsonl', [...bad, ...Array(30).fill(history[0])]);
    const { built, sources } = await bothWays(['replay', '--events', file, '--view', 'dosage']);
    expect(built.code).toBe(1);
    expect(built).toEqual(sources);
  }, 120_000);

  it('names a provider the history lacks as the one-thread replay does', async () => {
    const file = largeFile('good.jsonl', []);
    const { built, sources } = await bothWays(['replay', '--events', file, '--view', 'dosage', '--provider', 'p-999']);
    expect(built.code).toBe(1);
    expect(built).toEqual(sources);
  }, 120_000);
});
