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
