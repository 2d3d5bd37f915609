import { ProgramGuide } from '@coachline/domain';
import { CoachingFocus, TimelineRecord, YearTwoStanding } from './timeline.view';

/** What a provider's coaching focus is worked out from, as of a day. */
export interface FocusQuery {
  readonly guide: ProgramGuide;
  /** The community's kept events: its trainings tell which modules it held, and when. */
  readonly communityEvents: ReadonlyArray<TimelineRecord>;
  readonly programYear: { readonly startsOn: string; readonly endsOn: string };
  /** The day the provider moved on to Year 2, if it did. */
  readonly transitionedOn?: string;
  readonly on: string;
}

/**
 * The day each module was first held within the program year up to `until`: a module held again (a make-up
 * session) widened the focus the first time, and one held in another year is another year's.
 */
const firstHeldOn = (events: ReadonlyArray<TimelineRecord>, from: string, until: string): Map<string, string> => {
  const held = new Map<string, string>();
  for (const { type, data } of events) {
    const { module, heldOn } = data;
    if (type !== 'TrainingHeld' || typeof module !== 'string' || typeof heldOn !== 'string') continue;
    if (heldOn < from || heldOn > until) continue;
    const earlier = held.get(module);
    if (earlier === undefined || heldOn < earlier) held.set(module, heldOn);
  }
  return held;
};

type YearTwoTransition = NonNullable<ProgramGuide['yearTwoTransition']>;

const yearTwoOf = (
  transition: YearTwoTransition,
  held: ReadonlyMap<string, string>,
  transitionedOn: string | undefined,
  on: string,
): YearTwoStanding => {
  if (transitionedOn !== undefined && transitionedOn <= on) return { status: 'transitioned', transitionedOn };
  return { status: held.has(transition.preparesAfterModule) ? 'preparing' : 'not-yet', transitionedOn: null };
};

/**
 * A provider's coaching focus on a day: the modules of the guide's sequence its community has held, the topics they
 * bring in the guide's order, the next module to hold, and where the provider stands on moving on to Year 2. Null
 * under a guide that sets no sequence.
 */
export const coachingFocusOf = (query: FocusQuery): CoachingFocus | null => {
  const sequence = query.guide.focusSequence;
  if (sequence === undefined) return null;
  const { startsOn, endsOn } = query.programYear;
  const held = firstHeldOn(query.communityEvents, startsOn, query.on < endsOn ? query.on : endsOn);
  const steps = sequence.filter((step) => held.has(step.module));
  const transition = query.guide.yearTwoTransition;
  return {
    modulesHeld: steps.map((step) => ({ module: step.module, heldOn: held.get(step.module)! })),
    topics: steps.flatMap((step) => step.focus),
    nextModule: sequence.find((step) => !held.has(step.module))?.module ?? null,
    yearTwo: transition === undefined ? null : yearTwoOf(transition, held, query.transitionedOn, query.on),
  };
};
