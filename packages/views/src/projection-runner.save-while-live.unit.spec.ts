import { dosageProjection, DosageView, viewOf } from '@coachline/projections';
import { at } from '@coachline/projections/testing';
import { InMemoryProjectionCheckpoints, ProjectionCheckpoints, ProjectionRecord } from '@coachline/eventstore';
import { ProjectionRunner } from './projection-runner';
import { programHistory, sessionEvents } from './runner.fixtures';
import { appendable, storeHolding } from './testing';

/**
 * Checkpoints that write a record only once a gate opens, reading the states they were given at
 * that moment, as a database adapter does after its first await: whatever was folded into those
 * states meanwhile is written too.
 */
class GatedCheckpoints implements ProjectionCheckpoints {
  readonly kept = new InMemoryProjectionCheckpoints();
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  saveStarted: (() => void) | undefined;

  close(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open?.();
    this.gate = undefined;
  }
  load(name: string) {
    return this.kept.load(name);
  }
  list() {
    return this.kept.list();
  }
  async save(record: ProjectionRecord): Promise<void> {
    this.saveStarted?.();
    if (this.gate) await this.gate;
    await this.kept.save(record);
  }
}

const LATE_SESSION = 's-late';

const withLateSession = programHistory((history) =>
  sessionEvents(
    6,
    0,
  )(history).add(
    'SessionLogged',
    {
      providerId: 'p-0',
      sessionId: LATE_SESSION,
      coachId: 'c-03',
      heldOn: '2025-11-20',
      durationMinutes: 45,
      kind: 'coaching-conversation',
      mode: 'in-person',
      agendaUsed: true,
      practices: ['schedules-routines'],
      strategies: ['modeling'],
    },
    at('2025-11-20'),
  ),
);
const history = withLateSession.slice(0, -1);
const lateSession = withLateSession.at(-1)!;

const savedSessionIds = async (checkpoints: ProjectionCheckpoints): Promise<{ position: number; ids: string[] }> => {
  const [record] = (await checkpoints.list()).filter((r) => r.name === 'dosage');
  const text = JSON.stringify(record!.state);
  return { position: record!.position, ids: [...text.matchAll(/"(s-[\w-]+)"/g)].map((m) => m[1]!) };
};

describe('a save under way while the runner follows the store live', () => {
  it('holds back events that arrive during it, so a view is never written under a position before its events', async () => {
    const store = await storeHolding(history);
    const checkpoints = new GatedCheckpoints();
    // A still clock: no save falls due on time, only the one that ends the catch-up.
    const runner = new ProjectionRunner({ store, checkpoints, projections: [dosageProjection], now: () => 0 });

    checkpoints.close();
    const saving = new Promise<void>((resolve) => (checkpoints.saveStarted = resolve));
    const started = runner.start();
    await saving;
    checkpoints.saveStarted = undefined;
    await store.append(lateSession.stream, [appendable(lateSession)], 'any');
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    checkpoints.release();
    await started;

    const first = await savedSessionIds(checkpoints.kept);
    expect(first.position).toBe(history.length);
    expect(first.ids).not.toContain(LATE_SESSION);

    await runner.stop();
    const second = await savedSessionIds(checkpoints.kept);
    expect(second.position).toBe(history.length + 1);
    expect(second.ids).toContain(LATE_SESSION);

    const resumed = new ProjectionRunner({ store, checkpoints: checkpoints.kept, projections: [dosageProjection] });
    await resumed.start();
    await resumed.stop();
    expect(resumed.view<DosageView>('dosage', {})).toEqual(viewOf(dosageProjection, withLateSession, {}));
  });
});
