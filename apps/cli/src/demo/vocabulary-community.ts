import { CoachingSystemComponent } from '@coachline/domain';

interface PlanStep {
  readonly step: number;
  readonly answers: Readonly<Record<string, string>>;
  readonly trainingNeeds?: ReadonlyArray<string>;
  readonly plan: string;
}

/** The county's answers to the seven steps of the Coaching Implementation Plan (`001`). */
export const implementationPlan = (county: string): ReadonlyArray<PlanStep> => [
  {
    step: 1,
    answers: {
      'vision-in-one-year': `Every enrolled provider in ${county} uses Pyramid Model practices daily.`,
      'purpose-of-coaching': 'Coach providers on agency-identified Pyramid Model practices, one practice at a time.',
    },
    plan: 'Share the vision with directors at the Director Training in July.',
  },
  {
    step: 2,
    answers: {
      partners: 'The county CCR&R, the Head Start grantee and the evaluation partner.',
      'who-receives-coaching': 'Lead teachers in centers and family child care providers.',
      'coaching-model': 'External practice leaders: coaches employed by the CCR&R.',
    },
    plan: 'Sign memoranda with each partner before enrollment opens.',
  },
  {
    step: 3,
    answers: {
      'current-professional-development': 'Stand-and-deliver trainings without follow-up coaching.',
      'beliefs-about-learning': 'Leadership supports continuous quality improvement.',
    },
    trainingNeeds: ['Coaches need Practice-Based Coaching training.', 'Directors need an overview of their role.'],
    plan: 'Pair every training module with monthly coaching.',
  },
  {
    step: 4,
    answers: {
      'how-often': 'At least 2.5 hours of coaching per provider per month, mostly on site.',
      'coach-qualifications': 'A degree in early childhood and the Practice-Based Coaching endorsement.',
      'coaches-meet': 'Coaches attend Reflective Consultation every month.',
    },
    plan: 'Caseloads of about eight providers per coach.',
  },
  {
    step: 5,
    answers: {
      'what-is-recorded': 'Every coaching conversation, observation and debrief, with its date and duration.',
      'initial-focus': 'Building relationships and supportive environments.',
    },
    plan: 'Coaches log every session in the Coach Management System after it is held.',
  },
  {
    step: 6,
    answers: {
      'evaluation-design': 'TPOT and TPITOS observations, BOQs and ASQ-SE2 screenings with the evaluation partner.',
      responsibilities: 'Coaches collect initial data; the evaluation partner analyses it.',
    },
    plan: 'Review dosage and timeline reports with coaches every month.',
  },
  {
    step: 7,
    answers: {
      'funding-sources': 'State quality improvement funds and a local foundation grant.',
      stakeholders: 'Directors, the CCR&R board and the county early childhood council.',
    },
    trainingNeeds: ['An overview session for the early childhood council.'],
    plan: 'Apply for a second year of foundation funding in March.',
  },
];

/** The county's district coaching system, one text per component (`004`). */
export const COACHING_SYSTEM: Readonly<Record<CoachingSystemComponent, string>> = {
  definition: 'Coaching is job-embedded support in the provider’s setting, about practices the coach observed.',
  'conditions-warranting-coaching': 'Every provider enrolled in Rooted in Relationships receives coaching.',
  'recruitment-selection': 'Coaches are recruited by the CCR&R and selected against the qualifications of step 4.',
  'supervision-accountability': 'Coach supervisors review caseloads and dosage monthly.',
  'decision-making-authority': 'The coach lead decides caseload assignments with the supervisors.',
  'time-allocation': 'Coaches spend at least 70% of their time in providers’ settings.',
  'service-delivery-plan': 'Monthly on-site coaching of 2.5 hours, trainings and Provider Collaboration Meetings.',
};

export const MEETING_TOPICS: ReadonlyArray<string> = [
  'Building relationships with families',
  'Visual schedules that work',
  'Smooth transitions',
  'Teaching classroom expectations',
  'Friendship skills in small groups',
  'Naming feelings all day long',
  'Calming strategies for children and adults',
  'Problem solving with the solution kit',
  'Sharing progress with directors',
  'Getting ready for Year 2',
  'Supporting children after a hard day',
  'Celebrating the year',
];

export const EXIT_REASONS: ReadonlyArray<string> = [
  'Left the center for a position outside early childhood.',
  'The family child care home closed.',
  'Moved out of the county.',
  'Took extended leave and withdrew from the program.',
];

export const AGREEMENT_END_REASONS = {
  completed: 'The estimated coaching cycles were completed.',
  exited: 'The coachee left the program.',
} as const;

export const AGREEMENT_CONCERNS = {
  coach: 'Three scheduled coaching visits were cancelled at short notice this month.',
  coachee: 'Feedback after observations has been arriving late.',
} as const;

/** What the supervisor and both sides agreed when they met about the concern. */
export const AGREEMENT_RESOLUTIONS = {
  coach: 'Visits move to a fixed weekday, with a day’s notice for any change.',
  coachee: 'Written feedback is sent within two days of each observation.',
} as const;

export const REFLECTIVE_CONSULTATION_MINUTES: ReadonlyArray<number> = [60, 60, 75, 90];
