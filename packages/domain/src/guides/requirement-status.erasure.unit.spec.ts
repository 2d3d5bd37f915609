import { DomainEvent } from '../kernel/decider';
import { Requirement } from './program-guide';
import { RequirementLine, requirementOfLine, requirementStatuses } from './requirement-status';
import { rirYear1Guide } from './rir-year-1';
import { starsPbcGuide } from './stars-pbc';

const ev = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data });
const distributed = (screeningId: string, distributedOn: string) =>
  ev('AsqSe2Distributed', { screeningId, providerId: 'p-1', ageIntervalMonths: 24, distributedOn });
const scored = (screeningId: string, scoredOn: string) =>
  ev('AsqSe2Scored', { screeningId, score: 80, zone: 'above-cutoff', scoredOn });
const followedUp = (screeningId: string, on: string) => ev('AsqSe2FollowUpRecorded', { screeningId, on });
const erased = (screeningId: string, on: string) => ev('ChildDataErased', { screeningId, childRef: 'child-1', on });

/** Each ASQ-SE2 line of p-1 on a day, as `id status`. */
const linesOn = (events: DomainEvent[], on: string): string[] =>
  requirementStatuses({
    guide: rirYear1Guide,
    programYear: { startsOn: '2025-07-01', endsOn: '2026-06-30' },
    scope: 'provider',
    setting: 'fcch',
    enrolledOn: '2025-07-01',
    events,
    on,
  })
    .filter((s) => s.requirementId.startsWith('asq-se2-scored-') || s.requirementId.startsWith('asq-se2-follow-up-'))
    .map((s) => `${s.requirementId} ${s.status}`);

describe('an erased child’s screening lines', () => {
  const scoredAbove = [distributed('q-1', '2025-07-20'), scored('q-1', '2025-08-04')];

  it('given a follow-up still owed, when the child’s data is erased, the follow-up no longer applies from that day', () => {
    const events = [...scoredAbove, erased('q-1', '2025-08-15')];
    expect(linesOn(events, '2025-08-14')).toEqual(['asq-se2-scored-q-1 done', 'asq-se2-follow-up-q-1 due']);
    expect(linesOn(events, '2025-08-15')).toEqual(['asq-se2-scored-q-1 done', 'asq-se2-follow-up-q-1 not-applicable']);
    expect(linesOn(events, '2026-01-10')).toEqual(['asq-se2-scored-q-1 done', 'asq-se2-follow-up-q-1 not-applicable']);
  });

  it('given the follow-up was recorded before the erasure, it stays done', () =>
    expect(
      linesOn([...scoredAbove, followedUp('q-1', '2025-08-10'), erased('q-1', '2025-08-15')], '2025-09-30'),
    ).toEqual(['asq-se2-scored-q-1 done', 'asq-se2-follow-up-q-1 done']));

  it('given a questionnaire erased before it was scored, its score no longer applies', () => {
    const events = [distributed('q-1', '2025-07-20'), erased('q-1', '2025-07-25')];
    expect(linesOn(events, '2025-07-24')).toEqual(['asq-se2-scored-q-1 due']);
    expect(linesOn(events, '2025-10-01')).toEqual(['asq-se2-scored-q-1 not-applicable']);
  });

  it('given another child’s data erased, this child’s overdue follow-up stays overdue', () =>
    expect(linesOn([...scoredAbove, erased('q-2', '2025-08-15')], '2025-09-30')).toEqual([
      'asq-se2-scored-q-1 done',
      'asq-se2-follow-up-q-1 overdue',
    ]));

  it('closes the lines the guide says an erasure closes, by the screening’s id', () =>
    expect(
      rirYear1Guide.requirements.flatMap((r) => (r.kind === 'each' && r.closedBy ? [[r.id, r.closedBy]] : [])),
    ).toEqual([
      ['asq-se2-scored', { type: 'ChildDataErased', dateField: 'on' }],
      ['asq-se2-follow-up', { type: 'ChildDataErased', dateField: 'on' }],
    ]));
});

describe('the guide’s requirement a line answers for', () => {
  const idOf = (line: RequirementLine) => requirementOfLine(rirYear1Guide, line)?.id;

  it.each<[RequirementLine, string | undefined]>([
    [{ requirementId: 'asq-se2-follow-up-q-1', kind: 'each' }, 'asq-se2-follow-up'],
    [{ requirementId: 'asq-se2-scored-q-1', kind: 'each' }, 'asq-se2-scored'],
    [{ requirementId: 'asq-se2-distributed-toddler', kind: 'once' }, 'asq-se2-distributed'],
    [{ requirementId: 'asq-se2-distributed', kind: 'once' }, 'asq-se2-distributed'],
    [{ requirementId: 'dosage-2025-10', kind: 'monthly-dosage', month: '2025-10' }, 'dosage'],
    [{ requirementId: 'provider-collaboration-meetings', kind: 'count' }, 'provider-collaboration-meetings'],
    [{ requirementId: 'asq-se2-follow-up', kind: 'each' }, undefined],
    [{ requirementId: 'asq-se2-distributed-teen', kind: 'once' }, undefined],
    [{ requirementId: 'dosage-2025-10', kind: 'monthly-dosage', month: null }, undefined],
    [{ requirementId: 'asq-se2-scored-q-1', kind: 'once' }, undefined],
  ])('names %j by %s', (line, expected) => expect(idOf(line)).toBe(expected));

  it('names every line the guides give by a requirement of the same kind whose id begins it', () => {
    for (const guide of [rirYear1Guide, starsPbcGuide]) {
      const lines = requirementStatuses({
        guide,
        programYear: { startsOn: '2025-07-01', endsOn: '2026-06-30' },
        scope: 'provider',
        enrolledOn: '2025-07-01',
        agesServed: ['infant', 'preschool'],
        events: [distributed('q-1', '2025-07-20'), scored('q-1', '2025-08-04')],
        on: '2025-09-01',
      });
      for (const line of lines) {
        const requirement: Requirement | undefined = requirementOfLine(guide, line);
        expect(requirement?.kind).toBe(line.kind);
        expect(line.requirementId.startsWith(requirement!.id)).toBe(true);
      }
    }
  });

  it('prefers the longer of two ids that both begin the line', () => {
    const first = rirYear1Guide.requirements.find((r) => r.id === 'asq-se2-follow-up')!;
    const guide = {
      ...rirYear1Guide,
      requirements: [first, { ...first, id: 'asq-se2-follow-up-call' }] as typeof rirYear1Guide.requirements,
    };
    expect(requirementOfLine(guide, { requirementId: 'asq-se2-follow-up-call-q-1', kind: 'each' })?.id).toBe(
      'asq-se2-follow-up-call',
    );
    expect(requirementOfLine(guide, { requirementId: 'asq-se2-follow-up-q-1', kind: 'each' })?.id).toBe(
      'asq-se2-follow-up',
    );
  });
});
