import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import { escapeUnsafe } from '@coachline/domain';
import { parseVerifierKeys, type NoteVerifier } from '@coachline/eventstore';
import { UsageError } from '../commands/usage-error';

/** The verifier keys a check trusts, and whether the auditor gave them or the checked material carried them. */
export interface TrustedKeys {
  readonly verifiers: readonly NoteVerifier[];
  readonly given: boolean;
}

/** A key's name may hold '/', as a path does; what holds a key id between two '+' is taken for a key. */
const looksLikeKey = (text: string): boolean => /^[^\s+]+\+[0-9a-f]{8}\+\S+$/u.test(text);

/**
 * `--key`: a verifier key string (`<name>+<key id>+<key>`), or a file holding one or more, one a
 * line (as the API's GET /checkpoints/keys and `coachline checkpoint` print them).
 */
export const readGivenKeys = async (value: string): Promise<NoteVerifier[]> => {
  let lines: string[];
  if (looksLikeKey(value)) lines = [value];
  else {
    let text: string;
    try {
      text = await readFile(value, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        `--key: expected a verifier key <name>+<key id>+<key> or a file holding one, and ${escapeUnsafe(value)} is neither (${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')})`,
      );
    }
    lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (lines.length === 0) throw new UsageError(`--key: ${escapeUnsafe(value)} holds no verifier key`);
  }
  const parsed = parseVerifierKeys(lines);
  if (E.isLeft(parsed)) throw new UsageError(`--key: ${escapeUnsafe(parsed.left)}`);
  return parsed.right;
};

/** Keys carried by what is checked, used only when the auditor gave none. */
export const carriedKeys = (keys: readonly string[], where: string): E.Either<string, readonly NoteVerifier[]> => {
  if (keys.length === 0) return E.left(`${where} carries no verifier key; give the store's with --key`);
  return parseVerifierKeys(keys);
};

/** What a check whose keys came with the checked material does not prove; printed with every such check. */
export const CARRIED_KEYS_NOTE =
  'note: signatures checked with the keys the file carries, not with one you gave (--key): this shows the file agrees with itself, not that it is the history of the store you trust';

/** The same, for keys the store that is checked publishes itself. */
export const STORE_KEYS_NOTE =
  'note: signatures checked with the keys the store itself publishes, not with one you gave (--key): a store replaced whole would publish its own; give the key you noted to prove it is the history you trust';
