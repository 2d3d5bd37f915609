import * as E from 'fp-ts/Either';
import {
  CoachlineCommand,
  CoachlineEvent,
  deciders,
  DomainError,
  EventMetadata,
  findCommandDefinition,
  findEventDefinition,
  RecordedEvent,
  streamOfCommand,
} from '@coachline/domain';

const deciderFor = (command: CoachlineCommand) => {
  const definition = findCommandDefinition(command.type);
  if (!definition)
    throw new Error(`The demo generator issued an unknown command type ${JSON.stringify(command.type)}.`);
  return deciders[definition.streamKind];
};

/** The envelope `recordedFrom` gives, built in one fixed shape, since it is built for every event of the year. */
const eventMetadataOf = ({ metadata }: CoachlineCommand): EventMetadata =>
  metadata.causationId === undefined
    ? {
        actor: metadata.actor,
        recordedAt: metadata.issuedAt,
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
      }
    : {
        actor: metadata.actor,
        recordedAt: metadata.issuedAt,
        commandId: metadata.commandId,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
      };

const schemaVersions = new Map<string, number>();
const schemaVersionOf = (type: string): number => {
  let version = schemaVersions.get(type);
  if (version === undefined) {
    const definition = findEventDefinition(type);
    if (!definition) throw new Error(`A decider produced an event type missing from the catalogue: ${type}.`);
    version = definition.schemaVersion;
    schemaVersions.set(type, version);
  }
  return version;
};

/**
 * The demo issued a command the domain refuses. The demo is valid by construction, so this
 * is a bug of the generator, never a condition to recover from.
 */
export class DemoCommandRefused extends Error {
  readonly code: string;

  constructor(
    readonly command: CoachlineCommand,
    readonly error: DomainError,
  ) {
    const paths = error.errors.map((e) => e.path).join(', ');
    super(
      `The demo generator issued ${command.type} on ${streamOfCommand(command)} at ${command.metadata.issuedAt}, ` +
        `which the domain refuses: ${error.code}${paths ? ` (${paths})` : ''}: ${error.message}`,
    );
    this.name = 'DemoCommandRefused';
    this.code = error.code;
  }
}

/**
 * Decides commands against their streams' states, as the application would, and records the
 * accepted events in the commands' order with positions 1, 2, 3, … Each stream's state is
 * kept and evolved by the events it accepts, never refolded from its history.
 */
export class ProgramRecorder {
  private readonly states = new Map<string, unknown>();
  private position = 0;

  constructor(private readonly newEventId: () => string) {}

  /**
   * Records a batch of commands given in issue order. A decision depends only on its own
   * stream, so the batch is decided stream by stream, each stream's commands in their order:
   * the outcome is the one of deciding them one after the other, while the intermediate
   * states of a stream die young instead of lingering while thousands of other streams move.
   */
  recordAll(commands: ReadonlyArray<CoachlineCommand>): RecordedEvent[] {
    const streams = new Array<string>(commands.length);
    const byStream = new Map<string, number[]>();
    commands.forEach((command, index) => {
      const stream = streamOfCommand(command);
      streams[index] = stream;
      const indexes = byStream.get(stream);
      if (indexes) indexes.push(index);
      else byStream.set(stream, [index]);
    });
    const decided = new Array<ReadonlyArray<CoachlineEvent>>(commands.length);
    for (const [stream, indexes] of byStream) {
      const decider = deciderFor(commands[indexes[0]!]!);
      const known = this.states.get(stream);
      let state = known === undefined ? decider.initialState : known;
      for (const index of indexes) {
        const command = commands[index]!;
        const decision = decider.decide(command, state);
        if (E.isLeft(decision)) throw new DemoCommandRefused(command, decision.left);
        for (const event of decision.right) state = decider.evolve(state, event);
        decided[index] = decision.right as ReadonlyArray<CoachlineEvent>;
      }
      this.states.set(stream, state);
    }
    const recorded: RecordedEvent[] = [];
    commands.forEach((command, index) => {
      const metadata = eventMetadataOf(command);
      // A decider only writes to the stream it decides for, so an event's stream is its command's.
      for (const event of decided[index]!)
        recorded.push({
          id: this.newEventId(),
          stream: streams[index]!,
          type: event.type,
          schemaVersion: schemaVersionOf(event.type),
          data: event.data,
          metadata,
          position: ++this.position,
        } as RecordedEvent);
    });
    return recorded;
  }
}
