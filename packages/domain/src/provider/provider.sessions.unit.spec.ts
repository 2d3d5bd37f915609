import { command, deciderSpec } from '../testing';
import { ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { ProviderEvent } from './provider.events';
import { enrolled, providerId, sessionLogged, sessionVoided } from './provider.fixtures';
import { SessionChanges, SessionCorrectedData } from './session-corrected';

const spec = deciderSpec(providerDecider);

const logged = [enrolled, sessionLogged];
const correction = (changes: SessionChanges): SessionCorrectedData => ({
  providerId,
  sessionId: 's-1',
  changes,
  reason: 'The log had the wrong values.',
});

describe('provider decider: sessions and feedback', () => {
  describe('LogSession', () => {
    const log = command<ProviderCommand>('LogSession', sessionLogged.data);
    const heldOn = (day: string, issuedAt?: string) =>
      command<ProviderCommand>('LogSession', { ...sessionLogged.data, heldOn: day }, issuedAt ? { issuedAt } : {});
    it('logs a session held with the provider', () => spec.given([enrolled]).when(log).then([sessionLogged]));
    it('logs a session held on the day of enrollment', () =>
      spec
        .given([enrolled])
        .when(heldOn('2025-07-15'))
        .then([{ type: 'SessionLogged', data: { ...sessionLogged.data, heldOn: '2025-07-15' } }]));
    it('refuses a session id already logged', () =>
      spec.given(logged).when(log).thenFails('session-already-logged', ['data.sessionId']));
    it('refuses a session id already logged even when voided', () =>
      spec
        .given([...logged, sessionVoided])
        .when(log)
        .thenFails('session-already-logged', ['data.sessionId']));
    it('refuses a session held before enrollment', () =>
      spec.given([enrolled]).when(heldOn('2025-07-14')).thenFails('session-before-enrollment', ['data.heldOn']));
    it('accepts a session dated the day after the UTC day it was recorded (a local date east of Greenwich)', () =>
      spec
        .given([enrolled])
        .when(heldOn('2025-09-04', '2025-09-03T22:30:00.000Z'))
        .then([{ type: 'SessionLogged', data: { ...sessionLogged.data, heldOn: '2025-09-04' } }]));
    it('refuses a session dated later than that (rule 2: recorded after it happens)', () =>
      spec
        .given([enrolled])
        .when(heldOn('2025-09-05', '2025-09-03T22:30:00.000Z'))
        .thenFails('session-in-future', ['data.heldOn']));
    it('reads the issue instant in UTC whatever its offset', () =>
      spec
        .given([enrolled])
        .when(heldOn('2025-09-05', '2025-09-04T01:30:00.000+05:00'))
        .thenFails('session-in-future', ['data.heldOn']));
  });

  describe('CorrectSession', () => {
    it('corrects a logged session', () => {
      const data = correction({ durationMinutes: 45, kind: 'consultation' });
      spec
        .given(logged)
        .when(command<ProviderCommand>('CorrectSession', data))
        .then([{ type: 'SessionCorrected', data }]);
    });
    it('moves a session to another day within the bounds', () => {
      const data = correction({ heldOn: '2025-09-02' });
      spec
        .given(logged)
        .when(command<ProviderCommand>('CorrectSession', data))
        .then([{ type: 'SessionCorrected', data }]);
    });
    it('refuses a session never logged', () =>
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('CorrectSession', correction({ durationMinutes: 45 })))
        .thenFails('unknown-session', ['data.sessionId']));
    it('refuses a voided session', () =>
      spec
        .given([...logged, sessionVoided])
        .when(command<ProviderCommand>('CorrectSession', correction({ durationMinutes: 45 })))
        .thenFails('session-voided', ['data.sessionId']));
    it('refuses a correction with no changes', () =>
      spec
        .given(logged)
        .when(command<ProviderCommand>('CorrectSession', correction({})))
        .thenFails('empty-correction', ['data.changes']));
    it('refuses a correction that restates the current values', () =>
      spec
        .given(logged)
        .when(
          command<ProviderCommand>(
            'CorrectSession',
            correction({ durationMinutes: 60, practices: ['visual-schedule'] }),
          ),
        )
        .thenFails('empty-correction', ['data.changes']));
    it('compares with the session as already corrected', () => {
      const first: ProviderEvent = { type: 'SessionCorrected', data: correction({ durationMinutes: 45 }) };
      spec
        .given([...logged, first])
        .when(command<ProviderCommand>('CorrectSession', correction({ durationMinutes: 45 })))
        .thenFails('empty-correction', ['data.changes']);
    });
    it('refuses moving the session before enrollment', () =>
      spec
        .given(logged)
        .when(command<ProviderCommand>('CorrectSession', correction({ heldOn: '2025-07-01' })))
        .thenFails('session-before-enrollment', ['data.changes.heldOn']));
    it('refuses moving the session after the day it was recorded', () =>
      spec
        .given(logged)
        .when(command<ProviderCommand>('CorrectSession', correction({ heldOn: '2025-09-18' })))
        .thenFails('session-in-future', ['data.changes.heldOn']));
  });

  describe('VoidSession', () => {
    const voiding = command<ProviderCommand>('VoidSession', sessionVoided.data);
    it('voids a logged session', () => spec.given(logged).when(voiding).then([sessionVoided]));
    it('voids a corrected session', () =>
      spec
        .given([...logged, { type: 'SessionCorrected', data: correction({ durationMinutes: 45 }) }])
        .when(voiding)
        .then([sessionVoided]));
    it('refuses a session never logged', () =>
      spec.given([enrolled]).when(voiding).thenFails('unknown-session', ['data.sessionId']));
    it('refuses voiding twice', () =>
      spec
        .given([...logged, sessionVoided])
        .when(voiding)
        .thenFails('session-already-voided', ['data.sessionId']));
  });

  describe('SendFeedback', () => {
    const feedback = (sentOn: string) =>
      command<ProviderCommand>('SendFeedback', { providerId, sessionId: 's-1', sentOn });
    it('records feedback sent on the day of the session', () =>
      spec
        .given(logged)
        .when(feedback('2025-09-03'))
        .then([{ type: 'FeedbackSent', data: { providerId, sessionId: 's-1', sentOn: '2025-09-03' } }]));
    it('refuses feedback on a session never logged', () =>
      spec.given([enrolled]).when(feedback('2025-09-04')).thenFails('unknown-session', ['data.sessionId']));
    it('refuses feedback on a voided session', () =>
      spec
        .given([...logged, sessionVoided])
        .when(feedback('2025-09-04'))
        .thenFails('session-voided', ['data.sessionId']));
    it('refuses feedback sent before the session', () =>
      spec.given(logged).when(feedback('2025-09-02')).thenFails('feedback-before-session', ['data.sentOn']));
    it('measures from the corrected day of the session', () =>
      spec
        .given([...logged, { type: 'SessionCorrected', data: correction({ heldOn: '2025-09-05' }) }])
        .when(feedback('2025-09-04'))
        .thenFails('feedback-before-session', ['data.sentOn']));
  });
});
