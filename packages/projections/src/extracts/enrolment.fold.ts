import { emptyTable, RecordedEvent, Table } from '@coachline/domain';

/** What the extract needs beyond the views: each provider's program year and community, key dates, and debriefs held. */
export interface EnrolmentState {
  programYears: Table<{ startsOn: string; endsOn: string }>;
  providers: Table<EnrolmentLedger>;
}

export interface EnrolmentLedger {
  communityId?: string;
  programYearId?: string;
  enrolledOn?: string;
  exitedOn?: string;
  yearTwoOn?: string;
  debriefs: number;
}

const providerOf = (state: EnrolmentState, providerId: string): EnrolmentLedger =>
  (state.providers[providerId] ??= { debriefs: 0 });

/** Fields are copied by name, as in the share: no name, site or free text has a place in this state. */
const apply = (state: EnrolmentState, event: RecordedEvent): EnrolmentState => {
  switch (event.type) {
    case 'ProgramYearStarted':
      state.programYears[event.data.programYearId] ??= { startsOn: event.data.startsOn, endsOn: event.data.endsOn };
      return state;
    case 'ProviderEnrolled': {
      const provider = providerOf(state, event.data.providerId);
      provider.communityId = event.data.communityId;
      provider.programYearId = event.data.programYearId;
      provider.enrolledOn = event.data.enrolledOn;
      return state;
    }
    case 'ProviderExited':
      providerOf(state, event.data.providerId).exitedOn ??= event.data.on;
      return state;
    case 'ProviderTransitionedToYear2':
      providerOf(state, event.data.providerId).yearTwoOn ??= event.data.on;
      return state;
    case 'DebriefHeld':
      providerOf(state, event.data.providerId).debriefs += 1;
      return state;
    default:
      return state;
  }
};

/** A fold for the extract only; it is no view of its own, so it is not in the registry. */
export const enrolmentFold = {
  eventTypes: new Set([
    'ProgramYearStarted',
    'ProviderEnrolled',
    'ProviderExited',
    'ProviderTransitionedToYear2',
    'DebriefHeld',
  ]),
  init: (): EnrolmentState => ({ programYears: emptyTable(), providers: emptyTable() }),
  apply,
};
