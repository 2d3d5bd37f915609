import * as E from 'fp-ts/Either';
import { CoachlineCommand, CoachlineEvent, decodeCommand, ProviderCommand, ProviderEvent } from '../index';
import { command } from '../testing';

// These expectations are checked by the compiler (`npm run typecheck`): each `@ts-expect-error`
// line must fail to type-check, or tsc fails. The tests below run the lines that do compile.

type DataOf<Union extends { type: string; data: unknown }, Type extends Union['type']> = Extract<
  Union,
  { type: Type }
>['data'];

const logged: DataOf<ProviderEvent, 'SessionLogged'> = {
  providerId: 'p-017',
  sessionId: 's-0410',
  coachId: 'c-03',
  heldOn: '2025-09-04',
  durationMinutes: 60,
  kind: 'coaching-conversation',
  mode: 'in-person',
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
};
const voided: DataOf<ProviderEvent, 'SessionVoided'> = { providerId: 'p-017', sessionId: 's-0410', reason: 'Twice.' };
const metadata = {
  actor: { id: 'c-03', role: 'coach' as const },
  issuedAt: '2025-09-04T18:00:00.000Z',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
};

// A command's type fixes its data: another command's data does not make it that command.
const voidSession: ProviderCommand = { type: 'VoidSession', data: voided, metadata };
// @ts-expect-error LogSession carries a whole session, not the reason it was voided.
const logSessionWithVoidData: ProviderCommand = { type: 'LogSession', data: voided, metadata };
// @ts-expect-error the catalogue's union keeps each command's data with its own type.
const voidSessionWithSessionData: CoachlineCommand = { type: 'VoidSession', data: logged, metadata };
// @ts-expect-error the test helper holds to the same rule as a literal.
const builtWithVoidData = command<ProviderCommand>('LogSession', voided);
// @ts-expect-error a type no command has.
const unknownCommand: ProviderCommand = { type: 'DeleteSession', data: voided, metadata };
const logSession = command<ProviderCommand>('LogSession', logged);

// An event's type fixes its data, and narrowing on the type gives that data's fields only.
const sessionVoided: ProviderEvent = { type: 'SessionVoided', data: voided };
// @ts-expect-error a voided session's event holds the void, not the session.
const voidedWithSessionData: ProviderEvent = { type: 'SessionVoided', data: logged };
// @ts-expect-error the catalogue's union of events does the same.
const loggedWithVoidData: CoachlineEvent = { type: 'SessionLogged', data: voided };
const minutesOf = (event: CoachlineEvent): number | undefined => {
  if (event.type === 'SessionLogged') return event.data.durationMinutes;
  // @ts-expect-error only SessionLogged's data has minutes; the narrowed SessionVoided has none.
  if (event.type === 'SessionVoided') return event.data.durationMinutes;
  return undefined;
};

const refusedByTheCompiler = [
  logSessionWithVoidData,
  voidSessionWithSessionData,
  builtWithVoidData,
  unknownCommand,
  voidedWithSessionData,
  loggedWithVoidData,
];

describe('the types of commands and events', () => {
  it('decodes the commands it lets through as the commands they claim to be', () => {
    expect(E.map((c: CoachlineCommand) => c.type)(decodeCommand(voidSession))).toEqual(E.right('VoidSession'));
    expect(E.map((c: CoachlineCommand) => c.type)(decodeCommand(logSession))).toEqual(E.right('LogSession'));
  });

  it('refuses at run time, too, what the compiler refuses', () => {
    const commands = [logSessionWithVoidData, voidSessionWithSessionData, builtWithVoidData, unknownCommand];
    for (const refused of commands) expect(E.isLeft(decodeCommand(refused))).toBe(true);
    expect(refusedByTheCompiler).toHaveLength(6);
  });

  it('reads minutes from logged sessions only', () => {
    expect(minutesOf({ type: 'SessionLogged', data: logged })).toBe(60);
    expect(minutesOf(sessionVoided)).toBeUndefined();
  });
});
