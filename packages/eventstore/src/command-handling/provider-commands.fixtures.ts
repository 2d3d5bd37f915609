import { CoachlineCommand, decodeCommand } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';

/** Decodes a fixture through the domain's own codecs, so a fixture that drifts from them fails loudly. */
const command = (input: unknown): CoachlineCommand => {
  const decoded = decodeCommand(input);
  if (E.isLeft(decoded)) throw new Error(`Invalid fixture: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

const metadata = (commandId: string = randomUUID()) => ({
  actor: { id: 'c-03', role: 'coach' },
  issuedAt: '2025-09-16T18:02:11.000Z',
  commandId,
  correlationId: randomUUID(),
});

export const enrollProvider = (providerId = 'p-017', commandId?: string): CoachlineCommand =>
  command({
    type: 'EnrollProvider',
    data: {
      providerId,
      communityId: 'community-north',
      programYearId: 'py-2025',
      name: 'Little Sprouts Learning Center',
      site: { siteId: 'site-1', name: 'Little Sprouts, Main Street', setting: 'center' },
      agesServed: ['toddler', 'preschool'],
      coachId: 'c-03',
      enrolledOn: '2025-09-01',
    },
    metadata: metadata(commandId),
  });

export const logSession = (sessionId: string, providerId = 'p-017', commandId?: string): CoachlineCommand =>
  command({
    type: 'LogSession',
    data: {
      providerId,
      sessionId,
      coachId: 'c-03',
      heldOn: '2025-09-16',
      durationMinutes: 45,
      kind: 'coaching-conversation',
      mode: 'in-person',
      agendaUsed: true,
      practices: ['schedules-routines'],
      strategies: ['modeling'],
    },
    metadata: metadata(commandId),
  });

export const voidSession = (sessionId: string, providerId = 'p-017'): CoachlineCommand =>
  command({
    type: 'VoidSession',
    data: { providerId, sessionId, reason: 'Logged against the wrong provider.' },
    metadata: metadata(),
  });

export const completeBenchmarksOfQuality = (commandId: string, providerId = 'p-017'): CoachlineCommand =>
  command({
    type: 'CompleteBenchmarksOfQuality',
    data: {
      providerId,
      boqId: 'boq-1',
      form: 'BOQ',
      completedOn: '2025-09-10',
      ratings: { 'family-engagement': 2 },
      formVersion: '2024',
    },
    metadata: metadata(commandId),
  });

export const newEventId = (): string => randomUUID();
