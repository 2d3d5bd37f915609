/** What a rebuild reports as it goes: enough for an operator to know how long to wait. */
export interface RebuildProgress {
  readonly projections: ReadonlyArray<string>;
  readonly events: number;
  readonly position: number;
  readonly headPosition: number;
  readonly eventsPerSecond: number;
  /** Seconds left at the current rate; undefined until a rate is known. */
  readonly secondsLeft?: number;
}

export const progressOf = (
  projections: ReadonlyArray<string>,
  startedAtMs: number,
  nowMs: number,
  events: number,
  position: number,
  headPosition: number,
): RebuildProgress => {
  const seconds = Math.max(0.001, (nowMs - startedAtMs) / 1000);
  const eventsPerSecond = Math.round(events / seconds);
  const left = Math.max(0, headPosition - position);
  return {
    projections,
    events,
    position,
    headPosition,
    eventsPerSecond,
    ...(eventsPerSecond > 0 ? { secondsLeft: Math.round(left / eventsPerSecond) } : {}),
  };
};
