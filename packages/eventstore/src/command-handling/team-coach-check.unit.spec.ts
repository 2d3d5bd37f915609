import {
  CoachingSystemComponent,
  CoachlineCommand,
  decodeCommand,
  ProgramGuide,
  rirYear1Guide,
} from '@coachline/domain';
import * as E from 'fp-ts/Either';
import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store';
import type { GuideLookup } from './caseload-coach-check';
import { handleCommand } from './handle-command';
import { newEventId } from './provider-commands.fixtures';
import { teamCoachCheck } from './team-coach-check';

const command = (type: string, data: unknown): CoachlineCommand => {
  const decoded = decodeCommand({
    type,
    data,
    metadata: {
      actor: { id: 'sup-1', role: 'supervisor' },
      issuedAt: '2025-09-20T15:00:00.000Z',
      commandId: randomUUID(),
      correlationId: randomUUID(),
    },
  });
  if (E.isLeft(decoded)) throw new Error(`Invalid fixture: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

// An embedder's reading of the RiR guide that chooses team coaches under an approved coaching system; STARS does not ask.
const strictGuide: ProgramGuide = { ...rirYear1Guide, teamCoachNeedsApprovedSystem: true };
const guides: GuideLookup = (guideId) =>
  guideId === rirYear1Guide.guideId ? strictGuide : guideId === 'stars-pbc' ? { ...rirYear1Guide, guideId } : undefined;

const record = async (store: EventStore, ...commands: CoachlineCommand[]): Promise<void> => {
  for (const next of commands) {
    const outcome = await handleCommand(store, next, { newEventId })();
    if (E.isLeft(outcome)) throw new Error(`Setup refused: ${JSON.stringify(outcome.left)}`);
  }
};

const startYear = (programYearId: string, guideId: string, startsOn: string, endsOn: string) =>
  command('StartProgramYear', { communityId: 'community-north', programYearId, guideId, startsOn, endsOn });

/** A community whose 2024 year ran under a guide that does not ask and whose 2025 year runs under one that does. */
const storeWithYears = async (): Promise<EventStore> => {
  const store = new InMemoryEventStore();
  await record(
    store,
    command('RegisterCommunity', { communityId: 'community-north', name: 'North', kind: 'community' }),
    startYear('py-2024', 'stars-pbc', '2024-07-01', '2025-06-30'),
    startYear('py-2025', rirYear1Guide.guideId, '2025-07-01', '2026-06-30'),
  );
  return store;
};

const registerTeam = (registeredOn: string) =>
  command('RegisterTeam', {
    teamId: 'dit-north',
    communityId: 'community-north',
    level: 'district',
    name: 'North DIT',
    coachId: 'c-03',
    registeredOn,
    members: [{ memberId: 'm-1', role: 'Director' }],
  });
const assignCoach = command('AssignTeamCoach', { teamId: 'dit-north', coachId: 'c-07', assignedOn: '2025-09-01' });

const refusalOf = async (store: EventStore, next: CoachlineCommand) => {
  const checked = await teamCoachCheck(store, next, guides);
  return E.isLeft(checked) ? checked.left : undefined;
};

describe('teamCoachCheck', () => {
  it('refuses a team’s coach under a guide that asks for an approved system, when it is not approved', async () => {
    const refusal = await refusalOf(await storeWithYears(), registerTeam('2025-08-01'));
    expect(refusal).toMatchObject({
      code: 'coaching-system-not-approved',
      errors: [expect.objectContaining({ path: 'data.coachId' })],
    });
  });
  it('lets the coach through once the coaching system is approved', async () => {
    const store = await storeWithYears();
    await record(
      store,
      ...CoachingSystemComponent.values.map((component) =>
        command('DefineCoachingSystemComponent', {
          communityId: 'community-north',
          component,
          text: `The district's ${component}.`,
          definedOn: '2025-07-10',
        }),
      ),
      command('ApproveCoachingSystem', {
        communityId: 'community-north',
        approvedBy: 'dir-1',
        approvedOn: '2025-07-15',
      }),
    );
    expect(await refusalOf(store, registerTeam('2025-08-01'))).toBeUndefined();
  });
  it('reads the guide of the year in force on the day, not the newest year', async () => {
    expect(await refusalOf(await storeWithYears(), registerTeam('2025-03-01'))).toBeUndefined();
  });
  it('lets a day before any program year through', async () => {
    expect(await refusalOf(await storeWithYears(), registerTeam('2024-01-01'))).toBeUndefined();
  });
  it('finds an assigned coach’s community through the team’s registration', async () => {
    const store = await storeWithYears();
    await record(store, registerTeam('2025-05-01'));
    expect(await refusalOf(store, assignCoach)).toMatchObject({ code: 'coaching-system-not-approved' });
  });
  it('leaves an assignment to a team never registered to the team’s decider', async () => {
    expect(await refusalOf(await storeWithYears(), assignCoach)).toBeUndefined();
  });
  it('lets other commands through without reading', async () => {
    const store = new InMemoryEventStore();
    const read = jest.spyOn(store, 'readStream');
    const checked = await teamCoachCheck(
      store,
      command('RecordCoachingEffectiveness', {
        teamId: 'dit-north',
        recordedOn: '2025-09-01',
        measure: 'DCA',
        percent: 60,
      }),
      guides,
    );
    expect(E.isRight(checked)).toBe(true);
    expect(read).not.toHaveBeenCalled();
  });
});
