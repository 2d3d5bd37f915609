import { RESERVED_IDS } from '@coachline/domain';

/**
 * Names an ordinary JavaScript object answers to by inheritance (`__proto__`, `constructor`,
 * `toString`, `hasOwnProperty`…). The codecs refuse them as ids, but a store written before
 * they did may hold them: every fold must treat them as the opaque ids they are there.
 */
export const HOSTILE_IDS: ReadonlyArray<string> = [...RESERVED_IDS];

/**
 * Stream names, the pseudonyms the specs make (`provider-<id>`, `child-<id>`) and the requirements a guide asks
 * once per screening (`asq-se2-scored-<id>`) carry an id after their kind.
 */
const KIND_AND_ID = /^(community|coach|provider|agreement|screening|child|asq-se2-scored|asq-se2-follow-up)-(.+)$/;

/**
 * The ordinary id a hostile one is renamed to: the same name with `-x` after it. No hostile name
 * is the start of another, and the ordinary ids of the specs start with none of them, so the
 * renaming keeps the order of any two ids of a history: views sorted by id list the same
 * records in the same order.
 */
export const ordinaryIdOf = (hostile: string): string => `${hostile}-x`;

const renamedText = (text: string): string => {
  if (RESERVED_IDS.has(text)) return ordinaryIdOf(text);
  const named = KIND_AND_ID.exec(text);
  return named && RESERVED_IDS.has(named[2]!) ? `${named[1]}-${ordinaryIdOf(named[2]!)}` : text;
};

/**
 * A value with every hostile id renamed to its ordinary one, wherever it sits: a string, a
 * stream name (`provider-__proto__`), a key (observation scores). The copy is plain JSON.
 */
export const withHostileIdsRenamed = <T>(value: T): T => {
  if (typeof value === 'string') return renamedText(value) as T;
  if (Array.isArray(value)) return value.map(withHostileIdsRenamed) as T;
  if (typeof value !== 'object' || value === null) return value;
  // Renamed keys are never reserved names, so they are safe keys of a plain object.
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [renamedText(key), withHostileIdsRenamed(inner)]),
  ) as T;
};

/**
 * Every own property of `Object.prototype` with its descriptor, functions by identity: equal
 * before and after a fold only if the fold added, replaced or removed nothing there.
 */
export const prototypeSnapshot = (): ReadonlyArray<readonly unknown[]> =>
  Object.getOwnPropertyNames(Object.prototype)
    .sort()
    .map((name) => {
      const { value, get, set, writable, enumerable, configurable } = Object.getOwnPropertyDescriptor(
        Object.prototype,
        name,
      )!;
      return [name, value, get, set, writable, enumerable, configurable];
    });
