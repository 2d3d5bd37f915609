import * as E from 'fp-ts/Either';
import { accept, refuse } from '../kernel/decider';
import { DomainError, ruleBroken } from '../kernel/domain-error';
import { virtualObservationRefusal } from '../team/contact';
import { ProviderCommandOf } from './provider.commands';
import { futureDateRefusal, ProviderDecision } from './provider.rules';
import { Enrollment, ProviderState, SessionRecord } from './provider.state';
import { SessionChanges } from './session-corrected';

/** The bounds of the day a session was held, whether logged or moved by a correction. */
const heldOnRefusal = (
  heldOn: string,
  path: string,
  issuedAt: string,
  enrollment: Enrollment,
  exitedOn: string | undefined,
): DomainError | undefined => {
  if (heldOn < enrollment.enrolledOn)
    return ruleBroken(
      'session-before-enrollment',
      `The provider enrolled on ${enrollment.enrolledOn}; no session was held with them before.`,
      path,
    );
  if (exitedOn !== undefined && heldOn > exitedOn)
    return ruleBroken(
      'provider-exited',
      `The provider exited on ${exitedOn}; no session was held with them after.`,
      path,
    );
  return futureDateRefusal('session-in-future', heldOn, issuedAt, path);
};

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** True when at least one field of `changes` differs from the session as it stands. */
const changesSomething = (record: SessionRecord, changes: SessionChanges): boolean =>
  Object.entries(changes).some(
    ([field, value]) => value !== undefined && !sameValue((record.session as Record<string, unknown>)[field], value),
  );

/** A session that was logged and not voided, the only kind that can be corrected or followed up. */
const usableSession = (state: ProviderState, sessionId: string): E.Either<DomainError, SessionRecord> => {
  const record = state.sessions.get(sessionId);
  if (!record)
    return refuse(
      ruleBroken('unknown-session', 'No session with this id was logged for the provider.', 'data.sessionId'),
    );
  if (record.voided)
    return refuse(ruleBroken('session-voided', 'This session was voided; it counts for nothing.', 'data.sessionId'));
  return E.right(record);
};

export const decideLogSession = (
  command: ProviderCommandOf<'LogSession'>,
  state: ProviderState,
  enrollment: Enrollment,
): ProviderDecision => {
  if (state.sessions.has(command.data.sessionId))
    return refuse(ruleBroken('session-already-logged', 'A session with this id is already logged.', 'data.sessionId'));
  const onSite = virtualObservationRefusal(command.data.kind, command.data.mode, 'data.mode');
  if (onSite) return refuse(onSite);
  const refusal = heldOnRefusal(
    command.data.heldOn,
    'data.heldOn',
    command.metadata.issuedAt,
    enrollment,
    state.exitedOn,
  );
  return refusal ? refuse(refusal) : accept({ type: 'SessionLogged', data: command.data });
};

export const decideCorrectSession = (
  command: ProviderCommandOf<'CorrectSession'>,
  state: ProviderState,
  enrollment: Enrollment,
): ProviderDecision => {
  const { sessionId, changes } = command.data;
  const found = usableSession(state, sessionId);
  if (E.isLeft(found)) return found;
  const record = found.right;
  if (!changesSomething(record, changes))
    return refuse(
      ruleBroken('empty-correction', 'A correction changes at least one field of the session.', 'data.changes'),
    );
  const onSite = virtualObservationRefusal(
    changes.kind ?? record.session.kind,
    changes.mode ?? record.session.mode,
    changes.mode === undefined ? 'data.changes.kind' : 'data.changes.mode',
  );
  if (onSite) return refuse(onSite);
  const refusal =
    changes.heldOn === undefined
      ? undefined
      : heldOnRefusal(changes.heldOn, 'data.changes.heldOn', command.metadata.issuedAt, enrollment, state.exitedOn);
  return refusal ? refuse(refusal) : accept({ type: 'SessionCorrected', data: command.data });
};

export const decideVoidSession = (
  command: ProviderCommandOf<'VoidSession'>,
  state: ProviderState,
): ProviderDecision => {
  const record = state.sessions.get(command.data.sessionId);
  if (!record)
    return refuse(
      ruleBroken('unknown-session', 'No session with this id was logged for the provider.', 'data.sessionId'),
    );
  if (record.voided)
    return refuse(ruleBroken('session-already-voided', 'This session is already voided.', 'data.sessionId'));
  return accept({ type: 'SessionVoided', data: command.data });
};

export const decideSendFeedback = (
  command: ProviderCommandOf<'SendFeedback'>,
  state: ProviderState,
): ProviderDecision => {
  const found = usableSession(state, command.data.sessionId);
  if (E.isLeft(found)) return found;
  const record = found.right;
  if (command.data.sentOn < record.session.heldOn)
    return refuse(
      ruleBroken(
        'feedback-before-session',
        `The session was held on ${record.session.heldOn}; feedback on it comes after.`,
        'data.sentOn',
      ),
    );
  return accept({ type: 'FeedbackSent', data: command.data });
};
