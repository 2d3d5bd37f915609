/**
 * Entries kept by an id from outside as two lists, the ids in text order and each entry at its
 * id's place, found by a binary search. A view keeps one entry per session of the history: a
 * table (an object keyed by id) spends about twice the memory of the two lists on each entry,
 * and makes each id a key of its own. JSON as it is; lists, so no id ever keys an object.
 */
export interface ById<Entry> {
  readonly ids: string[];
  readonly entries: Entry[];
}

export const emptyById = <Entry>(): ById<Entry> => ({ ids: [], entries: [] });

/** The place of `id` among ids in text order when it is there; otherwise `-(the place it would take) - 1`. */
export const placeOf = (ids: ReadonlyArray<string>, id: string): number => {
  let high = ids.length - 1;
  // Ids mostly come in order (a provider's sessions are numbered as they are logged): one
  // comparison finds the place of a new one at the end.
  if (high < 0 || ids[high]! < id) return -ids.length - 1;
  let low = 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = ids[middle]!;
    if (found < id) low = middle + 1;
    else if (found > id) high = middle - 1;
    else return middle;
  }
  return -low - 1;
};

export const entryById = <Entry>(byId: ById<Entry>, id: string): Entry | undefined => {
  const place = placeOf(byId.ids, id);
  return place < 0 ? undefined : byId.entries[place];
};

/** Keeps `entry` as the one of `id`, in place of any it had. */
export const setById = <Entry>(byId: ById<Entry>, id: string, entry: Entry): void => {
  const place = placeOf(byId.ids, id);
  if (place >= 0) {
    byId.entries[place] = entry;
    return;
  }
  // Ids mostly come in order (a provider's sessions are numbered as they are logged): the
  // entry then goes at the end.
  const at = -place - 1;
  if (at === byId.ids.length) {
    byId.ids.push(id);
    byId.entries.push(entry);
  } else {
    byId.ids.splice(at, 0, id);
    byId.entries.splice(at, 0, entry);
  }
};
