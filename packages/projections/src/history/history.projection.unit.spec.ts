import { RecordedEvent } from '@coachline/domain';
import { foldHistory, viewOf } from '../fold';
import { at, enrollment } from '../testing';
import { kentProgram, sessionData } from '../testing/fixtures';
import { historyProjection } from './history.projection';
import { HistoryState, HistoryView } from './history.view';

const history = () => {
  const events = kentProgram()
    .add('ProviderEnrolled', enrollment('p-017', '2025-09-02'), at('2025-09-02'))
    .add('SessionLogged', sessionData('p-017', 's-1', '2025-09-04', 60), at('2025-09-04'), {
      id: 'c-03',
      role: 'coach',
    })
    .add('ProviderEnrolled', enrollment('p-018', '2025-09-03'), at('2025-09-03'))
    .add('SessionVoided', { providerId: 'p-017', sessionId: 's-1', reason: 'Logged twice.' }, at('2025-09-05'), {
      id: 'sup-1',
      role: 'supervisor',
    })
    .events();
  // The void answers the log: it carries the log's command as its cause.
  return events.map((event): RecordedEvent =>
    event.type === 'SessionVoided' ? { ...event, metadata: { ...event.metadata, causationId: 'cmd-5' } } : event,
  );
};

const view = (
  events: ReadonlyArray<RecordedEvent>,
  query: { asOf?: string; stream?: string } = {},
  stream?: string,
): HistoryView => viewOf<HistoryView>(historyProjection(stream), events, query);

describe('the history view', () => {
  it('lists every event of a stream in order, with all its metadata and its data', () => {
    const events = history();
    expect(view(events, { stream: 'provider-p-017' })).toEqual({
      asOf: '2025-09-05T12:00:00.000Z',
      stream: 'provider-p-017',
      events: [
        {
          id: 'e-4',
          stream: 'provider-p-017',
          type: 'ProviderEnrolled',
          schemaVersion: 1,
          position: 4,
          revision: 0,
          recordedAt: '2025-09-02T12:00:00.000Z',
          actor: { id: 'c-03', role: 'coach' },
          commandId: 'cmd-4',
          correlationId: 'corr-4',
          causationId: null,
          data: enrollment('p-017', '2025-09-02'),
        },
        expect.objectContaining({
          id: 'e-5',
          type: 'SessionLogged',
          revision: 1,
          data: sessionData('p-017', 's-1', '2025-09-04', 60),
        }),
        expect.objectContaining({
          id: 'e-7',
          type: 'SessionVoided',
          revision: 2,
          actor: { id: 'sup-1', role: 'supervisor' },
          causationId: 'cmd-5',
        }),
      ],
    });
  });

  it('lists every event of every stream when no stream is named', () => {
    const all = view(history());
    expect(all.stream).toBeNull();
    expect(all.events.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('shows the history as it was known at the as-of moment', () =>
    expect(view(history(), { asOf: at('2025-09-03'), stream: 'provider-p-017' }).events.map((e) => e.type)).toEqual([
      'ProviderEnrolled',
    ]));

  it('keeps only the events of its stream when made for one, under a name of its own', () => {
    const projection = historyProjection('provider-p-018');
    const folded = foldHistory<HistoryState>(projection, history());
    expect(folded.state.events.map((e) => e.id)).toEqual(['e-6']);
    expect(projection.name).toBe('history:provider-p-018');
    expect(historyProjection().name).toBe('history');
    expect(view(history(), {}, 'provider-p-018').events.map((e) => e.stream)).toEqual(['provider-p-018']);
  });

  it('produces a view its codec accepts and one row per event, its data as JSON', () => {
    const result = view(history(), { stream: 'provider-p-017' });
    expect(historyProjection().viewCodec.is(result)).toBe(true);
    const table = historyProjection().table(result);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[2]).toEqual([
      7,
      '2025-09-05T12:00:00.000Z',
      'provider-p-017',
      2,
      'SessionVoided',
      1,
      'e-7',
      'sup-1',
      'supervisor',
      'cmd-7',
      'corr-7',
      'cmd-5',
      JSON.stringify({ providerId: 'p-017', sessionId: 's-1', reason: 'Logged twice.' }),
    ]);
  });
});
