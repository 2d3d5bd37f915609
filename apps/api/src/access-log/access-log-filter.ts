export {
  daysBetween,
  listingSpan,
  listReads,
  matches,
  MAX_LISTED_DAYS,
  type AccessLogFilter,
} from '@coachline/eventstore';
