import * as t from 'io-ts';
import { TrainingModule } from '../community/training-held';
import { CoachingSystemComponent } from '../community/coaching-system-component-defined';
import { AgeGroup, SiteSetting } from '../provider/provider-enrolled';
import { SessionKind } from '../provider/session-logged';
import {
  Id,
  IntegerBetween,
  Label,
  NonNegativeInteger,
  PositiveInteger,
  Text,
  nonEmptyArray,
  oneOf,
} from '../kernel/primitives';
import { struct } from '../kernel/struct';

/**
 * A program guide is data: its requirements name event types and fields as strings, so a new
 * guide (or a new program year's revision) is a new value, loadable from JSON, and no code
 * elsewhere changes.
 */

/** Whose requirement it is: a provider's, the community's, or a coach's. */
export const RequirementScope = oneOf('RequirementScope', 'provider', 'community', 'coach');
export type RequirementScope = t.TypeOf<typeof RequirementScope>;

/** The settings a requirement is limited to (rule 3: consent and TPOT/TPITOS are center-based only). */
export const RequirementAppliesTo = struct(
  'RequirementAppliesTo',
  {},
  { settings: nonEmptyArray(SiteSetting, 'RequirementSettings') },
);
export type RequirementAppliesTo = t.TypeOf<typeof RequirementAppliesTo>;

/**
 * What a window is measured from: the program year's first day, or the day the provider
 * enrolled (never earlier than the year's first day).
 */
export const WindowAnchor = oneOf('WindowAnchor', 'program-year', 'enrollment');
export type WindowAnchor = t.TypeOf<typeof WindowAnchor>;

/** Months counted from the anchor: month 0 is the anchor's first month. */
export const MonthOffset = IntegerBetween(0, 23, 'MonthOffset');

/**
 * A window relative to its anchor: from the start of month `fromMonth` through the end of
 * month `throughMonth` ("within the first two months" = 0 through 1, by end of August for a
 * July start). Without `fromMonth` it opens on the anchor; without `throughMonth` it runs to
 * the end of the program year. No window outlasts its program year.
 */
export const RequirementWindow = struct(
  'RequirementWindow',
  { anchor: WindowAnchor },
  { fromMonth: MonthOffset, throughMonth: MonthOffset },
);
export type RequirementWindow = t.TypeOf<typeof RequirementWindow>;

/** Calendar months, for suggested scheduling only (rule 6: the guide's months are suggestions). */
export const CalendarMonth = oneOf(
  'CalendarMonth',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
);
export type CalendarMonth = t.TypeOf<typeof CalendarMonth>;

/**
 * Which events meet a requirement: those of `type` whose fields named in `where` hold the
 * given values, dated by the `dateField` of their data.
 */
export const EventMatch = struct('EventMatch', { type: Id, dateField: Id }, { where: t.record(Id, Id) });
export type EventMatch = t.TypeOf<typeof EventMatch>;

const requirementFields = { id: Id, title: Text, scope: RequirementScope, window: RequirementWindow };

const optionalRequirementFields = {
  appliesTo: RequirementAppliesTo,
  suggestedMonths: nonEmptyArray(CalendarMonth, 'SuggestedMonths'),
  /** Where the requirement comes from, in the source's words. */
  basis: Text,
};

/** The values of an event's field that serve one age group (the ASQ-SE2 intervals of toddlers: 18, 24, 30). */
export const AgeValues = struct('AgeValues', { age: AgeGroup, values: nonEmptyArray(NonNegativeInteger, 'Values') });
export type AgeValues = t.TypeOf<typeof AgeValues>;

/**
 * A requirement asked once for each age group the provider serves, met by a matching event whose `field` holds
 * one of that group's values: which questionnaires a provider's children need follows from the ages served.
 */
export const PerAgeServed = struct('PerAgeServed', { field: Id, byAge: nonEmptyArray(AgeValues, 'ByAge') });
export type PerAgeServed = t.TypeOf<typeof PerAgeServed>;

/**
 * Met by the first matching event in the window. With `perAgeServed`, and the provider's ages known, one line per
 * age group served (`asq-se2-distributed-toddler`), each met by an event of one of its values.
 */
export const OnceRequirement = struct(
  'OnceRequirement',
  { kind: t.literal('once'), ...requirementFields, event: EventMatch },
  { ...optionalRequirementFields, perAgeServed: PerAgeServed },
);

/**
 * Met when at least `min` matching events fall in the window; with `distinctBy`, events
 * count once per distinct value of that field (three signatures = coach, supervisor, coachee).
 * More than `max` is still met, and reported as exceeded.
 */
export const CountRequirement = struct(
  'CountRequirement',
  { kind: t.literal('count'), ...requirementFields, event: EventMatch, min: PositiveInteger },
  { ...optionalRequirementFields, max: PositiveInteger, distinctBy: Id },
);

/**
 * One requirement per calendar month of the window, met by a matching event of that month.
 * `monthField` names the month an event counts for when the event states it (Reflective
 * Consultation's `month`); otherwise the month of its date.
 */
export const MonthlyRequirement = struct(
  'MonthlyRequirement',
  { kind: t.literal('monthly'), ...requirementFields, event: EventMatch },
  { ...optionalRequirementFields, monthField: Id },
);

/** One requirement per calendar month of the window, met when that month's counted minutes reach the guide's target. */
export const MonthlyDosageRequirement = struct(
  'MonthlyDosageRequirement',
  { kind: t.literal('monthly-dosage'), ...requirementFields },
  optionalRequirementFields,
);

/**
 * One requirement per event that opens one (a questionnaire distributed, a score above the cutoff), named by
 * the opener's `key` field (`asq-se2-follow-up-scr-1`) and met by a matching `event` carrying the same key: every
 * child's screening has its own line, not only the first one. Openers count from the window's start. With
 * `withinMonths`, each one's window runs from the opener's date for that many months; without, it is the
 * requirement's window. With `closedBy`, a matching event carrying the key ends the line unmet: from its date the
 * line cannot be met any more (the child's data erased), so it is not applicable rather than overdue for ever; a
 * line already met stays met.
 */
export const EachRequirement = struct(
  'EachRequirement',
  { kind: t.literal('each'), ...requirementFields, opener: EventMatch, event: EventMatch, key: Id },
  { ...optionalRequirementFields, withinMonths: PositiveInteger, closedBy: EventMatch },
);

/** Any kind of requirement; `kind` tells how it is met. */
export const Requirement = t.union(
  [OnceRequirement, CountRequirement, MonthlyRequirement, MonthlyDosageRequirement, EachRequirement],
  'Requirement',
);
/** `Requirement` as decoded. */
export type Requirement = t.TypeOf<typeof Requirement>;
/** How a requirement is met: once, a number of times, monthly, by monthly dosage, or once for each opener. */
export type RequirementKind = Requirement['kind'];

/**
 * The session kinds a guide may count toward dosage: every kind but consultation, which
 * happens outside the setting about what the coach did not see, and so is never coaching.
 */
export const CountedSessionKind = oneOf(
  'CountedSessionKind',
  'coaching-conversation',
  'observation',
  'debrief',
  'other',
);
export type CountedSessionKind = t.TypeOf<typeof CountedSessionKind>;
// Every counted kind is a session kind: adding one here that sessions cannot carry fails to compile.
const countedKindsAreSessionKinds: ReadonlyArray<SessionKind> = CountedSessionKind.values;
void countedKindsAreSessionKinds;

/**
 * Which session kinds count toward dosage (rule 1), and the monthly target when the guide
 * sets one (a STARS agreement sets a cadence instead).
 */
export const GuideDosage = struct(
  'GuideDosage',
  { countedKinds: nonEmptyArray(CountedSessionKind, 'CountedSessionKinds') },
  { targetMinutesPerMonth: PositiveInteger },
);
export type GuideDosage = t.TypeOf<typeof GuideDosage>;

/** What coaching turns to once the community has held a module: the module's topics, added to those before. */
export const FocusStep = struct('FocusStep', {
  module: TrainingModule,
  focus: nonEmptyArray(Label, 'FocusTopics'),
});
export type FocusStep = t.TypeOf<typeof FocusStep>;

/** From the holding of which module coaching conversations also prepare the provider for the next program year. */
export const YearTwoTransition = struct('YearTwoTransition', { preparesAfterModule: TrainingModule, basis: Text });
export type YearTwoTransition = t.TypeOf<typeof YearTwoTransition>;

/** One component of a coaching system as a guide plans it: its title and the question a district answers in it. */
export const CoachingSystemComponentGuide = struct('CoachingSystemComponentGuide', {
  component: CoachingSystemComponent,
  title: Text,
  question: Text,
});
export type CoachingSystemComponentGuide = t.TypeOf<typeof CoachingSystemComponentGuide>;

/** One item of a district's installation checklist, by the id its records name. */
export const DistrictChecklistEntry = struct('DistrictChecklistEntry', { item: Id, title: Text });
export type DistrictChecklistEntry = t.TypeOf<typeof DistrictChecklistEntry>;

/** The coaching system a guide asks a district to build (`004`): its components, and the checklist that installs it. */
export const CoachingSystemGuide = struct('CoachingSystemGuide', {
  components: nonEmptyArray(CoachingSystemComponentGuide, 'CoachingSystemComponentGuides'),
  districtChecklist: nonEmptyArray(DistrictChecklistEntry, 'DistrictChecklist'),
});
export type CoachingSystemGuide = t.TypeOf<typeof CoachingSystemGuide>;

/** A program guide as data, so a new guide is one more entry and never new code. */
export const ProgramGuide = struct(
  'ProgramGuide',
  { guideId: Id, title: Text, source: Text, requirements: nonEmptyArray(Requirement, 'Requirements') },
  {
    /**
     * The modules whose holding widens each provider's coaching focus, in the guide's order; absent, a guide's
     * coaching has no set focus.
     */
    focusSequence: nonEmptyArray(FocusStep, 'FocusSequence'),
    yearTwoTransition: YearTwoTransition,
    dosage: GuideDosage,
    /**
     * True when only a coach with at least one verified qualification may take a caseload: an
     * enrollment or a reassignment to an unverified coach is refused. Absent, any coach may.
     */
    caseloadNeedsVerifiedCoach: t.boolean,
    /**
     * True when a team's coach may be chosen only once the community's coaching system is
     * approved, since the system is what guides their selection. Absent, any coach may.
     */
    teamCoachNeedsApprovedSystem: t.boolean,
    /** The coaching system the guide asks a district to build, and its installation checklist. */
    coachingSystem: CoachingSystemGuide,
  },
);
/** `ProgramGuide` as decoded. */
export type ProgramGuide = t.TypeOf<typeof ProgramGuide>;
