import * as E from 'fp-ts/Either';
import { communityOfProvider, type HistoryEntry, kindOfStream, replayedDosage, streamOfKind } from './stream-history';

let position = 0;
const entry = (stream: string, type: string, data: unknown, recordedAt: string): HistoryEntry => {
  position += 1;
  return {
    id: `e-${position}`,
    stream,
    type,
    schemaVersion: 1,
    position,
    revision: null,
    recordedAt,
    actor: { id: 'admin-1', role: 'admin' },
    commandId: `cmd-${position}`,
    correlationId: `cmd-${position}`,
    causationId: null,
    data,
  };
};

const community = [
  entry(
    'community-kent',
    'CommunityRegistered',
    { communityId: 'kent', name: 'Kent County', kind: 'county' },
    '2025-07-01T09:00:00.000Z',
  ),
  entry(
    'community-kent',
    'ProgramYearStarted',
    {
      communityId: 'kent',
      programYearId: 'py-2025',
      guideId: 'rir-year-1',
      startsOn: '2025-07-01',
      endsOn: '2026-06-30',
    },
    '2025-07-01T09:01:00.000Z',
  ),
];
const enrolled = entry(
  'provider-p-1',
  'ProviderEnrolled',
  {
    providerId: 'p-1',
    communityId: 'kent',
    programYearId: 'py-2025',
    name: 'Ana Lima',
    site: { siteId: 'site-4', name: 'Maple Street Center', setting: 'center' },
    agesServed: ['preschool'],
    coachId: 'c-1',
    enrolledOn: '2025-09-02',
  },
  '2025-09-02T09:00:00.000Z',
);
const logged = entry(
  'provider-p-1',
  'SessionLogged',
  {
    providerId: 'p-1',
    sessionId: 's-1',
    coachId: 'c-1',
    heldOn: '2025-09-16',
    durationMinutes: 90,
    kind: 'coaching-conversation',
    mode: 'in-person',
    agendaUsed: true,
    practices: ['schedules-routines'],
    strategies: ['modeling'],
  },
  '2025-09-16T15:00:00.000Z',
);

describe('a stream’s name', () => {
  it('is its kind and id, and splits back into them', () => {
    expect(streamOfKind('provider', 'p-1')).toBe('provider-p-1');
    expect(kindOfStream('provider-p-1')).toEqual({ kind: 'provider', id: 'p-1' });
    expect(kindOfStream('team-dit-kent')).toEqual({ kind: 'team', id: 'dit-kent' });
    expect(kindOfStream('ledger-1')).toBeUndefined();
  });
});

describe('a provider’s dosage replayed from the history', () => {
  it('finds the community from the enrollment', () => {
    expect(communityOfProvider([enrolled, logged])).toBe('kent');
    expect(communityOfProvider([logged])).toBeUndefined();
  });

  it('counts a session once it is in the history read, and not before', () => {
    const before = replayedDosage('p-1', '2025-09-30T23:59:59.999Z', [community, [enrolled]]);
    const after = replayedDosage('p-1', '2025-09-30T23:59:59.999Z', [community, [enrolled, logged]]);
    expect(E.isRight(before) && before.right?.months).toEqual([{ month: '2025-09', minutes: 0, status: 'none' }]);
    expect(E.isRight(after) && after.right?.months).toEqual([{ month: '2025-09', minutes: 90, status: 'partial' }]);
  });

  it('names the event the domain cannot read rather than replaying around it', () => {
    const broken = { ...logged, data: { ...(logged.data as object), durationMinutes: -5 } };
    const replayed = replayedDosage('p-1', '2025-09-30T23:59:59.999Z', [community, [enrolled, broken]]);
    expect(E.isLeft(replayed) && replayed.left).toMatch(/^e-\d+: /);
  });
});
