import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as main from './index';
import * as testing from './testing';

// What `@coachline/projections` and `@coachline/projections/testing` promise to other packages, the apps and embedders.
// Adding a name to an entry point means adding it here too, so the promise shows in review;
// removing one is a breaking change for whoever imports it.
const VALUES = [
  'CaseloadList',
  'CaseloadsView',
  'CoachesView',
  'CoachingSystemView',
  'CyclesView',
  'DEFAULT_DUE_STATUSES',
  'DosageView',
  'DueList',
  'DueRow',
  'DueStatusesParam',
  'DueWithinParam',
  'ImplementationPlanView',
  'LeadershipCoachingSystemView',
  'LeadershipReport',
  'ProgramReport',
  'RecordingLagView',
  'ShareView',
  'SubjectChanges',
  'TeamsView',
  'TimelineView',
  'caseloadList',
  'caseloadOf',
  'caseloadTable',
  'caseloadsProjection',
  'coachesProjection',
  'coachesTable',
  'coachingSystemProjection',
  'coachingSystemTable',
  'csvCell',
  'csvRecords',
  'cyclesProjection',
  'dosageProjection',
  'dueList',
  'dueStatusesOf',
  'dueTable',
  'dueTerminalTable',
  'dueWithinOf',
  'evaluationExtractTable',
  'extractLines',
  'findProjection',
  'foldHistory',
  'historyProjection',
  'implementationPlanProjection',
  'implementationPlanTable',
  'leadershipCoachingSystem',
  'leadershipReport',
  'programReport',
  'programReportHtml',
  'programReportTables',
  'projections',
  'recordingLagProjection',
  'render',
  'reportOf',
  'reportViewsOf',
  'resolveAsOf',
  'routes',
  'shareProjection',
  'sharedStateOf',
  'startEvaluationExtract',
  'startFold',
  'stateAssembly',
  'storedProjections',
  'subjectEntriesOf',
  'teamsProjection',
  'teamsTable',
  'timelineProjection',
  'viewOf',
];

const TYPES = [
  'AnyProjection',
  'CaseloadFilter',
  'CaseloadsState',
  'DueFilter',
  'FoldOptions',
  'Projection',
  'Pseudonymize',
  'ReportViews',
  'StateSubjects',
  'SubjectEntry',
  'SubjectRef',
  'TimelineState',
  'ViewQuery',
  'ViewTable',
];

const TESTING_VALUES = [
  'HOSTILE_IDS',
  'MARKER_START',
  'at',
  'enrollment',
  'historyBuilder',
  'identifyingHistory',
  'prototypeSnapshot',
  'withHostileIdsRenamed',
];

const TESTING_TYPES = ['IdentifyingHistory'];
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
  ['@coachline/projections', 'index.ts', main, VALUES, TYPES],
  ['@coachline/projections/testing', 'testing.ts', testing, TESTING_VALUES, TESTING_TYPES],
])('the entry point %s', (_, entry, loaded, values, types) => {
  it('exports at run time exactly the committed values', () => {
    expect(Object.keys(loaded).sort()).toEqual(values);
  });

  it('lists each value and type by name, exactly the committed ones', () => {
    expect(listedNames(entry)).toEqual({ values, types, wholesale: false });
  });
});
