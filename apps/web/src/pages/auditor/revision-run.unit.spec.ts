import { revisionRun } from './revision-run';
import type { HistoryEntry } from './stream-history';

const event = (id: string, revision: number | null, position: number | null): HistoryEntry => ({
  id,
  stream: 'provider-p-1',
  type: 'SessionLogged',
  schemaVersion: 1,
  position,
  revision,
  recordedAt: '2025-09-16T10:00:00.000Z',
  actor: { id: 'c-1', role: 'coach' },
  commandId: `cmd-${id}`,
  correlationId: `cmd-${id}`,
  causationId: null,
  data: {},
});

describe('a stream’s revisions as the history states them', () => {
  it('runs from 0 without a gap while positions rise', () => {
    expect(revisionRun([event('e-1', 0, 3), event('e-2', 1, 9), event('e-3', 2, 10)])).toEqual({
      events: 3,
      firstBreak: null,
    });
  });

  it('names the first event after a missing revision', () => {
    expect(revisionRun([event('e-1', 0, 3), event('e-3', 2, 10)]).firstBreak).toEqual({
      eventId: 'e-3',
      expected: 1,
      found: 2,
    });
  });

  it('names an event whose position falls behind the one before it', () => {
    expect(revisionRun([event('e-1', 0, 12), event('e-2', 1, 4)]).firstBreak).toEqual({
      eventId: 'e-2',
      expected: 1,
      found: 1,
    });
  });

  it('finds nothing to say of an empty stream', () => {
    expect(revisionRun([])).toEqual({ events: 0, firstBreak: null });
  });
});
