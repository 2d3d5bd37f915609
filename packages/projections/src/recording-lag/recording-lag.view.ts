import * as t from 'io-ts';
import { Id, Instant, LocalDate, Table } from '@coachline/domain';
import type { ById } from '../by-id';

/**
 * A session as recorded: the day it was held and the coach who held it (corrections applied),
 * the UTC day its log was recorded, and whether it was voided since.
 */
export const RecordedSession = t.type(
  {
    providerId: Id,
    sessionId: Id,
    coachId: Id,
    heldOn: LocalDate,
    recordedOn: LocalDate,
    /** Days from `heldOn` to `recordedOn`. */
    lagDays: t.number,
    voided: t.boolean,
  },
  'RecordedSession',
);
export type RecordedSession = t.TypeOf<typeof RecordedSession>;

/** Recording lag: every logged session with the day it was held and the day it was recorded. */
export const RecordingLagView = t.type({ asOf: Instant, sessions: t.array(RecordedSession) }, 'RecordingLagView');
export type RecordingLagView = t.TypeOf<typeof RecordingLagView>;

export interface LagEntry {
  coachId: string;
  heldOn: string;
  recordedOn: string;
  voided: boolean;
}

/** What the fold keeps: by provider, each session by its id (ids are unique within a provider's stream). */
export interface RecordingLagState {
  providers: Table<ById<LagEntry>>;
}
