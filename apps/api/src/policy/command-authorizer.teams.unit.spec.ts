import { randomUUID } from 'node:crypto';
import { type Actor, type CoachlineCommand, decodeCommand, type DomainError, isId } from '@coachline/domain';
import { DecidedStreams, handleCommand, InMemoryEventStore } from '@coachline/eventstore';
import fc from 'fast-check';
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

const register = (teamId: string, coachId: string) =>
  command(
    'RegisterTeam',
    {
      teamId,
      communityId: 'community-north',
      level: 'school',
      name: 'Lincoln SLT',
      coachId,
      registeredOn: '2025-09-01',
      members: [{ memberId: 'm-1', role: 'Principal' }],
    },
    admin,
  );

const measure = (teamId: string, actor: Actor) =>
  command('RecordCoachingEffectiveness', { teamId, recordedOn: '2025-09-20', measure: 'DCA', percent: 50 }, actor);

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

const world = () => {
  const store = new InMemoryEventStore();
  const streams = new DecidedStreams();
  const authorizer = new CommandAuthorizer(new Ownership(store, streams));
  return (issued: CoachlineCommand) => sent(authorizer, store, streams, issued);
};

describe("a coach's reach over a team, judged on the team's stream", () => {
  it('lets the team’s coach record on it, and follows a new coach from the assignment on', async () => {
    const send = world();
    expect(await send(register('t-1', 'c-1'))).toBe('recorded');
    expect(await send(measure('t-1', coach('c-1')))).toBe('recorded');
    expect(
      await send(command('AssignTeamCoach', { teamId: 't-1', coachId: 'c-2', assignedOn: '2025-09-15' }, admin)),
    ).toBe('recorded');
    expect(await send(measure('t-1', coach('c-1')))).toMatchObject({ code: 'outside-caseload' });
    expect(await send(measure('t-1', coach('c-2')))).toBe('recorded');
  });

  it('refuses every other coach, on the team and on a team never registered, naming the team in the path', () =>
    fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/).filter((id) => id !== 'c-1' && isId(id)),
        fc.constantFrom('t-1', 't-9', 'T-1'),
        async (coachId, teamId) => {
          const send = world();
          expect(await send(register('t-1', 'c-1'))).toBe('recorded');
          const refusal = await send(measure(teamId, coach(coachId)));
          expect(refusal).toMatchObject({ kind: 'forbidden', errors: [{ path: 'params.id' }] });
        },
      ),
      { numRuns: 20 },
    ));
});
