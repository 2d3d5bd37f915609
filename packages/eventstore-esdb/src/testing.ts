export {
  startInProcessEsdb,
  type InProcessEsdb,
  type InProcessEsdbOptions,
} from './in-process-esdb/in-process-esdb-server';
export type { ServerGeneration } from './in-process-esdb/read-handler';
