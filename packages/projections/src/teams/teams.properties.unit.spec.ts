import fc from 'fast-check';
import { viewOf } from '../fold';
import { at, historyBuilder } from '../testing';
import { teamsProjection } from './teams.projection';
import { TeamsView } from './teams.view';

interface Contact {
  readonly day: number;
  readonly minutes: number;
  readonly contact: 'coaching' | 'consultation' | 'training';
  readonly voided: boolean;
}

const contactArb = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  minutes: fc.integer({ min: 1, max: 480 }),
  contact: fc.constantFrom('coaching' as const, 'consultation' as const, 'training' as const),
  voided: fc.boolean(),
});

/** The coaching minutes a team's view counts after these contacts, all in September 2025. */
const countedOf = (contacts: ReadonlyArray<Contact>): number => {
  const builder = historyBuilder().add(
    'TeamRegistered',
    {
      teamId: 't-1',
      communityId: 'kent',
      level: 'school',
      name: 'SLT',
      coachId: 'c-03',
      registeredOn: '2025-09-01',
      members: [{ memberId: 'm-1', role: 'Principal' }],
    },
    at('2025-09-01'),
  );
  contacts.forEach((contact, index) => {
    const heldOn = `2025-09-${String(contact.day).padStart(2, '0')}`;
    builder.add(
      'TeamSessionLogged',
      {
        teamId: 't-1',
        sessionId: `s-${index}`,
        coachId: 'c-03',
        heldOn,
        durationMinutes: contact.minutes,
        contact: contact.contact,
        inSetting: contact.contact === 'coaching',
        mode: 'in-person',
        membersPresent: ['m-1'],
      },
      at(heldOn),
    );
    if (contact.voided)
      builder.add('TeamSessionVoided', { teamId: 't-1', sessionId: `s-${index}`, reason: 'Mistaken.' }, at(heldOn));
  });
  const view = viewOf<TeamsView>(teamsProjection, builder.events(), { asOf: at('2025-09-30') });
  return view.teams[0]!.months.reduce((sum, month) => sum + month.coachingMinutes, 0);
};

describe('the teams view on any contacts', () => {
  it('counts exactly the coaching minutes not voided', () =>
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 12 }), (contacts) => {
        const expected = contacts
          .filter((c) => c.contact === 'coaching' && !c.voided)
          .reduce((sum, c) => sum + c.minutes, 0);
        expect(countedOf(contacts)).toBe(expected);
      }),
    ));

  it('never changes the counted minutes for consultation, training or a voided session', () =>
    fc.assert(
      fc.property(
        fc.array(contactArb, { maxLength: 10 }),
        fc.array(contactArb, { maxLength: 5 }),
        (contacts, extra) => {
          const uncounted = extra.map((c) => (c.contact === 'coaching' ? { ...c, voided: true } : c));
          expect(countedOf([...contacts, ...uncounted])).toBe(countedOf(contacts));
        },
      ),
    ));
});
