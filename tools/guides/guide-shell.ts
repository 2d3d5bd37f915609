// One shell per guide, as a reader has one terminal: each command runs in a fresh bash that
// first takes in the variables, functions, folder and exit status the previous one left, so a
// failing command's `echo $?` reads its code. Output goes to a file, not a pipe, so a server a
// block starts in the background never holds the runner up.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A command still running after this long is stopped: a guide's command ends on its own. */
const COMMAND_LIMIT_MS = 5 * 60_000;

export interface Ran {
  readonly status: number;
  /** stdout and stderr interleaved, as a terminal shows them. */
  readonly output: string;
}

// Variables bash sets itself or will not take back.
const OWN_VARIABLES =
  '^(BASH.*|EUID|PPID|SHELLOPTS|UID|GROUPS|FUNCNAME|PIPESTATUS|RANDOM|SRANDOM|SECONDS|LINENO|HISTCMD|DIRSTACK|OPTIND|OPTERR|OPTARG|_|COLUMNS|LINES|EPOCHSECONDS|EPOCHREALTIME|HOSTNAME|HOSTTYPE|IFS|MACHTYPE|OSTYPE|PS4|SHLVL|PWD|OLDPWD|COMP_WORDBREAKS|__guide_.*)$';

export class GuideShell {
  private status = 0;
  private readonly state: string;
  private readonly output: string;
  private readonly script: string;
  /** Process groups of the shells run, so that what they left running can be stopped. */
  private readonly groups = new Set<number>();

  constructor(
    private readonly folder: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly limitMs = COMMAND_LIMIT_MS,
  ) {
    this.state = join(folder, '.guide-shell-state');
    this.output = join(folder, '.guide-shell-output');
    this.script = join(folder, '.guide-shell-command');
  }

  /** Sets a variable for every later command, as `export NAME=value` would. */
  async export(name: string, value: string): Promise<void> {
    await this.run(`export ${name}=${shellQuote(value)}`);
  }

  /** Runs one command (`stopOnError` for a script: `set -e`, as the reader's script would stop). */
  async run(command: string, stopOnError = false): Promise<Ran> {
    const saveState = [
      `__guide_status=$?`,
      `{ declare -p $(compgen -v | grep -Ev '${OWN_VARIABLES}') 2>/dev/null; declare -f; printf 'cd %q\\n' "$PWD"; } > ${shellQuote(this.state)}`,
      `exit $__guide_status`,
    ].join('\n');
    await writeFile(
      this.script,
      [
        `[ -f ${shellQuote(this.state)} ] && source ${shellQuote(this.state)}`,
        `(exit ${this.status})`,
        stopOnError ? `set -e\n${command}\nset +e` : command,
        saveState,
        '',
      ].join('\n'),
    );
    const status = await new Promise<number>((done, fail) => {
      const child = spawn(
        'bash',
        ['-uo', 'pipefail', '-c', `exec > ${shellQuote(this.output)} 2>&1; source ${shellQuote(this.script)}`],
        {
          cwd: this.folder,
          env: this.env,
          stdio: 'ignore',
          detached: true,
        },
      );
      if (child.pid !== undefined) this.groups.add(child.pid);
      const limit = setTimeout(() => {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      }, this.limitMs);
      child.once('error', fail);
      child.once('exit', (code, signal) => {
        clearTimeout(limit);
        done(code ?? (signal === 'SIGKILL' ? 124 : 128));
      });
    });
    this.status = status;
    const output = await readFile(this.output, 'utf8');
    return status === 124
      ? { status, output: `${output}(stopped: still running after ${this.limitMs} ms)\n` }
      : { status, output };
  }

  /** Stops whatever the guide's commands left running (a server started with `&`). */
  stop(): void {
    for (const group of this.groups) {
      try {
        process.kill(-group, 'SIGTERM');
      } catch {
        // The group has ended already.
      }
    }
    this.groups.clear();
  }
}

export const shellQuote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;
