import { randomUUID } from 'node:crypto';
import { type Actor, type CoachlineCommand, decodeCommand, type DomainError } from '@coachline/domain';
import { DecidedStreams, handleCommand, InMemoryEventStore } from '@coachline/eventstore';
import * as E from 'fp-ts/Either';
import { CommandAuthorizer } from './command-authorizer';
import { Ownership } from './ownership';

const command = (type: string, data: Record<string, unknown>, actor: Actor): CoachlineCommand => {
  const decoded = decodeCommand({
    type,
    data,
    metadata: { actor, issuedAt: '2025-10-01T12:00:00.000Z', commandId: randomUUID(), correlationId: randomUUID() },
  });
  if (E.isLeft(decoded)) throw new Error(`Invalid fixture: ${JSON.stringify(decoded.left)}`);
  return decoded.right;
};

const admin: Actor = { id: 'admin-1', role: 'admin' };
const coach = (id: string): Actor => ({ id, role: 'coach' });

const enroll = (providerId: string, coachId: string) =>
  command(
    'EnrollProvider',
    {
      providerId,
      communityId: 'community-north',
      programYearId: 'py-2025',
      name: 'Little Sprouts Learning Center',
      site: { siteId: 'site-1', name: 'Little Sprouts, Main Street', setting: 'center' },
      agesServed: ['toddler', 'preschool'],
      coachId,
      enrolledOn: '2025-09-01',
    },
    admin,
  );

const logSession = (providerId: string, coachId: string) =>
  command(
    'LogSession',
    {
      providerId,
      sessionId: `s-${randomUUID()}`,
      coachId,
      heldOn: '2025-09-16',
      durationMinutes: 45,
      kind: 'coaching-conversation',
      mode: 'in-person',
      agendaUsed: true,
      practices: ['schedules-routines'],
      strategies: ['modeling'],
    },
    coach(coachId),
  );

const draftAgreement = (agreementId: string, providerId: string, coachId: string) =>
  command(
    'DraftAgreement',
    {
      agreementId,
      providerId,
      coachId,
      practices: ['schedules-routines'],
      visitMode: 'in-person',
      estimatedCycles: 6,
      cadence: 'every-two-weeks',
    },
    coach(coachId),
  );

/** A command sent as the API sends it: the reach checked first, then handled on the kept streams. */
const sent = async (
  authorizer: CommandAuthorizer,
  store: InMemoryEventStore,
  streams: DecidedStreams,
  issued: CoachlineCommand,
): Promise<DomainError | 'recorded'> => {
  const actor = issued.metadata.actor;
  const reach = await authorizer.check(actor, actor.role === 'admin' ? 'all' : 'caseload', issued);
  if (reach.refusal) return reach.refusal;
  const outcome = await handleCommand(store, issued, {
    newEventId: () => randomUUID(),
    decidedStreams: streams,
    ...(reach.onStream ? { policyRefusal: reach.onStream } : {}),
  })();
  if (E.isRight(outcome)) return 'recorded';
  if (outcome.left._tag === 'SystemFault') throw outcome.left.cause;
  return outcome.left;
};

describe("a coach's reach over a provider, judged on the provider's kept stream", () => {
  it('follows a reassignment another process wrote to the store', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    const authorizer = new CommandAuthorizer(new Ownership(store, streams));
    const send = (issued: CoachlineCommand) => sent(authorizer, store, streams, issued);
    expect(await send(enroll('p-1', 'c-1'))).toBe('recorded');
    expect(await send(logSession('p-1', 'c-1'))).toBe('recorded');

    // Another API process on the same store, with streams kept of its own.
    const elsewhere = await handleCommand(
      store,
      command('ReassignProvider', { providerId: 'p-1', fromCoachId: 'c-1', toCoachId: 'c-2', on: '2025-09-20' }, admin),
      { newEventId: () => randomUUID(), decidedStreams: new DecidedStreams() },
    )();
    expect(E.isRight(elsewhere)).toBe(true);

    expect(await send(logSession('p-1', 'c-1'))).toMatchObject({ kind: 'forbidden', code: 'outside-caseload' });
    expect(await send(draftAgreement('ag-1', 'p-1', 'c-1'))).toMatchObject({ code: 'outside-caseload' });
    expect(await send(logSession('p-1', 'c-2'))).toBe('recorded');
    expect(await send(draftAgreement('ag-2', 'p-1', 'c-2'))).toBe('recorded');
  });

  it('refuses a provider never enrolled, and a provider on another caseload, writing nothing', async () => {
    const store = new InMemoryEventStore();
    const streams = new DecidedStreams();
    const authorizer = new CommandAuthorizer(new Ownership(store, streams));
    const send = (issued: CoachlineCommand) => sent(authorizer, store, streams, issued);
    expect(await send(enroll('p-2', 'c-2'))).toBe('recorded');

    expect(await send(logSession('p-9', 'c-1'))).toMatchObject({ code: 'outside-caseload' });
    expect(await send(logSession('p-2', 'c-1'))).toMatchObject({ code: 'outside-caseload' });
    expect(await store.headPosition()).toBe(1);
  });
});
