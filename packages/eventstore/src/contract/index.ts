export { eventStoreContract } from './event-store-contract';
export type { ContractOptions, ContractSubject, OpenContractSubject } from './contract-subject';
export { EventCollector } from './event-collector';
export { anEvent, collect, metadataFor, someEvents } from './fixtures';
