import { decodeWith } from '../kernel/decode';
import { fold } from '../kernel/decider';
import { command, deciderSpec } from '../testing';
import { CoachingSystemComponent } from './coaching-system-component-defined';
import { CommunityCommand } from './community.commands';
import { communityDecider } from './community.decider';
import { CommunityEvent } from './community.events';
import { ImplementationPlanStepRecordedData, RecordImplementationPlanStep } from './implementation-plan-step-recorded';

const spec = deciderSpec(communityDecider);

const registered: CommunityEvent = {
  type: 'CommunityRegistered',
  data: { communityId: 'kent', name: 'Kent County', kind: 'county' },
};
const year1: CommunityEvent = {
  type: 'ProgramYearStarted',
  data: {
    communityId: 'kent',
    programYearId: 'py-2025',
    guideId: 'rir-year-1',
    startsOn: '2025-07-01',
    endsOn: '2026-06-30',
  },
};
const defined = (component: CoachingSystemComponent): CommunityEvent => ({
  type: 'CoachingSystemComponentDefined',
  data: { communityId: 'kent', component, text: `Our ${component}.` },
});
const allComponentsDefined = CoachingSystemComponent.values.map(defined);
const approval = { communityId: 'kent', approvedBy: 'exec-1', approvedOn: '2025-10-15' };

describe('community decider', () => {
  describe('RegisterCommunity', () => {
    const register = command<CommunityCommand>('RegisterCommunity', registered.data);
    it('registers a new community', () => spec.given([]).when(register).then([registered]));
    it('refuses a second registration', () =>
      spec.given([registered]).when(register).thenFails('community-already-registered', ['data.communityId']));
  });

  describe('StartProgramYear', () => {
    const start = (data: Partial<typeof year1.data> = {}) =>
      command<CommunityCommand>('StartProgramYear', { ...year1.data, ...data });
    const year2 = { programYearId: 'py-2026', startsOn: '2026-07-01', endsOn: '2027-06-30' };

    it('starts a July-to-June year', () => spec.given([registered]).when(start()).then([year1]));
    it('starts a leap year of 366 days', () =>
      spec
        .given([registered])
        .when(start({ programYearId: 'py-2027', startsOn: '2027-07-01', endsOn: '2028-06-30' }))
        .then([
          {
            type: 'ProgramYearStarted',
            data: { ...year1.data, programYearId: 'py-2027', startsOn: '2027-07-01', endsOn: '2028-06-30' },
          },
        ]));
    it('starts the next year the day after the last one ends', () =>
      spec
        .given([registered, year1])
        .when(start(year2))
        .then([{ type: 'ProgramYearStarted', data: { ...year1.data, ...year2 } }]));
    it('refuses a community never registered', () =>
      spec.given([]).when(start()).thenFails('community-not-registered', ['data.communityId']));
    it('refuses a guide Coachline does not know', () =>
      spec
        .given([registered])
        .when(start({ guideId: 'rir-year-9' }))
        .thenFails('unknown-guide', ['data.guideId']));
    it('starts a year under the STARS Practice-Based Coaching guide', () =>
      spec
        .given([registered])
        .when(start({ guideId: 'stars-pbc' }))
        .then([{ type: 'ProgramYearStarted', data: { ...year1.data, guideId: 'stars-pbc' } }]));
    it('refuses a year that ends before it starts', () =>
      spec
        .given([registered])
        .when(start({ endsOn: '2025-06-30' }))
        .thenFails('program-year-ends-before-start', ['data.endsOn']));
    it('refuses a year that ends the day it starts', () =>
      spec
        .given([registered])
        .when(start({ endsOn: '2025-07-01' }))
        .thenFails('program-year-ends-before-start', ['data.endsOn']));
    it('refuses a year longer than 366 days', () =>
      spec
        .given([registered])
        .when(start({ endsOn: '2026-07-02' }))
        .thenFails('program-year-too-long', ['data.endsOn']));
    it('refuses a program year id already started', () =>
      spec
        .given([registered, year1])
        .when(start({ startsOn: '2026-07-01', endsOn: '2027-06-30' }))
        .thenFails('program-year-already-started', ['data.programYearId']));
    it('refuses a year overlapping another by a single day', () =>
      spec
        .given([registered, year1])
        .when(start({ ...year2, startsOn: '2026-06-30' }))
        .thenFails('program-years-overlap', ['data.startsOn']));
    it('refuses a year inside another', () =>
      spec
        .given([registered, year1])
        .when(start({ programYearId: 'py-short', startsOn: '2025-09-01', endsOn: '2025-12-31' }))
        .thenFails('program-years-overlap', ['data.startsOn']));
  });

  describe('RecordImplementationPlanStep', () => {
    const step: ImplementationPlanStepRecordedData = {
      communityId: 'kent',
      step: 1,
      answers: { 'vision-in-one-year': 'Every provider uses Pyramid practices daily.' },
      trainingNeeds: ['Writing a vision statement.'],
      plan: 'Draft the vision at the September leadership meeting.',
    };
    const record = (data: Partial<ImplementationPlanStepRecordedData> = {}) =>
      command<CommunityCommand>('RecordImplementationPlanStep', { ...step, ...data });
    it('records a step', () =>
      spec
        .given([registered])
        .when(record())
        .then([{ type: 'ImplementationPlanStepRecorded', data: step }]));
    it('records a step again to revise it', () => {
      const revised = { ...step, plan: 'Adopt the vision drafted with the partners.' };
      spec
        .given([registered, { type: 'ImplementationPlanStepRecorded', data: step }])
        .when(record(revised))
        .then([{ type: 'ImplementationPlanStepRecorded', data: revised }]);
    });
    it('refuses a community never registered', () =>
      spec.given([]).when(record()).thenFails('community-not-registered', ['data.communityId']));
    it('refuses a step without answers before it reaches the decider', () =>
      expect(decodeWith(RecordImplementationPlanStep.data, 'step', 'data')({ ...step, answers: {} })).toMatchObject({
        _tag: 'Left',
        left: { code: 'invalid', errors: [{ path: 'data.answers', message: 'expected at least one entry, got {}' }] },
      }));
  });

  describe('DefineCoachingSystemComponent', () => {
    const data = { communityId: 'kent', component: 'definition' as const, text: 'Coaching is job-embedded support.' };
    const define = command<CommunityCommand>('DefineCoachingSystemComponent', data);
    it('defines a component', () =>
      spec
        .given([registered])
        .when(define)
        .then([{ type: 'CoachingSystemComponentDefined', data }]));
    it('redefines a component to revise it', () =>
      spec
        .given([registered, defined('definition')])
        .when(define)
        .then([{ type: 'CoachingSystemComponentDefined', data }]));
    it('refuses a community never registered', () =>
      spec.given([]).when(define).thenFails('community-not-registered', ['data.communityId']));
    it('refuses a change once the system is approved', () =>
      spec
        .given([registered, ...allComponentsDefined, { type: 'CoachingSystemApproved', data: approval }])
        .when(define)
        .thenFails('coaching-system-approved', ['data.component']));
  });

  describe('ApproveCoachingSystem', () => {
    const approve = command<CommunityCommand>('ApproveCoachingSystem', approval);
    it('approves a system with all seven components', () =>
      spec
        .given([registered, ...allComponentsDefined])
        .when(approve)
        .then([{ type: 'CoachingSystemApproved', data: approval }]));
    it('refuses a community never registered', () =>
      spec.given([]).when(approve).thenFails('community-not-registered', ['data.communityId']));
    it('refuses an incomplete system, naming what is missing', () => {
      const outcome = communityDecider.decide(
        approve,
        fold(communityDecider, [registered, ...allComponentsDefined.slice(0, 5)]),
      );
      expect(outcome).toMatchObject({
        _tag: 'Left',
        left: { code: 'coaching-system-incomplete', errors: [{ path: 'data.communityId' }] },
      });
      const message = outcome._tag === 'Left' ? outcome.left.message : '';
      expect(message).toContain('time-allocation, service-delivery-plan');
      expect(message).not.toContain('decision-making-authority');
    });
    it('refuses a system with no component', () =>
      spec.given([registered]).when(approve).thenFails('coaching-system-incomplete', ['data.communityId']));
    it('refuses a second approval', () =>
      spec
        .given([registered, ...allComponentsDefined, { type: 'CoachingSystemApproved', data: approval }])
        .when(approve)
        .thenFails('coaching-system-already-approved', ['data.communityId']));
  });
});
