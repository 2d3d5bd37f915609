import { CoachingSystemComponent, CoachlineCommand, decodeCommand } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { coachingSystemReviewCheck } from './coaching-system-review-check';
import { handleCommand } from './handle-command';
import { newEventId } from './provider-commands.fixtures';

const command = (type: string, data: unknown): CoachlineCommand => {
  const decoded = decodeCommand({
    type,
    data,
    metadata: {
      actor: { id: 'sup-1', role: 'supervisor' },
      issuedAt: '2025-10-20T15:00:00.000Z',
      commandId: randomUUID(),
      correlationId: randomUUID(),
    },
  });
  if (E.isLeft(decoded)) throw new Error(`Invalid fixture: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

const record = async (store: EventStore, ...commands: CoachlineCommand[]): Promise<void> => {
  for (const next of commands) {
    const outcome = await handleCommand(store, next, { newEventId })();
    if (E.isLeft(outcome)) throw new Error(`Setup refused: ${JSON.stringify(outcome.left)}`);
  }
};

const review = (reviewedOn = '2025-10-21') =>
  command('ReviewCoachingSystem', { coachId: 'c-03', communityId: 'lansing', reviewedOn });
const approve = command('ApproveCoachingSystem', {
  communityId: 'lansing',
  approvedBy: 'superintendent',
  approvedOn: '2025-10-15',
});

/** Lansing registered with all seven components of its coaching system drafted, not yet approved. */
const storeWithDraft = async (): Promise<EventStore> => {
  const store = new InMemoryEventStore();
  await record(
    store,
    command('RegisterCommunity', { communityId: 'lansing', name: 'Lansing', kind: 'county' }),
    ...CoachingSystemComponent.values.map((component) =>
      command('DefineCoachingSystemComponent', { communityId: 'lansing', component, text: `Our ${component}.` }),
    ),
  );
  return store;
};

const refusalCode = (result: E.Either<{ _tag: string; code?: string }, void>): string | undefined =>
  E.isLeft(result) ? (result.left.code ?? result.left._tag) : undefined;

describe('coachingSystemReviewCheck', () => {
  it('refuses a review of a system still being drafted, naming the community', async () => {
    const store = await storeWithDraft();
    expect(await coachingSystemReviewCheck(store, review())).toMatchObject({
      left: { code: 'coaching-system-not-approved', errors: [{ path: 'data.communityId' }] },
    });
  });

  it('lets the review through once executive leadership has approved the system', async () => {
    const store = await storeWithDraft();
    await record(store, approve);
    expect(refusalCode(await coachingSystemReviewCheck(store, review()))).toBeUndefined();
  });

  it('refuses a review dated before the approval', async () => {
    const store = await storeWithDraft();
    await record(store, approve);
    expect(refusalCode(await coachingSystemReviewCheck(store, review('2025-10-01')))).toBe('reviewed-before-approval');
  });

  it('refuses a review of a community never registered', async () => {
    const store = new InMemoryEventStore();
    expect(refusalCode(await coachingSystemReviewCheck(store, review()))).toBe('community-not-registered');
  });

  it('lets other commands through without reading the store', async () => {
    const store = Object.assign(Object.create(new InMemoryEventStore()) as EventStore, {
      readStream: () => {
        throw new Error('read');
      },
    });
    const other = command('RegisterCoach', { coachId: 'c-03', communityId: 'lansing', name: 'Dana', role: 'coach' });
    expect(refusalCode(await coachingSystemReviewCheck(store, other))).toBeUndefined();
  });

  it('answers a store that fails as a system fault, never a refusal', async () => {
    const store = await storeWithDraft();
    const failing = Object.assign(Object.create(store) as EventStore, {
      readStream: () => {
        throw new Error('connection lost');
      },
    });
    expect(refusalCode(await coachingSystemReviewCheck(failing, review()))).toBe('SystemFault');
  });
});
