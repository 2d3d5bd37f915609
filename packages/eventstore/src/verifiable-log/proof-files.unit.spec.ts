import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { metadataFor } from '../contract/fixtures';
import type { StoredEvent } from '../event-store';
import {
  checkConsistencyProofFile,
  checkInclusionProof,
  decodeConsistencyProofFile,
  decodeInclusionProofFile,
  encodeHashes,
  parseVerifierKeys,
  type ConsistencyProofFile,
  type InclusionProofFile,
} from './proof-files';
import { checkpointOf, inclusionFileOf, logKey, treeOf } from './signed-log.fixtures';

const KEY = logKey('coachline.test/proofs');

/** Five events in a store, the tree over the first three and over all five, each signed. */
const signedStore = async () => {
  const store = await InMemoryEventStore.of(
    [0, 1, 2, 3, 4].map((n) => ({
      stream: `provider-p-${n % 2}`,
      id: `e-${n}`,
      type: 'SessionLogged',
      schemaVersion: 1,
      data: { n },
      metadata: metadataFor(),
    })),
  );
  const history: StoredEvent[] = [];
  for await (const event of store.readAll()) history.push(event);
  const [older, newer] = [await treeOf(history.slice(0, 3)), await treeOf(history)];
  return { store, history, older, newer, olderNote: checkpointOf(older, KEY), newerNote: checkpointOf(newer, KEY) };
};

const pathsOf = (decoded: E.Either<{ readonly errors: ReadonlyArray<{ readonly path: string }> }, unknown>) =>
  E.isLeft(decoded) ? decoded.left.errors.map((error) => error.path) : [];

describe('inclusion proof files', () => {
  it('decodes a file a store gives, and checks its event under the signed checkpoint', async () => {
    const { history, newer, newerNote } = await signedStore();
    const file = JSON.parse(JSON.stringify(await inclusionFileOf(newer, history[3]!, 3, newerNote))) as unknown;
    const decoded = decodeInclusionProofFile(file);
    expect(E.isRight(decoded)).toBe(true);
    const checked = checkInclusionProof((decoded as E.Right<InclusionProofFile>).right, [KEY.verifier]);
    expect(checked).toEqual(E.right(expect.objectContaining({ leafIndex: 3 })));
    expect(E.isRight(checked) && checked.right.checkpoint.checkpoint.size).toBe(5);
  });

  it('names every wrong field at once, unknown ones too', () => {
    const decoded = decodeInclusionProofFile({
      format: 'coachline-inclusion-proof/2',
      event: { stream: 7, revision: -1, type: 'SessionLogged', schemaVersion: 1, data: {}, metadata: {}, extra: 1 },
      leafIndex: -1,
      treeSize: 1.5,
      proof: ['not base64!', Buffer.alloc(31).toString('base64')],
      checkpoint: 5,
      signedBy: 'me',
    });
    expect(pathsOf(decoded)).toEqual([
      'format',
      'event.id',
      'event.stream',
      'event.revision',
      'event.extra',
      'leafIndex',
      'treeSize',
      'proof.0',
      'proof.1',
      'checkpoint',
      'signedBy',
    ]);
    expect(E.isLeft(decoded) && decoded.left.message).toMatch(/^The inclusion proof is invalid: format, event\.id/u);
  });

  it('refuses a hostile key such as __proto__ as an unknown field, and pollutes nothing', () => {
    const decoded = decodeInclusionProofFile(JSON.parse('{"__proto__": {"polluted": true}, "format": 1}'));
    expect(pathsOf(decoded)).toContain('__proto__');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('never throws, whatever it is given to decode', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(E.isLeft(decodeInclusionProofFile(input))).toBe(true);
        expect(E.isLeft(decodeConsistencyProofFile(input))).toBe(true);
      }),
    );
  });

  it('never throws checking a well-formed file whose event, place or path was changed, and never accepts it', async () => {
    const { history, newer, newerNote } = await signedStore();
    const honest = await inclusionFileOf(newer, history[2]!, 2, newerNote);
    const aHash = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => encodeHashes([bytes])[0]!);
    const aChange: fc.Arbitrary<Partial<InclusionProofFile>> = fc.oneof(
      fc.anything().map((data) => ({ event: { ...honest.event, data } })),
      fc.record({ leafIndex: fc.nat({ max: 10 }).filter((index) => index !== 2) }),
      fc.record({ treeSize: fc.nat({ max: 10 }) }),
      fc.record({ proof: fc.array(aHash, { maxLength: 5 }) }),
      fc.record({ checkpoint: fc.string() }),
    );
    fc.assert(
      fc.property(aChange, (change) => {
        const changed = { ...honest, ...change };
        fc.pre(JSON.stringify(changed) !== JSON.stringify(honest));
        expect(E.isLeft(checkInclusionProof(changed, [KEY.verifier]))).toBe(true);
      }),
    );
  });

  it('refuses a proof whose tree size is not the checkpoint’s, and a checkpoint under a key not trusted', async () => {
    const { history, older, newer, olderNote, newerNote } = await signedStore();
    const file = await inclusionFileOf(newer, history[1]!, 1, newerNote);
    expect(checkInclusionProof({ ...file, checkpoint: olderNote }, [KEY.verifier])).toEqual(
      E.left("the proof is for a tree of 5 events, the checkpoint's has 3"),
    );
    const stranger = logKey('coachline.test/proofs');
    expect(checkInclusionProof(file, [stranger.verifier])).toEqual(
      E.left(expect.stringMatching(/^the checkpoint is refused/u)),
    );
    expect(
      E.isRight(checkInclusionProof(await inclusionFileOf(older, history[1]!, 1, olderNote), [KEY.verifier])),
    ).toBe(true);
  });
});

describe('consistency proof files', () => {
  const fileOf = async (): Promise<ConsistencyProofFile> => {
    const { store, olderNote, newerNote } = await signedStore();
    const proof = await store.verifiableLog.consistencyProof(3, 5);
    if (E.isLeft(proof)) throw new Error(proof.left);
    return {
      format: 'coachline-consistency-proof/1',
      from: olderNote,
      to: newerNote,
      proof: encodeHashes(proof.right),
    };
  };

  it('checks that the newer checkpoint’s tree extends the older’s', async () => {
    const file = await fileOf();
    const decoded = decodeConsistencyProofFile(JSON.parse(JSON.stringify(file)));
    expect(decoded).toEqual(E.right(file));
    const checked = checkConsistencyProofFile(file, [KEY.verifier]);
    expect(E.isRight(checked) && [checked.right.from.checkpoint.size, checked.right.to.checkpoint.size]).toEqual([
      3, 5,
    ]);
  });

  it('refuses the checkpoints swapped, a path with a hash changed, and a log under another name', async () => {
    const file = await fileOf();
    expect(E.isLeft(checkConsistencyProofFile({ ...file, from: file.to, to: file.from }, [KEY.verifier]))).toBe(true);
    const flipped = Buffer.from(file.proof[0]!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    const changedPath = { ...file, proof: [flipped.toString('base64'), ...file.proof.slice(1)] };
    expect(E.isLeft(checkConsistencyProofFile(changedPath, [KEY.verifier]))).toBe(true);
    const other = logKey('coachline.test/other');
    const { newer } = await signedStore();
    const otherLog = { ...file, to: checkpointOf(newer, other) };
    expect(checkConsistencyProofFile(otherLog, [KEY.verifier, other.verifier])).toEqual(
      E.left(expect.stringContaining('is of log "coachline.test/other"')),
    );
  });

  it('names each wrong field of a file', () => {
    expect(
      pathsOf(decodeConsistencyProofFile({ format: 'coachline-consistency-proof/1', from: 1, proof: 'x' })),
    ).toEqual(['from', 'to', 'proof']);
  });
});

describe('verifier keys', () => {
  it('reads published keys and names the first that is not one', () => {
    expect(
      E.map((verifiers: readonly unknown[]) => verifiers.length)(parseVerifierKeys([` ${KEY.verifierKey}\n`])),
    ).toEqual(E.right(1));
    expect(parseVerifierKeys([KEY.verifierKey, 'coachline+zz+AAAA'])).toEqual(
      E.left(expect.stringMatching(/^the verifier key "coachline\+zz\+AAAA" is refused: /u)),
    );
  });
});
