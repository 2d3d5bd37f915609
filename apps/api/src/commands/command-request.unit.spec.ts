import * as E from 'fp-ts/Either';
import { commandRoutes } from './command-routes';
import { decodeCommandRequest, CommandRequest } from './command-request';
import { readCommandHeaders } from './command-headers';

const route = commandRoutes.find((r) => r.type === 'LogSession')!;
const session = {
  sessionId: 's-1',
  coachId: 'c-1',
  heldOn: '2025-09-16',
  durationMinutes: 45,
  kind: 'observation',
  mode: 'virtual',
  agendaUsed: true,
  practices: [],
  strategies: [],
};
const request = (overrides: Partial<CommandRequest> = {}): CommandRequest => ({
  route,
  id: 'p-017',
  body: session,
  headers: {},
  actor: { id: 'c-1', role: 'coach' },
  correlationId: 'corr-1',
  issuedAt: '2026-01-15T12:00:00.000Z',
  newCommandId: () => 'generated-1',
  ...overrides,
});

describe('a command from a request', () => {
  it('takes its data from the body, its stream id from the path and its metadata from the actor, clock and headers', () => {
    const decoded = decodeCommandRequest(request({ headers: { 'idempotency-key': 'key-1', 'if-match': '"4"' } }));
    expect(decoded).toEqual(
      E.right({
        command: {
          type: 'LogSession',
          data: { ...session, providerId: 'p-017' },
          metadata: {
            actor: { id: 'c-1', role: 'coach' },
            issuedAt: '2026-01-15T12:00:00.000Z',
            commandId: 'key-1',
            correlationId: 'corr-1',
          },
        },
        expectedRevision: 4,
      }),
    );
  });

  it('makes up a command id when no Idempotency-Key is sent', () => {
    const decoded = decodeCommandRequest(request());
    expect(E.isRight(decoded) && decoded.right.command.metadata.commandId).toBe('generated-1');
  });

  it('names the request’s own parts in every error: body, path and headers', () => {
    const decoded = decodeCommandRequest(
      request({
        id: ' ',
        body: { ...session, providerId: 'p-018', durationMinutes: 0 },
        headers: { 'if-match': 'W/"x"' },
      }),
    );
    expect(E.isLeft(decoded) && decoded.left.errors.map((e) => e.path)).toEqual([
      'headers.if-match',
      'body.providerId',
      'params.id',
      'body.durationMinutes',
    ]);
  });

  it('names an id of the path outside the id grammar, whatever the body', () => {
    for (const body of [session, 'hello', null]) {
      const decoded = decodeCommandRequest(request({ id: '__proto__', body }));
      expect(E.isLeft(decoded) && decoded.left.errors.filter((e) => e.path === 'params.id')).toEqual([
        {
          path: 'params.id',
          message: expect.stringContaining('not a name such as __proto__ or constructor), got "__proto__"'),
        },
      ]);
    }
  });

  it('takes a field a body only inherits for a field it did not send', () => {
    const body = Object.assign(Object.create({ providerId: 'p-018' }) as object, session);
    expect(E.isRight(decodeCommandRequest(request({ body })))).toBe(true);
  });

  it('refuses a body that is not an object as a whole', () => {
    const decoded = decodeCommandRequest(request({ body: 'hello' }));
    expect(E.isLeft(decoded) && decoded.left.errors).toEqual([
      { path: 'body', message: 'expected an object, got "hello"' },
    ]);
  });
});

describe('the command headers', () => {
  it.each([
    ['3', 3],
    ['"3"', 3],
    ['W/"12"', 12],
  ])('reads If-Match %s as revision %d', (value, revision) => {
    expect(readCommandHeaders({ 'if-match': value })).toEqual({ headers: { expectedRevision: revision }, errors: [] });
  });

  it.each(['*', '-1', 'three', '"3', '1e3'])('refuses If-Match %s', (value) => {
    expect(readCommandHeaders({ 'if-match': value }).errors.map((e) => e.path)).toEqual(['headers.if-match']);
  });
});
