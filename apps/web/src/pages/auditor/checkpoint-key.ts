/** What `GET /checkpoints/latest` answers: the largest tree the store signed, and the note as signed. */
export interface SignedCheckpoint {
  readonly size: number;
  readonly origin: string;
  /** The tree's root, base64. */
  readonly root: string;
  readonly signedAt: string;
  /** The C2SP signed note: origin, size and root lines, a blank line, one `— <key name> <signature>` line per key. */
  readonly note: string;
}

const SIGNATURE_PREFIX = '\u2014 ';
const KEY_ID_BYTES = 4;

const keyIdOf = (signature: string): string | undefined => {
  let bytes: string;
  try {
    bytes = atob(signature);
  } catch {
    return undefined;
  }
  if (bytes.length <= KEY_ID_BYTES) return undefined;
  return Array.from(bytes.slice(0, KEY_ID_BYTES), (char) => char.charCodeAt(0).toString(16).padStart(2, '0')).join('');
};

/**
 * The published verifier keys (`<name>+<hex key id>+<key>`) whose name and key id a signature line
 * of the note names: the keys the checkpoint says it was signed with. Whether the signature holds is
 * for `coachline verify` or any C2SP checker; the page only says which key to check it with.
 */
export const signingKeysOf = (note: string, published: ReadonlyArray<string>): string[] => {
  const blank = note.lastIndexOf('\n\n');
  if (blank === -1) return [];
  const claimed = note
    .slice(blank + 2)
    .split('\n')
    .filter((line) => line.startsWith(SIGNATURE_PREFIX))
    .map((line) => line.slice(SIGNATURE_PREFIX.length).split(' '))
    .flatMap(([name, signature]) => {
      const id = signature === undefined ? undefined : keyIdOf(signature);
      return name === undefined || id === undefined ? [] : [`${name}+${id}+`];
    });
  return published.filter((key) => claimed.some((prefix) => key.startsWith(prefix)));
};
