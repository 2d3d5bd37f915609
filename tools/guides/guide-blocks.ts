// Reads a guide's shell blocks the way its reader reads them. The convention:
//
// - ```console: each `$ ` line is a command (a line ending in `\` continues it), every other line
//   up to the next command is what it prints, stdout and stderr as a terminal shows them.
// - ```sh (or bash, shell): a script run whole; its output is compared only when the very next
//   block (blank lines between at most) is ```text, ```json, ```http or unlabelled.
// - `<!-- not run: why -->` just before a block: counted, never run.
// - `<!-- run: api NAME=value … -->` just before a block: the API is started (`npm start`) on a
//   fresh store before that block, with `API` and `PORT` set in the guide's shell.
// - `<!-- needs: postgres -->` just before a block: run only when the PostgreSQL server at
//   127.0.0.1:5432 answers (and psql is installed), counted as not run otherwise.
// - A line `…` in shown output stands for any lines; `…` within a line for any text on it.

export interface Command {
  /** The command as the reader types it, continuation lines included. */
  readonly text: string;
  /** What the guide shows it printing (possibly nothing). */
  readonly expected: string;
}

export interface ApiStart {
  /** NAME=value pairs the API is started with (relative paths are taken from the guide's folder). */
  readonly env: ReadonlyArray<readonly [string, string]>;
}

interface BlockBase {
  /** 1-based line of the opening fence in the guide. */
  readonly line: number;
  /** The block's first line, to name it in a failure. */
  readonly title: string;
}

export interface ConsoleBlock extends BlockBase {
  readonly kind: 'console';
  readonly commands: ReadonlyArray<Command>;
  readonly api: ApiStart | undefined;
  /** What the block needs besides the workspace (`postgres`). */
  readonly needs: ReadonlyArray<string>;
}

export interface ScriptBlock extends BlockBase {
  readonly kind: 'script';
  readonly script: string;
  /** The output block that follows it, if any. */
  readonly expected: string | undefined;
  readonly api: ApiStart | undefined;
  readonly needs: ReadonlyArray<string>;
}

export interface NotRunBlock extends BlockBase {
  readonly kind: 'not-run';
  readonly reason: string;
}

/** A block the runner refuses to run as written, with why. */
export interface RefusedBlock extends BlockBase {
  readonly kind: 'refused';
  readonly problem: string;
}

export type GuideBlock = ConsoleBlock | ScriptBlock | NotRunBlock | RefusedBlock;

interface Fence {
  readonly line: number;
  readonly language: string;
  readonly body: ReadonlyArray<string>;
  /** HTML comments between the previous block (or prose) and this fence. */
  readonly markers: ReadonlyArray<string>;
  /** Only blank lines separate this fence from the previous one. */
  readonly adjacent: boolean;
}

const SCRIPT_LANGUAGES = new Set(['sh', 'bash', 'shell', 'zsh']);
const OUTPUT_LANGUAGES = new Set(['', 'text', 'json', 'http', 'console-output']);
// Commands that would change the shared checkout or need what a test machine lacks; a guide
// may show them, but only under a not-run marker.
const NEVER_RUN = [
  /(^|[\s;&|(])npm (ci|install|i)\b/,
  /(^|[\s;&|(])git (clean|reset|checkout)\b/,
  /(^|[\s;&|(])docker\b/,
];
const LOOKS_LIKE_COMMANDS = /^(\$ |npm |npx |node |curl |coachline )/;

const fences = (markdown: string): ReadonlyArray<Fence> => {
  const lines = markdown.split('\n');
  const found: Fence[] = [];
  let markers: string[] = [];
  let sinceLastFence: 'fence' | 'blank' | 'prose' = 'prose';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*$/.exec(line);
    if (open) {
      const indent = open[1]?.length ?? 0;
      const fence = open[2] ?? '```';
      const body: string[] = [];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const inner = lines[j] ?? '';
        if (inner.trim().startsWith(fence) && inner.trim().replace(/[`~]/g, '') === '') break;
        body.push(inner.slice(Math.min(indent, inner.length - inner.trimStart().length)));
      }
      found.push({
        line: i + 1,
        language: (open[3] ?? '').toLowerCase(),
        body,
        markers,
        adjacent: sinceLastFence !== 'prose' && markers.length === 0,
      });
      markers = [];
      sinceLastFence = 'fence';
      i = j;
      continue;
    }
    const comment = /^\s*<!--\s*([\s\S]*?)\s*-->\s*$/.exec(line);
    if (comment) {
      markers.push(comment[1] ?? '');
      sinceLastFence = 'prose';
      continue;
    }
    if (line.trim() === '') {
      if (sinceLastFence === 'fence') sinceLastFence = 'blank';
      continue;
    }
    markers = [];
    sinceLastFence = 'prose';
  }
  return found;
};

const notRunReason = (markers: ReadonlyArray<string>): string | undefined => {
  for (const marker of markers) {
    const match = /^not run:\s*(.+)$/i.exec(marker);
    if (match) return match[1]?.trim();
  }
  return undefined;
};

const apiStart = (markers: ReadonlyArray<string>): ApiStart | undefined => {
  for (const marker of markers) {
    const match = /^run:\s*api\b(.*)$/i.exec(marker);
    if (match)
      return {
        env: (match[1] ?? '')
          .trim()
          .split(/\s+/)
          .filter((pair) => pair !== '')
          .map((pair) => {
            const at = pair.indexOf('=');
            return [pair.slice(0, at), pair.slice(at + 1)] as const;
          }),
      };
  }
  return undefined;
};

const needsOf = (markers: ReadonlyArray<string>): ReadonlyArray<string> =>
  markers.flatMap((marker) => {
    const match = /^needs:\s*(.+)$/i.exec(marker);
    return match ? (match[1] ?? '').split(/[\s,]+/).filter((need) => need !== '') : [];
  });

/** Splits a console block into commands and the lines each prints. */
export const consoleCommands = (body: ReadonlyArray<string>): ReadonlyArray<Command> | string => {
  const commands: Array<{ text: string[]; output: string[] }> = [];
  for (let i = 0; i < body.length; i++) {
    const line = body[i] ?? '';
    if (line.startsWith('$ ') || line === '$') {
      const text = [line.slice(2)];
      while ((text[text.length - 1] ?? '').endsWith('\\') && i + 1 < body.length) text.push(body[++i] ?? '');
      commands.push({ text, output: [] });
    } else {
      const current = commands[commands.length - 1];
      if (current === undefined) return `a console block starts with a "$ " command; label output alone as text`;
      current.output.push(line);
    }
  }
  if (commands.length === 0) return 'a console block holds no "$ " command';
  return commands.map(({ text, output }) => ({ text: text.join('\n'), expected: output.join('\n') }));
};

const titleOf = (body: ReadonlyArray<string>): string =>
  (body.find((line) => line.trim() !== '') ?? '(empty block)').trim().slice(0, 100);

const refusal = (text: string): string | undefined =>
  NEVER_RUN.some((pattern) => pattern.test(text))
    ? 'it would change the checkout or needs what tests lack; mark it <!-- not run: why -->'
    : undefined;

/** Every shell block of a guide, in order, as the runner takes them. */
export const guideBlocks = (markdown: string): ReadonlyArray<GuideBlock> => {
  const all = fences(markdown);
  const blocks: GuideBlock[] = [];
  for (let i = 0; i < all.length; i++) {
    const fence = all[i] as Fence;
    const next = all[i + 1];
    const title = titleOf(fence.body);
    const reason = notRunReason(fence.markers);
    const isScript = SCRIPT_LANGUAGES.has(fence.language);
    const output =
      isScript && next !== undefined && next.adjacent && OUTPUT_LANGUAGES.has(next.language) ? next : undefined;
    const isShell =
      isScript ||
      fence.language === 'console' ||
      (fence.language === '' && LOOKS_LIKE_COMMANDS.test(fence.body.find((l) => l.trim() !== '') ?? ''));
    if (output !== undefined) i++;
    if (!isShell) continue;
    if (reason !== undefined) {
      blocks.push({ kind: 'not-run', line: fence.line, title, reason });
      continue;
    }
    if (fence.language === '') {
      blocks.push({
        kind: 'refused',
        line: fence.line,
        title,
        problem: 'an unlabelled block of commands: label it console or sh, or mark it <!-- not run: why -->',
      });
      continue;
    }
    const text = fence.body.join('\n');
    const refused = refusal(text);
    if (refused !== undefined) {
      blocks.push({ kind: 'refused', line: fence.line, title, problem: refused });
      continue;
    }
    const api = apiStart(fence.markers);
    const needs = needsOf(fence.markers);
    if (fence.language === 'console') {
      const commands = consoleCommands(fence.body);
      blocks.push(
        typeof commands === 'string'
          ? { kind: 'refused', line: fence.line, title, problem: commands }
          : { kind: 'console', line: fence.line, title, commands, api, needs },
      );
    } else {
      blocks.push({
        kind: 'script',
        line: fence.line,
        title,
        script: text,
        expected: output?.body.join('\n'),
        api,
        needs,
      });
    }
  }
  return blocks;
};
