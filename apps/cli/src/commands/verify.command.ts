import { verifyEventFile } from '../event-file/verify-event-file';
import { formatLineError } from '../event-file/line-error';
import { progressOnStderr } from '../output/progress';
import { FailureError } from './usage-error';
import { ensureReadable } from './options';

export interface VerifyOptions {
  readonly events: string;
}

/** `coachline verify --events FILE`: every line checked, every error listed, nothing written. */
export const verifyCommand = async (options: VerifyOptions, out: NodeJS.WritableStream): Promise<void> => {
  await ensureReadable(options.events);
  const progress = progressOnStderr('verify');
  const verification = await verifyEventFile(options.events, (count) => progress.tick(count));
  progress.stop();
  if (verification.errors.length > 0) {
    throw new FailureError(
      [
        ...verification.errors.map((e) => formatLineError(options.events, e)),
        `${verification.errors.length} error(s) in ${verification.events} event(s)`,
      ].join('\n'),
    );
  }
  out.write(`${options.events}: ${verification.events} events, no errors\n`);
};
