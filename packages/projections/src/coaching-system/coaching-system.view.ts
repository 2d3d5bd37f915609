import * as t from 'io-ts';
import { Id, Instant, LocalDate, Table } from '@coachline/domain';

const orNull = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** One of the seven components as the community last defined it: its text is the district's own policy. */
export const ComponentRow = t.type(
  {
    component: t.string,
    title: t.string,
    text: orNull(t.string),
    /** The day of the latest definition, when it carried one. */
    definedOn: orNull(LocalDate),
    /** How many times it was defined: 1 once written, more once revised. */
    definitions: t.number,
  },
  'ComponentRow',
);
export type ComponentRow = t.TypeOf<typeof ComponentRow>;

export const SharingRow = t.type({ audience: t.string, sharedOn: LocalDate }, 'SharingRow');
export type SharingRow = t.TypeOf<typeof SharingRow>;

/** A coach of the community, or one who reviewed its system, and when they reviewed it, `null` while they have not. */
export const ReviewRow = t.type({ coachId: Id, reviewedOn: orNull(LocalDate) }, 'ReviewRow');
export type ReviewRow = t.TypeOf<typeof ReviewRow>;

/** One checklist item at its latest record, `null` before any. */
export const ChecklistRow = t.type(
  { item: t.string, title: t.string, status: orNull(t.string), recordedOn: orNull(LocalDate) },
  'ChecklistRow',
);
export type ChecklistRow = t.TypeOf<typeof ChecklistRow>;

/** A training's feedback survey: how many answered and each rating's mean, `null` while none has. */
export const TrainingFeedbackRow = t.type(
  {
    trainingId: Id,
    module: t.string,
    heldOn: LocalDate,
    responses: t.number,
    meanUseful: orNull(t.number),
    meanWillUse: orNull(t.number),
    meanDiversity: orNull(t.number),
  },
  'TrainingFeedbackRow',
);
export type TrainingFeedbackRow = t.TypeOf<typeof TrainingFeedbackRow>;

/** A community's coaching system in full, for those who run the program. */
export const CommunitySystemRow = t.type(
  {
    communityId: Id,
    componentsDefined: t.number,
    components: t.array(ComponentRow),
    approved: orNull(t.type({ approvedBy: Id, approvedOn: LocalDate })),
    sharings: t.array(SharingRow),
    coachesReviewed: t.number,
    reviews: t.array(ReviewRow),
    checklistPercentComplete: t.number,
    checklist: t.array(ChecklistRow),
    trainings: t.array(TrainingFeedbackRow),
  },
  'CommunitySystemRow',
);
export type CommunitySystemRow = t.TypeOf<typeof CommunitySystemRow>;

export const CoachingSystemView = t.type(
  { asOf: Instant, communities: t.array(CommunitySystemRow) },
  'CoachingSystemView',
);
export type CoachingSystemView = t.TypeOf<typeof CoachingSystemView>;

/** What leadership reads: how complete the checklist is and what participants thought of each training. */
export const LeadershipCommunitySystemRow = t.type(
  { communityId: Id, checklistPercentComplete: t.number, trainings: t.array(TrainingFeedbackRow) },
  'LeadershipCommunitySystemRow',
);
export type LeadershipCommunitySystemRow = t.TypeOf<typeof LeadershipCommunitySystemRow>;

export const LeadershipCoachingSystemView = t.type(
  { asOf: Instant, communities: t.array(LeadershipCommunitySystemRow) },
  'LeadershipCoachingSystemView',
);
export type LeadershipCoachingSystemView = t.TypeOf<typeof LeadershipCoachingSystemView>;

export interface DefinedComponent {
  text: string;
  definedOn: string | null;
  definitions: number;
}

export interface HeldTraining {
  module: string;
  heldOn: string;
  responses: number;
  /** Sums of the useful, will-use and diversity ratings. */
  sums: [number, number, number];
}

/** What the fold keeps, by community; every id from outside keys a null-prototype table. */
export interface CommunitySystem {
  components: Table<DefinedComponent>;
  approved: { approvedBy: string; approvedOn: string } | null;
  sharings: SharingRow[];
  coachIds: string[];
  reviews: Table<string>;
  checklist: Table<{ status: string; recordedOn: string }>;
  trainings: Table<HeldTraining>;
  /** Training ids in the order they were held and recorded. */
  trainingOrder: string[];
}

export interface CoachingSystemState {
  communities: Table<CommunitySystem>;
}
