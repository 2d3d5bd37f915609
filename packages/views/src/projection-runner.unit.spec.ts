import fc from 'fast-check';
import {
  AnyProjection,
  cyclesProjection,
  CyclesView,
  dosageProjection,
  DosageView,
  viewOf,
} from '@coachline/projections';
import { at, historyBuilder, prototypeSnapshot } from '@coachline/projections/testing';
import { InMemoryProjectionCheckpoints, ProjectionCheckpoints, ProjectionRecord } from '@coachline/eventstore';
import { ProjectionRunner } from './projection-runner';
import { programHistory, sessionEvents } from './runner.fixtures';
import { appendable, storeHolding } from './testing';

/** Checkpoints that stop keeping anything after a number of saves: what a process killed then leaves behind. */
class CrashingCheckpoints implements ProjectionCheckpoints {
  readonly survivor = new InMemoryProjectionCheckpoints();
  private saves = 0;
  constructor(private readonly crashAfterSaves: number) {}
  load(name: string) {
    return this.survivor.load(name);
  }
  list() {
    return this.survivor.list();
  }
  async save(record: ProjectionRecord): Promise<void> {
    if (++this.saves <= this.crashAfterSaves) await this.survivor.save(record);
  }
}

const throwingOn = (type: string): AnyProjection => ({
  name: 'fragile',
  version: 1,
  eventTypes: [type],
  init: () => ({ seen: 0 }),
  apply: () => {
    throw new Error(`cannot fold ${type}`);
  },
  view: (state) => state,
  viewCodec: dosageProjection.viewCodec,
  table: () => ({ header: [], rows: [] }),
});

describe('the projection runner', () => {
  it('builds the same dosage view as folding the history at once', async () => {
    const history = programHistory(sessionEvents(40, 3));
    const store = await storeHolding(history);
    const runner = new ProjectionRunner({
      store,
      checkpoints: new InMemoryProjectionCheckpoints(),
      projections: [dosageProjection],
    });
    await runner.start();
    await runner.stop();
    expect(runner.view<DosageView>('dosage', {})).toEqual(viewOf(dosageProjection, history, {}));
  });

  it('renders a kept view on a later moment as the fold of the same history would, and an earlier one at its newest event', async () => {
    const history = programHistory(sessionEvents(40, 3));
    const store = await storeHolding(history);
    const runner = new ProjectionRunner({
      store,
      checkpoints: new InMemoryProjectionCheckpoints(),
      projections: [dosageProjection],
    });
    await runner.start();
    await runner.stop();
    const newest = runner.latestRecordedAtOf('dosage')!;
    expect(newest).toBe(history.at(-1)!.metadata.recordedAt);
    const later = new Date(Date.parse(newest) + 90 * 86_400_000).toISOString();
    const atLater = runner.view<DosageView>('dosage', {}, later);
    expect(atLater.asOf).toBe(later);
    expect(atLater).toEqual(viewOf(dosageProjection, history, { asOf: later }));
    const earlier = new Date(Date.parse(newest) - 86_400_000).toISOString();
    expect(runner.view<DosageView>('dosage', {}, earlier)).toEqual(runner.view<DosageView>('dosage', {}));
  });

  it('resumes after a crash at any point without counting an event twice or skipping one', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 25 }),
        async (sessions, crashAfterSaves, saveEvery) => {
          const history = programHistory(sessionEvents(sessions, sessions % 7));
          const store = await storeHolding(history);
          const checkpoints = new CrashingCheckpoints(crashAfterSaves);
          const first = new ProjectionRunner({
            store,
            checkpoints,
            projections: [dosageProjection],
            saveEvery: { events: saveEvery, ms: Number.MAX_SAFE_INTEGER },
          });
          await first.start();
          await first.stop();
          const second = new ProjectionRunner({
            store,
            checkpoints: checkpoints.survivor,
            projections: [dosageProjection],
          });
          await second.start();
          await second.stop();
          expect(second.view<DosageView>('dosage', {})).toEqual(viewOf(dosageProjection, history, {}));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('parks a projection that throws, with the event and the error, and keeps the others going', async () => {
    const history = programHistory(sessionEvents(5, 0));
    const store = await storeHolding(history);
    const parked: string[] = [];
    const runner = new ProjectionRunner({
      store,
      checkpoints: new InMemoryProjectionCheckpoints(),
      projections: [throwingOn('SessionLogged'), dosageProjection],
      onParked: (name, at) => parked.push(`${name}@${at.position}:${at.eventType}`),
    });
    await runner.start();
    const status = await runner.status();
    const firstSession = history.find((e) => e.type === 'SessionLogged')!;
    expect(parked).toEqual([`fragile@${firstSession.position}:SessionLogged`]);
    expect(status.find((s) => s.name === 'fragile')).toMatchObject({
      position: firstSession.position! - 1,
      parked: { eventId: firstSession.id, error: 'cannot fold SessionLogged' },
    });
    expect(status.find((s) => s.name === 'dosage')).toMatchObject({ position: history.length, lag: 0 });
    await runner.stop();
  });

  it('rebuilds a projection from the start when its version changes', async () => {
    const history = programHistory(sessionEvents(6, 0));
    const store = await storeHolding(history);
    const checkpoints = new InMemoryProjectionCheckpoints();
    await checkpoints.save({ name: 'dosage', version: 0, position: history.length, state: { view: { stale: true } } });
    const progress: number[] = [];
    const runner = new ProjectionRunner({
      store,
      checkpoints,
      projections: [dosageProjection],
      onProgress: (p) => progress.push(p.position),
    });
    await runner.start();
    await runner.stop();
    expect(runner.view<DosageView>('dosage', {})).toEqual(viewOf(dosageProjection, history, {}));
    expect(await checkpoints.load('dosage')).toMatchObject({
      version: dosageProjection.version,
      position: history.length,
    });
    expect(progress.at(-1)).toBe(history.length);
  });

  it('follows the store live after catching up', async () => {
    const history = programHistory(sessionEvents(3, 0));
    const store = await storeHolding(history.slice(0, -2));
    const runner = new ProjectionRunner({
      store,
      checkpoints: new InMemoryProjectionCheckpoints(),
      projections: [dosageProjection],
    });
    await runner.start();
    for (const event of history.slice(-2)) await store.append(event.stream, [appendable(event)], 'any');
    for (let i = 0; i < 50 && runner.positionOf('dosage') < history.length; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(runner.view<DosageView>('dosage', {})).toEqual(viewOf(dosageProjection, history, {}));
    await runner.stop();
  });
  it('resumes a stored view keyed by ids that are names Object.prototype carries, as it was folded', async () => {
    const untouched = prototypeSnapshot();
    const drafted = {
      providerId: 'constructor',
      coachId: 'toString',
      practices: ['transitions'],
      visitMode: 'virtual' as const,
      estimatedCycles: 2,
      cadence: 'every-two-weeks' as const,
    };
    const history = historyBuilder()
      .add('AgreementDrafted', { agreementId: '__proto__', ...drafted }, at('2025-10-01'))
      .add(
        'AgreementSigned',
        { agreementId: '__proto__', party: 'coach', signedBy: 'toString', signedOn: '2025-10-01' },
        at('2025-10-01'),
      )
      .add('AgreementDrafted', { agreementId: 'hasOwnProperty', ...drafted }, at('2025-10-02'))
      .add(
        'AgreementSigned',
        { agreementId: '__proto__', party: 'coachee', signedBy: 'constructor', signedOn: '2025-10-03' },
        at('2025-10-03'),
      )
      .events();
    const store = await storeHolding(history.slice(0, 2));
    const checkpoints = new InMemoryProjectionCheckpoints();
    const first = new ProjectionRunner({ store, checkpoints, projections: [cyclesProjection] });
    await first.start();
    await first.stop();
    for (const event of history.slice(2)) await store.append(event.stream, [appendable(event)], 'any');
    const second = new ProjectionRunner({ store, checkpoints, projections: [cyclesProjection] });
    await second.start();
    await second.stop();
    expect(await second.status()).toEqual([expect.not.objectContaining({ parked: expect.anything() })]);
    const view = second.view<CyclesView>('cycles', {});
    expect(view).toEqual(viewOf(cyclesProjection, history, {}));
    expect(view.agreements.map((a) => [a.agreementId, a.signatures.length])).toEqual([
      ['__proto__', 2],
      ['hasOwnProperty', 0],
    ]);
    expect(prototypeSnapshot()).toEqual(untouched);
  });
});
