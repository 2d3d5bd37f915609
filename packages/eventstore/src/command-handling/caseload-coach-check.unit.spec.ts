import { CoachlineCommand, decodeCommand, ProgramGuide, rirYear1Guide } from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import { caseloadCoachCheck, GuideLookup } from './caseload-coach-check';
import { handleCommand } from './handle-command';
import { enrollProvider, newEventId } from './provider-commands.fixtures';

const command = (type: string, data: unknown): CoachlineCommand => {
  const decoded = decodeCommand({
    type,
    data,
    metadata: {
      actor: { id: 'sup-1', role: 'supervisor' },
      issuedAt: '2025-08-20T15:00:00.000Z',
      commandId: randomUUID(),
      correlationId: randomUUID(),
    },
  });
  if (E.isLeft(decoded)) throw new Error(`Invalid fixture: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

// An embedder's reading of the year's guide that asks for verified coaches.
const strictGuide: ProgramGuide = { ...rirYear1Guide, caseloadNeedsVerifiedCoach: true };
const guides: GuideLookup = (guideId) => (guideId === rirYear1Guide.guideId ? strictGuide : undefined);

const record = async (store: EventStore, ...commands: CoachlineCommand[]): Promise<void> => {
  for (const next of commands) {
    const outcome = await handleCommand(store, next, { newEventId })();
    if (E.isLeft(outcome)) throw new Error(`Setup refused: ${JSON.stringify(outcome.left)}`);
  }
};

const registerCoach = (coachId: string) =>
  command('RegisterCoach', { coachId, communityId: 'community-north', name: `Coach ${coachId}`, role: 'coach' });
const qualification = { coachId: 'c-03', qualificationId: 'q-1', credential: 'Pyramid Model Coach Certification' };

/** A community's 2025 year under the RiR guide, coach c-03 registered with a recorded qualification. */
const storeWithCoach = async (): Promise<EventStore> => {
  const store = new InMemoryEventStore();
  await record(
    store,
    command('RegisterCommunity', { communityId: 'community-north', name: 'North', kind: 'community' }),
    command('StartProgramYear', {
      communityId: 'community-north',
      programYearId: 'py-2025',
      guideId: rirYear1Guide.guideId,
      startsOn: '2025-07-01',
      endsOn: '2026-06-30',
    }),
    registerCoach('c-03'),
    command('RecordCoachQualification', qualification),
  );
  return store;
};

const verify = command('VerifyCoachQualification', { ...qualification, verifiedBy: 'sup-1', verifiedOn: '2025-08-15' });

const refusalCode = (result: E.Either<{ _tag: string; code?: string }, void>): string | undefined =>
  E.isLeft(result) ? (result.left.code ?? result.left._tag) : undefined;

describe('caseloadCoachCheck', () => {
  it('refuses an enrollment with an unverified coach under a guide that asks for verified coaches', async () => {
    const store = await storeWithCoach();
    const result = await caseloadCoachCheck(store, enrollProvider(), guides);
    expect(result).toMatchObject({ _tag: 'Left', left: { code: 'coach-not-verified' } });
  });

  it('lets the enrollment through once a supervisor has verified the coach', async () => {
    const store = await storeWithCoach();
    await record(store, verify);
    expect(refusalCode(await caseloadCoachCheck(store, enrollProvider(), guides))).toBeUndefined();
  });

  it('reads the provider’s year for a reassignment and refuses the unverified coach it names', async () => {
    const store = await storeWithCoach();
    await record(store, verify, enrollProvider(), registerCoach('c-04'));
    const reassign = command('ReassignProvider', {
      providerId: 'p-017',
      fromCoachId: 'c-03',
      toCoachId: 'c-04',
      on: '2025-10-01',
    });
    const result = await caseloadCoachCheck(store, reassign, guides);
    expect(result).toMatchObject({ left: { code: 'coach-not-verified', errors: [{ path: 'data.toCoachId' }] } });
  });

  it('lets any coach take a caseload under a guide that does not ask', async () => {
    const store = await storeWithCoach();
    expect(refusalCode(await caseloadCoachCheck(store, enrollProvider()))).toBeUndefined();
  });

  it('answers a store that fails as a system fault, never a refusal', async () => {
    const store = await storeWithCoach();
    const failing = Object.assign(Object.create(store) as EventStore, {
      readStream: () => {
        throw new Error('connection lost');
      },
    });
    expect(refusalCode(await caseloadCoachCheck(failing, enrollProvider(), guides))).toBe('SystemFault');
  });
});
