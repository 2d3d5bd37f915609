import { dateOf, dayOf, dayOfInstant, DemoMonth, weekdayFrom, weekdaysOfMonthBetween } from './demo-calendar';
import { DemoContext } from './demo-context';
import { between, monthOfYear } from './plan-onboarding';
import { REFLECTIVE_CONSULTATION_MINUTES } from './vocabulary-community';

/** The RC survey is due in December (`000`), the sixth month of a year that starts in July. */
const SURVEY_MONTH_OF_YEAR = 5;

/** Coaches join in June, state their credentials, and their supervisors verify them (`003`). */
export const planCoachSetup = (context: DemoContext): void => {
  const { random, schedule, program } = context;
  for (const coach of program.coaches) {
    const registered = schedule.issue(
      'RegisterCoach',
      { coachId: coach.coachId, communityId: program.community.communityId, name: coach.name, role: coach.role },
      {
        at: between(random, weekdayFrom(dayOf('2025-06-03') + random.int(0, 4)), 14, 18),
        actor: program.community.admin,
      },
    );
    for (const { qualificationId, credential } of coach.qualifications) {
      const recorded = schedule.issue(
        'RecordCoachQualification',
        { coachId: coach.coachId, qualificationId, credential },
        { at: between(random, dayOfInstant(registered.at) + random.int(1, 10), 17, 22), actor: coach.actor },
      );
      const verifiedOn = weekdayFrom(dayOfInstant(recorded.at) + random.int(3, 20));
      schedule.issue(
        'VerifyCoachQualification',
        {
          coachId: coach.coachId,
          qualificationId,
          credential,
          verifiedBy: coach.supervisor.id,
          verifiedOn: dateOf(verifiedOn),
        },
        { at: between(random, verifiedOn, 14, 18), actor: coach.supervisor, causedBy: recorded },
      );
    }
  }
};

/** Reflective Consultation every month for every coach (rule 8), held cohort by cohort; the RC survey in December. */
export const planCoachMonth = (context: DemoContext, month: DemoMonth): void => {
  const { random, schedule, program } = context;
  const sessionDays = new Map<number, number>();
  for (const coach of program.coaches) {
    let heldOn = sessionDays.get(coach.cohort);
    if (heldOn === undefined) {
      heldOn = random.pick(weekdaysOfMonthBetween(month, 5, 25));
      sessionDays.set(coach.cohort, heldOn);
    }
    schedule.issue(
      'AttendReflectiveConsultation',
      {
        coachId: coach.coachId,
        month: month.key,
        heldOn: dateOf(heldOn),
        durationMinutes: random.pick(REFLECTIVE_CONSULTATION_MINUTES),
      },
      { at: between(random, heldOn + random.int(0, 3), 16, 21), actor: coach.actor },
    );
    if (monthOfYear(month.first) === SURVEY_MONTH_OF_YEAR) {
      const completedOn = random.pick(weekdaysOfMonthBetween(month, 1, 19));
      schedule.issue(
        'CompleteReflectiveConsultationSurvey',
        { coachId: coach.coachId, completedOn: dateOf(completedOn) },
        { at: between(random, completedOn + random.int(0, 2), 15, 20), actor: program.community.evaluator },
      );
    }
  }
};
