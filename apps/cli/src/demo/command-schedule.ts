import { Actor, CoachlineCommand, CommandMetadata } from '@coachline/domain';
import { demoMonth, instantAt, isoInstant, monthNumberOfInstant, MS_PER_SECOND } from './demo-calendar';
import { DemoRandom } from './demo-random';

export type DemoCommandType = CoachlineCommand['type'];
export type CommandData<Type extends DemoCommandType> = Extract<CoachlineCommand, { readonly type: Type }>['data'];

/** What later commands need to know of an issued one to link to it. */
export interface Issued {
  readonly commandId: string;
  readonly correlationId: string;
  /** When it was issued, in milliseconds since the epoch. */
  readonly at: number;
}

export interface IssueOptions {
  /** When the command is issued (its events' `recordedAt`), in milliseconds since the epoch. */
  readonly at: number;
  readonly actor: Actor;
  /** The command this one follows from: same correlation, caused by it. */
  readonly causedBy?: Issued;
  /** A command of the same piece of work (a group session logged for each provider): same correlation. */
  readonly correlatedWith?: Issued;
}

/** The commands issued in one month, and when, in the order they were issued. */
interface MonthBucket {
  readonly ats: number[];
  readonly commands: CoachlineCommand[];
}

const SECONDS_IN_LONGEST_MONTH = 31 * 86_400;

/**
 * The bucket's commands by issue time, ties in the order they were issued. Demo instants
 * fall on whole seconds, so a counting sort over the month's seconds orders a month of a
 * large program in linear time; anything else falls back to a stable comparison sort.
 */
const inIssueOrder = (bucket: MonthBucket, monthStart: number): CoachlineCommand[] => {
  const { ats, commands } = bucket;
  const seconds = new Int32Array(ats.length);
  for (let i = 0; i < ats.length; i++) {
    const second = (ats[i]! - monthStart) / MS_PER_SECOND;
    if (!Number.isInteger(second) || second < 0 || second >= SECONDS_IN_LONGEST_MONTH)
      return commands
        .map((command, index) => ({ command, at: ats[index]! }))
        .sort((a, b) => a.at - b.at)
        .map((entry) => entry.command);
    seconds[i] = second;
  }
  const starts = new Uint32Array(SECONDS_IN_LONGEST_MONTH + 1);
  for (let i = 0; i < seconds.length; i++) starts[seconds[i]! + 1]!++;
  for (let second = 1; second <= SECONDS_IN_LONGEST_MONTH; second++) starts[second]! += starts[second - 1]!;
  const ordered = new Array<CoachlineCommand>(commands.length);
  for (let i = 0; i < commands.length; i++) ordered[starts[seconds[i]!]!++] = commands[i]!;
  return ordered;
};

/**
 * Commands waiting to be decided, bucketed by the month they are issued in. The program is
 * planned month by month and every command is issued on or after the day its act happened,
 * so once a month is planned nothing later can be issued into it: that month is released in
 * issue order and forgotten, which keeps memory flat however large the program.
 */
export class CommandSchedule {
  private readonly buckets = new Map<number, MonthBucket>();
  private releasedThrough = Number.NEGATIVE_INFINITY;

  constructor(private readonly ids: DemoRandom) {}

  issue<Type extends DemoCommandType>(type: Type, data: CommandData<Type>, options: IssueOptions): Issued {
    const month = monthNumberOfInstant(options.at);
    if (month <= this.releasedThrough)
      throw new Error(
        `${type} would be issued at ${isoInstant(options.at)}, in a month already released: the demo planner went back in time.`,
      );
    const commandId = this.ids.uuid();
    const link = options.causedBy ?? options.correlatedWith;
    const correlationId = link?.correlationId ?? commandId;
    const issuedAt = isoInstant(options.at);
    const metadata: CommandMetadata = options.causedBy
      ? { actor: options.actor, issuedAt, commandId, correlationId, causationId: options.causedBy.commandId }
      : { actor: options.actor, issuedAt, commandId, correlationId };
    let bucket = this.buckets.get(month);
    if (!bucket) {
      bucket = { ats: [], commands: [] };
      this.buckets.set(month, bucket);
    }
    bucket.ats.push(options.at);
    bucket.commands.push({ type, data, metadata } as CoachlineCommand);
    return { commandId, correlationId, at: options.at };
  }

  /** The commands issued in months up to `month`, in issue order; they leave the schedule. */
  release(through: number): CoachlineCommand[] {
    const due = [...this.buckets.keys()].filter((month) => month <= through).sort((a, b) => a - b);
    const released: CoachlineCommand[] = [];
    for (const month of due) {
      for (const command of inIssueOrder(this.buckets.get(month)!, instantAt(demoMonth(month).first, 0)))
        released.push(command);
      this.buckets.delete(month);
    }
    this.releasedThrough = Math.max(this.releasedThrough, through);
    return released;
  }

  /** Everything still waiting, in issue order. */
  releaseAll(): CoachlineCommand[] {
    const last = Math.max(this.releasedThrough, ...this.buckets.keys());
    return this.release(last);
  }
}
