import type { SessionKind } from '@coachline/domain';

/** The session form as typed: the duration is text until it is a number, and next steps one per line. */
export type SessionFormValues = {
  providerId: string;
  heldOn: string;
  durationMinutes: number | string;
  kind: string;
  mode: string;
  agendaUsed: boolean;
  practices: string[];
  strategies: string[];
  summary: string;
  nextSteps: string;
};

export const SESSION_KINDS: ReadonlyArray<{ readonly value: SessionKind; readonly label: string }> = [
  { value: 'coaching-conversation', label: 'Coaching conversation' },
  { value: 'observation', label: 'Observation' },
  { value: 'debrief', label: 'Debrief' },
  { value: 'consultation', label: 'Consultation' },
  { value: 'other', label: 'Other' },
];

export const SESSION_MODES = [
  { value: 'in-person', label: 'In person' },
  { value: 'virtual', label: 'Virtual' },
  { value: 'hybrid', label: 'Hybrid' },
];

/** The fields a session's errors may name; any other path is shown above the form. */
export const SESSION_FIELDS: ReadonlySet<string> = new Set([
  'providerId',
  'heldOn',
  'durationMinutes',
  'kind',
  'mode',
  'agendaUsed',
  'practices',
  'strategies',
  'summary',
  'nextSteps',
]);

export const emptySession = (providerId: string, today: string): SessionFormValues => ({
  providerId,
  heldOn: today,
  durationMinutes: 60,
  kind: 'coaching-conversation',
  mode: 'in-person',
  agendaUsed: true,
  practices: [],
  strategies: [],
  summary: '',
  nextSteps: '',
});

export const sessionValuesOf = (
  session: {
    readonly heldOn: string;
    readonly durationMinutes: number;
    readonly kind: string;
    readonly mode: string;
    readonly practices: ReadonlyArray<string>;
    readonly strategies: ReadonlyArray<string>;
    readonly summary: string | null;
    readonly nextSteps: ReadonlyArray<string>;
  },
  providerId: string,
): SessionFormValues => ({
  providerId,
  heldOn: session.heldOn,
  durationMinutes: session.durationMinutes,
  kind: session.kind,
  mode: session.mode,
  // Not in the coaching log; the correction form leaves it out, so it is never sent as a change.
  agendaUsed: true,
  practices: [...session.practices],
  strategies: [...session.strategies],
  summary: session.summary ?? '',
  nextSteps: session.nextSteps.join('\n'),
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The fields of a session as the domain's `LogSession` takes them. Nothing is dropped or mended:
 * an empty duration stays empty for the codec to name, so what the person typed is what is checked.
 */
export const sessionFieldsOf = (values: SessionFormValues): Record<string, unknown> => {
  const nextSteps = lines(values.nextSteps);
  return {
    heldOn: values.heldOn,
    durationMinutes: values.durationMinutes === '' ? undefined : Number(values.durationMinutes),
    kind: values.kind,
    mode: values.mode,
    agendaUsed: values.agendaUsed,
    practices: values.practices,
    strategies: values.strategies,
    ...(values.summary.trim() === '' ? {} : { summary: values.summary }),
    ...(nextSteps.length === 0 ? {} : { nextSteps }),
  };
};

/** `LogSession`'s data: the session's fields, whom it was with, who held it and its new id. */
export const logSessionData = (values: SessionFormValues, coachId: string, sessionId: string) => ({
  providerId: values.providerId,
  sessionId,
  coachId,
  ...sessionFieldsOf(values),
});
