import { spawn } from 'node:child_process';
import { join } from 'node:path';
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

export interface CliProcessRun extends CliRun {
  /** How long the process took, from start to its end. */
  readonly ms: number;
}

/** The `coachline` executable, as `npx coachline` runs it. */
export const COACHLINE_BIN = join(__dirname, '..', '..', 'bin', 'coachline.js');

/**
 * Runs the command line as its own process, to its end: what a shell sees, including whether the
 * process ends at all once it has answered.
 */
export const cliProcess = (
  argv: ReadonlyArray<string>,
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<CliProcessRun> =>
  new Promise((done, fail) => {
    const started = Date.now();
    // Jest's own Node options (VM modules) are not the user's.
    const { NODE_OPTIONS: _jestOptions, ...inherited } = process.env;
    const child = spawn(process.execPath, [COACHLINE_BIN, ...argv], {
      cwd: options.cwd ?? process.cwd(),
      env: { ...inherited, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
