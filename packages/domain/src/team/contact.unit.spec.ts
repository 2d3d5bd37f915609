import * as fc from 'fast-check';
import { countsTowardTeamDosage, isVirtualObservation, teamContactRefusal, TeamContact } from './contact';
import { SessionKind, SessionMode } from '../provider/session-logged';

const contacts = fc.constantFrom(...TeamContact.values);
const modes = fc.constantFrom(...SessionMode.values);

describe('contact: training, coaching and consultation', () => {
  it('counts coaching alone toward a team’s dosage', () => {
    expect(TeamContact.values.filter(countsTowardTeamDosage)).toEqual(['coaching']);
  });
  it('refuses coaching outside the setting, naming the contact', () => {
    expect(teamContactRefusal({ contact: 'coaching', inSetting: false, mode: 'in-person' })?.errors).toEqual([
      expect.objectContaining({ path: 'data.contact' }),
    ]);
  });
  it('refuses virtual coaching, naming the mode', () => {
    expect(teamContactRefusal({ contact: 'coaching', inSetting: true, mode: 'virtual' })?.code).toBe(
      'coaching-not-on-site',
    );
  });
  it('lets training and consultation be held anywhere and any way', () =>
    fc.assert(
      fc.property(
        fc.constantFrom<TeamContact>('training', 'consultation'),
        fc.boolean(),
        modes,
        (contact, inSetting, mode) => teamContactRefusal({ contact, inSetting, mode }) === undefined,
      ),
    ));
  it('accepts a contact exactly when it is not coaching, or is coaching on site in the setting', () =>
    fc.assert(
      fc.property(contacts, fc.boolean(), modes, (contact, inSetting, mode) => {
        const accepted = teamContactRefusal({ contact, inSetting, mode }) === undefined;
        return accepted === (contact !== 'coaching' || (inSetting && mode !== 'virtual'));
      }),
    ));
  it('tells a virtual observation from every other session', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...SessionKind.values),
        modes,
        (kind, mode) => isVirtualObservation(kind, mode) === (kind === 'observation' && mode === 'virtual'),
      ),
    ));
});
