import { readEventLines } from './event-lines';

/**
 * The floor for a replay: split the file into lines on its bytes, JSON.parse each and add up
 * session minutes. No validation, no view: what any reader of the file must at least do.
 */
export const parseAndSum = async (file: string): Promise<{ events: number; minutes: number }> => {
  let events = 0;
  let minutes = 0;
  for await (const line of readEventLines(file)) {
    const event = JSON.parse(line) as { type: string; data: { durationMinutes?: number } };
    events++;
    if (event.type === 'SessionLogged') minutes += event.data.durationMinutes ?? 0;
  }
  return { events, minutes };
};
