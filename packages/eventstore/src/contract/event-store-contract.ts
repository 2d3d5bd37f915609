import { appendContract } from './append.contract';
import { checkpointLogContract } from './checkpoint-log.contract';
import { concurrencyContract } from './concurrency.contract';
import { integrityContract } from './integrity.contract';
import type { ContractOptions, OpenContractSubject } from './contract-subject';
import { payloadsContract } from './payloads.contract';
import { readAllContract } from './read-all.contract';
import { readStreamContract } from './read-stream.contract';
import { subscribeContract } from './subscribe.contract';
import { merkleTreeContract } from './verifiable-log.contract';

/**
 * The one suite every EventStore adapter passes. Call it at the top level of a spec file:
 *
 *     eventStoreContract('PostgreSQL', async () => ({ store, close: async () => {} }));
 *
 * `open` runs before each test; see `OpenContractSubject` for stores shared between tests. The
 * subject also hands over the engine's Merkle tree and signed checkpoints, which the suite checks
 * against the store's own global order unless `verifiableLog: false` says the engine keeps none.
 * It registers tests and asserts with `expect`, so it needs a test runner's globals: jest's, or
 * vitest's with `globals: true` (the domain's decider specifications need none).
 */
export const eventStoreContract = (name: string, open: OpenContractSubject, options: ContractOptions = {}): void => {
  const { concurrency = true, bigStreams = true, hashChain = true, verifiableLog = true } = options;
  describe(`EventStore contract: ${name}`, () => {
    appendContract(open);
    readStreamContract(open);
    readAllContract(open);
    payloadsContract(open, { bigStreams });
    subscribeContract(open);
    if (concurrency) concurrencyContract(open);
    if (hashChain) integrityContract(open);
    if (verifiableLog) {
      merkleTreeContract(open);
      checkpointLogContract(open);
    }
  });
};

/**
 * The verifiable log's part of the suite alone (`eventStoreContract` runs it already): for a
 * subject whose tree and checkpoints are checked apart from its events, such as a second way of
 * opening the same engine. The subject must hand over `verifiableLog` and `signedCheckpoints`.
 */
export const verifiableLogContract = (name: string, open: OpenContractSubject): void => {
  describe(`Verifiable log contract: ${name}`, () => {
    merkleTreeContract(open);
    checkpointLogContract(open);
  });
};
