import type { EventToAppend, TypedPage } from '@coachline/eventstore';
import { describeOnEachEngine } from './testing';

/** An event recorded at `recordedAt`, as written (an instant in any form, or none at all). */
const eventAt = (n: number, type: string, recordedAt: string): EventToAppend => ({
  id: `e-${n}`,
  type,
  schemaVersion: 1,
  data: { n },
  metadata: { actor: { id: 'c-1', role: 'coach' }, recordedAt, commandId: `cmd-${n}`, correlationId: `cmd-${n}` },
});

const history: ReadonlyArray<readonly [string, string]> = [
  ['SessionLogged', '2025-09-01T10:00:00.000Z'],
  ['ObservationScheduled', '2025-09-01T12:00:00Z'],
  ['ObservationScheduled', '2025-09-01T12:00:00.000Z'],
  ['SessionLogged', '2025-09-01T13:00:00.000Z'],
  ['TrainingHeld', '2025-09-01T11:00:00.000Z'],
  // Later as text, earlier as an instant (10:30 UTC).
  ['TrainingHeld', '2025-09-01T12:30:00+02:00'],
  ['SessionVoided', '2025-09-01T09:00:00.000Z'],
  ['TrainingHeld', 'not an instant'],
  ['SessionLogged', '2025-09-02T08:00:00.000Z'],
];

const summary = (page: TypedPage) => ({
  positions: page.events.map((event) => event.position),
  upTo: page.upTo,
  latestPassedOver: page.latestPassedOver,
});

describeOnEachEngine('typed pages', (open) => {
  it('reads the events of the types asked for in spans up to a position, with the latest recorded of the others', async () => {
    const { store, dispose } = await open('typed-pages');
    try {
      for (const [n, [type, recordedAt]] of history.entries())
        await store.append(`provider-p-${n % 3}`, [eventAt(n, type, recordedAt)], 'any');
      const pages: TypedPage[] = [];
      for await (const page of store.readTypedPages({
        after: 0,
        upTo: 8,
        types: ['SessionLogged', 'SessionVoided'],
        batchSize: 3,
      }))
        pages.push(page);
      expect(pages.map(summary)).toEqual([
        // Two events at the latest instant: the first, as written.
        { positions: [1], upTo: 3, latestPassedOver: { recordedAt: '2025-09-01T12:00:00Z', position: 2 } },
        { positions: [4], upTo: 6, latestPassedOver: { recordedAt: '2025-09-01T11:00:00.000Z', position: 5 } },
        // Past the position asked for nothing is read; an event without an instant is passed over silently.
        { positions: [7], upTo: 8, latestPassedOver: undefined },
      ]);
      expect(pages[1]!.events[0]).toMatchObject({ type: 'SessionLogged', data: { n: 3 }, stream: 'provider-p-0' });
      expect(pages[1]!.events[0]!.integrity?.hash).toEqual(expect.any(String));
    } finally {
      await dispose();
    }
  });

  it('reads nothing past the position asked for, nor from a position at or past it', async () => {
    const { store, dispose } = await open('typed-pages-empty');
    try {
      await store.append('provider-p-0', [eventAt(0, 'SessionLogged', '2025-09-01T10:00:00.000Z')], 'any');
      const pages: TypedPage[] = [];
      for await (const page of store.readTypedPages({ after: 1, upTo: 1, types: ['SessionLogged'] })) pages.push(page);
      expect(pages).toEqual([]);
    } finally {
      await dispose();
    }
  });
});
