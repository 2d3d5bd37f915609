/**
 * A rule of the embedding application's own, beside Coachline's: a coach is reminded once to
 * write the debrief of a session. Written on the domain's `Decider` interface, it is tested the
 * same way as Coachline's deciders (see debrief-reminders.node-test.ts).
 */
import { accept, Command, Decider, DomainEvent, ID_RULE, isId, refuse, ruleBroken } from '@coachline/domain';

export type DebriefReminderSent = DomainEvent<'DebriefReminderSent', { sessionId: string; coachId: string }>;
export type SendDebriefReminder = Command<'SendDebriefReminder', { sessionId: string; coachId: string }>;

export const debriefReminders: Decider<SendDebriefReminder, DebriefReminderSent, ReadonlySet<string>> = {
  initialState: new Set(),
  evolve: (reminded, event) => new Set([...reminded, event.data.sessionId]),
  decide: (command, reminded) => {
    const { sessionId, coachId } = command.data;
    if (!isId(sessionId))
      return refuse(ruleBroken('invalid-session-id', `The session id must be ${ID_RULE}.`, 'data.sessionId'));
    // Sent once: a second request for the same session decides nothing rather than failing.
    if (reminded.has(sessionId)) return accept();
    return accept({ type: 'DebriefReminderSent', data: { sessionId, coachId } });
  },
};
