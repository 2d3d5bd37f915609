/**
 * What an attacker holding the files left after an erasure could try: every wrapped key any of
 * them holds, every key-encryption key the key file holds, and every sealed child field an export
 * or the events carry. The erasure tests try them all against each other; nothing may open.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSealedValue, type SealedValue } from '@coachline/domain';
import {
  openValue,
  unwrapChildKey,
  WRAPPED_KEY_BYTES,
  WRAPPED_KEY_PREFIX,
  type ChildKey,
  type KeyEncryptionKey,
} from '@coachline/eventstore';

/** Every file under a folder, recursively. */
export const filesUnder = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** The files under the folders that hold any of the byte strings, with which one. */
export const filesHolding = async (
  dirs: ReadonlyArray<string>,
  secrets: ReadonlyArray<{ readonly name: string; readonly bytes: Uint8Array }>,
): Promise<string[]> => {
  const found: string[] = [];
  for (const dir of dirs)
    for (const file of await filesUnder(dir)) {
      const bytes = await readFile(file);
      for (const secret of secrets)
        if (bytes.includes(Buffer.from(secret.bytes))) found.push(`${secret.name} in ${file}`);
    }
  return found;
};

/** A key's bytes in the forms a file could hold them: raw, hex, base64. */
export const keyForms = (name: string, key: Uint8Array): Array<{ name: string; bytes: Uint8Array }> => [
  { name: `${name} (raw)`, bytes: key },
  { name: `${name} (hex)`, bytes: Buffer.from(Buffer.from(key).toString('hex')) },
  { name: `${name} (base64)`, bytes: Buffer.from(Buffer.from(key).toString('base64')) },
];

/** Every wrapped key any file under the folders holds: table files, write-ahead log segments, anything. */
export const wrappedKeysUnder = async (dirs: ReadonlyArray<string>): Promise<Buffer[]> => {
  const found = new Map<string, Buffer>();
  for (const dir of dirs)
    for (const file of await filesUnder(dir)) {
      const bytes = await readFile(file);
      for (let at = bytes.indexOf(WRAPPED_KEY_PREFIX); at >= 0; at = bytes.indexOf(WRAPPED_KEY_PREFIX, at + 1)) {
        const candidate = Buffer.from(bytes.subarray(at, at + WRAPPED_KEY_BYTES));
        found.set(candidate.toString('hex'), candidate);
      }
    }
  return [...found.values()];
};

/** Every key-encryption key in a key file, whichever store it is kept for. */
export const keyEncryptionKeysIn = async (keyFile: string): Promise<KeyEncryptionKey[]> => {
  const content = JSON.parse(await readFile(keyFile, 'utf8')) as {
    stores: Array<{ keys: Array<{ generation: number; key: string }> }>;
  };
  return content.stores.flatMap((store) =>
    store.keys.map((kek) => ({ generation: kek.generation, key: Buffer.from(kek.key, 'base64') })),
  );
};

export interface SealedField {
  readonly stream: string;
  readonly eventId: string;
  readonly field: string;
  readonly value: SealedValue;
}

/** The sealed child fields of events (lines of an export, rows of a store). */
export const sealedFieldsOf = (
  events: ReadonlyArray<{ readonly id: string; readonly stream: string; readonly data: unknown }>,
): SealedField[] =>
  events.flatMap((event) =>
    Object.entries((event.data ?? {}) as Record<string, unknown>).flatMap(([field, value]) =>
      isSealedValue(value) ? [{ stream: event.stream, eventId: event.id, field, value }] : [],
    ),
  );

const attempt = <T>(work: () => T): T | undefined => {
  try {
    return work();
  } catch {
    return undefined;
  }
};

/**
 * Every child key the wrapped keys give up under the key-encryption keys, whichever key id, child
 * and generation they are taken for (the ids from the sealed fields, the children from the events).
 */
export const keysOpenedFrom = (
  wrapped: ReadonlyArray<Uint8Array>,
  keks: ReadonlyArray<KeyEncryptionKey>,
  keyIds: ReadonlyArray<string>,
  childRefs: ReadonlyArray<string>,
): ChildKey[] => {
  const generations = Array.from({ length: Math.max(0, ...keks.map((kek) => kek.generation)) + 1 }, (_, i) => i + 1);
  const opened: ChildKey[] = [];
  for (const candidate of wrapped)
    for (const kek of keks)
      for (const generation of generations)
        for (const keyId of keyIds)
          for (const childRef of childRefs) {
            const key = attempt(() => unwrapChildKey(candidate, keyId, childRef, { generation, key: kek.key }));
            if (key !== undefined) opened.push(key);
          }
  return opened;
};

/**
 * The plain values of the sealed fields that open with anything given: the keys opened from the
 * wrapped keys, the key-encryption keys used directly, and any other key the caller adds.
 */
export const openWithEverything = (
  fields: ReadonlyArray<SealedField>,
  disk: {
    readonly wrapped: ReadonlyArray<Uint8Array>;
    readonly keks: ReadonlyArray<KeyEncryptionKey>;
    readonly childRefs: ReadonlyArray<string>;
  },
): unknown[] => {
  const keyIds = [...new Set(fields.map((field) => field.value.sealed.keyId))];
  const keys = [
    ...keysOpenedFrom(disk.wrapped, disk.keks, keyIds, disk.childRefs),
    ...disk.keks.flatMap((kek) => keyIds.map((keyId) => ({ keyId, key: kek.key }))),
  ];
  const opened: unknown[] = [];
  for (const field of fields)
    for (const key of keys) {
      if (key.keyId !== field.value.sealed.keyId) continue;
      const plain = attempt(() =>
        openValue(field.value, key, { stream: field.stream, eventId: field.eventId, field: field.field }),
      );
      if (plain !== undefined) opened.push(plain);
    }
  return opened;
};
