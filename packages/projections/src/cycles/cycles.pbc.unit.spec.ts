import fc from 'fast-check';
import { Cadence, RecordedEvent, VisitMode } from '@coachline/domain';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { cyclesProjection } from './cycles.projection';
import { AgreementCycles, CyclesView } from './cycles.view';

const cycles = (events: ReadonlyArray<RecordedEvent>, asOf: string): CyclesView =>
  viewOf<CyclesView>(cyclesProjection, events, { asOf });
const agreement = (events: ReadonlyArray<RecordedEvent>, asOf: string): AgreementCycles =>
  cycles(events, asOf).agreements[0]!;

const day = (offset: number) => new Date(Date.UTC(2025, 8, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Drafted, and active from September 1 (day 0): all three parties signed that day. */
const active = (cadence: Cadence, visitMode: VisitMode = 'in-person', estimatedCycles = 16) => {
  const history = historyBuilder().add(
    'AgreementDrafted',
    {
      agreementId: 'ag-1',
      providerId: 'p-017',
      coachId: 'c-03',
      practices: ['transitions'],
      visitMode,
      estimatedCycles,
      cadence,
    },
    at(day(0)),
  );
  for (const party of ['coach', 'supervisor', 'coachee'] as const)
    history.add(
      'AgreementSigned',
      { agreementId: 'ag-1', party, signedBy: `${party}-1`, signedOn: day(0) },
      at(day(0)),
    );
  return history;
};

/** Cycles completed on the days given, each recorded that day. */
const withCycles = (cadence: Cadence, days: ReadonlyArray<number>) => {
  const history = active(cadence);
  days.forEach((d, i) =>
    history.add(
      'CoachingCycleCompleted',
      { agreementId: 'ag-1', cycleNumber: i + 1, completedOn: day(d), sessionIds: [`s-${i + 1}`] },
      at(day(d)),
    ),
  );
  return history.events();
};

const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "every N weeks" or "every N days", the count in digits or in words, with the days it means. */
const statedPeriod = fc
  .tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom(['week', 7] as const, ['day', 1] as const), fc.boolean())
  .map(([n, [unit, days], inWords]) => ({
    cadence: { other: `every ${inWords ? WORDS[n - 1] : n} ${unit}${n > 1 ? 's' : ''}` },
    days: n * days,
  }));

/** Days between consecutive cycles, ascending from the day the agreement became active. */
const cycleDays = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 })
  .map((gaps) => gaps.reduce<number[]>((days, gap) => [...days, (days.at(-1) ?? 0) + gap], []));

describe('cadences judged by the period they state', () => {
  it('judges each cycle on cadence exactly when it came within the period of the one before', () =>
    fc.assert(
      fc.property(statedPeriod, cycleDays, ({ cadence, days }, completed) => {
        const view = agreement(withCycles(cadence, completed), at(day(completed.at(-1)!)));
        expect(view.cadenceDays).toBe(days);
        view.cycles.forEach((cycle, i) => {
          const gap = i === 0 ? null : completed[i]! - completed[i - 1]!;
          expect(cycle.daysSincePrevious).toBe(gap);
          expect(cycle.onCadence).toBe(gap === null ? null : gap <= days);
        });
      }),
    ));

  it('is behind exactly when more days than the period have passed since the last cycle', () =>
    fc.assert(
      fc.property(statedPeriod, cycleDays, fc.integer({ min: 0, max: 120 }), ({ cadence, days }, completed, wait) => {
        const asOf = at(day(completed.at(-1)! + wait));
        const view = cycles(withCycles(cadence, completed), asOf);
        expect(view.agreements[0]!.pace).toBe(wait > days ? 'behind' : 'on-cadence');
        expect(view.behind).toEqual(wait > days ? ['ag-1'] : []);
      }),
    ));

  it('judges "weekly" as every week and "monthly" by a month’s longest length', () => {
    expect(agreement(active({ other: 'Weekly' }).events(), at(day(8)))).toMatchObject({
      cadenceDays: 7,
      pace: 'behind',
    });
    expect(agreement(active({ other: 'monthly' }).events(), at(day(31)))).toMatchObject({
      cadenceDays: 31,
      pace: 'on-cadence',
    });
  });

  it('shows any cadence whose words state no period as not judged, and never behind', () =>
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/day|week|month|daily|fortnight/i.test(s)),
        cycleDays,
        (text, completed) => {
          const view = cycles(withCycles({ other: text }, completed), at(day(completed.at(-1)! + 400)));
          expect(view.agreements[0]).toMatchObject({ cadenceDays: null, pace: 'not-judged' });
          expect(view.agreements[0]!.cycles.every((c) => c.onCadence === null)).toBe(true);
          expect(view.behind).toEqual([]);
          expect(cyclesProjection.table(view).rows[0]![14]).toBe('not-judged');
        },
      ),
    ));
});

describe('visit mode and concerns', () => {
  it.each(['in-person', 'virtual', 'combination'] as const)('shows the visit mode the agreement states: %s', (mode) =>
    expect(agreement(active('every-two-weeks', mode).events(), at(day(1))).visitMode).toBe(mode),
  );

  const withConcerns = () =>
    active('every-two-weeks')
      .add(
        'AgreementConcernRaised',
        {
          agreementId: 'ag-1',
          raisedBy: 'coachee',
          raisedWith: 'supervisor',
          concernId: 'concern-1',
          summary: 'Visits keep moving.',
        },
        at(day(10)),
        { id: 'p-017', role: 'provider' },
      )
      .add('AgreementConcernRaised', { agreementId: 'ag-1', raisedBy: 'coach', summary: 'Missed two.' }, at(day(12)))
      .add(
        'AgreementConcernRaised',
        {
          agreementId: 'ag-1',
          raisedBy: 'coach',
          raisedWith: 'another-coach',
          concernId: 'concern-2',
          summary: 'Not ready to engage.',
        },
        at(day(20)),
      )
      .add(
        'AgreementConcernResolved',
        { agreementId: 'ag-1', concernId: 'concern-1', resolvedOn: day(15), resolution: 'Tuesdays.' },
        at(day(15)),
      )
      .events();

  it('lists each concern in the order raised: by whom, to whom, resolved or not, and never its words', () => {
    const view = agreement(withConcerns(), at(day(30)));
    expect(view.concerns).toEqual([
      {
        concernId: 'concern-1',
        raisedBy: 'coachee',
        raisedWith: 'supervisor',
        raisedOn: day(10),
        resolved: true,
        resolvedOn: day(15),
      },
      { concernId: null, raisedBy: 'coach', raisedWith: null, raisedOn: day(12), resolved: false, resolvedOn: null },
      {
        concernId: 'concern-2',
        raisedBy: 'coach',
        raisedWith: 'another-coach',
        raisedOn: day(20),
        resolved: false,
        resolvedOn: null,
      },
    ]);
    expect(JSON.stringify(view)).not.toMatch(/Visits keep moving|Missed two|Not ready|Tuesdays/);
    const table = cyclesProjection.table(cycles(withConcerns(), at(day(30))));
    const row = table.rows[0]!;
    expect(row[table.header.indexOf('openConcerns')]).toBe(2);
    expect(row[table.header.indexOf('concerns')]).toBe(
      `coachee>supervisor:${day(10)}:resolved ${day(15)};coach>?:${day(12)}:open;coach>another-coach:${day(20)}:open`,
    );
  });

  it('keeps the first resolution of a concern, and shows the same concerns when any event is delivered twice', () => {
    const history = withConcerns();
    const once = cycles(history, at(day(30)));
    const resolvedAgain = [
      ...history,
      { ...history.at(-1)!, id: 'e-later', data: { ...history.at(-1)!.data, resolvedOn: day(25) } } as RecordedEvent,
    ];
    expect(cycles(resolvedAgain, at(day(30)))).toEqual(once);
    fc.assert(
      fc.property(fc.subarray(history.map((_, i) => i)), (repeated) => {
        const twice = history.flatMap((event, i) => (repeated.includes(i) ? [event, event] : [event]));
        expect(cycles(twice, at(day(30)))).toEqual(once);
      }),
    );
  });

  it('produces views its codec accepts', () =>
    expect(cyclesProjection.viewCodec.is(cycles(withConcerns(), at(day(30))))).toBe(true));
});
