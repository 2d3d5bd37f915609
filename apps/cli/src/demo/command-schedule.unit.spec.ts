import { Actor } from '@coachline/domain';
import { CommandSchedule } from './command-schedule';
import { dayOf, instantAt, monthNumberOfDay } from './demo-calendar';
import { DemoRandom } from './demo-random';

const admin: Actor = { id: 'admin-1', role: 'admin' };
const at = (date: string, minute: number, second = 0): number => instantAt(dayOf(date), minute, second);
const focusGroup = (heldOn: string) => ({ communityId: 'maple-county', heldOn });

describe('CommandSchedule', () => {
  it('releases a month in issue order, ties in the order they were issued, later months held back', () => {
    const schedule = new CommandSchedule(DemoRandom.streams(1).ids);
    schedule.issue('RecordFocusGroup', focusGroup('2025-09-03'), { at: at('2025-09-03', 600), actor: admin });
    schedule.issue('RecordFocusGroup', focusGroup('2025-10-01'), { at: at('2025-10-01', 60), actor: admin });
    schedule.issue('RecordFocusGroup', focusGroup('2025-09-01'), { at: at('2025-09-01', 600, 30), actor: admin });
    schedule.issue('RecordFocusGroup', focusGroup('2025-09-02'), { at: at('2025-09-01', 600, 30), actor: admin });
    const september = schedule.release(monthNumberOfDay(dayOf('2025-09-15')));
    expect(september.map((command) => command.data)).toEqual([
      focusGroup('2025-09-01'),
      focusGroup('2025-09-02'),
      focusGroup('2025-09-03'),
    ]);
    expect(september.map((command) => command.metadata.issuedAt)).toEqual([
      '2025-09-01T10:00:30.000Z',
      '2025-09-01T10:00:30.000Z',
      '2025-09-03T10:00:00.000Z',
    ]);
    expect(schedule.releaseAll().map((command) => command.data)).toEqual([focusGroup('2025-10-01')]);
  });

  it('orders instants that are not whole seconds too', () => {
    const schedule = new CommandSchedule(DemoRandom.streams(1).ids);
    schedule.issue('RecordFocusGroup', focusGroup('2025-09-02'), { at: at('2025-09-02', 0) + 250, actor: admin });
    schedule.issue('RecordFocusGroup', focusGroup('2025-09-01'), { at: at('2025-09-01', 0) + 750, actor: admin });
    const released = schedule.releaseAll();
    expect(released.map((command) => command.metadata.issuedAt)).toEqual([
      '2025-09-01T00:00:00.750Z',
      '2025-09-02T00:00:00.250Z',
    ]);
  });

  it('refuses to issue into a month already released', () => {
    const schedule = new CommandSchedule(DemoRandom.streams(1).ids);
    schedule.release(monthNumberOfDay(dayOf('2025-09-01')));
    expect(() =>
      schedule.issue('RecordFocusGroup', focusGroup('2025-09-30'), { at: at('2025-09-30', 600), actor: admin }),
    ).toThrow(/already released/);
    expect(() =>
      schedule.issue('RecordFocusGroup', focusGroup('2025-10-01'), { at: at('2025-10-01', 600), actor: admin }),
    ).not.toThrow();
  });

  it('links a follow-up to its cause, and a piece of work to its first command', () => {
    const schedule = new CommandSchedule(DemoRandom.streams(1).ids);
    const first = schedule.issue('RecordFocusGroup', focusGroup('2025-09-01'), {
      at: at('2025-09-01', 600),
      actor: admin,
    });
    const caused = schedule.issue('RecordFocusGroup', focusGroup('2025-09-02'), {
      at: at('2025-09-02', 600),
      actor: admin,
      causedBy: first,
    });
    schedule.issue('RecordFocusGroup', focusGroup('2025-09-03'), {
      at: at('2025-09-03', 600),
      actor: admin,
      correlatedWith: caused,
    });
    const [a, b, c] = schedule.releaseAll().map((command) => command.metadata);
    expect(a).toEqual({
      actor: admin,
      issuedAt: '2025-09-01T10:00:00.000Z',
      commandId: first.commandId,
      correlationId: first.commandId,
    });
    expect(b).toEqual(expect.objectContaining({ correlationId: first.commandId, causationId: first.commandId }));
    expect(c).toEqual(expect.objectContaining({ correlationId: first.commandId }));
    expect(c!.causationId).toBeUndefined();
    expect(new Set([a!.commandId, b!.commandId, c!.commandId]).size).toBe(3);
  });
});
