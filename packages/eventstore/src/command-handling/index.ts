export { decodeAndHandleCommand, handleCommand } from './handle-command';
export { DecidedStreams } from './decided-streams';
export type { DecidedStreamsOptions } from './decided-streams';
export type { DecidedStream } from './decided-stream';
export type { CommandOutcome, HandleCommandOptions } from './handle-command';
export { loadStream, UnreadableEventError } from './load-stream';
export type { LoadedStream, PlacedEvent, ReadBackEvent } from './load-stream';
export { isSystemFault, systemFault } from './system-fault';
export type { CommandFailure, SystemFault } from './system-fault';
