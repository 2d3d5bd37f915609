import { SessionKind } from '@coachline/domain';

/**
 * What coaching sessions are about, following the Year 1 guide's arc (`000`): relationships
 * (Module 1A), supportive environments (1B), intentional teaching, friendship and empathy
 * (2A), emotional literacy, self-regulation and problem solving (2B), then Year 2.
 */
export const PRACTICES_BY_PHASE: ReadonlyArray<ReadonlyArray<string>> = [
  ['building-relationships', 'responsive-interactions', 'engaging-families'],
  ['building-relationships', 'schedules-routines', 'transitions', 'supportive-environment', 'teaching-expectations'],
  ['schedules-routines', 'teaching-expectations', 'intentional-teaching', 'friendship-skills', 'empathy'],
  [
    'friendship-skills',
    'emotional-literacy',
    'self-regulation',
    'problem-solving',
    'responding-to-challenging-behavior',
  ],
];

/** The phase of the year a month belongs to, by the modules trained so far (1B in November, 2A in February, 2B in April). */
export const phaseOfMonth = (monthOfYear: number): number =>
  monthOfYear < 4 ? 0 : monthOfYear < 7 ? 1 : monthOfYear < 9 ? 2 : 3;

/** Practice-Based Coaching strategies. */
export const STRATEGIES: ReadonlyArray<string> = [
  'reflective-conversation',
  'modeling',
  'side-by-side-support',
  'video-feedback',
  'graphic-feedback',
  'performance-feedback',
  'problem-solving-discussion',
  'role-play',
  'resource-sharing',
  'environmental-arrangement',
  'goal-setting',
  'data-review',
];

export const SUMMARIES: Readonly<Record<SessionKind, ReadonlyArray<string>>> = {
  'coaching-conversation': [
    'Reviewed progress on the action plan and agreed on the steps to try before the next visit.',
    'Reflected on the focused observation together and named what worked during transitions.',
    'Looked at the module implementation plan and chose one practice to embed in daily routines.',
    'Planned how to teach the classroom expectations during circle time next week.',
    'Talked through the visual schedule and how children used it after nap time.',
  ],
  observation: [
    'Observed morning arrival and free play, focusing on the practices of the action plan.',
    'Focused observation of large-group time; noted the use of visual supports.',
    'Observed outdoor play and the transition back inside.',
    'Observed mealtime conversations and turn-taking.',
  ],
  debrief: [
    'Debriefed the focused observation: strengths first, then one next step.',
    'Shared graphic feedback from the observation and set the next focus together.',
    'Went over the observation notes and linked them to the action plan goals.',
  ],
  consultation: [
    'Phone consultation about an incident the coach did not observe; suggested resources.',
    'Met with the director about staffing for coaching visits; no classroom observation.',
    'Email consultation on a family concern raised at pick-up.',
  ],
  other: [
    'Helped prepare materials for the next Pyramid Model module.',
    'Shared resources for the Provider Collaboration Meeting topic.',
    'Reviewed the ASQ-SE2 follow-up ideas with the provider.',
  ],
};

export const NEXT_STEPS: ReadonlyArray<ReadonlyArray<string>> = [
  ['Try the visual schedule at arrival every day this week.'],
  ['Practice naming feelings during story time.', 'Share the feelings chart with families.'],
  ['Give a two-minute warning before each transition.'],
  ['Post the classroom expectations at child eye level.', 'Teach one expectation a day.'],
  ['Use the solution kit during free play.'],
  ['Record three positive descriptive comments per child each day.'],
];

export const STRENGTHS: ReadonlyArray<string> = [
  'Warm, responsive conversations with children throughout the routine.',
  'A predictable daily schedule that children follow with confidence.',
  'Clear, positively stated classroom expectations.',
  'Calm support for children during transitions.',
  'Frequent descriptive praise tied to expectations.',
  'A well-arranged environment with clear play areas.',
];

export const DEBRIEF_NEXT_STEPS: ReadonlyArray<string> = [
  'Teach friendship skills during small-group time.',
  'Add visual supports to the transition from outdoor play.',
  'Plan activities that teach children to recognise feelings.',
  'Involve families in teaching the classroom expectations.',
  'Give children more choices during routines.',
];

export const GOAL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'building-relationships': 'Have a positive one-to-one conversation with every child each day.',
  'responsive-interactions': 'Respond to children’s cues during routines within a few seconds.',
  'engaging-families': 'Share one positive note with each family every week.',
  'schedules-routines': 'Follow a visual daily schedule and review it with children each morning.',
  transitions: 'Use a warning and a song for every transition of the day.',
  'supportive-environment': 'Arrange the room so every play area has clear boundaries.',
  'teaching-expectations': 'Teach and acknowledge three classroom expectations every day.',
  'intentional-teaching': 'Plan one intentional teaching activity a day for a social skill.',
  'friendship-skills': 'Teach sharing and turn-taking during small-group play.',
  empathy: 'Point out and name how peers feel during play.',
  'emotional-literacy': 'Use feeling words with children throughout the day.',
  'self-regulation': 'Teach a calming strategy and practice it daily.',
  'problem-solving': 'Use the solution kit with children when conflicts arise.',
  'responding-to-challenging-behavior': 'Respond to challenging behaviour with the planned supportive steps.',
};

export const ACTION_PLAN_STEPS: ReadonlyArray<ReadonlyArray<string>> = [
  ['Coach models the practice during the next visit.', 'Provider tries it daily and notes what happens.'],
  [
    'Provider reviews the module handout.',
    'Coach observes the practice at the next visit.',
    'Together review the notes.',
  ],
  ['Provider prepares the visual materials.', 'Coach brings examples from other classrooms.'],
];

export const CORRECTION_REASONS = {
  duration: 'The duration was entered wrongly; corrected from the coach’s notes.',
  heldOn: 'Logged under the wrong date; corrected from the coach’s calendar.',
  kind: 'Held by phone about events the coach did not see: a consultation, not coaching.',
  kindObservation: 'The visit was the debrief of the observation, not the observation itself.',
  kindDebrief: 'The visit turned into a coaching conversation on the action plan.',
} as const;

export const VOID_REASONS = {
  duplicate: 'Duplicate entry of a session already logged.',
  cancelled: 'The visit was cancelled; it was logged by mistake.',
} as const;

export const ASQ_FOLLOW_UPS = {
  monitoring: [
    'Shared learning activities with the family and planned a rescreen in three months.',
    'Talked with the family about the results and agreed on activities at home.',
  ],
  'above-cutoff': [
    'With the family’s consent, referred the child to early intervention for further assessment.',
    'Met with the family and referred them to the local mental health consultant.',
  ],
} as const;
