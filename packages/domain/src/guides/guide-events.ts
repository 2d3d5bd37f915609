import { DomainEvent } from '../kernel/decider';
import { LocalDate, Month, isCalendarDate } from '../kernel/primitives';
import { EventMatch } from './program-guide';

/** An event a requirement matched: its type, its date by the requirement's date field, its position. */
export interface MatchedEvent {
  readonly type: string;
  readonly date: LocalDate;
  readonly index: number;
  readonly event: DomainEvent;
}

/** A field of an event's data, read by the name a guide gives it. */
export const fieldOf = (event: DomainEvent, field: string): unknown =>
  typeof event.data === 'object' && event.data !== null && !Array.isArray(event.data)
    ? (event.data as Record<string, unknown>)[field]
    : undefined;

const dateOf = (event: DomainEvent, field: string): LocalDate | undefined => {
  const value = fieldOf(event, field);
  return typeof value === 'string' && isCalendarDate(value) ? value : undefined;
};

/**
 * The events that match, oldest first (ties in the order they were recorded). An event
 * without a readable date cannot meet a dated requirement and is left out.
 */
export const matchingEvents = (events: ReadonlyArray<DomainEvent>, match: EventMatch): MatchedEvent[] =>
  events
    .flatMap((event, index): MatchedEvent[] => {
      if (event.type !== match.type) return [];
      if (!Object.entries(match.where ?? {}).every(([field, value]) => fieldOf(event, field) === value)) return [];
      const date = dateOf(event, match.dateField);
      return date === undefined ? [] : [{ type: event.type, date, index, event }];
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index));

/** The month an event counts for: the one it names in `monthField`, else the month of its date. */
export const countedMonthOf = (matched: MatchedEvent, monthField: string | undefined): Month => {
  const named = monthField === undefined ? undefined : fieldOf(matched.event, monthField);
  return Month.is(named) ? named : matched.date.slice(0, 7);
};
