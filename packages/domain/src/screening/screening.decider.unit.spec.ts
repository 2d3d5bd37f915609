import * as E from 'fp-ts/Either';
import { decodeWith } from '../kernel/decode';
import { command, deciderSpec } from '../testing';
import { DistributeAsqSe2, DistributeAsqSe2Data } from './asq-se2-distributed';
import { ScreeningCommand } from './screening.commands';
import { AsqSe2Zone } from './asq-se2-scored';
import { AsqSe2CutoffTable } from './asq-se2-zone';
import { screeningDecider, screeningDeciderWith } from './screening.decider';
import { ScreeningEvent } from './screening.events';

const spec = deciderSpec(screeningDecider);

const distribution: DistributeAsqSe2Data = {
  screeningId: 'scr-1',
  providerId: 'p-017',
  childRef: 'child-7f3a',
  ageIntervalMonths: 24,
  distributedOn: '2025-08-04',
};
const distributed: ScreeningEvent = { type: 'AsqSe2Distributed', data: distribution };
const scored: ScreeningEvent = {
  type: 'AsqSe2Scored',
  data: { screeningId: 'scr-1', score: 35, zone: 'monitoring', scoredOn: '2025-08-18' },
};
const erasure = { screeningId: 'scr-1', childRef: 'child-7f3a', on: '2026-01-10' };
const erased: ScreeningEvent = { type: 'ChildDataErased', data: erasure };

describe('screening decider', () => {
  describe('DistributeAsqSe2', () => {
    const distribute = command<ScreeningCommand>('DistributeAsqSe2', distribution);
    it('distributes a questionnaire', () => spec.given([]).when(distribute).then([distributed]));
    it('refuses distributing the same screening twice', () =>
      spec.given([distributed]).when(distribute).thenFails('screening-already-distributed', ['data.screeningId']));
    it('refuses a screening whose child data was erased', () =>
      spec.given([distributed, erased]).when(distribute).thenFails('child-data-erased', ['data.screeningId']));
  });

  describe('AsqSe2 distribution data', () => {
    const decode = decodeWith(DistributeAsqSe2.data, 'DistributeAsqSe2', 'data');
    it('refuses an age interval the instrument does not have', () =>
      expect(decode({ ...distribution, ageIntervalMonths: 9 })).toMatchObject(
        E.left({
          errors: [
            { path: 'data.ageIntervalMonths', message: expect.stringContaining('2, 6, 12, 18, 24, 30, 36, 48, 60') },
          ],
        }),
      ));
    it('takes the child’s name and birth date in the clear (the store seals them, rule 11)', () =>
      expect(decode({ ...distribution, childName: 'Ava', childBirthDate: '2023-05-01' })).toEqual(
        E.right({ ...distribution, childName: 'Ava', childBirthDate: '2023-05-01' }),
      ));
    it('refuses a sealed value in a command: commands carry plain values only', () =>
      expect(decode({ ...distribution, childName: { erased: true } })).toMatchObject(
        E.left({ errors: [{ path: 'data.childName' }] }),
      ));
    it('refuses a wrong birth date without repeating it', () => {
      const refused = decode({ ...distribution, childBirthDate: '2023-02-30-Ava' });
      expect(refused).toMatchObject(E.left({ errors: [{ path: 'data.childBirthDate' }] }));
      expect(JSON.stringify(refused)).not.toContain('2023-02-30-Ava');
    });
  });

  describe('ScoreAsqSe2', () => {
    const score = (scoredOn = scored.data.scoredOn) =>
      command<ScreeningCommand>('ScoreAsqSe2', { ...scored.data, scoredOn });
    it('scores a distributed questionnaire', () => spec.given([distributed]).when(score()).then([scored]));
    it('scores on the day it was distributed', () =>
      spec
        .given([distributed])
        .when(score('2025-08-04'))
        .then([{ type: 'AsqSe2Scored', data: { ...scored.data, scoredOn: '2025-08-04' } }]));
    it('refuses a screening never distributed', () =>
      spec.given([]).when(score()).thenFails('screening-not-distributed', ['data.screeningId']));
    it('refuses scoring twice', () =>
      spec.given([distributed, scored]).when(score()).thenFails('screening-already-scored', ['data.screeningId']));
    it('refuses a score dated before the distribution', () =>
      spec.given([distributed]).when(score('2025-08-03')).thenFails('scored-before-distributed', ['data.scoredOn']));
    it('refuses a screening whose child data was erased', () =>
      spec.given([distributed, erased]).when(score()).thenFails('child-data-erased', ['data.screeningId']));
  });

  describe('ScoreAsqSe2 against the cutoff table', () => {
    /** Made-up numbers for the tests only; the publisher’s real table is configuration. */
    const cutoffs: AsqSe2CutoffTable = { intervals: [{ ageIntervalMonths: 24, monitoringFrom: 30, cutoff: 40 }] };
    const checked = deciderSpec(screeningDeciderWith(cutoffs));
    const score = (score: number, zone: AsqSe2Zone) =>
      command<ScreeningCommand>('ScoreAsqSe2', { ...scored.data, score, zone });
    it.each([
      [29, 'below-cutoff'],
      [30, 'monitoring'],
      [40, 'monitoring'],
      [41, 'above-cutoff'],
    ] as const)('accepts %i in the %s zone, as the table places it', (points, zone) =>
      checked
        .given([distributed])
        .when(score(points, zone))
        .then([{ type: 'AsqSe2Scored', data: { ...scored.data, score: points, zone } }]),
    );
    it('refuses a zone the table disagrees with, naming the expected one', () => {
      checked.given([distributed]).when(score(41, 'monitoring')).thenFails('asq-se2-zone-mismatch', ['data.zone']);
      checked
        .given([distributed])
        .when(score(41, 'monitoring'))
        .thenFails(
          (error) => error.message === 'A score of 41 at 24 months is in the above-cutoff zone, not monitoring.',
        );
    });
    it('refuses a lower zone than the table gives just below the cutoff too', () =>
      checked.given([distributed]).when(score(35, 'below-cutoff')).thenFails('asq-se2-zone-mismatch', ['data.zone']));
    it('refuses a score whose interval the table lacks: its zone cannot be checked', () =>
      checked
        .given([{ type: 'AsqSe2Distributed', data: { ...distribution, ageIntervalMonths: 36 } }])
        .when(score(10, 'below-cutoff'))
        .thenFails('asq-se2-interval-not-in-cutoff-table', ['data.screeningId']));
    it('without a configured table, records the zone as the scorer read it', () =>
      spec
        .given([distributed])
        .when(score(41, 'monitoring'))
        .then([{ type: 'AsqSe2Scored', data: { ...scored.data, score: 41, zone: 'monitoring' } }]));
    it('checks the zone only after the screening’s own rules', () =>
      checked
        .given([distributed, scored])
        .when(score(41, 'monitoring'))
        .thenFails('screening-already-scored', ['data.screeningId']));
  });

  describe('RecordAsqSe2FollowUp', () => {
    const data = {
      screeningId: 'scr-1',
      action: 'Talked with the family about the monitoring zone; rescreen in 3 months.',
      on: '2025-08-20',
    };
    const followUp = (on = data.on) => command<ScreeningCommand>('RecordAsqSe2FollowUp', { ...data, on });
    it('records a follow-up to a scored screening', () =>
      spec
        .given([distributed, scored])
        .when(followUp())
        .then([{ type: 'AsqSe2FollowUpRecorded', data }]));
    it('refuses a screening never distributed', () =>
      spec.given([]).when(followUp()).thenFails('screening-not-distributed', ['data.screeningId']));
    it('refuses a screening not yet scored', () =>
      spec.given([distributed]).when(followUp()).thenFails('screening-not-scored', ['data.screeningId']));
    it('refuses a follow-up dated before the scoring', () =>
      spec
        .given([distributed, scored])
        .when(followUp('2025-08-17'))
        .thenFails('follow-up-before-scoring', ['data.on']));
    it('refuses a screening whose child data was erased', () =>
      spec.given([distributed, scored, erased]).when(followUp()).thenFails('child-data-erased', ['data.screeningId']));
  });

  describe('EraseChildData', () => {
    const erase = (childRef = erasure.childRef) =>
      command<ScreeningCommand>('EraseChildData', { ...erasure, childRef });
    it('erases the child’s data', () => spec.given([distributed, scored]).when(erase()).then([erased]));
    it('refuses a screening never distributed', () =>
      spec.given([]).when(erase()).thenFails('screening-not-distributed', ['data.screeningId']));
    it('refuses another child’s reference', () =>
      spec.given([distributed]).when(erase('child-0000')).thenFails('child-ref-mismatch', ['data.childRef']));
    it('refuses erasing twice', () =>
      spec.given([distributed, erased]).when(erase()).thenFails('child-data-erased', ['data.screeningId']));
  });
});
