import * as E from 'fp-ts/Either';
import {
  decodeCommand,
  decodeRecordedEvent,
  deciders,
  encodeRecordedEvent,
  eventCatalogue,
  findCommandDefinition,
} from '@coachline/domain';
import { byStream, commandOf, demoYear } from './demo-year.fixtures';
import { generateDemoProgram } from './generate-demo-program';

const { events, lines } = demoYear(24, 7);

describe('a generated program year', () => {
  it('is the same, byte for byte, for the same seed, and differs for another seed', () => {
    const again = [...generateDemoProgram({ providers: 24, seed: 7 })];
    expect(demoYear(24, 7).lines.join('\n')).toBe(lines.join('\n'));
    expect(again.map((event) => event.id)).toEqual(events.map((event) => event.id));
    const other = demoYear(24, 8).lines;
    expect(other.join('\n')).not.toBe(lines.join('\n'));
    expect(new Set(other).size).toBe(other.length);
    expect(other.filter((line) => lines.includes(line))).toEqual([]);
  });

  it('numbers events 1, 2, 3, … in order and never goes back in recorded time', () => {
    expect(events.map((event) => event.position)).toEqual(events.map((_, index) => index + 1));
    const backwards = events.filter(
      (event, index) => index > 0 && event.metadata.recordedAt < events[index - 1]!.metadata.recordedAt,
    );
    expect(backwards).toEqual([]);
  });

  it('decodes every line, and writes each back to the same line', () => {
    const failures = lines.flatMap((line, index) => {
      const decoded = decodeRecordedEvent(JSON.parse(line));
      if (E.isLeft(decoded)) return [`line ${index + 1}: ${decoded.left.message}`];
      return JSON.stringify(encodeRecordedEvent(decoded.right)) === line
        ? []
        : [`line ${index + 1} is not written back as read`];
    });
    expect(failures).toEqual([]);
  });

  it('replays every stream through its decider, each event accepted again as the command that produced it', () => {
    const failures: string[] = [];
    for (const [stream, history] of byStream(events)) {
      const decider = deciders[findCommandDefinition(commandOf(history[0]!).type)!.streamKind];
      let state = decider.initialState;
      for (const event of history) {
        const command = commandOf(event);
        const decoded = decodeCommand(command);
        const decision = decider.decide(command, state);
        if (E.isLeft(decoded)) failures.push(`${stream}@${event.position}: ${decoded.left.message}`);
        if (E.isLeft(decision)) {
          failures.push(`${stream}@${event.position} ${event.type}: ${decision.left.code}`);
          break;
        }
        expect(decision.right).toEqual([{ type: event.type, data: event.data }]);
        for (const accepted of decision.right) state = decider.evolve(state, accepted);
      }
    }
    expect(failures).toEqual([]);
  });

  it('holds every event type of the catalogue', () => {
    const types = new Set(events.map((event) => event.type));
    expect(eventCatalogue.map((definition) => definition.type).filter((type) => !types.has(type))).toEqual([]);
  });

  it('gives every event, command and session its own id', () => {
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(new Set(events.map((event) => event.metadata.commandId)).size).toBe(events.length);
    const sessionIds = events.flatMap((event) => (event.type === 'SessionLogged' ? [event.data.sessionId] : []));
    expect(new Set(sessionIds).size).toBe(sessionIds.length);
    expect(events[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('links follow-up commands to the command they follow from', () => {
    const byCommand = new Map(events.map((event) => [event.metadata.commandId, event]));
    const caused = events.filter((event) => event.metadata.causationId !== undefined);
    expect(caused.length).toBeGreaterThan(0);
    for (const event of caused) {
      const cause = byCommand.get(event.metadata.causationId!);
      expect(cause?.metadata.correlationId).toBe(event.metadata.correlationId);
      expect(cause!.position!).toBeLessThan(event.position!);
    }
  });

  it.each([
    [{ providers: 0, seed: 1 }, /providers must be a positive integer/],
    [{ providers: 2.5, seed: 1 }, /providers must be a positive integer/],
    [{ providers: 24, seed: -1 }, /seed must be an integer from 0 to 4294967295/],
    [{ providers: 24, seed: 2 ** 32 }, /seed must be an integer from 0 to 4294967295/],
  ])('refuses %j', (options, message) => {
    expect(() => generateDemoProgram(options).next()).toThrow(message);
  });
});
