import { Actor, TeamContact, TeamLevel } from '@coachline/domain';
import { Day, dateOf, DemoMonth, instantAt, weekdayFrom } from './demo-calendar';
import { DemoContext } from './demo-context';
import { DemoCoach } from './demo-program';
import { monthOfYear } from './plan-onboarding';

/**
 * The implementation teams systems coaching serves (`004`): the county's district implementation team and one
 * school leadership team, each with its members by id, its coaching service delivery plan, coaching in the setting
 * every month, a consultation or a training now and then, and effectiveness data each quarter. Nothing here draws
 * on the demo's content randomness, so every other act of the year is the same with or without the teams; only the
 * ids minted after theirs differ.
 */

interface DemoTeam {
  readonly teamId: string;
  readonly level: TeamLevel;
  readonly name: string;
  readonly roles: ReadonlyArray<string>;
  /** The measure its effectiveness is taken on, and the percent it reaches quarter by quarter. */
  readonly measure: string;
  readonly percents: ReadonlyArray<number>;
  /** Coaching sessions a month and their minutes, as the plan asks. */
  readonly minutesPerMonth: number;
  readonly frequency: string;
  readonly visits: ReadonlyArray<{ readonly dayOfMonth: number; readonly minutes: number }>;
  readonly focus: [string, ...string[]];
}

const teamsOf = (communityId: string, communityName: string): ReadonlyArray<DemoTeam> => [
  {
    teamId: `${communityId}-dit`,
    level: 'district',
    name: `${communityName} District Implementation Team`,
    roles: ['Superintendent', 'MTSS coordinator', 'Special education director', 'Data specialist', 'Principal'],
    measure: 'DCA',
    percents: [45, 55, 65, 75],
    minutesPerMonth: 120,
    frequency: 'every two weeks',
    visits: [
      { dayOfMonth: 6, minutes: 60 },
      { dayOfMonth: 20, minutes: 60 },
    ],
    focus: ['District capacity assessment', 'Coaching service delivery plans'],
  },
  {
    teamId: `${communityId}-slt-lincoln`,
    level: 'school',
    name: 'Lincoln Elementary School Leadership Team',
    roles: ['Principal', 'Behavior specialist', 'Teacher', 'School psychologist'],
    measure: 'TFI Tier 1',
    percents: [50, 62, 71, 80],
    minutesPerMonth: 90,
    frequency: 'monthly',
    visits: [{ dayOfMonth: 12, minutes: 90 }],
    focus: ['Tier 1 data review'],
  },
];

/** Quarter ends, by month of the year (July is 0), when effectiveness data is taken. */
const QUARTER_ENDS = [2, 5, 8, 11];
const MEMBERSHIP_CHANGE_MONTH = 4;
const COACH_CHANGE_MONTH = 6;
const PLAN_REVIEW_MONTH = 6;
const CONSULTATION_MONTH = 3;
const TRAINING_MONTH = 1;
const VOIDED_MONTH = 7;

const memberId = (team: DemoTeam, n: number): string => `${team.teamId}-member-${n}`;

/** The coach of a team on `day`: the school team changes hands in January, when there is another coach to take it. */
const coachOf = (context: DemoContext, index: number, day: Day): DemoCoach => {
  const { coaches } = context.program;
  const first = coaches[index % coaches.length]!;
  if (index === 0) return first;
  const later = coaches[(index + 1) % coaches.length]!;
  return monthOfYear(day) >= COACH_CHANGE_MONTH && later !== first ? later : first;
};

/** Present at a contact: the first two members, who stay on the team all year. */
const present = (team: DemoTeam): [string, ...string[]] => [memberId(team, 1), memberId(team, 2)];

interface Contact {
  readonly sessionId: string;
  readonly heldOn: Day;
  readonly minutes: number;
  readonly contact: TeamContact;
}

const logContact = (context: DemoContext, team: DemoTeam, coach: DemoCoach, contact: Contact, minute: number) => {
  const coaching = contact.contact === 'coaching';
  return context.schedule.issue(
    'LogTeamSession',
    {
      teamId: team.teamId,
      sessionId: contact.sessionId,
      coachId: coach.coachId,
      heldOn: dateOf(contact.heldOn),
      durationMinutes: contact.minutes,
      contact: contact.contact,
      // Coaching is in the setting, in person; consultation is by video, away from it; training is in a room.
      inSetting: coaching,
      mode: contact.contact === 'consultation' ? 'virtual' : 'in-person',
      membersPresent: present(team),
      nextSteps: coaching ? ['Bring the latest data to the next team meeting.'] : [],
    },
    { at: instantAt(contact.heldOn, minute), actor: coach.actor },
  );
};

const planRegistration = (context: DemoContext, team: DemoTeam, index: number, month: DemoMonth, admin: Actor) => {
  const registeredOn = weekdayFrom(month.first + 1);
  const coach = coachOf(context, index, registeredOn);
  context.schedule.issue(
    'RegisterTeam',
    {
      teamId: team.teamId,
      communityId: context.program.community.communityId,
      level: team.level,
      name: team.name,
      coachId: coach.coachId,
      registeredOn: dateOf(registeredOn),
      members: team.roles.map((role, n) => ({ memberId: memberId(team, n + 1), role })),
    },
    { at: instantAt(registeredOn, 14 * 60 + index), actor: admin },
  );
  const setOn = weekdayFrom(registeredOn + 1);
  context.schedule.issue(
    'SetCoachingServiceDeliveryPlan',
    {
      teamId: team.teamId,
      coachId: coach.coachId,
      setOn: dateOf(setOn),
      coachingType: 'systems',
      minutesPerMonth: team.minutesPerMonth,
      frequency: team.frequency,
      focus: team.focus,
      reviewOn: dateOf(setOn + 180),
    },
    { at: instantAt(setOn, 16 * 60 + index), actor: coach.actor },
  );
};

const planTeamMonth = (context: DemoContext, team: DemoTeam, index: number, month: DemoMonth): void => {
  const { schedule, program } = context;
  const admin = program.community.admin;
  const ofYear = monthOfYear(month.first);
  if (ofYear === 0) planRegistration(context, team, index, month, admin);
  const sessionId = (n: number) => `${team.teamId}-${month.key}-${n}`;
  team.visits.forEach((visit, n) => {
    // The district team's December has one visit only, so its plan is partly met that month.
    if (index === 0 && ofYear === 5 && n > 0) return;
    const heldOn = weekdayFrom(month.first + visit.dayOfMonth);
    const coach = coachOf(context, index, heldOn);
    const logged = logContact(
      context,
      team,
      coach,
      { sessionId: sessionId(n + 1), heldOn, minutes: visit.minutes, contact: 'coaching' },
      17 * 60 + n,
    );
    if (index === 1 && ofYear === VOIDED_MONTH) {
      // Logged twice by mistake: the copy is voided the next morning.
      logContact(
        context,
        team,
        coach,
        { sessionId: sessionId(9), heldOn, minutes: visit.minutes, contact: 'coaching' },
        17 * 60 + 20,
      );
      schedule.issue(
        'VoidTeamSession',
        { teamId: team.teamId, sessionId: sessionId(9), reason: 'Logged twice; the first record stands.' },
        { at: instantAt(heldOn + 1, 9 * 60), actor: coach.actor, causedBy: logged },
      );
    }
  });
  const extra: TeamContact | undefined =
    index === 0 && ofYear === CONSULTATION_MONTH
      ? 'consultation'
      : index === 1 && ofYear === TRAINING_MONTH
        ? 'training'
        : undefined;
  if (extra !== undefined) {
    const heldOn = weekdayFrom(month.first + 15);
    const minutes = extra === 'training' ? 180 : 30;
    logContact(
      context,
      team,
      coachOf(context, index, heldOn),
      { sessionId: sessionId(8), heldOn, minutes, contact: extra },
      18 * 60,
    );
  }
  if (index === 0 && ofYear === MEMBERSHIP_CHANGE_MONTH) {
    const changedOn = weekdayFrom(month.first + 2);
    schedule.issue(
      'ChangeTeamMembership',
      {
        teamId: team.teamId,
        joined: [{ memberId: memberId(team, team.roles.length + 1), role: 'Family engagement lead' }],
        left: [memberId(team, team.roles.length)],
        changedOn: dateOf(changedOn),
      },
      { at: instantAt(changedOn, 15 * 60), actor: admin },
    );
  }
  if (index === 1 && ofYear === COACH_CHANGE_MONTH) {
    const assignedOn = weekdayFrom(month.first + 1);
    const before = coachOf(context, index, month.first - 1);
    const after = coachOf(context, index, assignedOn);
    if (after !== before)
      schedule.issue(
        'AssignTeamCoach',
        { teamId: team.teamId, coachId: after.coachId, assignedOn: dateOf(assignedOn) },
        { at: instantAt(assignedOn, 9 * 60), actor: admin },
      );
  }
  if (index === 0 && ofYear === PLAN_REVIEW_MONTH) {
    const setOn = weekdayFrom(month.first + 8);
    const coach = coachOf(context, index, setOn);
    schedule.issue(
      'SetCoachingServiceDeliveryPlan',
      {
        teamId: team.teamId,
        coachId: coach.coachId,
        setOn: dateOf(setOn),
        coachingType: 'systems',
        minutesPerMonth: 90,
        frequency: 'every three weeks',
        focus: [...team.focus, 'Tier 2 systems'],
      },
      { at: instantAt(setOn, 16 * 60 + 30), actor: coach.actor },
    );
  }
  const quarter = QUARTER_ENDS.indexOf(ofYear);
  if (quarter >= 0) {
    const recordedOn = weekdayFrom(month.first + 22);
    const coach = coachOf(context, index, recordedOn);
    schedule.issue(
      'RecordCoachingEffectiveness',
      { teamId: team.teamId, recordedOn: dateOf(recordedOn), measure: team.measure, percent: team.percents[quarter]! },
      { at: instantAt(recordedOn, 18 * 60 + 30 + index), actor: coach.actor },
    );
  }
};

/** The teams' month: registration and plans in July, then visits, contacts, changes and measures. */
export const planTeamsMonth = (context: DemoContext, month: DemoMonth): void => {
  const { community } = context.program;
  teamsOf(community.communityId, community.name).forEach((team, index) => planTeamMonth(context, team, index, month));
};
