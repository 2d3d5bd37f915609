import { randomUUID } from 'node:crypto';
import { CoachlineCommand, decodeCommand } from '@coachline/domain';
import * as E from 'fp-ts/Either';

/** Child data distinctive enough that a scan for it cannot match anything else. */
export const CHILD = { childRef: 'child-7f3a', childName: 'Zephyrine Quillfeather', childBirthDate: '2023-04-17' };
export const FOLLOW_UP_ACTION = 'Referred to the Marrowbrook speech clinic';

const command = (type: string, data: Record<string, unknown>, commandId = randomUUID()): CoachlineCommand => {
  const decoded = decodeCommand({
    type,
    data,
    metadata: {
      actor: { id: 'c-03', role: 'coach' },
      issuedAt: '2025-09-16T18:02:11.000Z',
      commandId,
      correlationId: commandId,
    },
  });
  if (E.isLeft(decoded)) throw new Error(`Invalid fixture: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

export const distribute = (screeningId = 'scr-1', child = CHILD) =>
  command('DistributeAsqSe2', {
    screeningId,
    providerId: 'p-017',
    ageIntervalMonths: 24,
    distributedOn: '2025-08-04',
    ...child,
  });
export const score = (screeningId = 'scr-1') =>
  command('ScoreAsqSe2', { screeningId, score: 35, zone: 'monitoring', scoredOn: '2025-08-18' });
export const followUp = (screeningId = 'scr-1', action = FOLLOW_UP_ACTION) =>
  command('RecordAsqSe2FollowUp', { screeningId, action, on: '2025-09-01' });
export const erase = (screeningId = 'scr-1', childRef = CHILD.childRef) =>
  command('EraseChildData', { screeningId, childRef, on: '2026-01-10' });
