import type { RolePage } from '../registry';
import { RecordCommandPage } from './record-command.page';
import { RecordPage } from './record.page';

/** The Record page and each command's form below it, for every role that may send commands. */
export const recordPages: ReadonlyArray<RolePage> = [
  { path: 'record', label: 'Record', component: RecordPage },
  { path: 'record/:commandType', component: RecordCommandPage },
];
