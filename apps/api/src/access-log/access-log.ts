// The access log is shared with the command line, which records its own reads in it.
export { AccessLogUnavailableError, dayOf, ViewRead, type AccessLog } from '@coachline/eventstore';
