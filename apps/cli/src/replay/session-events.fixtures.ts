import fc from 'fast-check';
import { RecordedEvent } from '@coachline/domain';
import { session } from '../testing/example-history';

const KINDS = ['coaching-conversation', 'observation', 'debrief', 'consultation'] as const;

type SessionType = 'SessionLogged' | 'SessionCorrected' | 'SessionVoided';

/** A valid session event of provider `p-017` (or the provider given), at `position`. */
export const sessionEvent = (
  type: SessionType,
  data: { readonly sessionId: string; readonly providerId?: string; readonly [field: string]: unknown },
  position: number,
  recordedAt = '2025-09-18T12:00:00.000Z',
): RecordedEvent => {
  const providerId = data.providerId ?? 'p-017';
  const reason = type === 'SessionLogged' ? {} : { reason: 'Entered twice.' };
  return {
    id: `e-session-${position}`,
    stream: `provider-${providerId}`,
    type,
    schemaVersion: 1,
    data: { ...data, providerId, ...reason },
    metadata: {
      actor: { id: 'c-03', role: 'coach' },
      recordedAt,
      commandId: `cmd-session-${position}`,
      correlationId: `corr-session-${position}`,
    },
    position,
  } as RecordedEvent;
};

const changes = fc
  .record(
    {
      heldOn: fc.constantFrom('2025-09-05', '2025-10-30', '2025-08-01'),
      durationMinutes: fc.integer({ min: 1, max: 240 }),
      kind: fc.constantFrom(...KINDS),
      summary: fc.constant('Went over the routine again.'),
    },
    { requiredKeys: [] },
  )
  .filter((c) => Object.keys(c).length > 0);

const oneSessionEvent = fc.oneof(
  fc.record({
    type: fc.constant<SessionType>('SessionLogged'),
    sessionId: fc.constantFrom('s-1', 's-6', 's-7'),
    providerId: fc.constantFrom('p-017', 'p-999'),
    heldOn: fc.constantFrom('2025-09-09', '2025-10-02', '2026-01-15'),
    minutes: fc.integer({ min: 1, max: 240 }),
    kind: fc.constantFrom(...KINDS),
  }),
  fc.record({
    type: fc.constant<SessionType>('SessionCorrected'),
    sessionId: fc.constantFrom('s-1', 's-2', 's-6', 's-7'),
    providerId: fc.constant('p-017'),
    changes,
  }),
  fc.record({
    type: fc.constant<SessionType>('SessionVoided'),
    sessionId: fc.constantFrom('s-2', 's-3', 's-6'),
    providerId: fc.constant('p-017'),
  }),
);

/**
 * `history` with logs, corrections and voids of its provider's sessions (and of a provider it
 * lacks) added at random places, each recorded on one of three days, with the next positions.
 */
export const sessionEvents = (history: ReadonlyArray<RecordedEvent>): fc.Arbitrary<RecordedEvent[]> =>
  fc
    .array(
      fc.tuple(
        fc.nat(),
        oneSessionEvent,
        fc.constantFrom('2025-09-10T08:00:00.000Z', '2025-09-30T08:00:00.000Z', '2025-11-02T08:00:00.000Z'),
      ),
      { maxLength: 20 },
    )
    .map((added) => {
      const events = [...history];
      added.forEach(([at, chosen, recordedAt], index) => {
        const position = history.length + index + 1;
        const { type, sessionId, providerId } = chosen;
        const data =
          'changes' in chosen
            ? { sessionId, changes: chosen.changes }
            : 'minutes' in chosen
              ? session(sessionId, chosen.heldOn, chosen.minutes, chosen.kind)
              : { sessionId };
        events.splice(at % (events.length + 1), 0, sessionEvent(type, { ...data, providerId }, position, recordedAt));
      });
      return events;
    });
