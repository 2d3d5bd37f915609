import { readFile } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import { escapeUnsafe, printableText, type DomainError } from '@coachline/domain';
import { FailureError } from '../commands/usage-error';

const REASONS = new Map([
  ['ENOENT', 'no such file'],
  ['ENOTDIR', 'no such file'],
  ['EISDIR', 'it is a folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
]);

/** Proof and checkpoint files are small; a larger one is no such file and is not read whole. */
const MAX_BYTES = 1 << 20;

/** A file an auditor was handed, as text; one line saying why when it cannot be read. */
export const readSmallFile = async (file: string): Promise<string> => {
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_BYTES)
      throw new FailureError(
        `${escapeUnsafe(file)}: the file is larger than any proof or checkpoint (${MAX_BYTES} bytes)`,
      );
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof FailureError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new FailureError(
      `${escapeUnsafe(file)}: cannot read the file: ${(code !== undefined ? REASONS.get(code) : undefined) ?? code ?? 'error'}`,
    );
  }
};

/** The wrong fields of a decoding, each named, in one line. */
export const fieldsOf = (error: DomainError): string =>
  error.errors.length === 0
    ? printableText(error.message)
    : `${printableText(error.message.split(':')[0] ?? '')}: ${error.errors
        .map((e) => `${printableText(e.path || '(file)')}: ${printableText(e.message)}`)
        .join('; ')}`;

/** A proof file read and decoded, or one line naming the file and each wrong field. */
export const readProofFile = async <A>(
  file: string,
  decode: (input: unknown) => E.Either<DomainError, A>,
): Promise<A> => {
  const text = await readSmallFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FailureError(`${escapeUnsafe(file)}: not valid JSON: ${printableText((error as Error).message)}`);
  }
  const decoded = decode(json);
  if (E.isLeft(decoded)) throw new FailureError(`${escapeUnsafe(file)}: ${fieldsOf(decoded.left)}`);
  return decoded.right;
};

/** A checkpoint file: the signed note as `coachline checkpoint --out` writes it. */
export const readCheckpointFile = async (file: string): Promise<string> => readSmallFile(file);
