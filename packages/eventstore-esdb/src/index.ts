export { EsdbEventStore, openEsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store';
export { EsdbChildKeyVault } from './esdb-child-key-store';
export { EsdbCheckpointLog } from './verifiable-log/esdb-checkpoint-log';
export { EsdbVerifiableLog } from './verifiable-log/esdb-verifiable-log';
export type { SealedTreeCheck } from './verifiable-log/tree-audit';
export { DEFAULT_CHUNK_LEAVES, EsdbTreeSealer, type TreeSealerOptions } from './verifiable-log/tree-sealer';
export { COACHLINE_EVENT_ID_NAMESPACE, esdbEventId } from './event-id';
export type { CoachlineEnvelope } from './event-envelope';
