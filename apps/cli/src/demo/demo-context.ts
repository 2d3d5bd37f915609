import { numbered } from './build-cast';
import { CommandSchedule, Issued } from './command-schedule';
import { DemoCoach, DemoProgram } from './demo-program';
import { DemoRandom } from './demo-random';

/** Upper bounds for id widths: sessions run to about sixty a provider a year. */
const SESSIONS_PER_PROVIDER = 100;
const GROUP_SESSIONS_PER_COACH = 12;

/** What the month planners share: the plan, the randomness, where commands go, and running counters. */
export class DemoContext {
  readonly coachesById: ReadonlyMap<string, DemoCoach>;
  /** The first command of each multi-step piece of work (an agreement, a screening), by its id, for the later steps to correlate with. */
  readonly flows = new Map<string, Issued>();
  private readonly sessionId: (n: number) => string;
  private readonly groupSessionId: (n: number) => string;
  private sessions = 0;
  private groupSessions = 0;
  private readonly lists = new Map<string, string[]>();
  private readonly choices = new Map<string, ReadonlyArray<string[]>>();

  constructor(
    readonly program: DemoProgram,
    readonly random: DemoRandom,
    readonly schedule: CommandSchedule,
  ) {
    this.coachesById = new Map(program.coaches.map((coach) => [coach.coachId, coach]));
    this.sessionId = numbered('s-', program.providers.length * SESSIONS_PER_PROVIDER, 6);
    this.groupSessionId = numbered('group-', program.coaches.length * GROUP_SESSIONS_PER_COACH, 4);
  }

  coach(coachId: string): DemoCoach {
    const coach = this.coachesById.get(coachId);
    if (!coach) throw new Error(`The demo plan names an unknown coach ${coachId}.`);
    return coach;
  }

  /** Session ids are unique within the program, not only within a provider (a group session is logged for each of its providers under one id). */
  nextSessionId(): string {
    return this.sessionId(++this.sessions);
  }

  nextGroupSessionId(): string {
    return this.groupSessionId(++this.groupSessions);
  }

  /**
   * One shared array per distinct list of practices: a year of sessions keeps every session
   * in its provider's state, and most of them name the same few lists.
   */
  private list(names: ReadonlyArray<string>): string[] {
    const key = names.join('\u0000');
    let shared = this.lists.get(key);
    if (!shared) {
      shared = [...names];
      this.lists.set(key, shared);
    }
    return shared;
  }

  /** The lists of one or two names drawn from `pool`, each a shared array; computed once per pool. */
  choicesOf(pool: ReadonlyArray<string>): ReadonlyArray<string[]> {
    const key = pool.join('\u0000');
    let choices = this.choices.get(key);
    if (!choices) {
      choices = pool.flatMap((first, i) => [
        this.list([first]),
        ...pool.slice(i + 1).map((second) => this.list([first, second])),
      ]);
      this.choices.set(key, choices);
    }
    return choices;
  }
}
