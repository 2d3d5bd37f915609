import * as E from 'fp-ts/Either';
import type { StoredEvent } from '../event-store';
import { CHAIN_START, chainHash, eventHash } from '../integrity/event-hash';
import { verifyChain } from '../integrity/chain-verifier';
import type { OpenContractSubject } from './contract-subject';
import { useContractContext, type ContractContext } from './contract-context';
import { collect, someEvents } from './fixtures';

const WRITERS = 20;

/** Each event's hash is what `eventHash` computes over its content after its stream's previous one. */
const expectHashesOfTheirContent = async (
  context: ContractContext,
  events: ReadonlyArray<StoredEvent>,
): Promise<void> => {
  for (const stream of new Set(events.map((event) => event.stream))) {
    let previous = CHAIN_START;
    for (const event of await collect(context.store.readStream(stream))) {
      expect(event.integrity?.hash).toBe(eventHash(previous, event));
      previous = event.integrity!.hash;
    }
  }
};

/** The whole store, from position 1, chains without a break up to the head it reported. */
const expectChainIntact = async (context: ContractContext): Promise<void> => {
  const headPosition = await context.store.headPosition();
  const verdict = await verifyChain(context.store.readAll({ batchSize: 64 }), { headPosition });
  expect(verdict).toEqual(E.right(expect.objectContaining({ lastPosition: headPosition })));
};

export const integrityContract = (open: OpenContractSubject): void => {
  describe('hash chain', () => {
    const context = useContractContext(open);

    it('gives every event a hash over its content and its stream’s previous hash, and chains them in global order', async () => {
      await context.store.append(context.stream('provider-p1'), someEvents(3), 'no-stream');
      await context.store.append(context.stream('coach-c1'), someEvents(2, 'CoachRegistered'), 'any');
      await context.store.append(context.stream('provider-p1'), someEvents(1, 'FeedbackSent'), 2);
      await context.store.append(context.stream('provider-p1'), [], 3);

      const own = await context.ownEvents();
      expect(own).toHaveLength(6);
      await expectHashesOfTheirContent(context, own);
      const all = await collect(context.store.readAll({ after: Math.max(0, context.headAtStart - 1) }));
      for (let index = 1; index < all.length; index++) {
        expect(all[index]!.integrity?.chain).toBe(
          chainHash(all[index - 1]!.integrity!.chain, all[index]!.integrity!.hash),
        );
      }
      await expectChainIntact(context);
    });

    it('reads the same hashes through readStream and readAll', async () => {
      await context.store.append(context.stream('child-k1'), someEvents(4, 'ScreeningRecorded'), 'any');
      const own = await context.ownEvents();
      expect(await collect(context.store.readStream(context.stream('child-k1')))).toEqual(own);
      expect(
        own.every(
          (event) =>
            /^[0-9a-f]{64}$/.test(event.integrity?.hash ?? '') && /^[0-9a-f]{64}$/.test(event.integrity?.chain ?? ''),
        ),
      ).toBe(true);
    });

    it(`stays intact under ${WRITERS} concurrent writers on shared and own streams`, async () => {
      const shared = context.stream('community-shared');
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, writer) => {
          for (let append = 0; append < 3; append++) {
            await context.store.append(context.stream(`provider-w${writer}`), someEvents(1 + (append % 2)), 'any');
            await context.store.append(shared, someEvents(2, 'FeedbackSent'), 'any');
          }
        }),
      );
      const own = await context.ownEvents();
      // Per writer: 1 + 2 + 1 events on its own stream, 3 × 2 on the shared one.
      expect(own).toHaveLength(WRITERS * 10);
      await expectHashesOfTheirContent(context, own);
      await expectChainIntact(context);
    }, 120_000);
  });
};
