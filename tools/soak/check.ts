import { isDeepStrictEqual } from 'node:util';
import type { EventStore } from '@coachline/eventstore';
import { asRecordedEvent } from '@coachline/views';
import { findProjection, render, startFold } from '@coachline/projections';
import type { CommandRecord } from './traffic';

/** The views compared with a clean rebuild: every one an admin reads whole. */
export const COMPARED_VIEWS = ['dosage', 'timeline', 'cycles', 'share', 'evaluation'] as const;

export interface StoreCheck {
  readonly events: number;
  readonly head: number;
  /** Accepted, yet not in the store. */
  readonly lost: string[];
  /** In the store more often than the API said it recorded them. */
  readonly doubled: string[];
  /** Refused or given up on by the client, yet in the store. */
  readonly refusedButStored: string[];
  /** Command ids with the same event (type and stream) stored more than once. */
  readonly duplicateCommandIds: string[];
  readonly rebuilt: Readonly<Record<string, unknown>>;
}

const byCommand = (events: ReadonlyArray<{ id: string; type: string; stream: string; metadata: unknown }>) => {
  const grouped = new Map<string, Array<{ id: string; type: string; stream: string }>>();
  for (const event of events) {
    const commandId = (event.metadata as { commandId?: string }).commandId ?? '(none)';
    const list = grouped.get(commandId) ?? [];
    list.push(event);
    grouped.set(commandId, list);
  }
  return grouped;
};

/**
 * Reads the whole store once: every accepted command there exactly once (by the command id in
 * its events' metadata, against the events the API answered with), no refused one there, no
 * command id doubled, and each view folded from nothing with the projections.
 */
export const checkStore = async (
  store: EventStore,
  commands: ReadonlyMap<string, CommandRecord>,
): Promise<StoreCheck> => {
  const folds = COMPARED_VIEWS.map((name) => ({
    name,
    projection: findProjection(name)!,
    fold: startFold(findProjection(name)!, {}),
  }));
  const events: Array<{ id: string; type: string; stream: string; metadata: unknown }> = [];
  let head = 0;
  for await (const stored of store.readAll()) {
    events.push({ id: stored.id, type: stored.type, stream: stored.stream, metadata: stored.metadata });
    const recorded = asRecordedEvent(stored);
    for (const { fold } of folds) fold.push(recorded);
    head = stored.position;
  }
  const grouped = byCommand(events);
  const lost: string[] = [];
  const doubled: string[] = [];
  const refusedButStored: string[] = [];
  for (const record of commands.values()) {
    const stored = grouped.get(record.key) ?? [];
    if (record.outcome === 'accepted') {
      const answered = record.accepted!.events.map((e) => e.id).sort();
      if (stored.length === 0) lost.push(record.key);
      else if (!isDeepStrictEqual(stored.map((e) => e.id).sort(), answered)) doubled.push(record.key);
    } else if (stored.length > 0) refusedButStored.push(record.key);
  }
  const duplicateCommandIds = [...grouped.entries()]
    .filter(
      ([commandId, list]) =>
        commandId !== '(none)' && new Set(list.map((e) => `${e.type} ${e.stream}`)).size < list.length,
    )
    .map(([commandId]) => commandId);
  const rebuilt = Object.fromEntries(
    folds.map(({ name, projection, fold }) => [name, render(projection, fold.result(), {})]),
  );
  return { events: events.length, head, lost, doubled, refusedButStored, duplicateCommandIds, rebuilt };
};

/** The first place two JSON values differ, as a path, or undefined when they are equal. */
export const firstDifference = (a: unknown, b: unknown, path = ''): string | undefined => {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  )
    return `${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 120)} ≠ ${JSON.stringify(b)?.slice(0, 120)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (found) return found;
  }
  return `${path || '(root)'}: differ`;
};
