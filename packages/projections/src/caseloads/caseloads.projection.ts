import { emptyTable, entryOf, type RecordedEvent, type Table } from '@coachline/domain';
import * as t from 'io-ts';
import type { Projection, SubjectRef } from '../projection';
import { namedIn } from '../subjects';

/** Each provider's current coach, and each coach's providers: who may see and write what. */
export interface CaseloadsState {
  coachOf: Table<string>;
  caseloads: Table<Table<true>>;
}

export const CaseloadsView = t.type(
  { coachOf: t.record(t.string, t.string), caseloads: t.record(t.string, t.record(t.string, t.literal(true))) },
  'CaseloadsView',
);
export type CaseloadsView = t.TypeOf<typeof CaseloadsView>;

const assign = (state: CaseloadsState, providerId: string, coachId: string): CaseloadsState => {
  const previous = state.coachOf[providerId];
  if (previous !== undefined) delete state.caseloads[previous]?.[providerId];
  state.coachOf[providerId] = coachId;
  (state.caseloads[coachId] ??= emptyTable())[providerId] = true;
  return state;
};

const apply = (state: CaseloadsState, event: RecordedEvent): CaseloadsState => {
  switch (event.type) {
    case 'ProviderEnrolled':
      return assign(state, event.data.providerId, event.data.coachId);
    case 'ProviderReassigned':
      return assign(state, event.data.providerId, event.data.toCoachId);
    default:
      return state;
  }
};

/**
 * Which coach each provider is with now: what the API decides a coach's reach from. It is no
 * reader's view (no reader asks for it by name), so it stays out of `projections`; it runs beside
 * them so that a coach's view is filtered against the caseload as of the same position, and
 * `coachline verify --store` checks a stored copy of it like any other view.
 */
export const caseloadsProjection: Projection<CaseloadsState, CaseloadsView> = {
  name: 'caseloads',
  version: 1,
  eventTypes: ['ProviderEnrolled', 'ProviderReassigned'],
  init: () => ({ coachOf: emptyTable(), caseloads: emptyTable() }),
  apply,
  subjects: {
    tables: ['coachOf', 'caseloads'],
    // A provider moves from the caseload of the coach it was with to the new coach's.
    changedBy: (state, event) => {
      const providerId = entryOf(event.data as Record<string, unknown>, 'providerId');
      const previous = typeof providerId === 'string' ? entryOf(state.coachOf, providerId) : undefined;
      return [
        ...namedIn(event, 'providerId', 'coachOf'),
        ...(previous === undefined ? [] : [['caseloads', previous] as SubjectRef]),
        ...namedIn(event, 'coachId', 'caseloads'),
        ...namedIn(event, 'toCoachId', 'caseloads'),
      ];
    },
  },
  // Read on every query to decide access: handed out as is, and only ever read.
  view: (state) => state,
  viewCodec: CaseloadsView,
  table: (view) => ({ header: ['providerId', 'coachId'], rows: Object.entries(view.coachOf) }),
};

/** The providers a coach has now, from the view (own entries only, whatever shape the view came in). */
export const caseloadOf = (view: CaseloadsView, coachId: string): ReadonlySet<string> =>
  new Set(Object.keys(entryOf(view.caseloads, coachId) ?? {}));
