import { DomainEvent } from '../kernel/decider';
import { RequirementStatus, requirementStatuses } from './requirement-status';
import { rirYear1Guide } from './rir-year-1';

const programYear = { startsOn: '2025-07-01', endsOn: '2026-06-30' };

const ev = (type: string, data: Record<string, unknown>): DomainEvent => ({ type, data });
const distributed = (screeningId: string, distributedOn: string, ageIntervalMonths = 24) =>
  ev('AsqSe2Distributed', { screeningId, providerId: 'p-1', ageIntervalMonths, distributedOn });
const scored = (screeningId: string, scoredOn: string, zone = 'below-cutoff') =>
  ev('AsqSe2Scored', { screeningId, score: 12, zone, scoredOn });
const followedUp = (screeningId: string, on: string) => ev('AsqSe2FollowUpRecorded', { screeningId, on });

const statuses = (
  events: DomainEvent[],
  on: string,
  extra: { exitedOn?: string; agesServed?: ReadonlyArray<'infant' | 'toddler' | 'preschool'> } = {},
) =>
  new Map(
    requirementStatuses({
      guide: rirYear1Guide,
      programYear,
      scope: 'provider',
      setting: 'fcch',
      enrolledOn: '2025-07-01',
      events,
      on,
      ...extra,
    })
      .filter((s) => s.requirementId.startsWith('asq-se2-'))
      .map((s): [string, RequirementStatus] => [s.requirementId, s]),
  );

describe('RiR Year 1 ASQ-SE2 requirements', () => {
  describe('the questionnaires the ages served call for', () => {
    const distributedIds = (events: DomainEvent[], agesServed?: ReadonlyArray<'infant' | 'toddler' | 'preschool'>) =>
      [...statuses(events, '2025-08-10', agesServed ? { agesServed } : {}).values()]
        .filter((s) => s.requirementId.startsWith('asq-se2-distributed'))
        .map((s) => `${s.requirementId} ${s.status}`);

    it('asks for a questionnaire of each age group served, met only by one of that group’s intervals', () =>
      expect(distributedIds([distributed('q-1', '2025-07-20', 24)], ['toddler', 'preschool'])).toEqual([
        'asq-se2-distributed-toddler done',
        'asq-se2-distributed-preschool due',
      ]));

    it('is met for preschoolers by a 36, 48 or 60-month questionnaire', () =>
      expect(
        [36, 48, 60].map((months) => distributedIds([distributed('q-1', '2025-07-20', months)], ['preschool'])),
      ).toEqual([
        ['asq-se2-distributed-preschool done'],
        ['asq-se2-distributed-preschool done'],
        ['asq-se2-distributed-preschool done'],
      ]));

    it('holds an infant questionnaire no use to a provider serving only toddlers', () =>
      expect(distributedIds([distributed('q-1', '2025-07-20', 12)], ['toddler'])).toEqual([
        'asq-se2-distributed-toddler due',
      ]));

    it('keeps one line, met by any questionnaire, when the ages served are not known', () =>
      expect(distributedIds([distributed('q-1', '2025-07-20', 12)])).toEqual(['asq-se2-distributed done']));

    it('reads the intervals of each age group from the guide', () =>
      expect(rirYear1Guide.requirements.find((r) => r.id === 'asq-se2-distributed')).toMatchObject({
        perAgeServed: {
          field: 'ageIntervalMonths',
          byAge: [
            { age: 'infant', values: [2, 6, 12] },
            { age: 'toddler', values: [18, 24, 30] },
            { age: 'preschool', values: [36, 48, 60] },
          ],
        },
        basis: expect.stringContaining('based on ages'),
      }));
  });

  describe('every child’s questionnaire is scored', () => {
    const twoChildren = [distributed('q-1', '2025-07-20'), distributed('q-2', '2025-07-22')];

    it('gives each questionnaire distributed its own line, in the first two months', () => {
      const now = statuses([...twoChildren, scored('q-1', '2025-08-04')], '2025-08-10');
      expect(now.get('asq-se2-distributed')).toMatchObject({ status: 'done' });
      expect(now.get('asq-se2-scored-q-1')).toMatchObject({
        kind: 'each',
        window: { from: '2025-07-01', to: '2025-08-31' },
        status: 'done',
        metBy: { type: 'AsqSe2Scored', date: '2025-08-04', index: 2 },
      });
      expect(now.get('asq-se2-scored-q-2')).toMatchObject({ status: 'due', daysLeft: 21 });
    });

    it('holds the second child overdue once the window closes, though the first was scored', () => {
      const now = statuses([...twoChildren, scored('q-1', '2025-08-04')], '2025-09-02');
      expect(now.get('asq-se2-scored-q-1')?.status).toBe('done');
      expect(now.get('asq-se2-scored-q-2')).toMatchObject({ status: 'overdue', daysOverdue: 2 });
    });

    it('opens no line for a questionnaire distributed after the day asked about', () =>
      expect([...statuses(twoChildren, '2025-07-21').keys()]).toEqual(['asq-se2-distributed', 'asq-se2-scored-q-1']));

    it('does not let one screening’s score meet another’s', () =>
      expect(
        statuses([distributed('q-1', '2025-07-20'), scored('q-9', '2025-07-25')], '2025-07-30').get(
          'asq-se2-scored-q-1',
        ),
      ).toMatchObject({ status: 'due' }));
  });

  describe('a score above the cutoff is followed up within a month', () => {
    const history = [
      distributed('q-1', '2025-07-20'),
      distributed('q-2', '2025-07-21'),
      distributed('q-3', '2025-07-22'),
      scored('q-1', '2025-08-10', 'above-cutoff'),
      scored('q-2', '2025-08-11', 'monitoring'),
      scored('q-3', '2025-08-12', 'below-cutoff'),
    ];

    it('flags only the screening above the cutoff, due for a month from its score', () => {
      const now = statuses(history, '2025-08-20');
      expect([...now.keys()].filter((id) => id.startsWith('asq-se2-follow-up'))).toEqual(['asq-se2-follow-up-q-1']);
      expect(now.get('asq-se2-follow-up-q-1')).toMatchObject({
        kind: 'each',
        title: 'ASQ-SE2 above the cutoff followed up with the family',
        window: { from: '2025-08-10', to: '2025-09-09' },
        status: 'due',
        daysLeft: 20,
      });
    });

    it('is due on the window’s last day and overdue the day after', () => {
      expect(statuses(history, '2025-09-09').get('asq-se2-follow-up-q-1')).toMatchObject({
        status: 'due',
        daysLeft: 0,
      });
      expect(statuses(history, '2025-09-10').get('asq-se2-follow-up-q-1')).toMatchObject({
        status: 'overdue',
        daysOverdue: 1,
      });
    });

    it('is done by a follow-up of the same screening, and late after the month', () => {
      expect(
        statuses([...history, followedUp('q-1', '2025-08-25')], '2025-09-20').get('asq-se2-follow-up-q-1'),
      ).toMatchObject({ status: 'done', metBy: { type: 'AsqSe2FollowUpRecorded', date: '2025-08-25' } });
      expect(
        statuses([...history, followedUp('q-1', '2025-09-12')], '2025-09-20').get('asq-se2-follow-up-q-1'),
      ).toMatchObject({ status: 'done', late: true, daysOverdue: 3 });
    });

    it('is not met by another screening’s follow-up', () =>
      expect(
        statuses([...history, followedUp('q-2', '2025-08-25')], '2025-09-20').get('asq-se2-follow-up-q-1'),
      ).toMatchObject({ status: 'overdue' }));

    it('holds nothing against a provider who left before the score', () =>
      expect(statuses(history, '2025-09-20', { exitedOn: '2025-08-05' }).get('asq-se2-follow-up-q-1')?.status).toBe(
        'not-applicable',
      ));
  });

  it('takes the follow-up window from the guide, with the guide’s words for it', () =>
    expect(rirYear1Guide.requirements.find((r) => r.id === 'asq-se2-follow-up')).toMatchObject({
      kind: 'each',
      withinMonths: 1,
      opener: { type: 'AsqSe2Scored', where: { zone: 'above-cutoff' } },
      basis: expect.stringContaining('follow up with families on ASQ-SE2 scores'),
    }));
});
