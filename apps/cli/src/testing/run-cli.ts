import { Writable } from 'node:stream';
import { runCli } from '../program';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const collector = () => {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
};

/** Runs the command line in this process, capturing what it prints and its exit code. */
export const cli = async (...argv: string[]): Promise<CliRun> => {
  const out = collector();
  const err = collector();
  const code = await runCli(argv, { out: out.stream, err: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
};
