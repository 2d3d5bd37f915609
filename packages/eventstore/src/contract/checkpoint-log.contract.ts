import * as E from 'fp-ts/Either';
import { signLogCheckpoint } from '../integrity/merkle/checkpoint';
import { generateNoteKey, type GeneratedNoteKey } from '../integrity/merkle/signed-note';
import type { CheckpointLog, StoredCheckpoint } from '../verifiable-log';
import type { OpenContractSubject } from './contract-subject';
import { useContractContext, type ContractContext } from './contract-context';
import { someEvents } from './fixtures';
import { verifiableLogOf } from './verifiable-log.contract';

const checkpointLogOf = (context: ContractContext): CheckpointLog => {
  const log = context.subject.signedCheckpoints;
  if (log === undefined)
    throw new Error(
      'The subject keeps no signedCheckpoints; pass { verifiableLog: false } if its engine keeps no tree.',
    );
  return log;
};

/** A key named for the test's run, so keys published by earlier tests on a shared store are told apart. */
const keyFor = (context: ContractContext, name: string): GeneratedNoteKey => generateNoteKey(`${context.run}-${name}`);

export const checkpointLogContract = (open: OpenContractSubject): void => {
  describe('signed checkpoints', () => {
    const context = useContractContext(open);

    /**
     * Appends `count` events one by one and signs the tree at each size they bring: real checkpoints of
     * sizes no earlier test can have saved (each saved only sizes its own tree had reached).
     */
    const signedTrees = async (count: number, key = keyFor(context, 'log')): Promise<StoredCheckpoint[]> => {
      const stream = context.stream('provider-p1');
      for (const event of someEvents(count)) await context.store.append(stream, [event], 'any');
      await context.subject.sealed?.();
      const tree = verifiableLogOf(context);
      const head = await tree.treeHead();
      const checkpoints: StoredCheckpoint[] = [];
      for (let size = head.size - count + 1; size <= head.size; size++) {
        const root = await tree.rootAt(size);
        if (E.isLeft(root)) throw new Error(root.left);
        const signer = { name: `${context.run}-log`, privateKeyPem: key.privateKeyPem };
        const note = signLogCheckpoint({ origin: signer.name, size, root: root.right, extensions: [] }, [signer]);
        checkpoints.push({ size, note, signedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, size % 60)).toISOString() });
      }
      return checkpoints;
    };

    it('keeps checkpoints and finds them by size, the latest, the one covering a size, and in pages', async () => {
      const log = checkpointLogOf(context);
      const checkpoints = await signedTrees(5);
      const [first, second, third, fourth, fifth] = checkpoints as [
        StoredCheckpoint,
        StoredCheckpoint,
        StoredCheckpoint,
        StoredCheckpoint,
        StoredCheckpoint,
      ];
      // Saved out of order and with a gap: the log orders them by size, not by when they came.
      for (const checkpoint of [fourth, first, fifth, second]) await log.save(checkpoint);

      expect(await log.latest()).toEqual(fifth);
      expect(await log.atSize(second.size)).toEqual(second);
      expect(await log.atSize(third.size)).toBeUndefined();
      expect(await log.covering(first.size)).toEqual(first);
      expect(await log.covering(third.size)).toEqual(fourth);
      expect(await log.covering(fifth.size + 1)).toBeUndefined();
      expect(await log.list({ after: first.size - 1 })).toEqual([first, second, fourth, fifth]);
      expect(await log.list({ after: first.size, limit: 2 })).toEqual([second, fourth]);
      expect(await log.list({ after: fifth.size })).toEqual([]);
      const everything = await log.list();
      expect(everything.map((checkpoint) => checkpoint.size)).toEqual(
        [...everything.map((checkpoint) => checkpoint.size)].sort((a, b) => a - b),
      );
    });

    it('keeps the first checkpoint saved for a size: a second one never replaces it', async () => {
      const log = checkpointLogOf(context);
      const [honest] = (await signedTrees(1)) as [StoredCheckpoint];
      const [rival] = (await signedTrees(1, keyFor(context, 'rival'))) as [StoredCheckpoint];
      await log.save(honest);
      await log.save({ ...rival, size: honest.size });
      await log.save({ ...honest, signedAt: '2030-01-01T00:00:00.000Z' });
      expect(await log.atSize(honest.size)).toEqual(honest);
      expect(await log.list({ after: honest.size - 1, limit: 1 })).toEqual([honest]);
    });

    it('keeps a note’s text byte for byte, whatever it holds', async () => {
      const log = checkpointLogOf(context);
      const [checkpoint] = (await signedTrees(1)) as [StoredCheckpoint];
      const note = `__proto__\n${checkpoint.size}\n' OR '1'='1 \\ "quoted" \r\n\t✓ 𝄞 é\u2028\n\n— ..\\..\\x ${'A'.repeat(300)}\n`;
      await log.save({ ...checkpoint, note });
      expect((await log.atSize(checkpoint.size))?.note).toBe(note);
      expect(Buffer.from((await log.latest())!.note, 'utf8')).toEqual(Buffer.from(note, 'utf8'));
    });

    it('publishes each verifier key once, oldest first', async () => {
      const log = checkpointLogOf(context);
      const [older, newer] = [keyFor(context, 'older').verifierKey, keyFor(context, 'newer').verifierKey];
      await log.publishKey(older);
      await log.publishKey(newer);
      await log.publishKey(older);
      const own = (await log.publishedKeys()).filter((key) => key.startsWith(`${context.run}-`));
      expect(own).toEqual([older, newer]);
    });
  });
};
