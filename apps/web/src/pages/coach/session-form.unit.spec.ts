import { decodeWith, LogSession } from '@coachline/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { checkCommandData, LOG_SESSION } from '../../api/commands';
import { emptySession, logSessionData, sessionFieldsOf } from './session-form';

const decode = decodeWith(LogSession.data, 'The session', 'data');

describe('the session form as LogSession data', () => {
  it("is accepted by the domain's codec as a coach fills it in", () => {
    const data = logSessionData({ ...emptySession('p-017', '2026-10-06'), practices: ['transitions'] }, 'c-03', 's-1');
    expect(E.isRight(decode(data))).toBe(true);
  });

  it('leaves an empty duration for the codec to name, at data.durationMinutes', () => {
    const data = logSessionData({ ...emptySession('p-017', '2026-10-06'), durationMinutes: '' }, 'c-03', 's-1');
    const checked = checkCommandData(LOG_SESSION, data);
    expect(E.isLeft(checked) && checked.left.errors.map((error) => error.path)).toEqual(['data.durationMinutes']);
  });

  it('sends next steps one per line, blank lines dropped, and no summary when none was written', () => {
    const fields = sessionFieldsOf({
      ...emptySession('p-017', '2026-10-06'),
      nextSteps: 'Visual schedule\n\n  Model transitions  \n',
    });
    expect(fields['nextSteps']).toEqual(['Visual schedule', 'Model transitions']);
    expect('summary' in fields).toBe(false);
  });

  it('is refused by the codec for every duration outside 1 to 480 minutes, and accepted inside', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 2000 }), (minutes) => {
        const data = logSessionData(
          { ...emptySession('p-017', '2026-10-06'), durationMinutes: minutes },
          'c-03',
          's-1',
        );
        expect(E.isRight(checkCommandData(LOG_SESSION, data))).toBe(minutes >= 1 && minutes <= 480);
      }),
    );
  });
});
