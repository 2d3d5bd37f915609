import { readEventLines } from '../views/event-lines';

/** A coach and the providers on their caseload at the end of the demo year who have not exited. */
export interface Caseload {
  readonly coachId: string;
  readonly providerIds: ReadonlyArray<string>;
}

interface DemoEvent {
  readonly type: string;
  readonly data: { providerId?: string; coachId?: string; toCoachId?: string };
}

/** Who coaches whom, read from the demo file: enrolments, then reassignments, exits left out. */
export const caseloadsOf = async (file: string): Promise<ReadonlyArray<Caseload>> => {
  const coachOf = new Map<string, string>();
  for await (const line of readEventLines(file)) {
    // Only the three kinds of events that move a provider matter; the rest are skipped unparsed.
    if (!/"type":"(ProviderEnrolled|ProviderReassigned|ProviderExited)"/.test(line)) continue;
    const { type, data } = JSON.parse(line) as DemoEvent;
    if (data.providerId === undefined) continue;
    if (type === 'ProviderEnrolled' && data.coachId !== undefined) coachOf.set(data.providerId, data.coachId);
    if (type === 'ProviderReassigned' && data.toCoachId !== undefined) coachOf.set(data.providerId, data.toCoachId);
    if (type === 'ProviderExited') coachOf.delete(data.providerId);
  }
  const caseloads = new Map<string, string[]>();
  for (const [providerId, coachId] of coachOf) caseloads.set(coachId, [...(caseloads.get(coachId) ?? []), providerId]);
  return [...caseloads].map(([coachId, providerIds]) => ({ coachId, providerIds }));
};
