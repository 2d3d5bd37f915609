import * as t from 'io-ts';
import { SessionMode } from '../provider/session-logged';
import { VisitMode } from './agreement-drafted';

type SessionModeValue = t.TypeOf<typeof SessionMode>;

/**
 * The agreement asks whether visits are made in person, virtually or as "a combination of both";
 * a logged session says in-person, virtual or "hybrid". The two vocabularies name the same three
 * modes, and each keeps its own word because recorded events keep theirs: an agreement's
 * "combination" is a session's "hybrid". This is the one place the two are matched.
 */
const SESSION_MODE_OF_VISIT_MODE: ReadonlyMap<VisitMode, SessionModeValue> = new Map([
  ['in-person', 'in-person'],
  ['virtual', 'virtual'],
  ['combination', 'hybrid'],
] as const);

/** The session mode that names the same thing as an agreement's visit mode. */
export const sessionModeOfVisitMode = (mode: VisitMode): SessionModeValue => SESSION_MODE_OF_VISIT_MODE.get(mode)!;

/** The agreement's visit mode that names the same thing as a session's mode. */
export const visitModeOfSessionMode = (mode: SessionModeValue): VisitMode =>
  VisitMode.values.find((visit) => SESSION_MODE_OF_VISIT_MODE.get(visit) === mode)!;
