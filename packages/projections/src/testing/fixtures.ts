import { RecordedEvent, SessionKind, SiteSetting } from '@coachline/domain';
import { at, historyBuilder } from './history';

/** A provider's enrollment in Kent County's 2025–26 year, at a center unless told otherwise. */
export const enrollment = (
  providerId: string,
  enrolledOn: string,
  options: { setting?: SiteSetting; coachId?: string; communityId?: string; programYearId?: string } = {},
) => ({
  providerId,
  communityId: options.communityId ?? 'kent',
  programYearId: options.programYearId ?? 'py-2025',
  name: `Provider ${providerId}`,
  site: { siteId: `site-${providerId}`, name: 'Maple Street Center', setting: options.setting ?? 'center' },
  agesServed: ['preschool' as const],
  coachId: options.coachId ?? 'c-03',
  enrolledOn,
});

/** A session as a coach logs it: an in-person coaching conversation unless told otherwise. */
export const sessionData = (
  providerId: string,
  sessionId: string,
  heldOn: string,
  durationMinutes: number,
  kind: SessionKind = 'coaching-conversation',
) => ({
  providerId,
  sessionId,
  coachId: 'c-03',
  heldOn,
  durationMinutes,
  kind,
  mode: 'in-person' as const,
  agendaUsed: true,
  practices: ['schedules-routines'],
  strategies: ['modeling'],
});

/** Kent County, its RiR Year 1 program year (July 2025 to June 2026) and coach c-03. */
export const kentProgram = () =>
  historyBuilder()
    .add('CommunityRegistered', { communityId: 'kent', name: 'Kent County', kind: 'county' }, at('2025-06-20'))
    .add(
      'ProgramYearStarted',
      {
        communityId: 'kent',
        programYearId: 'py-2025',
        guideId: 'rir-year-1',
        startsOn: '2025-07-01',
        endsOn: '2026-06-30',
      },
      at('2025-06-20'),
    )
    .add(
      'CoachRegistered',
      { coachId: 'c-03', communityId: 'kent', name: 'Dana Ruiz', role: 'coach' },
      at('2025-06-21'),
    );

/** The id of the first event of a type whose data holds the given values. */
export const eventIdOf = (
  events: ReadonlyArray<RecordedEvent>,
  type: string,
  where: Record<string, unknown> = {},
): string => {
  const found = events.find(
    (event) =>
      event.type === type &&
      Object.entries(where).every(([field, value]) => (event.data as Record<string, unknown>)[field] === value),
  );
  if (!found) throw new Error(`no ${type} event with ${JSON.stringify(where)} in the history`);
  return found.id;
};
