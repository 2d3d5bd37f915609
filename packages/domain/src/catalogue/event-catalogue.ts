import { agreementEvents } from '../agreement/agreement.events';
import { coachEvents } from '../coach/coach.events';
import { communityEvents } from '../community/community.events';
import { providerEvents } from '../provider/provider.events';
import { screeningEvents } from '../screening/screening.events';
import { teamEvents } from '../team/team.events';
import { EventDefinition, EventOf } from '../kernel/event-definition';

/** Every event Coachline has ever written, by stream kind: the public contract. */
export const eventCatalogue = [
  ...communityEvents,
  ...coachEvents,
  ...providerEvents,
  ...agreementEvents,
  ...screeningEvents,
  ...teamEvents,
] as const;

/** Any event of the catalogue, at its current schema version. */
export type CoachlineEvent = EventOf<(typeof eventCatalogue)[number]>;
/** The `type` of any event Coachline has written. */
export type CoachlineEventType = CoachlineEvent['type'];

const byType: ReadonlyMap<string, EventDefinition> = new Map(eventCatalogue.map((d) => [d.type, d as EventDefinition]));

/** Events are routed by their `type` string, never by class names. */
export const findEventDefinition = (type: string): EventDefinition | undefined => byType.get(type);
