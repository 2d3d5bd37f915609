/** LogSession as the API issues it: built and checked with the domain's codecs, handled by `handleCommand`. */
import { type CoachlineCommand, decodeCommand } from '@coachline/domain';
import { type DecidedStreams, type EventStore, handleCommand, mintEventId } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import { sessionBody } from '../api/seed-program';

const command = (input: unknown): CoachlineCommand => {
  const decoded = decodeCommand(input);
  if (E.isLeft(decoded)) throw new Error(`invalid command: ${decoded.left.message}`);
  return decoded.right;
};

const metadata = (coachId: string) => ({
  actor: { id: coachId, role: 'coach' },
  issuedAt: new Date().toISOString(),
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

export const enrollProvider = (providerId: string, coachId: string): CoachlineCommand =>
  command({
    type: 'EnrollProvider',
    data: {
      providerId,
      communityId: 'community-bench',
      programYearId: 'py-bench',
      name: `Provider ${providerId}`,
      site: { siteId: 'site-1', name: 'Main Street', setting: 'center' },
      agesServed: ['toddler'],
      coachId,
      enrolledOn: '2025-09-01',
    },
    metadata: metadata(coachId),
  });

export const logSession = (providerId: string, coachId: string, heldOn: string): CoachlineCommand =>
  command({
    type: 'LogSession',
    data: { providerId, ...sessionBody(`s-${randomUUID()}`, coachId, heldOn) },
    metadata: metadata(coachId),
  });

/** Handles a command as the API does; a refusal is the benchmark's own mistake. */
export const handled = async (store: EventStore, issued: CoachlineCommand, streams: DecidedStreams): Promise<void> => {
  const outcome = await handleCommand(store, issued, { newEventId: mintEventId, decidedStreams: streams })();
  if (E.isLeft(outcome)) throw new Error(`${issued.type} refused: ${outcome.left.message}`);
};
