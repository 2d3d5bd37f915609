import { command, deciderSpec } from '../testing';
import { ProviderCommand } from './provider.commands';
import { providerDecider } from './provider.decider';
import { enrolled, providerId, sessionLogged } from './provider.fixtures';

const spec = deciderSpec(providerDecider);

const correct = (changes: Record<string, unknown>) =>
  command<ProviderCommand>('CorrectSession', {
    providerId,
    sessionId: 's-1',
    changes,
    reason: 'The log had the wrong values.',
  } as never);

describe('provider decider: an observation is made on site', () => {
  it('refuses logging a virtual observation, naming the mode', () =>
    spec
      .given([enrolled])
      .when(command<ProviderCommand>('LogSession', { ...sessionLogged.data, kind: 'observation', mode: 'virtual' }))
      .thenFails('observation-not-on-site', ['data.mode']));
  it('logs an observation held in person or hybrid', () => {
    for (const mode of ['in-person', 'hybrid'] as const) {
      const data = { ...sessionLogged.data, kind: 'observation' as const, mode };
      spec
        .given([enrolled])
        .when(command<ProviderCommand>('LogSession', data))
        .then([{ type: 'SessionLogged', data }]);
    }
  });
  it('logs a virtual coaching conversation', () => {
    const data = { ...sessionLogged.data, mode: 'virtual' as const };
    spec
      .given([enrolled])
      .when(command<ProviderCommand>('LogSession', data))
      .then([{ type: 'SessionLogged', data }]);
  });
  it('refuses correcting an observation to virtual, naming the mode changed', () =>
    spec
      .given([enrolled, { ...sessionLogged, data: { ...sessionLogged.data, kind: 'observation' } }])
      .when(correct({ mode: 'virtual' }))
      .thenFails('observation-not-on-site', ['data.changes.mode']));
  it('refuses correcting a virtual session into an observation, naming the kind changed', () =>
    spec
      .given([enrolled, { ...sessionLogged, data: { ...sessionLogged.data, mode: 'virtual' } }])
      .when(correct({ kind: 'observation' }))
      .thenFails('observation-not-on-site', ['data.changes.kind']));
  it('refuses a correction that makes both at once, naming the mode', () =>
    spec
      .given([enrolled, sessionLogged])
      .when(correct({ kind: 'observation', mode: 'virtual' }))
      .thenFails('observation-not-on-site', ['data.changes.mode']));
  it('corrects an observation to hybrid', () =>
    spec
      .given([enrolled, { ...sessionLogged, data: { ...sessionLogged.data, kind: 'observation' } }])
      .when(correct({ mode: 'hybrid' }))
      .then([
        {
          type: 'SessionCorrected',
          data: { providerId, sessionId: 's-1', changes: { mode: 'hybrid' }, reason: 'The log had the wrong values.' },
        },
      ]));
});
