import type { AsqSe2CutoffTable } from '@coachline/domain';

/** Injection tokens for what the edge hands the application: the store, the log of reads, the clock, the settings. */
export const EVENT_STORE = Symbol('EventStore');
export const ACCESS_LOG = Symbol('AccessLog');
export const CLOCK = Symbol('Clock');
export const API_SETTINGS = Symbol('ApiSettings');

/** The time at the edge: when a command was issued, when a view was read. */
export type Clock = () => Date;

export interface ApiSettings {
  /** How long a query waits for a view to reach the position it asked for. */
  readonly waitForPositionMs: number;
  /** How long a rendering of a view is shared after the view has moved on (a reader waiting for a position never gets an older one). */
  readonly viewMaxAgeMs: number;
  /** Whether closing the app closes the store and the access log (a test may keep its store open). */
  readonly ownsResources: boolean;
  /**
   * The publisher's ASQ-SE2 cutoff table (COACHLINE_ASQ_SE2_CUTOFFS), against which a score's zone is
   * checked; absent, the zone is recorded as sent.
   */
  readonly asqSe2Cutoffs?: AsqSe2CutoffTable;
  /** The built web app's folder (COACHLINE_WEB_DIR); absent, apps/web/dist of the repository. */
  readonly webDir?: string;
}
