/**
 * The event store port's public surface. Every name is listed by hand: what the adapters, the
 * views package, the apps and embedders use, and the names their signatures carry, nothing else.
 * The committed list in `public-surface.unit.spec.ts` makes each addition visible in review.
 */

// The port: what every adapter appends, reads and delivers, and the shapes it does so in.
export type {
  AppendResult,
  EventHandler,
  EventMetadataJson,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from './event-store';

// The in-memory store: the port kept in the process, for tests and `memory:`.
export { InMemoryEventStore } from './in-memory/in-memory-event-store';

// Command handling: a decider run against its stream, what it answers when it cannot, and the event ids it mints.
export { handleCommand } from './command-handling/handle-command';
export type { CommandOutcome, HandleCommandOptions } from './command-handling/handle-command';
// Whether an enrollment's or a reassignment's coach may take a caseload, read from the coach's and the year's streams.
export { caseloadCoachCheck } from './command-handling/caseload-coach-check';
export type { GuideLookup } from './command-handling/caseload-coach-check';
// Whether the coaching system a coach reviews is approved, read from the community's stream.
export { coachingSystemReviewCheck } from './command-handling/coaching-system-review-check';
// Whether a team's coach may be chosen, read from the community's program year and coaching system.
export { teamCoachCheck } from './command-handling/team-coach-check';
export { DecidedStreams } from './command-handling/decided-streams';
export type { DecidedStreamsOptions } from './command-handling/decided-streams';
export type { DecidedStream } from './command-handling/decided-stream';
export { UnreadableEventError } from './command-handling/load-stream';
export type { PlacedEvent } from './command-handling/load-stream';
export { isSystemFault } from './command-handling/system-fault';
export type { CommandFailure, SystemFault } from './command-handling/system-fault';
export { mintEventId } from './command-handling/event-ids';

// Expected revision: the check every append makes, and the refusals of an append that fails it.
export { meetsExpectedRevision, requireExpectedRevision } from './expected-revision';
export { DuplicateEventError, isRevisionConflict, RevisionConflictError } from './errors';

// The opened store: an engine made ready to serve, sealing child data on every append.
export { OpenedStore } from './opened-store/opened-store';
export type { BulkImport, BulkImportResult, EventToImport, StoreEngine } from './opened-store/store-engine';

// Projection storage: where the views runner keeps each view's checkpoint and rows.
export {
  InMemoryProjectionCheckpoints,
  subjectEntryKey,
  withSubjectEntries,
} from './projection-storage/projection-checkpoints';
export type {
  LoadedProjection,
  ParkedAt,
  ProjectionCheckpoints,
  ProjectionRecord,
  SubjectEntries,
} from './projection-storage/projection-checkpoints';
export type { StoredViewRow } from './projection-storage/stored-view-row';
export { readsTypedPages } from './projection-storage/typed-pages';
export type { LatestPassedOver, TypedPage, TypedPageReader, TypedPagesOptions } from './projection-storage/typed-pages';

// Integrity: each event's hash chained to the one before, and the check of a whole chain.
export {
  CHAIN_START,
  canonicalContent,
  canonicalContentOf,
  canonicalJson,
  nextIntegrity,
} from './integrity/event-hash';
export { nextIntegrityOfCanonical, nextIntegrityOfContent, sealEvent } from './integrity/sealed-event';
export type { SealedEvent } from './integrity/sealed-event';
export type { CanonicalParts, EventIntegrity, HashedContent } from './integrity/event-hash';
export { ChainVerifier, verifyChain } from './integrity/chain-verifier';
export type {
  ChainBreak,
  ChainBreakKind,
  ChainedEvent,
  ChainIntact,
  ChainOptions,
  ChainVerification,
} from './integrity/chain-verifier';

// The verifiable log: a Merkle tree (RFC 9162) over the events, its proofs, and signed checkpoints (C2SP).
export {
  appendLeaf,
  consistencyPlan,
  EMPTY_RANGE,
  foldFromRight,
  inclusionPlan,
  InMemoryMerkleNodeStore,
  MerkleLog,
  perfectSubtrees,
  planNodes,
  rangeOfPeaks,
  rangeRoot,
  TreeEdge,
  emptyTreeHash,
  eventLeafHash,
  generateNoteKey,
  leafHash,
  logCheckpointText,
  nodeHash,
  nodeKey,
  openLogCheckpoint,
  openNote,
  parseLogCheckpointText,
  parseVerifierKey,
  signLogCheckpoint,
  signNote,
  verifierKeyString,
  verifyConsistency,
  verifyInclusion,
} from './integrity/merkle';
export type {
  CompactRange,
  GeneratedNoteKey,
  LogCheckpoint,
  MerkleNodeStore,
  NoteSigner,
  NoteVerifier,
  OpenedLogCheckpoint,
  OpenedNote,
  ProofCheck,
  ProofPlan,
  StoredNode,
  TreeHash,
  TreeNode,
} from './integrity/merkle';

// What an engine keeps of that log: its tree over the global order, and the checkpoints signed over it.
export {
  checkConsistency,
  checkConsistencyProofFile,
  checkInclusionProof,
  ConsistencyProofFile,
  decodeConsistencyProofFile,
  decodeInclusionProofFile,
  encodeHashes,
  InclusionProofFile,
  parseVerifierKeys,
  provenanceThrough,
} from './verifiable-log';
export type {
  CheckpointLog,
  Provenance,
  ProvenConsistency,
  ProvenInclusion,
  SignedHistorySources,
  StoredCheckpoint,
  TreeHead,
  VerifiableLog,
} from './verifiable-log';
// The key that signs those checkpoints, kept in a file outside the store, and the signing itself.
export {
  logNameOf,
  openSigningKeyFile,
  SIGNING_KEY_FILE_NAME,
  signCheckpoint,
  SigningKeyError,
  signingKeyFileBeside,
  storedCheckpointOf,
} from './verifiable-log';
export type { CheckpointSigningKey, SigningKeyOptions } from './verifiable-log';

// Child data: sealed under each child's key, the keys wrapped under the key file's, erased with the key.
export type { ChildKey, ChildKeyStore } from './child-data/child-key-store';
export type {
  ChildKeyVault,
  ChildKeyWrappingState,
  Rewrap,
  WrapAt,
  WrappedChildKey,
} from './child-data/child-key-vault';
export { InMemoryChildKeyStore } from './child-data/in-memory-child-key-store';
export { openChildKeyStore, WrappedChildKeyStore } from './child-data/wrapped-child-key-store';
export {
  isInsideFolder,
  KEY_FILE_NAME,
  keyEncryptionKeyFile,
  keyFileBeside,
  KeyFileError,
} from './child-data/key-file';
export type { KeyEncryptionKeyFile } from './child-data/key-file';
export { newKeyEncryptionKey, unwrapChildKey, WRAPPED_KEY_BYTES, WRAPPED_KEY_PREFIX } from './child-data/key-wrapping';
export type { KeyEncryptionKey } from './child-data/key-wrapping';
export { openValue } from './child-data/child-data-cipher';
export type { SealedPlace } from './child-data/child-data-cipher';
export { openChildData, openStreamChildData } from './child-data/seal-child-data';
export { protectChildData, SealingEventStore, UnsealedImportError } from './child-data/protect-child-data';
export type { ChildDataProtectedStore } from './child-data/protect-child-data';
export { prepareImportSealing } from './child-data/seal-for-import';
export type { ImportSealer } from './child-data/seal-for-import';

// Access log: who read which view of whom, kept in the store or in a file, and listing it by day.
export { AccessLogUnavailableError, dayOf, ViewRead } from './access-log/view-read';
export type { AccessLog } from './access-log/view-read';
export { daysBetween, listingSpan, listReads, matches, MAX_LISTED_DAYS } from './access-log/access-log-filter';
export type { AccessLogFilter, ListingSpan } from './access-log/access-log-filter';
export { accessLogTable } from './access-log/access-log-table';
export { StoreAccessLog } from './access-log/store-access-log';
export { ACCESS_LOG_FILE, FileAccessLog } from './access-log/file-access-log';

// Store failures: a store that does not answer, named without its password.
export { describeStoreFailure, ensureStoreAnswers, redactStoreUrl, StoreUnavailableError } from './store-failure';
