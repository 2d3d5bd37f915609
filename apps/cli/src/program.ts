import { Command, CommanderError } from 'commander';
import { version } from '../package.json';

// The commands' code is required when a command runs (see actions.ts); a CommonJS require, as the
// built command line is CommonJS, typed by the module's own types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const actions = (): typeof import('./actions') => require('./actions');

export interface Io {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
}

/** Exit codes (docs/auditing.md): 0 ok, 1 rule or validation failure or unreadable file, 2 bad usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

const STORE_HELP = 'memory:, a folder (embedded PGlite), postgres://… or esdb://…';
const AS_HELP = 'who reads, as the access log records it (default: the operating-system user)';
const KEY_HELP =
  'the verifier key checkpoints must be signed under (<name>+<key id>+<key>), or a file holding it (else the keys the file or store carries, which proves less)';
const KEY_FILE_HELP =
  'the key file of the store’s children’s keys (else COACHLINE_KEY_FILE, else <store folder>-keys/key-encryption-key.json)';

/** The options `replay` and `view` share: which moment, whom, and in which format. */
interface ViewFlags {
  readonly asOf?: string;
  readonly provider?: string;
  readonly community?: string;
  readonly stream?: string;
  readonly format?: string;
}

const withViewOptions = (command: Command): Command =>
  command
    .option('--as-of <instant>', 'as the program knew it then (default: the latest recordedAt)')
    .option('--provider <id>', 'only this provider')
    .option('--community <id>', 'only this community')
    .option('--stream <stream>', 'for the history view: only this stream')
    .option('--format <format>', 'json, csv or table', 'json');

const viewSelectionOf = (view: string, flags: ViewFlags) => {
  const { parseAsOf, parseFormat, parseId, parseViewName } = actions();
  return {
    view: parseViewName(view),
    format: parseFormat(flags.format),
    ...optional('asOf', parseAsOf(flags.asOf)),
    ...optional('providerId', parseId('--provider', flags.provider)),
    ...optional('communityId', parseId('--community', flags.community)),
    ...optional('stream', parseId('--stream', flags.stream)),
  };
};

const buildProgram = (io: Io): Command => {
  const program = new Command('coachline')
    .description('Verify, import, export and replay Coachline histories, and read their views.')
    .version(version, '-V, --version', 'print the version of coachline')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(run coachline --help for usage)');

  program
    .command('verify')
    .description(
      'check every line of an event file (list line:path errors), or the hash chain and signed tree of a store or an export; or a proof',
    )
    .option('--events <file>', 'the event file (JSON Lines), checked against the checkpoint it ends with')
    .option('--store <url>', `the store whose hash chain and tree to recompute: ${STORE_HELP}`)
    .option('--head <hash>', 'a chain hash noted earlier that the history must pass through')
    .option('--proof <file>', 'an inclusion proof (coachline prove --event) to check offline')
    .option('--consistency <file>', 'a consistency proof (coachline prove --from) to check offline')
    .option('--from <file>', 'with --to and --store: the older checkpoint (coachline checkpoint --out)')
    .option('--to <file>', 'with --from: the newer checkpoint, which must extend the older')
    .option('--key <key>', KEY_HELP)
    .action(
      (opts: {
        events?: string;
        store?: string;
        head?: string;
        proof?: string;
        consistency?: string;
        from?: string;
        to?: string;
        key?: string;
      }) =>
        actions().verifyCommand(
          {
            ...optional('events', opts.events),
            ...optional('store', opts.store),
            ...optional('head', opts.head),
            ...optional('proof', opts.proof),
            ...optional('consistency', opts.consistency),
            ...optional('from', opts.from),
            ...optional('to', opts.to),
            ...optional('key', opts.key),
          },
          io.out,
        ),
    );

  program
    .command('checkpoint')
    .description('sign the store’s tree of events as it is now, keep the checkpoint in the store and print it')
    .option('--store <url>', STORE_HELP, './.coachline')
    .option(
      '--signing-key <file>',
      'the file of the key that signs checkpoints, made on first use (else COACHLINE_SIGNING_KEY_FILE, else checkpoint-signing-key beside the key file)',
    )
    .option('--key-file <file>', KEY_FILE_HELP)
    .option('--out <file>', 'also write the signed checkpoint to this file')
    .action((opts: { store: string; signingKey?: string; keyFile?: string; out?: string }) =>
      actions().checkpointCommand(
        {
          store: opts.store,
          ...optional('signingKey', opts.signingKey),
          ...optional('keyFile', opts.keyFile),
          ...optional('out', opts.out),
        },
        io.out,
      ),
    );

  program
    .command('prove')
    .description(
      'write the proof that a signed checkpoint holds an event (--event), or that a newer checkpoint extends an older (--from)',
    )
    .requiredOption('--out <file>', 'the proof file to write')
    .option('--store <url>', STORE_HELP, './.coachline')
    .option('--event <id>', 'the event to prove, against the latest signed checkpoint')
    .option('--from <file>', 'the older checkpoint (coachline checkpoint --out)')
    .option('--to <file>', 'with --from: the newer checkpoint (default: the latest the store keeps)')
    .action((opts: { out: string; store: string; event?: string; from?: string; to?: string }) =>
      actions().proveCommand(
        {
          out: opts.out,
          store: opts.store,
          ...optional('event', actions().parseId('--event', opts.event)),
          ...optional('from', opts.from),
          ...optional('to', opts.to),
        },
        io.out,
      ),
    );

  withViewOptions(
    program
      .command('replay')
      .description('replay an event file into a view')
      .requiredOption('--events <file>', 'the event file (JSON Lines)')
      .requiredOption('--view <name>', 'dosage, timeline, cycles, share, evaluation or history'),
  ).action((opts: ViewFlags & { events: string; view: string }) =>
    actions().replayCommand({ events: opts.events, ...viewSelectionOf(opts.view, opts) }, io.out),
  );

  program
    .command('import')
    .description('verify an event file, then append it to a store; all or nothing')
    .requiredOption('--events <file>', 'the event file (JSON Lines)')
    .option('--store <url>', STORE_HELP, './.coachline')
    .option('--create', 'make the store if its folder is new or empty (no command makes a store otherwise)')
    .option('--key-file <file>', KEY_FILE_HELP)
    .action((opts: { events: string; store: string; create?: boolean; keyFile?: string }) =>
      actions().importCommand(
        { events: opts.events, store: opts.store, create: opts.create === true, ...optional('keyFile', opts.keyFile) },
        io.out,
      ),
    );

  program
    .command('export')
    .description('write a store’s history as an event file')
    .requiredOption('--out <file>', 'the event file to write')
    .option('--store <url>', STORE_HELP, './.coachline')
    .option('--stream <stream>', 'only this stream')
    .option('--as-of <instant>', 'only what was recorded by then')
    .option(
      '--for <reader>',
      'instead of the history, what one reader may see: evaluation (de-identified extract) or share (rule 10)',
    )
    .option('--format <format>', 'with --for: json (JSON Lines for evaluation) or csv', 'json')
    .option(
      '--pseudonym-secret <file>',
      'with --for evaluation: the key of the pseudonyms (else COACHLINE_PSEUDONYM_SECRET, else kept beside the store)',
    )
    .option('--key-file <file>', KEY_FILE_HELP)
    .option(
      '--open-child-data',
      'open sealed child data (plain for live children, erased for erased ones) to move a program to another store; the file then holds child data in the clear',
    )
    .option('--as <id>', AS_HELP)
    .action(
      (opts: {
        out: string;
        store: string;
        stream?: string;
        asOf?: string;
        for?: string;
        format: string;
        pseudonymSecret?: string;
        openChildData?: boolean;
        keyFile?: string;
        as?: string;
      }) => {
        const { parseAsOf, parseId } = actions();
        return actions().exportCommand(
          {
            out: opts.out,
            store: opts.store,
            ...optional('keyFile', opts.keyFile),
            ...optional('as', parseId('--as', opts.as)),
            ...optional('stream', parseId('--stream', opts.stream)),
            ...optional('asOf', parseAsOf(opts.asOf)),
            ...optional('for', opts.for),
            ...optional('format', opts.for === undefined ? undefined : opts.format),
            ...optional('pseudonymSecret', opts.pseudonymSecret),
            ...optional('openChildData', opts.openChildData),
          },
          io.out,
        );
      },
    );

  withViewOptions(
    program
      .command('view')
      .description('read a view from a store')
      .argument('<name>', 'dosage, timeline, cycles, share, evaluation or history')
      .option('--store <url>', STORE_HELP, './.coachline')
      .option('--key-file <file>', KEY_FILE_HELP)
      .option('--as <id>', AS_HELP)
      .option(
        '--through-position <position>',
        'computed from exactly the events up to this global position; stderr names the tree they make and the signed checkpoint that covers it',
      ),
  ).action(
    (name: string, opts: ViewFlags & { store: string; keyFile?: string; as?: string; throughPosition?: string }) =>
      actions().viewCommand(
        {
          store: opts.store,
          ...optional('keyFile', opts.keyFile),
          ...optional('as', actions().parseId('--as', opts.as)),
          ...optional('throughPosition', actions().parsePosition('--through-position', opts.throughPosition)),
          ...viewSelectionOf(name, opts),
        },
        io.out,
        undefined,
        io.err,
      ),
  );

  program
    .command('access-log')
    .description(
      'list who read the history, the evaluation, debriefs, exports and extracts, and when (through the API or the command line)',
    )
    .option('--store <url>', STORE_HELP, './.coachline')
    .option('--day <date>', 'one UTC day, YYYY-MM-DD (default: today)')
    .option('--from <date>', 'the first day of a span of at most 31 days (instead of --day)')
    .option('--to <date>', 'the last day of the span')
    .option('--reader <id>', 'only the reads of this reader')
    .option('--subject <id>', 'only the reads about this provider (by id or stream), community or stream')
    .option(
      '--view <name>',
      'only the reads of this view: history, evaluation, debriefs, history-export or evaluation-extract',
    )
    .option('--format <format>', 'json, csv or table', 'json')
    .action(
      (opts: {
        store: string;
        day?: string;
        from?: string;
        to?: string;
        reader?: string;
        subject?: string;
        view?: string;
        format?: string;
      }) => {
        const { parseDay, parseFormat, parseId } = actions();
        return actions().accessLogCommand(
          {
            store: opts.store,
            format: parseFormat(opts.format),
            ...optional('day', parseDay('--day', opts.day)),
            ...optional('from', parseDay('--from', opts.from)),
            ...optional('to', parseDay('--to', opts.to)),
            ...optional('reader', parseId('--reader', opts.reader)),
            ...optional('subject', parseId('--subject', opts.subject)),
            ...optional('view', parseId('--view', opts.view)),
          },
          io.out,
        );
      },
    );

  program
    .command('caseload')
    .description(
      'list each provider with their coach, site, this month’s dosage and most urgent unmet requirement, by coach',
    )
    .option('--events <file>', 'the event file (JSON Lines); else --store')
    .option('--store <url>', STORE_HELP, './.coachline')
    .option('--key-file <file>', KEY_FILE_HELP)
    .option('--as-of <instant>', 'as the program knew it then (default: the latest recordedAt)')
    .option('--coach <id>', 'only this coach’s providers')
    .option('--community <id>', 'only this community')
    .option('--format <format>', 'json, csv or table', 'json')
    .action(
      (opts: {
        events?: string;
        store: string;
        keyFile?: string;
        asOf?: string;
        coach?: string;
        community?: string;
        format?: string;
      }) => {
        const { parseAsOf, parseFormat, parseId } = actions();
        return actions().caseloadCommand(
          {
            ...(opts.events !== undefined ? { events: opts.events } : { store: opts.store }),
            ...optional('keyFile', opts.keyFile),
            ...optional('asOf', parseAsOf(opts.asOf)),
            ...optional('coachId', parseId('--coach', opts.coach)),
            ...optional('communityId', parseId('--community', opts.community)),
            format: parseFormat(opts.format),
          },
          io.out,
        );
      },
    );

  for (const [name, description, run] of [
    [
      'coaches',
      'list each coach with their qualifications and who verified them, their sessions, hours and coachees’ ratings',
      'coachesCommand',
    ],
    [
      'implementation-plan',
      'list each community’s Coaching Implementation Plan, step by step, with each planning question’s answer',
      'implementationPlanCommand',
    ],
  ] as const)
    program
      .command(name)
      .description(description)
      .option('--events <file>', 'the event file (JSON Lines); else --store')
      .option('--store <url>', STORE_HELP, './.coachline')
      .option('--key-file <file>', KEY_FILE_HELP)
      .option('--as-of <instant>', 'as the program knew it then (default: the latest recordedAt)')
      .option('--community <id>', 'only this community')
      .option('--format <format>', 'json, csv or table', 'json')
      .action(
        (opts: {
          events?: string;
          store: string;
          keyFile?: string;
          asOf?: string;
          community?: string;
          format?: string;
        }) => {
          const { parseAsOf, parseFormat, parseId } = actions();
          return actions()[run](
            {
              ...(opts.events !== undefined ? { events: opts.events } : { store: opts.store }),
              ...optional('keyFile', opts.keyFile),
              ...optional('asOf', parseAsOf(opts.asOf)),
              ...optional('communityId', parseId('--community', opts.community)),
              format: parseFormat(opts.format),
            },
            io.out,
          );
        },
      );

  program
    .command('demo')
    .description('write a realistic program year as an event file')
    .requiredOption('--out <file>', 'the event file to write')
    .option('--providers <n>', 'how many providers', '24')
    .option('--seed <n>', 'the same seed writes the same year', '1')
    .action((opts: { out: string; providers: string; seed: string }) => {
      const { parsePositiveInteger } = actions();
      return actions().demoCommand(
        {
          out: opts.out,
          providers: parsePositiveInteger('--providers', opts.providers, 24),
          seed: parsePositiveInteger('--seed', opts.seed, 1),
        },
        io.out,
      );
    });

  program
    .command('projections')
    .description('bring the stored views up to date and list their positions, lag and parked errors')
    .option('--store <url>', STORE_HELP, './.coachline')
    .option('--key-file <file>', KEY_FILE_HELP)
    .action((opts: { store: string; keyFile?: string }) =>
      actions().projectionsCommand({ store: opts.store, ...optional('keyFile', opts.keyFile) }, io.out, io.err),
    );

  program
    .command('due')
    .description(
      'list each provider requirement still to meet, most urgent first: overdue, then due, then upcoming; as of the latest recordedAt unless --as-of names a moment (an audit answers the same every time; the API measures on today)',
    )
    .option('--events <file>', 'the event file (JSON Lines) to replay; else --store')
    .option('--store <url>', `${STORE_HELP} (default: ./.coachline)`)
    .option('--key-file <file>', KEY_FILE_HELP)
    .option(
      '--as-of <instant>',
      'as the program knew it then, measured on that UTC day (default: the latest recordedAt)',
    )
    .option('--coach <id>', 'only this coach’s providers')
    .option('--community <id>', 'only this community')
    .option('--provider <id>', 'only this provider')
    .option(
      '--status <list>',
      'statuses separated by commas: upcoming, due, overdue, done, not-applicable (default: overdue,due)',
    )
    .option(
      '--requirement <id>',
      'only this requirement, by the id its guide gives it (dosage matches dosage-2025-10, asq-se2-follow-up every screening’s follow-up), or one line by its own id',
    )
    .option('--within <days>', 'only the work ahead: overdue, due closing and upcoming opening within so many days')
    .option('--format <format>', 'json, csv or table', 'json')
    .action((opts: import('./commands/due.command').DueFlags) =>
      actions().dueCommand(actions().dueOptionsOf(opts), io.out),
    );

  program
    .command('report')
    .description(
      'a community’s program report for a month: dosage, each coach’s figures and recording lag, the guide’s trainings and meetings, Reflective Consultation; as of the latest recordedAt unless --as-of names a moment',
    )
    .requiredOption('--community <id>', 'the community')
    .requiredOption('--month <YYYY-MM>', 'the month')
    .option('--events <file>', 'the event file (JSON Lines) to replay; else --store')
    .option('--store <url>', `${STORE_HELP} (default: ./.coachline)`)
    .option('--key-file <file>', KEY_FILE_HELP)
    .option(
      '--as-of <instant>',
      'as the program knew it then, statuses on that UTC day (default: the latest recordedAt)',
    )
    .option('--for <reader>', 'leadership: counts and durations only, no coach or provider named')
    .option('--format <format>', 'json, csv, table or html', 'json')
    .action((opts: import('./commands/report.command').ReportFlags) =>
      actions().reportCommand(actions().reportOptionsOf(opts), io.out),
    );

  return program;
};

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** Runs the command line and returns its exit code; never exits the process itself. */
export const runCli = async (argv: ReadonlyArray<string>, io: Io): Promise<number> => {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; everything else commander refuses is bad usage.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const { FailureError, printableText, UsageError } = actions();
    if (error instanceof UsageError) {
      io.err.write(`${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof FailureError) {
      io.err.write(`${error.message}\n`);
      return EXIT.failure;
    }
    // Something unforeseen: still one line, the stack only when asked for.
    const stack = process.env['COACHLINE_DEBUG'] === '1' ? `\n${(error as Error).stack ?? ''}` : '';
    io.err.write(
      `coachline: ${printableText(String((error as Error).message ?? error).split('\n')[0] ?? '')}${stack}\n`,
    );
    return EXIT.failure;
  }
};
