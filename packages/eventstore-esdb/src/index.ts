export { EsdbEventStore, openEsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store';
export { EsdbChildKeyVault } from './esdb-child-key-store';
export { COACHLINE_EVENT_ID_NAMESPACE, esdbEventId } from './event-id';
export type { CoachlineEnvelope } from './event-envelope';
