export {
  AccessLogDamagedError,
  AccessLogUnavailableError,
  dayOf,
  decodeViewRead,
  ViewRead,
  type AccessLog,
} from './view-read';
export {
  daysBetween,
  listingSpan,
  listReads,
  matches,
  MAX_LISTED_DAYS,
  type AccessLogFilter,
  type ListingSpan,
} from './access-log-filter';
export { StoreAccessLog } from './store-access-log';
export { ACCESS_LOG_FILE, FileAccessLog } from './file-access-log';
