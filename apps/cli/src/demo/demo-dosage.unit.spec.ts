import { countedMinutesByMonth, rirYear1Guide, type SessionKind } from '@coachline/domain';
import { byStream, dayNumber, demoYear, ofType } from './demo-year.fixtures';

const { events } = demoYear(40, 11);
const target = rirYear1Guide.dosage!.targetMinutesPerMonth!;
const countedKinds: ReadonlyArray<SessionKind> = rirYear1Guide.dosage!.countedKinds;

/** The months the dosage view lists for a provider: from enrollment to exit, or to June. */
const listedMonths = (enrolledOn: string, exitedOn: string | undefined): string[] => {
  const months: string[] = [];
  const last = (exitedOn ?? '2026-06-30').slice(0, 7);
  for (
    let [year, month] = enrolledOn.split('-').map(Number) as [number, number];
    ;
    month === 12 ? ((month = 1), year++) : month++
  ) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key === last) return months;
  }
};

const streams = byStream(events);
const dosage = ofType(events, 'ProviderEnrolled').map((enrolled) => {
  const history = streams.get(enrolled.stream)!;
  const exited = ofType(history, 'ProviderExited')[0];
  const minutes = countedMinutesByMonth(history, countedKinds);
  return listedMonths(enrolled.data.enrolledOn, exited?.data.on).map((month) => minutes.get(month) ?? 0);
});

describe('the demo year’s coaching dosage (150 minutes a month)', () => {
  it('lets most providers meet the target in most of their months', () => {
    const meetingMostMonths = dosage.filter(
      (months) => months.filter((minutes) => minutes >= target).length > months.length / 2,
    );
    expect(meetingMostMonths.length / dosage.length).toBeGreaterThanOrEqual(0.7);
  });

  it('leaves some months short of the target, and some providers short in most months', () => {
    const months = dosage.flat();
    const short = months.filter((minutes) => minutes < target);
    expect(short.length / months.length).toBeGreaterThan(0.05);
    expect(short.length / months.length).toBeLessThan(0.4);
    expect(
      dosage.some((provider) => provider.filter((minutes) => minutes < target).length >= provider.length / 2),
    ).toBe(true);
    expect(months.filter((minutes) => minutes === 0).length).toBeGreaterThan(0);
  });

  it('logs about one session in ten late, 8 to 25 days after it was held, some across a month end', () => {
    const logged = ofType(events, 'SessionLogged');
    const late = logged.filter((event) => dayNumber(event.metadata.recordedAt) - dayNumber(event.data.heldOn) >= 8);
    expect(late.length / logged.length).toBeGreaterThan(0.06);
    expect(late.length / logged.length).toBeLessThan(0.15);
    expect(late.every((event) => dayNumber(event.metadata.recordedAt) - dayNumber(event.data.heldOn) <= 26)).toBe(true);
    expect(late.some((event) => event.metadata.recordedAt.slice(0, 7) !== event.data.heldOn.slice(0, 7))).toBe(true);
  });

  it('corrects about 4% of sessions (duration, date and kind) and voids about 2%', () => {
    const logged = ofType(events, 'SessionLogged').length;
    const corrections = ofType(events, 'SessionCorrected');
    expect(corrections.length / logged).toBeGreaterThan(0.02);
    expect(corrections.length / logged).toBeLessThan(0.07);
    expect(new Set(corrections.flatMap((event) => Object.keys(event.data.changes)))).toEqual(
      new Set(['durationMinutes', 'heldOn', 'kind']),
    );
    const voids = ofType(events, 'SessionVoided').length;
    expect(voids / logged).toBeGreaterThan(0.008);
    expect(voids / logged).toBeLessThan(0.04);
  });

  it('logs sessions of every kind, mostly the kinds that count', () => {
    const kinds = ofType(events, 'SessionLogged').map((event) => event.data.kind);
    expect(new Set(kinds)).toEqual(
      new Set(['coaching-conversation', 'observation', 'debrief', 'consultation', 'other']),
    );
    expect(kinds.filter((kind) => countedKinds.includes(kind)).length / kinds.length).toBeGreaterThan(0.85);
  });

  it('logs each group session on several providers’ streams, the same day and duration for each', () => {
    const groups = new Map<string, { providers: Set<string>; heldOn: Set<string>; minutes: Set<number> }>();
    for (const event of ofType(events, 'SessionLogged')) {
      if (event.data.groupSessionId === undefined) continue;
      const group = groups.get(event.data.groupSessionId) ?? {
        providers: new Set(),
        heldOn: new Set(),
        minutes: new Set(),
      };
      group.providers.add(event.data.providerId);
      group.heldOn.add(event.data.heldOn);
      group.minutes.add(event.data.durationMinutes);
      groups.set(event.data.groupSessionId, group);
    }
    expect(groups.size).toBeGreaterThan(0);
    for (const group of groups.values()) {
      expect(group.providers.size).toBeGreaterThanOrEqual(2);
      expect(group.heldOn.size).toBe(1);
      expect(group.minutes.size).toBe(1);
    }
  });
});
