import type { CommandRoute } from '../../api/commands';

/** The three commands the API grants an observer (apps/api grants.ts), each on the provider's stream. */
export const SCHEDULE_OBSERVATION: CommandRoute = {
  type: 'ScheduleObservation',
  collection: 'providers',
  action: 'observations',
};
export const COMPLETE_OBSERVATION: CommandRoute = {
  type: 'CompleteObservation',
  collection: 'providers',
  action: 'observation-results',
};
export const HOLD_DEBRIEF: CommandRoute = { type: 'HoldDebrief', collection: 'providers', action: 'debriefs' };

/** A score as typed: its name and its value as text, until the form is sent. */
export interface ScoreRow {
  readonly name: string;
  readonly value: string;
}

/**
 * The scores as the command carries them, keyed by name in an object without a prototype (the
 * names are typed by people). A value that is not a number stays text, for the codec to name.
 */
export const scoresOf = (rows: ReadonlyArray<ScoreRow>): Record<string, unknown> => {
  const scores: Record<string, unknown> = Object.create(null);
  for (const { name, value } of rows) {
    const trimmed = value.trim();
    if (name.trim() === '' && trimmed === '') continue;
    scores[name.trim()] = trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  }
  return { ...scores };
};

/** One sentence a line, blank lines left out: how a debrief's strengths and next steps are typed. */
export const sentencesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
