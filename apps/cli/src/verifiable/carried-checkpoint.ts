import { open } from 'node:fs/promises';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { decodeWith, struct } from '@coachline/domain';
import { CHECKPOINT_LINE_START } from '../event-file/read-event-lines';

/**
 * The checkpoint an export carries as its last line: the store's latest signed checkpoint when the
 * export began, and the verifier keys the store published. It lets `verify --events` tell a file
 * whose newest events were cut from a file that was whole.
 */
export const CarriedCheckpoint = struct('CarriedCheckpoint', {
  /** The C2SP signed note, exactly as signed. */
  note: t.string,
  keys: t.array(t.string),
});
export type CarriedCheckpoint = t.TypeOf<typeof CarriedCheckpoint>;

const CheckpointLine = struct('CheckpointLine', { checkpoint: CarriedCheckpoint });

const decodeLine = decodeWith(CheckpointLine, 'The checkpoint line');

/** The line an export ends with; its start is the one every reader of event files recognises. */
export const checkpointLineText = (carried: CarriedCheckpoint): string =>
  `${JSON.stringify({ checkpoint: { note: carried.note, keys: carried.keys } })}\n`;

/** Reads a checkpoint line, naming each wrong field. */
export const decodeCheckpointLine = (text: string): E.Either<string, CarriedCheckpoint> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return E.left(`the checkpoint line is not valid JSON: ${(error as Error).message}`);
  }
  const decoded = decodeLine(json);
  if (E.isLeft(decoded))
    return E.left(
      `the checkpoint line is invalid: ${decoded.left.errors.map((e) => `${e.path || '(line)'}: ${e.message}`).join('; ')}`,
    );
  return E.right(decoded.right.checkpoint);
};

/** Far more than a note with a few signatures and keys takes; a longer last line is no checkpoint line. */
const TAIL_BYTES = 1 << 20;

/**
 * The file's last non-blank line when it is a checkpoint line, read from the end of the file: a
 * check needs the checkpoint's size before it streams the events. The streaming reader hands the
 * same line back at the end (`onCheckpoint`), which is what a check finally holds to.
 */
export const trailingCheckpointLine = async (file: string): Promise<string | undefined> => {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    const text = tail.toString('utf8').replace(/\s+$/u, '');
    const start = text.lastIndexOf('\n') + 1;
    if (start === 0 && length < size) return undefined;
    const last = text.slice(start).replace(/\r$/u, '');
    return last.startsWith(CHECKPOINT_LINE_START.toString('utf8')) ? last : undefined;
  } finally {
    await handle.close();
  }
};
