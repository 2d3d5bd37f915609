export type { CheckpointLog, StoredCheckpoint, TreeHead, VerifiableLog } from './verifiable-log';
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
} from './proof-files';
export type { ProvenConsistency, ProvenInclusion } from './proof-files';
export { openSigningKeyFile, SIGNING_KEY_FILE_NAME, SigningKeyError, signingKeyFileBeside } from './signing-key';
export type { CheckpointSigningKey, SigningKeyOptions } from './signing-key';
export { logNameOf, signCheckpoint, storedCheckpointOf } from './checkpoint-signer';
export { provenanceThrough } from './provenance';
export type { Provenance, SignedHistorySources } from './provenance';
