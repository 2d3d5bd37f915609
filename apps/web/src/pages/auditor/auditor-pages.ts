import type { RolePage } from '../registry';
import { AccessLogPage } from './access-log.page';
import { HashChainPage } from './hash-chain.page';
import { HistoryPage } from './history.page';

/** An auditor reads the record as it was written, the evidence of its integrity, and who read what. */
export const auditorPages: ReadonlyArray<RolePage> = [
  { path: 'history', label: 'History', component: HistoryPage },
  { path: 'hash-chain', label: 'Hash chain', component: HashChainPage },
  { path: 'access-log', label: 'Access log', component: AccessLogPage },
];
