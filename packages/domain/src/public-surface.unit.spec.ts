import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as main from './index';
import * as testing from './testing';

// What `@coachline/domain` and `@coachline/domain/testing` promise to other packages, the apps and embedders.
// Adding a name to an entry point means adding it here too, so the promise shows in review;
// removing one is a breaking change for whoever imports it.
const VALUES = [
  'ASQ_SE2_AGE_INTERVALS',
  'Actor',
  'AgeGroup',
  'AgreementParty',
  'AsOf',
  'AsqSe2AgeInterval',
  'AsqSe2CutoffTable',
  'AsqSe2Zone',
  'BoqForm',
  'Cadence',
  'CoachingSystemComponent',
  'CoachingType',
  'CommandMetadata',
  'ConcernRaisedBy',
  'ConcernRaisedWith',
  'CycleNumber',
  'ERASED',
  'EXCERPT_LIMIT',
  'EstimatedCycles',
  'EventMetadata',
  'FiniteNumber',
  'ID_PATTERN',
  'ID_RULE',
  'INSTANT_PATTERN',
  'Id',
  'ImplementationPlanStepGuide',
  'Instant',
  'IntegerBetween',
  'LABEL_MAX_LENGTH',
  'LABEL_PATTERN',
  'Label',
  'Labels',
  'LocalDate',
  'LogSession',
  'MAX_COACHING_CYCLES',
  'MESSAGE_LIMIT',
  'MONTH_PATTERN',
  'Month',
  'NESTING_LIMIT',
  'NonEmptyArrayType',
  'NonNegativeInteger',
  'ObservationInstrument',
  'OneOfType',
  'PersonalType',
  'PlanningQuestion',
  'PositiveInteger',
  'ProgramGuide',
  'RESERVED_IDS',
  'RequirementScope',
  'Role',
  'STREAM_KINDS',
  'SessionChanges',
  'SessionKind',
  'Sha256',
  'SiteSetting',
  'StructType',
  'TeamContact',
  'TeamLevel',
  'Text',
  'TrainingModule',
  'VisitMode',
  'accept',
  'agreementDecider',
  'cadencePeriodDays',
  'caseloadCoachOf',
  'coachDecider',
  'coachOfProvider',
  'commandCatalogue',
  'communityDecider',
  'conflict',
  'copyTable',
  'countedFieldsOnly',
  'countedMinutesByMonth',
  'countsTowardTeamDosage',
  'cycleSessionsRefusal',
  'cycleSessionsRefusalOnState',
  'decideCommand',
  'decideOnState',
  'deciders',
  'decodeAsqSe2CutoffTable',
  'decodeCommand',
  'decodeRecordedEvent',
  'decodeWith',
  'emptyTable',
  'encodeRecordedEvent',
  'endOfDay',
  'entryOf',
  'escapeUnsafe',
  'eventCatalogue',
  'evolveState',
  'fieldErrors',
  'findCommandDefinition',
  'findEventDefinition',
  'findGuide',
  'forbidden',
  'forbiddenField',
  'implementationPlanSteps',
  'instantOfAsOf',
  'invalid',
  'isCalendarDate',
  'isDomainError',
  'isErasedValue',
  'isId',
  'isSealedValue',
  'isVerifiedCoach',
  'minutesByMonth',
  'nestingDepth',
  'nonEmptyArray',
  'nonEmptyRecord',
  'notFound',
  'oneOf',
  'plainOf',
  'printableText',
  'programGuides',
  'providerDecider',
  'recordSessionEvent',
  'recordedFrom',
  'refuse',
  'requirementOfLine',
  'requirementStatuses',
  'rirYear1Guide',
  'ruleBroken',
  'screeningDecider',
  'screeningDeciderWith',
  'sessionModeOfVisitMode',
  'streamName',
  'streamOf',
  'streamOfCommand',
  'struct',
  'tableOf',
  'teamCoachOf',
  'teamDecider',
  'unapprovedSystemRefusal',
  'unstorableJson',
  'unstorableText',
  'unverifiedCoachRefusal',
  'visitModeOfSessionMode',
  'withoutPrototypes',
  'zoneFor',
];

const TYPES = [
  'AgreementCommand',
  'AgreementEvent',
  'CaseloadCoach',
  'CaseloadFacts',
  'CoachCommand',
  'CoachEvent',
  'CoachState',
  'CoachlineCommand',
  'CoachlineEvent',
  'Command',
  'CommandDefinition',
  'CommunityCommand',
  'CommunityEvent',
  'ComplianceStatus',
  'Decider',
  'DomainError',
  'DomainErrorKind',
  'DomainEvent',
  'FieldError',
  'Personal',
  'ProviderCommand',
  'ProviderEvent',
  'ProviderSessions',
  'RecordedEvent',
  'RequirementLine',
  'RequirementStatus',
  'ScreeningCommand',
  'ScreeningEvent',
  'SealedValue',
  'StreamKind',
  'StreamState',
  'Table',
  'TeamCoach',
  'TeamCoachFacts',
  'TeamCommand',
  'TeamEvent',
  'TeamState',
];

const TESTING_VALUES = ['AssertionError', 'arbitraryFor', 'command', 'deciderSpec'];

const TESTING_TYPES: string[] = [];
/** The names an entry point lists, by whether it lists them as types only. */
const listedNames = (entry: string): { values: string[]; types: string[]; wholesale: boolean } => {
  const source = readFileSync(join(__dirname, entry), 'utf8');
  const values: string[] = [];
  const types: string[] = [];
  for (const [, typeOnly, names] of source.matchAll(/export (type )?\{([^}]*)\} from/g)) {
    for (const specifier of names!.split(',').map((name) => name.trim())) {
      if (specifier === '') continue;
      const name = specifier
        .replace(/^type /, '')
        .split(' as ')
        .at(-1)!;
      (typeOnly || specifier.startsWith('type ') ? types : values).push(name);
    }
  }
  return { values: values.sort(), types: types.sort(), wholesale: /export \*/.test(source) };
};

describe.each([
  ['@coachline/domain', 'index.ts', main, VALUES, TYPES],
  ['@coachline/domain/testing', 'testing.ts', testing, TESTING_VALUES, TESTING_TYPES],
])('the entry point %s', (_, entry, loaded, values, types) => {
  it('exports at run time exactly the committed values', () => {
    expect(Object.keys(loaded).sort()).toEqual(values);
  });

  it('lists each value and type by name, exactly the committed ones', () => {
    expect(listedNames(entry)).toEqual({ values, types, wholesale: false });
  });
});
