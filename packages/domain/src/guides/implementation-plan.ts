import * as t from 'io-ts';
import { Id, Text, nonEmptyArray } from '../kernel/primitives';
import { struct } from '../kernel/struct';

/** A planning question a community answers for a step, by the id its answer is recorded under. */
export const PlanningQuestion = struct('PlanningQuestion', { questionId: Id, question: Text });
export type PlanningQuestion = t.TypeOf<typeof PlanningQuestion>;

/** One step of the Coaching Implementation Plan with the questions that plan it. */
export const ImplementationPlanStepGuide = struct('ImplementationPlanStepGuide', {
  step: t.number,
  title: Text,
  questions: nonEmptyArray(PlanningQuestion, 'PlanningQuestions'),
});
export type ImplementationPlanStepGuide = t.TypeOf<typeof ImplementationPlanStepGuide>;

const q = (questionId: string, question: string): PlanningQuestion => ({ questionId, question });

/**
 * The seven steps of the Coaching Implementation Plan and their planning questions, in the plan's
 * own order. A step is complete once each of its questions has an answer and the step has a plan;
 * an answer under another id is kept and shown, but completes no question.
 */
export const implementationPlanSteps: ReadonlyArray<ImplementationPlanStepGuide> = [
  {
    step: 1,
    title: 'Identify the vision: what the group wants to see happen',
    questions: [
      q('vision-in-one-year', 'Where does the agency want to be one year after coaching begins?'),
      q('outcomes', 'What results or outcomes does the agency hope to achieve?'),
      q('vision-is-clear', 'Would someone outside the field understand what the vision statement hopes to accomplish?'),
      q('purpose-of-coaching', 'What is coaching for: learners’ own topics, or topics the agency identifies?'),
    ],
  },
  {
    step: 2,
    title: 'Identify the collaborative partners',
    questions: [
      q('partners', 'Do all the partners needed agree on how to achieve the vision?'),
      q('who-participates', 'Who takes part in the coaching process?'),
      q('who-receives-coaching', 'Which practitioners receive coaching: new to the field, in one content area?'),
      q('coaching-model', 'Does the model use external or internal practice leaders, supervisors, or a mix?'),
      q('how-many', 'How many people should be involved in coaching?'),
      q('internal-stakeholders', 'Were all the internal stakeholders considered for the development of the plan?'),
    ],
  },
  {
    step: 3,
    title: 'Examine present circumstances',
    questions: [
      q('current-process-understood', 'Does everyone involved understand how the current process works?'),
      q('current-professional-development', 'What is the agency’s professional development strategy today?'),
      q('beliefs-about-learning', 'What does the agency believe about continuous learning and quality improvement?'),
    ],
  },
  {
    step: 4,
    title: 'Identify the process for coaching',
    questions: [
      q('focus-of-sessions', 'Are sessions about practice alone, or about knowledge and practice?'),
      q('same-staff', 'Does each session involve the same staff, or coordination between staff?'),
      q('how-often', 'How often does coaching happen on site, and off site?'),
      q('duration', 'Over what period does coaching take place?'),
      q('resources-for-time', 'What resources give staff the time to take part in coaching?'),
      q('coach-is-staff', 'Is the coach a staff member?'),
      q('coach-qualifications', 'What qualifications does the coach hold, and what formal coaching training?'),
      q('coaches-meet', 'Do coaches meet as a group to reflect and find support?'),
      q('coaches-meet-staff', 'Do coaches meet staff regularly to set goals and review progress?'),
      q('goals-set-how', 'Are goals set in advance, or built jointly with the coach?'),
    ],
  },
  {
    step: 5,
    title: 'Identify the form and type of documentation for coaching',
    questions: [
      q('what-is-recorded', 'Are the activities of coaching (discussion, observation) recorded?'),
      q('session-goals-recorded', 'Are each session’s process and goals recorded?'),
      q('working-hypothesis', 'What do the program’s data say about the change needed, and why coaching?'),
      q('initial-focus', 'Does coaching first focus on one population or practice?'),
      q('ongoing-training', 'Which ongoing, advanced or refresher trainings are part of the plan?'),
    ],
  },
  {
    step: 6,
    title: 'Identify procedures for continuous quality improvement',
    questions: [
      q(
        'evaluation-design',
        'Is there a practical, affordable evaluation: learners’ feedback, coaching quality, skills?',
      ),
      q('outcomes-and-budget', 'Which outcome measures and budget analysis show the approach’s economic value?'),
      q('responsibilities', 'For each evaluation strategy, who does what, at what cost, paid from where?'),
      q('budget-first-years', 'What budget does the project need for its first three to five years?'),
    ],
  },
  {
    step: 7,
    title: 'Identify funding and areas for sustainability',
    questions: [
      q('federal-funds', 'Can federal funds help support the implementation?'),
      q('funding-sources', 'Which funding sources are the most feasible?'),
      q('foundations', 'Could local or state foundations give political, program, technical or financial support?'),
      q('stakeholders', 'Who are the key stakeholders, and should they join the training or get an overview?'),
    ],
  },
];
