import * as t from 'io-ts';
import { oneOf } from '../kernel/primitives';
import { DistrictChecklistEntry, ProgramGuide, RequirementWindow } from './program-guide';

/**
 * The items of the district implementation team's installation checklist for its coaching system, in the order a
 * district meets them: each follows from what the source asks the system to be and to do (`004`). The guide lists
 * them with their titles, and a checklist record names one of them.
 */
export const DistrictChecklistItem = oneOf(
  'DistrictChecklistItem',
  'system-drafted',
  'system-approved',
  'shared-with-dit',
  'shared-with-coaches',
  'coaches-selected',
  'service-delivery-plans',
  'effectiveness-data',
);
export type DistrictChecklistItem = t.TypeOf<typeof DistrictChecklistItem>;

const checklistTitles: Readonly<Record<DistrictChecklistItem, string>> = {
  'system-drafted': 'A coaching system is drafted with all seven components',
  'system-approved': 'Executive leadership has reviewed and approved the coaching system',
  'shared-with-dit': 'The coaching system is shared with the district implementation team’s members',
  'shared-with-coaches': 'The coaching system is shared with coaches',
  'coaches-selected': 'Coaches are selected using the coaching system',
  'service-delivery-plans': 'A coaching service delivery plan is developed for every coachee',
  'effectiveness-data': 'Coaching effectiveness data are collected and reviewed',
};

const districtChecklist: DistrictChecklistEntry[] = DistrictChecklistItem.values.map((item) => ({
  item,
  title: checklistTitles[item],
}));

const programYear: RequirementWindow = { anchor: 'program-year' };

/**
 * The MiMTSS District Coaching System (source `004`): a district defines the seven components of its coaching
 * system, executive leadership approves it, it is shared with coaches and implementation teams and reviewed by each
 * coach, and it guides the selection of coaches and each coachee's service delivery plan, which sets the coaching's
 * frequency: so the guide counts coaching sessions but sets no minutes target. A team's coach is chosen only under
 * the approved system. The checklist requirement counts items recorded in place; a later record that takes an item
 * back out of place does not undo it here, and the coaching system view, which reads each item's latest record, is
 * the authority on how complete the checklist is.
 */
export const mimtssCoachingSystemGuide: ProgramGuide = {
  guideId: 'mimtss-coaching-system',
  title: 'MiMTSS — District Coaching System',
  source: 'MiMTSS TA Center, District Coaching System (004)',
  dosage: { countedKinds: ['coaching-conversation', 'observation', 'debrief'] },
  teamCoachNeedsApprovedSystem: true,
  requirements: [
    {
      kind: 'count',
      id: 'coaching-system-components-defined',
      title: 'All seven components of the coaching system defined',
      scope: 'community',
      window: programYear,
      event: { type: 'CoachingSystemComponentDefined', dateField: 'definedOn' },
      distinctBy: 'component',
      min: 7,
      basis:
        'Definition of coaching; conditions that warrant coaching; recruitment and selection; supervision and accountability; decision-making authority; time allocation; Coaching Service Delivery Plan. (004)',
    },
    {
      kind: 'once',
      id: 'coaching-system-approved',
      title: 'Coaching system approved by executive leadership',
      scope: 'community',
      window: programYear,
      event: { type: 'CoachingSystemApproved', dateField: 'approvedOn' },
      basis:
        'Once the process has been finalized it will need to be reviewed and approved by executive leadership. (004)',
    },
    {
      kind: 'once',
      id: 'coaching-system-shared-with-coaches',
      title: 'Coaching system shared with coaches',
      scope: 'community',
      window: programYear,
      event: { type: 'CoachingSystemShared', dateField: 'sharedOn', where: { audience: 'coaches' } },
      basis:
        'Shared with coaches and implementation teams to ensure common understanding of the role and responsibilities. (004)',
    },
    {
      kind: 'once',
      id: 'coaching-system-shared-with-teams',
      title: 'Coaching system shared with implementation teams',
      scope: 'community',
      window: programYear,
      event: { type: 'CoachingSystemShared', dateField: 'sharedOn', where: { audience: 'implementation-teams' } },
      basis: 'Consider what information you will share with DIT members around the Coaching System. (004)',
    },
    {
      kind: 'once',
      id: 'coaching-system-reviewed',
      title: 'Coaching system reviewed by the coach',
      scope: 'coach',
      window: programYear,
      event: { type: 'CoachingSystemReviewed', dateField: 'reviewedOn' },
      basis: 'Reviewed by coaches to ensure an understanding of their role and district guidelines. (004)',
    },
    {
      kind: 'count',
      id: 'dit-checklist-complete',
      title: 'District installation checklist 100% complete',
      scope: 'community',
      window: programYear,
      event: { type: 'DistrictChecklistItemRecorded', dateField: 'recordedOn', where: { status: 'in-place' } },
      distinctBy: 'item',
      min: districtChecklist.length,
      basis: 'Update DIT Installation Checklists until they are 100% complete. (004)',
    },
    {
      kind: 'each',
      id: 'training-feedback',
      title: 'Feedback survey answered after the training',
      scope: 'community',
      window: programYear,
      opener: { type: 'TrainingHeld', dateField: 'heldOn' },
      event: { type: 'TrainingFeedbackGiven', dateField: 'givenOn' },
      key: 'trainingId',
      withinMonths: 1,
      basis:
        'At the end of the session, you will be asked to provide feedback on today’s training; results will be used to make improvements to professional learning. (004)',
    },
  ],
  coachingSystem: {
    components: [
      {
        component: 'definition',
        title: 'Definition of coaching',
        question: 'What does coaching mean in this district, as distinct from training and consultation?',
      },
      {
        component: 'conditions-warranting-coaching',
        title: 'Conditions that warrant coaching',
        question: 'Which initiatives, teams and staff receive coaching, and who decides how it is allocated?',
      },
      {
        component: 'recruitment-selection',
        title: 'District recruitment and selection process',
        question: 'How are coaches recruited and selected, now and in the future?',
      },
      {
        component: 'supervision-accountability',
        title: 'Supervision and accountability structures',
        question: 'Who supervises coaches, how are they supported, and to whom are they accountable?',
      },
      {
        component: 'decision-making-authority',
        title: 'Statement clarifying coach decision-making authority',
        question: 'Which decisions may a coach make, and which belong to district-appointed personnel?',
      },
      {
        component: 'time-allocation',
        title: 'Time allocation for coaching',
        question: 'How much of each coach’s time is set aside for coaching?',
      },
      {
        component: 'service-delivery-plan',
        title: 'Coaching Service Delivery Plan (CSDP)',
        question: 'How is each coachee’s coaching service delivery plan developed, and what does it set?',
      },
    ],
    districtChecklist,
  },
};
