import {
  CoachingSystemComponent,
  emptyTable,
  entryOf,
  mimtssCoachingSystemGuide,
  type RecordedEvent,
} from '@coachline/domain';
import type { Projection, ViewQuery } from '../projection';
import { namedIn } from '../subjects';
import { coachingSystemTable } from './coaching-system.table';
import {
  CoachingSystemState,
  CoachingSystemView,
  CommunitySystem,
  CommunitySystemRow,
  LeadershipCoachingSystemView,
  TrainingFeedbackRow,
} from './coaching-system.view';

// The guide's plan of the system names each component and each checklist item; every community is read against it.
const planned = mimtssCoachingSystemGuide.coachingSystem!;
const componentTitles = new Map(planned.components.map((entry) => [entry.component as string, entry.title]));

const newCommunity = (): CommunitySystem => ({
  components: emptyTable(),
  approved: null,
  sharings: [],
  coachIds: [],
  reviews: emptyTable(),
  checklist: emptyTable(),
  trainings: emptyTable(),
  trainingOrder: [],
});

const communityOf = (state: CoachingSystemState, event: RecordedEvent): CommunitySystem | undefined => {
  const communityId = (event.data as { communityId?: unknown }).communityId;
  return typeof communityId === 'string' ? entryOf(state.communities, communityId) : undefined;
};

const apply = (state: CoachingSystemState, event: RecordedEvent): CoachingSystemState => {
  if (event.type === 'CommunityRegistered') {
    const { communityId } = event.data;
    if (entryOf(state.communities, communityId) === undefined) state.communities[communityId] = newCommunity();
    return state;
  }
  // Every other event names a community; one never registered has no system to show.
  const community = communityOf(state, event);
  if (community === undefined) return state;
  switch (event.type) {
    case 'CoachingSystemComponentDefined': {
      const { component, text, definedOn } = event.data;
      const earlier = entryOf(community.components, component);
      community.components[component] = {
        text,
        definedOn: definedOn ?? null,
        definitions: (earlier?.definitions ?? 0) + 1,
      };
      return state;
    }
    case 'CoachingSystemApproved':
      community.approved = { approvedBy: event.data.approvedBy, approvedOn: event.data.approvedOn };
      return state;
    case 'CoachingSystemShared':
      community.sharings.push({ audience: event.data.audience, sharedOn: event.data.sharedOn });
      return state;
    case 'CoachRegistered':
      if (!community.coachIds.includes(event.data.coachId)) community.coachIds.push(event.data.coachId);
      return state;
    case 'CoachingSystemReviewed':
      if (entryOf(community.reviews, event.data.coachId) === undefined)
        community.reviews[event.data.coachId] = event.data.reviewedOn;
      return state;
    case 'DistrictChecklistItemRecorded':
      // A later record revises the item: the latest status stands, even back out of place.
      community.checklist[event.data.item] = { status: event.data.status, recordedOn: event.data.recordedOn };
      return state;
    case 'TrainingHeld': {
      const { trainingId, module, heldOn } = event.data;
      if (entryOf(community.trainings, trainingId) !== undefined) return state;
      community.trainings[trainingId] = { module, heldOn, responses: 0, sums: [0, 0, 0] };
      community.trainingOrder.push(trainingId);
      return state;
    }
    case 'TrainingFeedbackGiven': {
      const training = entryOf(community.trainings, event.data.trainingId);
      if (training === undefined) return state;
      training.responses += 1;
      training.sums = [
        training.sums[0] + event.data.useful,
        training.sums[1] + event.data.willUse,
        training.sums[2] + event.data.diversity,
      ];
      return state;
    }
    default:
      return state;
  }
};

/** A mean to two decimals, `null` over no answers. */
const mean = (sum: number, count: number): number | null =>
  count === 0 ? null : Math.round((sum / count) * 100) / 100;

const trainingRows = (community: CommunitySystem): TrainingFeedbackRow[] =>
  community.trainingOrder.map((trainingId) => {
    const { module, heldOn, responses, sums } = community.trainings[trainingId]!;
    return {
      trainingId,
      module,
      heldOn,
      responses,
      meanUseful: mean(sums[0], responses),
      meanWillUse: mean(sums[1], responses),
      meanDiversity: mean(sums[2], responses),
    };
  });

const communityRow = (communityId: string, community: CommunitySystem): CommunitySystemRow => {
  const components = CoachingSystemComponent.values.map((component) => {
    const defined = entryOf(community.components, component);
    return {
      component,
      title: componentTitles.get(component) ?? component,
      text: defined?.text ?? null,
      definedOn: defined?.definedOn ?? null,
      definitions: defined?.definitions ?? 0,
    };
  });
  const reviewers = [
    ...community.coachIds,
    ...Object.keys(community.reviews).filter((id) => !community.coachIds.includes(id)),
  ];
  const reviews = reviewers.map((coachId) => ({ coachId, reviewedOn: entryOf(community.reviews, coachId) ?? null }));
  const checklist = planned.districtChecklist.map(({ item, title }) => {
    const recorded = entryOf(community.checklist, item);
    return { item, title, status: recorded?.status ?? null, recordedOn: recorded?.recordedOn ?? null };
  });
  const inPlace = checklist.filter((row) => row.status === 'in-place').length;
  return {
    communityId,
    componentsDefined: components.filter((row) => row.definitions > 0).length,
    components,
    approved: community.approved,
    sharings: [...community.sharings],
    coachesReviewed: reviews.filter((row) => row.reviewedOn !== null).length,
    reviews,
    checklistPercentComplete: Math.floor((inPlace * 100) / checklist.length),
    checklist,
    trainings: trainingRows(community),
  };
};

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const render = (state: CoachingSystemState, query: ViewQuery): CoachingSystemView => ({
  asOf: query.asOf,
  communities: Object.keys(state.communities)
    .sort(byId)
    .filter((communityId) => query.communityId === undefined || communityId === query.communityId)
    .map((communityId) => communityRow(communityId, state.communities[communityId]!)),
});

/** The view as leadership reads it: the checklist's completeness and the trainings' feedback, nothing of people. */
export const leadershipCoachingSystem = (view: CoachingSystemView): LeadershipCoachingSystemView => ({
  asOf: view.asOf,
  communities: view.communities.map(({ communityId, checklistPercentComplete, trainings }) => ({
    communityId,
    checklistPercentComplete,
    trainings,
  })),
});

/**
 * Each community's district coaching system (`004`): its seven components as last defined, the approval, with whom
 * it was shared, which coaches reviewed it, the installation checklist at each item's latest record and how complete
 * it is, and the feedback on each training.
 */
export const coachingSystemProjection: Projection<CoachingSystemState, CoachingSystemView> = {
  name: 'coaching-system',
  version: 1,
  eventTypes: [
    'CommunityRegistered',
    'CoachingSystemComponentDefined',
    'CoachingSystemApproved',
    'CoachingSystemShared',
    'CoachRegistered',
    'CoachingSystemReviewed',
    'DistrictChecklistItemRecorded',
    'TrainingHeld',
    'TrainingFeedbackGiven',
  ],
  init: () => ({ communities: emptyTable() }),
  apply,
  subjects: { tables: ['communities'], changedBy: (_state, event) => namedIn(event, 'communityId', 'communities') },
  view: render,
  viewCodec: CoachingSystemView,
  table: coachingSystemTable,
};
