import type { RecordedEvent } from '@coachline/domain';
import type { Projection } from '@coachline/projections';
import * as t from 'io-ts';

/** Each provider's current coach, and each coach's providers: who may see and write what. */
export interface CaseloadsState {
  coachOf: Record<string, string>;
  caseloads: Record<string, Record<string, true>>;
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
  (state.caseloads[coachId] ??= {})[providerId] = true;
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
 * The API's own fold: which coach each provider is with now. It runs beside the program's views
 * so that a coach's view is filtered against the caseload as of the same position.
 */
export const caseloadsProjection: Projection<CaseloadsState, CaseloadsView> = {
  name: 'caseloads',
  version: 1,
  eventTypes: ['ProviderEnrolled', 'ProviderReassigned'],
  init: () => ({ coachOf: {}, caseloads: {} }),
  apply,
  // Read on every query to decide access: handed out as is, and only ever read.
  view: (state) => state,
  viewCodec: CaseloadsView,
  table: (view) => ({ header: ['providerId', 'coachId'], rows: Object.entries(view.coachOf) }),
};

/** The providers a coach has now, from the view. */
export const caseloadOf = (view: CaseloadsView, coachId: string): ReadonlySet<string> => new Set(Object.keys(view.caseloads[coachId] ?? {}));
