import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { generateNoteKey, openLogCheckpoint, parseVerifierKey, signLogCheckpoint } from '@coachline/eventstore';
import { openStoreDatabase } from '@coachline/eventstore-postgres/testing';
import { cli, type CliRun } from '../testing/run-cli';

// The auditor's round trip on an embedded store: a checkpoint signed, an export carrying it, an
// event proved, two checkpoints shown consistent; and every file an auditor is handed, changed.
jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), 'coachline-checkpoints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (...parts: string[]) => join(dir, ...parts);
const STORE = path('store');
const OTHER = path('other');

const ok = async (...argv: string[]): Promise<string> => {
  const run = await cli(...argv);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  return run.stdout;
};

const keyOf = (stdout: string): string => /^verifier key: (\S+)$/mu.exec(stdout)![1]!;

const lines = (file: string): string[] => readFileSync(file, 'utf8').trimEnd().split('\n');
const write = (file: string, content: readonly string[]): string => {
  writeFileSync(file, `${content.join('\n')}\n`);
  return file;
};

/** Every file under the test folder, to show a refused command wrote nothing. */
const files = (): string[] => (readdirSync(dir, { recursive: true }) as string[]).sort();

const refused = async (argv: string[], code: 1 | 2): Promise<CliRun> => {
  const before = files();
  const run = await cli(...argv);
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: '' });
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(files()).toEqual(before);
  return run;
};

/** Communities registered after the first year: events a store takes after its first checkpoint. */
const writeMore = (file: string, registered: string, count: number): void => {
  const template = JSON.parse(registered) as { type: string; data: Record<string, unknown> };
  expect(template.type).toBe('CommunityRegistered');
  const more = Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      ...template,
      id: randomUUID(),
      stream: `community-later-${i}`,
      data: { ...template.data, communityId: `later-${i}`, name: `Later ${i}` },
    }),
  );
  write(file, more);
};

let key: string;
let otherKey: string;
let firstSize: number;

beforeAll(async () => {
  await ok('demo', '--out', path('first.jsonl'), '--providers', '1', '--seed', '1');
  writeMore(path('more.jsonl'), lines(path('first.jsonl'))[0]!, 5);
  await ok('import', '--events', path('first.jsonl'), '--store', STORE, '--create');
  key = keyOf(await ok('checkpoint', '--store', STORE, '--out', path('old.txt')));
  firstSize = lines(path('first.jsonl')).length;
  await ok('import', '--events', path('more.jsonl'), '--store', STORE);
  await ok('checkpoint', '--store', STORE, '--out', path('new.txt'));
  await ok('export', '--store', STORE, '--out', path('export.jsonl'));
  writeFileSync(path('key.txt'), `${key}\n`);
  await ok('import', '--events', path('first.jsonl'), '--store', OTHER, '--create');
  otherKey = keyOf(await ok('checkpoint', '--store', OTHER, '--out', path('other.txt')));
  writeFileSync(path('both-keys.txt'), `${key}\n${otherKey}\n`);
});

const total = (): number => firstSize + lines(path('more.jsonl')).length;

describe('coachline checkpoint', () => {
  it('signs the tree of every event under the store’s signing key, and writes the note 0600', async () => {
    const note = readFileSync(path('new.txt'), 'utf8');
    const opened = openLogCheckpoint(note, [E.getOrElseW(() => undefined)(parseVerifierKey(key))!]);
    expect(E.isRight(opened) && opened.right.checkpoint.size).toBe(total());
    expect(statSync(path('new.txt')).mode & 0o777).toBe(0o600);
    expect(statSync(path('store-keys', 'checkpoint-signing-key')).mode & 0o777).toBe(0o600);
  });

  it('prints the checkpoint already kept for the tree’s size rather than signing a second', async () => {
    expect(await ok('checkpoint', '--store', STORE)).toBe(readFileSync(path('new.txt'), 'utf8'));
  });

  it('makes no signing key for a store that is not there', async () => {
    const run = await refused(['checkpoint', '--store', path('missing')], 1);
    expect(run.stderr).toMatch(/missing: no such folder, so no store/u);
  });

  it('refuses another log’s key, a key inside the store folder, and writes nothing', async () => {
    const foreign = await refused(
      ['checkpoint', '--store', STORE, '--signing-key', path('other-keys', 'checkpoint-signing-key')],
      1,
    );
    expect(foreign.stderr).toContain('is the key of log');
    const inside = await refused(['checkpoint', '--store', STORE, '--signing-key', path('store', 'k')], 2);
    expect(inside.stderr).toMatch(/^--signing-key: the signing key must be outside the store folder/u);
  });
});

describe('an export carries the latest checkpoint, as its last line', () => {
  it('ends with the checkpoint line and the store’s published key', () => {
    const last = JSON.parse(lines(path('export.jsonl')).at(-1)!) as { checkpoint: { note: string; keys: string[] } };
    expect(last.checkpoint).toEqual({ note: readFileSync(path('new.txt'), 'utf8'), keys: [key] });
  });

  it('verifies against it under the key given, and every reader of event files reads past it', async () => {
    const out = await ok('verify', '--events', path('export.jsonl'), '--key', key);
    expect(out).toContain(`checkpoint: the first ${total()} events match the checkpoint of `);
    expect(out).not.toContain('note:');
    await ok('replay', '--events', path('export.jsonl'), '--view', 'dosage');
    await ok('caseload', '--events', path('export.jsonl'));
  });

  it('says plainly when the key came from the file itself', async () => {
    expect(await ok('verify', '--events', path('export.jsonl'))).toContain(
      'note: signatures checked with the keys the file carries, not with one you gave (--key)',
    );
  });

  it('reports events after the checkpoint as not yet covered', async () => {
    const all = lines(path('export.jsonl'));
    const note = readFileSync(path('old.txt'), 'utf8');
    const file = write(path('older-checkpoint.jsonl'), [
      ...all.slice(0, -1),
      JSON.stringify({ checkpoint: { note, keys: [key] } }),
    ]);
    expect(await ok('verify', '--events', file, '--key', key)).toContain(
      `checkpoint: the first ${firstSize} events match the checkpoint of coachline/`,
    );
    expect(await ok('verify', '--events', file, '--key', key)).toContain(
      `; ${total() - firstSize} event(s) after it not yet covered by a checkpoint`,
    );
  });

  it('fails a file whose newest events were removed, naming how many', async () => {
    const all = lines(path('export.jsonl'));
    const file = write(path('cut.jsonl'), [...all.slice(0, -3), all.at(-1)!]);
    const run = await cli('verify', '--events', file, '--key', key);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cut.jsonl: checkpoint: the checkpoint of coachline/`);
    expect(run.stderr).toContain(`signed ${total()} events, only ${total() - 2} are here: the newest 2 were removed`);
  });

  it('fails whichever number of newest events is cut, and whichever event before the checkpoint is altered', () =>
    fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 40 }), fc.nat(), async (cut, at) => {
        const all = lines(path('export.jsonl'));
        const events = all.slice(0, -1);
        const cutFile = write(path('cut-any.jsonl'), [...events.slice(0, -cut), all.at(-1)!]);
        const cutRun = await cli('verify', '--events', cutFile, '--key', key);
        expect(cutRun.code).toBe(1);
        expect(cutRun.stderr).toContain(`the newest ${cut} were removed`);
        // A command id the rules do not read, changed: the event's canonical content, so its leaf, changes.
        const place = at % events.length;
        const event = JSON.parse(events[place]!) as { metadata: { commandId: string } };
        event.metadata.commandId = randomUUID();
        const altered = [...events.slice(0, place), JSON.stringify(event), ...events.slice(place + 1), all.at(-1)!];
        const alteredRun = await cli('verify', '--events', write(path('altered-any.jsonl'), altered), '--key', key);
        expect(alteredRun.code).toBe(1);
        expect(alteredRun.stderr).toContain(`checkpoint: the first ${total()} events do not hash to the root`);
      }),
      { numRuns: 8 },
    ));

  it('with the checkpoint line removed too: the tail cannot be proved', async () => {
    const all = lines(path('export.jsonl'));
    const file = write(path('cut-bare.jsonl'), all.slice(0, -3));
    expect(await ok('verify', '--events', file)).toContain(
      'checkpoint: none carried; events removed from the end of the file cannot be detected',
    );
    const run = await cli('verify', '--events', file, '--key', key);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'checkpoint: the file carries none to check --key against; its newest events cannot be proved',
    );
  });

  it('fails a file with an event altered before the checkpoint, beside the chain', async () => {
    const all = lines(path('export.jsonl'));
    const event = JSON.parse(all[4]!) as { metadata: { actor: { id: string } } };
    event.metadata.actor.id = 'someone-else';
    const file = write(path('altered.jsonl'), [...all.slice(0, 4), JSON.stringify(event), ...all.slice(5)]);
    const run = await cli('verify', '--events', file, '--key', key);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `checkpoint: the first ${total()} events do not hash to the root the checkpoint of coachline/`,
    );
  });

  it('refuses a checkpoint whose size or root was changed, or that another key signed', async () => {
    const all = lines(path('export.jsonl'));
    const carried = JSON.parse(all.at(-1)!) as { checkpoint: { note: string; keys: string[] } };
    const [origin, size, root] = carried.checkpoint.note.split('\n');
    const resized = carried.checkpoint.note.replace(`${origin}\n${size}\n`, `${origin}\n${Number(size) - 2}\n`);
    const rerooted = carried.checkpoint.note.replace(root!, Buffer.alloc(32, 7).toString('base64'));
    const forger = generateNoteKey(origin!);
    const forged = signLogCheckpoint(
      { origin: origin!, size: Number(size) - 2, root: Buffer.alloc(32, 7), extensions: [] },
      [{ name: origin!, privateKeyPem: forger.privateKeyPem }],
    );
    for (const [name, note, keys] of [
      ['resized', resized, [key]],
      ['rerooted', rerooted, [key]],
      ['forged', forged, [forger.verifierKey]],
    ] as const) {
      const file = write(path(`${name}.jsonl`), [...all.slice(0, -1), JSON.stringify({ checkpoint: { note, keys } })]);
      const run = await cli('verify', '--events', file, '--key', key);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${name}.jsonl: checkpoint: the checkpoint is refused: `);
    }
  });

  it('refuses a checkpoint line anywhere but last, in every reader', async () => {
    const all = lines(path('export.jsonl'));
    const file = write(path('misplaced.jsonl'), [...all.slice(0, 2), all.at(-1)!, ...all.slice(2, -1)]);
    const message = `misplaced.jsonl:3: (line): a checkpoint line may only be the last line of an event file`;
    for (const argv of [
      ['verify'],
      ['replay', '--view', 'dosage'],
      ['import', '--store', path('misplaced-store'), '--create'],
    ]) {
      const run = await cli(argv[0]!, '--events', file, ...argv.slice(1));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(message);
    }
  });
});

describe('coachline prove --event and verify --proof', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = (JSON.parse(lines(path('export.jsonl'))[9]!) as { id: string }).id;
    expect(await ok('prove', '--store', STORE, '--event', eventId, '--out', path('proof.json'))).toContain(
      `the inclusion proof of event ${eventId} (event 10 of the ${total()} the checkpoint of coachline/`,
    );
  });

  it('writes the proof 0600, against the latest checkpoint', () => {
    const proof = JSON.parse(readFileSync(path('proof.json'), 'utf8')) as { treeSize: number; format: string };
    expect(proof).toMatchObject({ format: 'coachline-inclusion-proof/1', treeSize: total() });
    expect(statSync(path('proof.json')).mode & 0o777).toBe(0o600);
  });

  it('checks it offline with the verifier key, given as a string or a file', async () => {
    for (const given of [key, path('key.txt')])
      expect(await ok('verify', '--proof', path('proof.json'), '--key', given)).toContain(
        `is event 10 of the ${total()} the checkpoint of coachline/`,
      );
  });

  it('says plainly when the key came from the store', async () => {
    expect(await ok('verify', '--proof', path('proof.json'), '--store', STORE)).toContain(
      'note: signatures checked with the keys the store itself publishes',
    );
  });

  const changed = (name: string, change: (proof: Record<string, unknown>) => void): string => {
    const proof = JSON.parse(readFileSync(path('proof.json'), 'utf8')) as Record<string, unknown>;
    change(proof);
    writeFileSync(path(name), JSON.stringify(proof));
    return path(name);
  };

  it.each([
    [
      'an altered event',
      (p: Record<string, unknown>) => ((p['event'] as { type: string }).type = 'SessionVoided'),
      'the event is not in the signed tree',
    ],
    ['another place', (p: Record<string, unknown>) => (p['leafIndex'] = 10), 'the event is not in the signed tree'],
    [
      'a changed path',
      (p: Record<string, unknown>) => ((p['proof'] as string[])[0] = Buffer.alloc(32).toString('base64')),
      'the event is not in the signed tree',
    ],
  ])('refuses %s', async (_what, change, reason) => {
    const run = await refused(['verify', '--proof', changed('changed.json', change), '--key', key], 1);
    expect(run.stderr).toContain(reason);
  });

  it('refuses a proof against a checkpoint another key signed', async () => {
    const other = readFileSync(path('other.txt'), 'utf8');
    const file = changed('foreign.json', (p) => (p['checkpoint'] = other));
    const run = await refused(['verify', '--proof', file, '--key', key], 1);
    expect(run.stderr).toContain('the checkpoint is refused: ');
  });

  it('names each wrong field of a proof file in one line', async () => {
    const file = changed('wrong.json', (p) => {
      p['leafIndex'] = -1;
      p['format'] = 'other';
      p['extra'] = true;
    });
    const run = await refused(['verify', '--proof', file, '--key', key], 1);
    expect(run.stderr).toMatch(/format: .*; leafIndex: .*; extra: unknown field/u);
  });

  it.each([
    ['a name every object answers to', '__proto__'],
    ['a path', '../../etc/passwd'],
    ['white space', 'a b'],
    ['500 characters', 'x'.repeat(500)],
    ['a terminal escape', '\u001b[31mred'],
  ])('refuses an id holding %s as bad usage, writing nothing', async (_what, id) => {
    const run = await refused(['prove', '--store', STORE, '--event', id, '--out', path('hostile.json')], 2);
    expect(run.stderr).toMatch(/^--event: expected an id/u);
  });

  it('refuses an event the store does not hold, writing nothing', async () => {
    const run = await refused(['prove', '--store', STORE, '--event', 'no-such-event', '--out', path('none.json')], 1);
    expect(run.stderr).toBe("--event: the store's signed tree holds no event no-such-event\n");
  });

  it('refuses an event recorded after the latest checkpoint, until one covers it', async () => {
    writeMore(path('other-more.jsonl'), lines(path('first.jsonl'))[0]!, 1);
    await ok('import', '--events', path('other-more.jsonl'), '--store', OTHER);
    const later = (JSON.parse(lines(path('other-more.jsonl'))[0]!) as { id: string }).id;
    const run = await refused(['prove', '--store', OTHER, '--event', later, '--out', path('later.json')], 1);
    expect(run.stderr).toBe(
      `--event: no checkpoint covers event ${later} yet (event ${firstSize + 1} of the store); sign one with coachline checkpoint\n`,
    );
  });

  it('needs a key to check a proof, and says how to give one', async () => {
    const run = await refused(['verify', '--proof', path('proof.json')], 2);
    expect(run.stderr).toContain('--proof needs --key');
  });
});

describe('consistency: the newer checkpoint extends the older', () => {
  it('is proved from the store, and from a proof file offline', async () => {
    expect(await ok('verify', '--from', path('old.txt'), '--to', path('new.txt'), '--store', STORE, '--key', key)).toBe(
      `consistent: the ${total()} events of the newer checkpoint of ${/^([^+]+)\+/u.exec(key)![1]} extend the ${firstSize} of the older; none of those ${firstSize} changed\n`,
    );
    await ok('prove', '--store', STORE, '--from', path('old.txt'), '--out', path('consistency.json'));
    expect(await ok('verify', '--consistency', path('consistency.json'), '--key', key)).toContain('consistent: ');
  });

  it('refuses the two swapped', async () => {
    const run = await refused(
      ['verify', '--from', path('new.txt'), '--to', path('old.txt'), '--store', STORE, '--key', key],
      1,
    );
    expect(run.stderr).toContain('(are they swapped?)');
  });

  it('refuses checkpoints of two logs', async () => {
    const run = await refused(
      [
        'verify',
        '--from',
        path('other.txt'),
        '--to',
        path('new.txt'),
        '--store',
        STORE,
        '--key',
        path('both-keys.txt'),
      ],
      1,
    );
    expect(run.stderr).toContain('no proof joins two logs');
  });

  it('refuses a proof file whose hash was changed, or whose older checkpoint is of another log', async () => {
    const proof = JSON.parse(readFileSync(path('consistency.json'), 'utf8')) as { proof: string[]; from: string };
    const hashes = [...proof.proof];
    hashes[0] = Buffer.alloc(32, 1).toString('base64');
    writeFileSync(path('bent.json'), JSON.stringify({ ...proof, proof: hashes }));
    expect((await refused(['verify', '--consistency', path('bent.json'), '--key', key], 1)).stderr).toContain(
      `does not extend the tree of ${firstSize}`,
    );
    writeFileSync(path('crossed.json'), JSON.stringify({ ...proof, from: readFileSync(path('other.txt'), 'utf8') }));
    expect(
      (await refused(['verify', '--consistency', path('crossed.json'), '--key', path('both-keys.txt')], 1)).stderr,
    ).toContain('the newer checkpoint is refused: the checkpoint is of log');
  });

  it.each([
    [['verify', '--from', 'a.txt', '--store', 'x'], '--from needs --to'],
    [['verify', '--to', 'a.txt'], '--to needs --from; --from/--to need --store URL'],
    [['verify', '--proof', 'a', '--events', 'b'], '--events and --proof cannot be checked together'],
    [['prove', '--to', 'a', '--out', 'b'], 'prove needs --event ID or --from OLD; --to needs --from'],
  ])('names each wrong option of %j', async (argv, message) => {
    expect((await refused(argv, 2)).stderr).toContain(message);
  });
});

describe('verify --store holds the store’s tree against every checkpoint it keeps', () => {
  it('reports the tree and the checkpoints matching the events', async () => {
    const out = await ok('verify', '--store', STORE, '--key', key);
    expect(out).toContain(`tree: ${total()} events sealed, the root of the store's tree recomputed from them`);
    expect(out).toContain(`checkpoints: 2 signed, each matching the events; the latest covers ${total()} events`);
  });

  it('refuses the store’s checkpoints under another log’s key', async () => {
    const run = await cli('verify', '--store', STORE, '--key', otherKey);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 1, stdout: '' });
    expect(run.stderr).toContain(`checkpoint of ${firstSize} events: refused: `);
    expect(run.stderr).toContain(`checkpoint of ${total()} events: refused: `);
  });

  it('fails a store whose newest rows were deleted in SQL, head and chain made to agree', async () => {
    const database = await openStoreDatabase(STORE);
    try {
      const last = total() - 2;
      await database.query(`DELETE FROM coachline.events WHERE position > ${last}`);
      await database.query(
        `UPDATE coachline.head SET position = ${last}, chain = (SELECT chain FROM coachline.events WHERE position = ${last})`,
      );
    } finally {
      await database.close();
    }
    const run = await cli('verify', '--store', STORE, '--key', key);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`checkpoint of ${total()} events: the checkpoint of coachline/`);
    expect(run.stderr).toContain(`only ${total() - 2} are here: the newest 2 were removed`);
    expect(existsSync(STORE)).toBe(true);
  });
});
