import { AnyProjection, findProjection, historyProjection } from '@coachline/projections';

/** Which view, as of when, and for whom: shared by `replay` and `view`. */
export interface ViewSelection {
  readonly view: string;
  readonly asOf?: string;
  readonly providerId?: string;
  readonly communityId?: string;
  readonly stream?: string;
}

export const projectionFor = (selection: ViewSelection): AnyProjection =>
  // The history of one stream keeps only that stream's events, however long the file.
  selection.view === 'history' ? historyProjection(selection.stream) : findProjection(selection.view)!;
