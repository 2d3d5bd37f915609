import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import {
  logCheckpointText,
  openLogCheckpoint,
  parseLogCheckpointText,
  signLogCheckpoint,
  type LogCheckpoint,
} from './checkpoint';
import { generateNoteKey, openNote, parseVerifierKey, signNote, type NoteVerifier } from './signed-note';
import { MerkleLog } from './merkle-log';
import { InMemoryMerkleNodeStore } from './node-store';
import { verifyConsistency, verifyInclusion } from './proof-verifier';
import { eventLeafHash, leafHash } from './tree-hash';

const ORIGIN = 'coachline.example/district-log';
const key = generateNoteKey(ORIGIN);
const stranger = generateNoteKey(ORIGIN);
const signer = { name: ORIGIN, privateKeyPem: key.privateKeyPem };

const verifierOf = (text: string): NoteVerifier => {
  const parsed = parseVerifierKey(text);
  if (E.isLeft(parsed)) throw new Error(parsed.left);
  return parsed.right;
};
const trusted = [verifierOf(key.verifierKey)];

const checkpointOf = (size: number, salt = 0): LogCheckpoint => ({
  origin: ORIGIN,
  size,
  root: leafHash(Buffer.from(`root ${salt}`)),
  extensions: [],
});

const refused = (note: string): boolean => E.isLeft(openLogCheckpoint(note, trusted, ORIGIN));

describe('signed checkpoints (C2SP tlog-checkpoint in a signed note)', () => {
  it('reads every verifier key it generates, whatever its base64 holds', () => {
    fc.assert(
      fc.property(fc.constantFrom('log.example', 'coachline.example/district-log'), (name) => {
        const generated = generateNoteKey(name);
        expect(E.map((verifier: NoteVerifier) => verifier.name)(parseVerifierKey(generated.verifierKey))).toEqual(
          E.right(name),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('writes the body, a blank line and an em-dash signature line of key id and signature', () => {
    const checkpoint = checkpointOf(20852163);
    const note = signLogCheckpoint(checkpoint, [signer]);
    const root = Buffer.from(checkpoint.root).toString('base64');
    expect(note.startsWith(`${ORIGIN}\n20852163\n${root}\n\n\u2014 ${ORIGIN} `)).toBe(true);
    const signature = Buffer.from(note.trimEnd().split(' ').at(-1) ?? '', 'base64');
    expect(signature).toHaveLength(4 + 64);
    expect(signature.subarray(0, 4).toString('hex')).toBe(key.verifierKey.split('+')[1]);
    expect(openLogCheckpoint(note, trusted, ORIGIN)).toEqual(E.right({ checkpoint, signedBy: [ORIGIN] }));
  });

  it('verifies a note signed by an independent implementation of the format', () => {
    const verifier = verifierOf('example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k');
    const note =
      'This is an example message.\n\n\u2014 example.com/foo ' +
      'Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n';
    expect(openNote(note, [verifier])).toEqual(
      E.right({ text: 'This is an example message.\n', signedBy: ['example.com/foo'] }),
    );
    expect(E.isLeft(openNote(note.replace('example message', 'exemplary message'), [verifier]))).toBe(true);
  });

  it("reads the format's own example checkpoint", () => {
    const text = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
    const parsed = parseLogCheckpointText(text);
    expect(E.map((checkpoint: LogCheckpoint) => [checkpoint.origin, checkpoint.size])(parsed)).toEqual(
      E.right(['example.com/behind-the-sofa', 20852163]),
    );
    expect(E.map(logCheckpointText)(parsed)).toEqual(E.right(text));
  });

  it('lets an auditor holding one signed checkpoint check a later one and an event in it', async () => {
    const log = MerkleLog.empty(new InMemoryMerkleNodeStore());
    const events = Array.from({ length: 12 }, (_, at) => eventLeafHash(`{"id":"e-${at}"}`));
    await log.append(events.slice(0, 5));
    const held = signLogCheckpoint({ origin: ORIGIN, size: log.size, root: log.root(), extensions: [] }, [signer]);
    await log.append(events.slice(5));
    const later = signLogCheckpoint({ origin: ORIGIN, size: log.size, root: log.root(), extensions: [] }, [signer]);
    const [older, newer] = [openLogCheckpoint(held, trusted, ORIGIN), openLogCheckpoint(later, trusted, ORIGIN)];
    if (E.isLeft(older) || E.isLeft(newer)) throw new Error('the checkpoints do not open');
    const { size: olderSize, root: olderRoot } = older.right.checkpoint;
    const { size: newerSize, root: newerRoot } = newer.right.checkpoint;
    const consistency = await log.consistencyProof(olderSize, newerSize);
    const inclusion = await log.inclusionProof(3, olderSize);
    expect(
      E.isRight(consistency) && verifyConsistency(olderSize, newerSize, olderRoot, newerRoot, consistency.right),
    ).toEqual(E.right(true));
    expect(E.isRight(inclusion) && verifyInclusion(3, olderSize, events[3]!, inclusion.right, olderRoot)).toEqual(
      E.right(true),
    );
  });

  it('keeps extension lines under the signature', () => {
    const checkpoint = { ...checkpointOf(3), extensions: ['Timestamp: 1700000000'] };
    expect(openLogCheckpoint(signLogCheckpoint(checkpoint, [signer]), trusted)).toEqual(
      E.right({ checkpoint, signedBy: [ORIGIN] }),
    );
  });

  it('passes over a witness signature from a key it does not know', () => {
    const witness = generateNoteKey('witness.example');
    const note = signLogCheckpoint(checkpointOf(8), [
      signer,
      { name: 'witness.example', privateKeyPem: witness.privateKeyPem },
    ]);
    expect(
      E.map((opened: { signedBy: readonly string[] }) => opened.signedBy)(openLogCheckpoint(note, trusted)),
    ).toEqual(E.right([ORIGIN]));
  });

  it('refuses a checkpoint signed by another key, even under the same name', () => {
    fc.assert(
      fc.property(fc.nat(), (size) => {
        const note = signLogCheckpoint(checkpointOf(size), [{ name: ORIGIN, privateKeyPem: stranger.privateKeyPem }]);
        expect(openLogCheckpoint(note, trusted)).toEqual(E.left('no signature from a trusted key'));
      }),
      { numRuns: 20 },
    );
  });

  it('refuses a checkpoint whose size or root was changed after signing', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 20 }), fc.nat(255), (size, delta, bit) => {
        const checkpoint = checkpointOf(size, bit);
        const note = signLogCheckpoint(checkpoint, [signer]);
        const signatures = note.slice(logCheckpointText(checkpoint).length);
        const grown = logCheckpointText({ ...checkpoint, size: size + delta });
        const root = Buffer.from(checkpoint.root);
        root[bit % 32] = (root[bit % 32] ?? 0) ^ (1 << (bit % 8));
        const rerooted = logCheckpointText({ ...checkpoint, root });
        expect(refused(grown + signatures)).toBe(true);
        expect(refused(rerooted + signatures)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it.each([
    ['no trailing newline', (note: string) => note.slice(0, -1)],
    ['a hyphen for the em dash', (note: string) => note.replace('\u2014', '-')],
    ['an extra blank line in the body', (note: string) => note.replace('\n', '\n\n')],
    ['a control character in the body', (note: string) => note.replace('/district', '/\u0007district')],
    ['no signature line', (note: string) => note.slice(0, note.indexOf('\n\n') + 2)],
    ['a signature truncated', (note: string) => note.replace(/[A-Za-z0-9+/]{8}=?\n$/u, '\n')],
  ])('refuses a note with %s', (_, spoil) => {
    expect(refused(spoil(signLogCheckpoint(checkpointOf(42), [signer])))).toBe(true);
  });

  it.each([
    ['a size with a leading zero', `${ORIGIN}\n042\n${Buffer.alloc(32).toString('base64')}\n`],
    ['a signed size', `${ORIGIN}\n+42\n${Buffer.alloc(32).toString('base64')}\n`],
    [
      'a size past what a number holds exactly',
      `${ORIGIN}\n9007199254740993\n${Buffer.alloc(32).toString('base64')}\n`,
    ],
    ['a short root', `${ORIGIN}\n42\n${Buffer.alloc(31).toString('base64')}\n`],
    ['a root in base64url', `${ORIGIN}\n42\n${Buffer.alloc(32, 0xff).toString('base64url')}\n`],
    ['a missing root', `${ORIGIN}\n42\n`],
    ['an empty origin', `\n42\n${Buffer.alloc(32).toString('base64')}\n`],
    ['an empty extension line', `${ORIGIN}\n42\n${Buffer.alloc(32).toString('base64')}\n\nmore\n`],
    ['no trailing newline', `${ORIGIN}\n42\n${Buffer.alloc(32).toString('base64')}`],
  ])('refuses a checkpoint text with %s', (_, text) => {
    expect(E.isLeft(parseLogCheckpointText(text))).toBe(true);
  });

  it('refuses the whole note when a trusted key signature does not verify', () => {
    const note = signLogCheckpoint(checkpointOf(42), [signer]);
    const [body, line] = [note.slice(0, note.lastIndexOf('\u2014')), note.slice(note.lastIndexOf('\u2014'))];
    const encoded = line.trimEnd().split(' ').at(-1) ?? '';
    const signature = Buffer.from(encoded, 'base64');
    signature[10] = (signature[10] ?? 0) ^ 0x01;
    const spoiled = `${body}${line.replace(encoded, signature.toString('base64'))}`;
    expect(openLogCheckpoint(spoiled, trusted)).toEqual(E.left(`the signature of ${ORIGIN} does not verify`));
  });

  it('refuses a checkpoint of another log', () => {
    const note = signNote(logCheckpointText({ ...checkpointOf(1), origin: 'other.example/log' }), [
      { name: ORIGIN, privateKeyPem: key.privateKeyPem },
    ]);
    expect(openLogCheckpoint(note, trusted, ORIGIN)).toEqual(
      E.left('the checkpoint is of log "other.example/log", not "coachline.example/district-log"'),
    );
  });

  it.each([
    ['two parts', `${ORIGIN}+00000000`],
    ['a key id that does not match', key.verifierKey.replace(/\+[0-9a-f]{8}\+/u, '+00000000+')],
    ['a name with a space', `a b+${key.verifierKey.split('+').slice(1).join('+')}`],
    ['a key of the wrong type', key.verifierKey.replace(/\+A/u, '+B')],
  ])('refuses a verifier key with %s', (_, text) => {
    expect(E.isLeft(parseVerifierKey(text))).toBe(true);
  });

  it('never throws on hostile note text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (note) => {
        expect(() => openLogCheckpoint(note, trusted)).not.toThrow();
      }),
    );
  });
});
