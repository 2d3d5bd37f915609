import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { RecordedEvent } from '@coachline/domain';
import { replayCommand, ReplayOptions, replayShared } from '../commands/replay.command';
import { example } from '../testing/example-history';
import { badLine, fileBytes, RawLine } from '../testing/hostile-lines';
import { checkInThisThread, checksInOwnThread } from './checking-thread';
import { sessionEvents } from './session-events.fixtures';

const dir = mkdtempSync(join(tmpdir(), 'coachline-replay-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

const history = example();

// A Benchmarks of Quality record as written before the form version was recorded: upcast on read.
const boqVersion1 = {
  id: 'e-boq-1',
  stream: 'provider-p-017',
  type: 'BenchmarksOfQualityCompleted',
  schemaVersion: 1,
  data: {
    providerId: 'p-017',
    boqId: 'boq-1',
    form: 'BOQ',
    completedOn: '2025-08-14',
    ratings: { 'leadership-team': 2, 'staff-buy-in': 1 },
  },
  metadata: {
    actor: { id: 'c-03', role: 'coach' },
    recordedAt: '2025-08-20T15:00:00.000Z',
    commandId: 'cmd-boq-1',
    correlationId: 'corr-boq-1',
  },
};

type Outcome = { readonly printed: string } | { readonly failed: string; readonly message: string };

/** What a replay prints, or how it fails: all a user sees of it. */
const outcomeOf = async (replay: (out: NodeJS.WritableStream) => Promise<void>): Promise<Outcome> => {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  try {
    await replay(out);
    return { printed: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    return { failed: (error as Error).name, message: (error as Error).message };
  }
};

/**
 * The replay on one thread, and the fold of lines checked apart (the check run here, as the
 * thread would, its records cloned as a thread's messages are), with `handedEighths` of the
 * lines the checking thread may be handed given to it.
 */
const bothWays = async (options: ReplayOptions, handedEighths?: number) => {
  const oneThread = await outcomeOf((out) => replayCommand(options, out));
  const shared = { ...options, ...(handedEighths === undefined ? {} : { handedEighths }) };
  const checkedApart = await outcomeOf((out) => replayShared(shared, out, checkInThisThread(shared)));
  return { oneThread, checkedApart };
};

const lines = (events: ReadonlyArray<RecordedEvent | object>): RawLine[] => events.map((e) => JSON.stringify(e));

const writeLines = (content: ReadonlyArray<RawLine>): string => {
  const file = join(dir, `f${++files}.jsonl`);
  writeFileSync(file, fileBytes(content));
  return file;
};

/**
 * A file of the example history with sessions logged, corrected and voided, and an older-version
 * event, with bad and blank lines planted among them.
 */
const eventFile = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(
          fc.constantFrom(...history).chain((event) => badLine(event).map(({ line }) => line)),
          fc.constantFrom<RawLine>('', '   '),
          // A valid event whose first `"type"` is not the one JSON.parse keeps: the shares are guessed wrong.
          fc.constantFrom(...history).map((event) => `{"type":"FeedbackSent",${JSON.stringify(event).slice(1)}`),
          // The same with a session type first: a line guessed handed to the checking thread whose event is not.
          fc.constantFrom(...history).map((event) => `{"type":"SessionVoided",${JSON.stringify(event).slice(1)}`),
        ),
      ),
      { maxLength: 60 },
    ),
    fc.nat(),
    sessionEvents(history),
  )
  .map(([planted, boqAt, withSessions]) => {
    const content = lines(withSessions);
    content.splice(boqAt % (content.length + 1), 0, JSON.stringify(boqVersion1));
    for (const [at, line] of planted) content.splice(at % (content.length + 1), 0, line);
    return content;
  });

const selection = fc.record(
  {
    view: fc.constantFrom('dosage', 'history', 'evaluation', 'timeline'),
    asOf: fc.constantFrom('2025-08-01T00:00:00.000Z', '2025-12-31T00:00:00Z'),
    providerId: fc.constantFrom('p-017', 'p-999'),
    format: fc.constantFrom('json' as const, 'table' as const),
  },
  { requiredKeys: ['view', 'format'] },
);

describe('a replay whose lines another thread checks', () => {
  it('runs from the sources on one thread: the checking thread is a bundle of the build', () => {
    const file = writeLines(lines(history));
    expect(checksInOwnThread(file)).toBe(false);
  });

  it('prints the same view, or fails with the same report, as the one-thread replay, for any file', async () => {
    const seen = { views: 0, failures: 0 };
    await fc.assert(
      fc.asyncProperty(eventFile, selection, fc.integer({ min: 0, max: 8 }), async (content, chosen, handed) => {
        const options = { events: writeLines(content), ...chosen };
        const { oneThread, checkedApart } = await bothWays(options, handed);
        expect(checkedApart).toEqual(oneThread);
        if ('printed' in oneThread) seen.views++;
        else seen.failures++;
      }),
      { numRuns: 200, seed: 13_2026 },
    );
    // Good files and bad ones alike were tried.
    expect(seen.views).toBeGreaterThan(5);
    expect(seen.failures).toBeGreaterThan(5);
    // Planted lines run to megabytes: each run reads its file twice over.
  }, 120_000);

  it('folds events upcast from older versions, types guessed wrong, and stops after twenty errors as the one-thread replay does', async () => {
    const upcast = await bothWays({
      events: writeLines([...lines(history), JSON.stringify(boqVersion1)]),
      view: 'history',
      stream: 'provider-p-017',
      format: 'json',
    });
    expect(upcast.checkedApart).toEqual(upcast.oneThread);
    expect(JSON.stringify(upcast.oneThread)).toContain('unrecorded');

    const misread = await bothWays({
      events: writeLines([
        ...lines(history).map((line) => `{"type":"FeedbackSent",${line.slice(1)}`),
        `{"type":"SessionLogged",${JSON.stringify(boqVersion1).slice(1)}`,
      ]),
      view: 'dosage',
      format: 'json',
    });
    expect(misread.checkedApart).toEqual(misread.oneThread);
    expect(misread.oneThread).toHaveProperty('printed');

    const broken = await bothWays({
      events: writeLines([...lines(history), ...Array(25).fill('not json'), ...lines(history)]),
      view: 'dosage',
      format: 'json',
    });
    expect(broken.checkedApart).toEqual(broken.oneThread);
    expect(broken.oneThread).toMatchObject({
      failed: 'FailureError',
      message: expect.stringContaining('stopped after 20 errors'),
    });
  });
});
