/**
 * The domain's public surface. Every name is listed by hand: what other packages, the apps and
 * embedders use, and nothing else. Adding a name here is a promise to keep it; the committed list
 * in `public-surface.unit.spec.ts` makes that promise visible in review.
 */

// Refusals: the one value every refused command or unreadable input becomes, and its makers.
export { conflict, forbidden, invalid, isDomainError, notFound, ruleBroken } from './kernel/domain-error';
export type { DomainError, DomainErrorKind, FieldError } from './kernel/domain-error';

// Decoding outside input with a codec into a typed value or a DomainError naming every wrong field.
export { decodeWith, fieldErrors } from './kernel/decode';

// Primitives and ids: the grammars every field of every command and event is checked against.
export {
  FiniteNumber,
  Id,
  ID_PATTERN,
  ID_RULE,
  Instant,
  INSTANT_PATTERN,
  IntegerBetween,
  isCalendarDate,
  isId,
  Label,
  LABEL_MAX_LENGTH,
  LABEL_PATTERN,
  Labels,
  LocalDate,
  Month,
  MONTH_PATTERN,
  nonEmptyArray,
  NonEmptyArrayType,
  nonEmptyRecord,
  NonNegativeInteger,
  oneOf,
  OneOfType,
  PositiveInteger,
  RESERVED_IDS,
  Sha256,
  Text,
} from './kernel/primitives';
// The moment a reader asks a view about: a date (the end of that UTC day) or an instant.
export { AsOf, endOfDay, instantOfAsOf } from './kernel/as-of';

// Strict objects: codecs that refuse fields they do not name.
export { forbiddenField, struct, StructType } from './kernel/struct';

// Tables: prototype-free records keyed by ids, safe to key with text from outside.
export { copyTable, emptyTable, entryOf, tableOf, withoutPrototypes } from './kernel/table';
export type { Table } from './kernel/table';

// Personal data: fields sealed under a child's key, and what is left of them once erased.
export { ERASED, isErasedValue, isSealedValue, PersonalType, plainOf } from './kernel/personal';
export type { Personal, SealedValue } from './kernel/personal';

// Text from outside: how much of it is quoted back, and what cannot be stored.
export { escapeUnsafe, EXCERPT_LIMIT, MESSAGE_LIMIT, printableText } from './kernel/printable-text';
export { NESTING_LIMIT, nestingDepth, unstorableJson, unstorableText } from './kernel/storable-text';

// Who acts and when: the metadata every command carries and every recorded event keeps.
export { Actor, CommandMetadata, EventMetadata, Role } from './kernel/metadata';

// Streams: the kinds of stream and how each one is named.
export { STREAM_KINDS, streamName } from './kernel/event-definition';
export type { CommandDefinition, StreamKind } from './kernel/event-definition';

// Deciders: the shape every stream kind's rules take, for Coachline's own and an embedder's.
export { accept, refuse } from './kernel/decider';
export type { Command, Decider, DomainEvent } from './kernel/decider';

// One decider per stream kind, with the commands it takes and the events it decides.
export { providerDecider } from './provider/provider.decider';
export type { ProviderCommand } from './provider/provider.commands';
export type { ProviderEvent } from './provider/provider.events';
export { coachDecider } from './coach/coach.decider';
export type { CoachCommand } from './coach/coach.commands';
export type { CoachEvent } from './coach/coach.events';
export type { CoachState } from './coach/coach.decider';
// Who may take a caseload: the rule a command handler applies with the coach's and the guide's facts.
export { caseloadCoachOf, isVerifiedCoach, unverifiedCoachRefusal } from './coach/caseload-coach';
export type { CaseloadCoach, CaseloadFacts } from './coach/caseload-coach';
// Who may review a coaching system: the rule a command handler applies with the community's facts.
export { reviewedCommunityOf, unapprovedSystemReviewRefusal } from './coach/coaching-system-review';
export type { ReviewedSystemFacts } from './coach/coaching-system-review';
export { communityDecider } from './community/community.decider';
export type { CommunityCommand } from './community/community.commands';
export type { CommunityEvent } from './community/community.events';
export { agreementDecider } from './agreement/agreement.decider';
export type { AgreementCommand } from './agreement/agreement.commands';
export type { AgreementEvent } from './agreement/agreement.events';
export { screeningDecider, screeningDeciderWith } from './screening/screening.decider';
export type { ScreeningCommand } from './screening/screening.commands';
export type { ScreeningEvent } from './screening/screening.events';
export { teamDecider } from './team/team.decider';
export type { TeamCommand } from './team/team.commands';
export type { TeamEvent } from './team/team.events';
export type { TeamState } from './team/team.state';
// Teams as coachees: who may be a team's coach under the guide, and which contacts count toward its dosage.
export { teamCoachOf, unapprovedSystemRefusal } from './team/team-coach-selection';
export type { TeamCoach, TeamCoachFacts } from './team/team-coach-selection';
export { countsTowardTeamDosage, TeamContact } from './team/contact';
export { TeamLevel } from './team/team-registered';
export { CoachingType } from './team/coaching-service-delivery-plan-set';

// The program's vocabulary: codecs of the values events carry, for forms, fixtures and schemas.
export { AgeGroup, SiteSetting } from './provider/provider-enrolled';
export { ObservationInstrument } from './provider/consent-uploaded';
export { BoqForm } from './provider/benchmarks-of-quality-completed';
export { LogSession, SessionKind } from './provider/session-logged';
export { SessionChanges } from './provider/session-corrected';
export { CoachingSystemComponent } from './community/coaching-system-component-defined';
export { TrainingModule } from './community/training-held';
export { CoachingSystemAudience } from './community/coaching-system-shared';
export { ChecklistItemStatus } from './community/district-checklist-item-recorded';
export { FeedbackRating } from './community/training-feedback-given';
export { Cadence, EstimatedCycles, MAX_COACHING_CYCLES, VisitMode } from './agreement/agreement-drafted';
export { AgreementParty } from './agreement/agreement-signed';
export { CycleNumber } from './agreement/coaching-cycle-completed';
export { ConcernRaisedBy, ConcernRaisedWith } from './agreement/agreement-concern-raised';
export { cadencePeriodDays } from './agreement/cadence-period';
export { cycleSessionsRefusal, cycleSessionsRefusalOnState } from './agreement/cycle-sessions';
export { sessionModeOfVisitMode, visitModeOfSessionMode } from './agreement/visit-modes';
export { ASQ_SE2_AGE_INTERVALS, AsqSe2AgeInterval } from './screening/asq-se2-age-interval';
export { AsqSe2Zone } from './screening/asq-se2-scored';
export { AsqSe2CutoffTable, decodeAsqSe2CutoffTable, zoneFor } from './screening/asq-se2-zone';

// Program guides: each guide's requirements as data, and where a provider stands against them.
export { ProgramGuide, RequirementScope } from './guides/program-guide';
export { findGuide, programGuides } from './guides/guide-registry';
export { rirYear1Guide } from './guides/rir-year-1';
export { DistrictChecklistItem, mimtssCoachingSystemGuide } from './guides/mimtss-coaching-system';
export { implementationPlanSteps, ImplementationPlanStepGuide, PlanningQuestion } from './guides/implementation-plan';
export { requirementOfLine, requirementStatuses } from './guides/requirement-status';
export type { ComplianceStatus, RequirementLine, RequirementStatus } from './guides/requirement-status';

// The dosage rule: a provider's sessions with corrections applied and voids left out, by month.
export { countedFieldsOnly, countedMinutesByMonth, minutesByMonth, recordSessionEvent } from './guides/session-ledger';
export type { ProviderSessions } from './guides/session-ledger';

// The catalogues: every event and command by type, and decoding them from outside.
export { eventCatalogue, findEventDefinition } from './catalogue/event-catalogue';
export type { CoachlineEvent } from './catalogue/event-catalogue';
export { commandCatalogue, decodeCommand, findCommandDefinition } from './catalogue/command-catalogue';
export type { CoachlineCommand } from './catalogue/command-catalogue';

// Recorded events: the stored envelope, read back at any schema version and written as stored.
export { decodeRecordedEvent, encodeRecordedEvent, streamOf } from './catalogue/recorded-event';
export type { RecordedEvent } from './catalogue/recorded-event';

// Deciding any command: the stream it belongs to, the decision, and the events to record.
export { decideCommand, deciders, recordedFrom, streamOfCommand } from './catalogue/decide-command';
// A stream's state kept between commands: folded on from where it was, decided on, and read for reach.
export { coachOfProvider, decideOnState, evolveState } from './catalogue/decide-command';
export type { StreamState } from './catalogue/decide-command';
