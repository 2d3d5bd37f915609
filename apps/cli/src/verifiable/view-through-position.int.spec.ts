import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { openLogCheckpoint, parseVerifierKey, verifyConsistency } from '@coachline/eventstore';
import { cli } from '../testing/run-cli';

// An auditor showing which signed history a number came from: a view computed through a position
// on an embedded store that has taken later events since, and the line that ties it to a checkpoint.
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-through-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (...parts: string[]) => join(dir, ...parts);
const STORE = path('store');

const ok = async (...argv: string[]) => {
  const run = await cli(...argv);
  expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });
  return run;
};

const lines = (file: string): string[] => readFileSync(file, 'utf8').trimEnd().split('\n');
/** The line's parts: the tree's size and root, and the covering checkpoint's size and proof. */
const parsed = (line: string) => {
  const match =
    /^through position (\d+): tree of (\d+) events, root (\S+); first covered by the signed checkpoint of (\d+) events \(signed \S+, GET \/checkpoints\/\d+\); consistency proof \d+→\d+: (\S+)\n$/u.exec(
      line,
    );
  if (match === null) throw new Error(`not a provenance line: ${line}`);
  const [, position, size, root, checkpoint, proof] = match;
  return {
    position: Number(position),
    size: Number(size),
    root: Buffer.from(root!, 'base64'),
    checkpoint: Number(checkpoint),
    proof: proof!.split(',').map((hash) => Buffer.from(hash, 'base64')),
  };
};

let through: number;
let signed: number;
let verifier: ReturnType<typeof parseVerifierKey>;

/** Communities registered after the year: events the store takes after its checkpoint. */
const later = (count: number): string => {
  const template = JSON.parse(lines(path('demo.jsonl'))[0]!) as { type: string; data: Record<string, unknown> };
  expect(template.type).toBe('CommunityRegistered');
  const file = path('later.jsonl');
  const events = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      ...template,
      id: randomUUID(),
      stream: `community-later-${i}`,
      data: { ...template.data, communityId: `later-${i}`, name: `Later ${i}` },
    }),
  );
  writeFileSync(file, `${events.join('\n')}\n`);
  return file;
};

beforeAll(async () => {
  await ok('demo', '--out', path('demo.jsonl'), '--providers', '2', '--seed', '3');
  signed = lines(path('demo.jsonl')).length;
  // The view's position is halfway through the year; the checkpoint is of the whole year, and
  // the store takes more events after it.
  through = Math.floor(signed / 2);
  writeFileSync(path('first.jsonl'), `${lines(path('demo.jsonl')).slice(0, through).join('\n')}\n`);
  await ok('import', '--events', path('demo.jsonl'), '--store', STORE, '--create');
  const checkpoint = await ok('checkpoint', '--store', STORE, '--out', path('checkpoint.txt'));
  verifier = parseVerifierKey(/^verifier key: (\S+)$/mu.exec(checkpoint.stdout)![1]!);
  await ok('import', '--events', later(3), '--store', STORE);
});

describe('coachline view --through-position', () => {
  it('prints the view of exactly the events up to the position, though the store has taken more since', async () => {
    const view = await ok('view', 'dosage', '--store', STORE, '--through-position', String(through));
    const replayed = await ok('replay', '--events', path('first.jsonl'), '--view', 'dosage');
    const current = await ok('view', 'dosage', '--store', STORE);
    expect(view.stdout).toBe(replayed.stdout);
    expect(view.stdout).not.toBe(current.stdout);
    expect(current.stderr).toBe('');
  });

  it('names on stderr the tree at the position and the checkpoint that covers it, the proof checking against its note', async () => {
    const { stderr } = await ok('view', 'timeline', '--store', STORE, '--through-position', String(through));
    const line = parsed(stderr);
    expect(line).toMatchObject({ position: through, size: through, checkpoint: signed });
    if (E.isLeft(verifier)) throw new Error(verifier.left);
    const opened = openLogCheckpoint(readFileSync(path('checkpoint.txt'), 'utf8'), [verifier.right]);
    if (E.isLeft(opened)) throw new Error(opened.left);
    const checkpointRoot = opened.right.checkpoint.root;
    expect(E.isRight(verifyConsistency(through, signed, line.root, checkpointRoot, line.proof))).toBe(true);
    // The same proof ties no other root, nor the tree one event on, to the signed one.
    const other = Buffer.from(line.root).fill(7, 0, 1);
    expect(E.isRight(verifyConsistency(through, signed, other, checkpointRoot, line.proof))).toBe(false);
    expect(E.isRight(verifyConsistency(through + 1, signed, line.root, checkpointRoot, line.proof))).toBe(false);
  });

  it('says when no signed checkpoint covers the position yet', async () => {
    const head = signed + 3;
    const { stderr } = await ok('view', 'cycles', '--store', STORE, '--through-position', String(head));
    expect(stderr).toMatch(
      new RegExp(
        `^through position ${head}: tree of ${head} events, root \\S+; no signed checkpoint covers it yet`,
        'u',
      ),
    );
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('records a read of the evaluation through a position in the access log, with the position', async () => {
    await ok('view', 'evaluation', '--store', STORE, '--through-position', String(through), '--as', 'aud-7');
    const listing = JSON.parse((await ok('access-log', '--store', STORE)).stdout) as {
      reads: Array<{ actor: { id: string }; view: string; query: Record<string, string> }>;
    };
    expect(listing.reads.at(-1)).toMatchObject({
      actor: { id: 'aud-7' },
      view: 'evaluation',
      query: { throughPosition: String(through) },
    });
  });

  it.each([
    [['--through-position', '0'], 2, /^--through-position: expected a global position/u],
    [['--through-position', '1e3'], 2, /^--through-position: expected a global position/u],
    [['--through-position', '-1'], 2, /^--through-position: expected a global position/u],
    [['--through-position', '3', '--as-of', '2025-10-01'], 2, /^--through-position: .* not both/u],
    [['--through-position', '999999'], 1, /^--through-position: no event has position 999999: the store is at \d+/u],
  ])('refuses %j with exit %i in one line, printing no view', async (flags, code, message) => {
    const run = await cli('view', 'dosage', '--store', STORE, ...flags);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: '' });
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });
});
