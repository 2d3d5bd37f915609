import { Command } from '@nestjs/cqrs';
import { Actor, CoachlineCommand, DomainError, Id, NonNegativeInteger } from '@coachline/domain';
import type * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import type { Scope } from '../policy/grants';

/**
 * What the API answers to an accepted command; a retry with the same Idempotency-Key gets it
 * again. `revision` is the stream's revision after the command (send it back as `If-Match`);
 * `position` the global position of its last event (ask a view to wait for it).
 */
export const CommandAccepted = t.type(
  {
    commandId: Id,
    correlationId: Id,
    stream: Id,
    revision: t.number,
    position: NonNegativeInteger,
    events: t.array(t.type({ id: Id, type: Id, revision: NonNegativeInteger }, 'AcceptedEvent')),
  },
  'CommandAccepted',
);
export type CommandAccepted = t.TypeOf<typeof CommandAccepted>;

export interface CommandResult {
  readonly accepted: CommandAccepted;
  /** True when the command had been handled before and this is its first answer again. */
  readonly replayed: boolean;
}

/** A decoded command on the command bus, with who sent it and how far their grant reaches. */
export class IssueCommand extends Command<E.Either<DomainError, CommandResult>> {
  constructor(
    readonly command: CoachlineCommand,
    readonly actor: Actor,
    readonly scope: Scope,
    readonly expectedRevision: number | undefined,
  ) {
    super();
  }
}
