export {
  CHAIN_START,
  canonicalContent,
  canonicalContentOf,
  canonicalJson,
  chainHash,
  eventHash,
  nextIntegrity,
  nextIntegrityOfCanonical,
} from './event-hash';
export type { CanonicalParts, EventIntegrity, HashedContent } from './event-hash';
export { ChainVerifier, verifyChain } from './chain-verifier';
export type {
  ChainBreak,
  ChainBreakKind,
  ChainedEvent,
  ChainIntact,
  ChainOptions,
  ChainVerification,
} from './chain-verifier';
