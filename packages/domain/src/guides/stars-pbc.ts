import { ProgramGuide } from './program-guide';

/**
 * STARS to Quality Practice-Based Coaching (source `002`). The agreement, not the guide, sets
 * how often coaching happens (a cadence of cycles, every two weeks being optimal), so there is
 * no monthly minutes target; sessions of the counted kinds are still tallied for the log dates
 * and durations the confidential share allows. The form gives no deadlines: the windows below
 * are the program's, measured from the coachee's enrollment.
 */
export const starsPbcGuide: ProgramGuide = {
  guideId: 'stars-pbc',
  title: 'STARS to Quality — Practice-Based Coaching',
  source: 'STARS to Quality Coaching agreement for one on one, expert coaching (002)',
  dosage: { countedKinds: ['coaching-conversation', 'observation', 'debrief'] },
  requirements: [
    {
      kind: 'count',
      id: 'agreement-signed',
      title: 'Coaching agreement signed by coach, supervisor and coachee',
      scope: 'provider',
      window: { anchor: 'enrollment', fromMonth: 0, throughMonth: 0 },
      event: { type: 'AgreementSigned', dateField: 'signedOn' },
      distinctBy: 'party',
      min: 3,
      basis: "Coach's signature, Supervisor's signature, Coachee's signature, each dated. (002)",
    },
    {
      kind: 'once',
      id: 'first-coaching-cycle',
      title: 'First coaching cycle completed',
      scope: 'provider',
      // The agreement's month, then two months for the first cycle.
      window: { anchor: 'enrollment', fromMonth: 0, throughMonth: 2 },
      event: { type: 'CoachingCycleCompleted', dateField: 'completedOn' },
      basis:
        'Use all components of Practice-Based Coaching: shared goals and action plans, focused observation, reflection and feedback. (002)',
    },
  ],
};
