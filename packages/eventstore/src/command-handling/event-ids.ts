/**
 * The ids the product gives the events it records. Any unique string is an event id (embedders
 * choose their own); the product's own are UUIDs of version 7 (RFC 9562), which begin with the
 * millisecond they were minted in. A store's unique index on event ids then grows at its right
 * edge, as positions do, instead of touching a random page of the index for every event.
 */
import { v7 } from 'uuid';

/**
 * A new time-ordered event id. Within one process each id sorts after the one before, even in the
 * same millisecond or when the clock steps back: the uuid package counts on from the last id then.
 */
export const mintEventId = (): string => v7();
