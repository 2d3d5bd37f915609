import type { Selection } from './view-selection';
import { isSelectable, select } from './view-selection';

/**
 * Whether a selection's rendering is kept by its source per subject (one provider's timeline or
 * share), dropped only when an entry it read changes: asking the source again whenever the view
 * moves costs little, and the reader always gets the view as it stands.
 */
export const keptBySubject = (name: string, selection: Selection): boolean =>
  (name === 'timeline' || name === 'share') &&
  selection.providerId !== undefined &&
  selection.communityId === undefined;

/** Views whose rendering for one provider costs that provider's part, not the program's. */
const RENDERED_PER_PROVIDER = new Set(['timeline', 'dosage', 'cycles']);

/**
 * Whether a selection is rendered on its own rather than taken from the whole view: the
 * evaluation counts its summaries over the providers selected, and one provider's timeline,
 * dosage or cycles is far cheaper to render than everyone's.
 */
const rendersOnItsOwn = (name: string, selection: Selection): boolean =>
  !isSelectable(name) ||
  (RENDERED_PER_PROVIDER.has(name) && selection.providerId !== undefined) ||
  keptBySubject(name, selection);

interface Rendered {
  readonly position: number;
  readonly renderedAtMs: number;
  readonly view: unknown;
}

export interface RenderSource {
  positionOf(name: string): number;
  /** `at`: a moment after the view's newest event to measure it on (a working day), else its newest event. */
  render(name: string, selection: Selection, at?: string): unknown;
}

/**
 * Views as rendered for readers. Rendering a whole view can cost tens of milliseconds on a long
 * history, so a rendering is shared by every reader until the view moves on — and, once it has,
 * for at most `maxAgeMs` more: a reader who must see a given write asks for its position and
 * always gets a rendering at or after it.
 */
/** Renderings kept for selections (the evaluation's); the oldest goes first beyond it. */
const MAX_RENDERINGS = 256;

export class RenderedViews {
  private readonly renderings = new Map<string, Rendered>();

  constructor(
    private readonly source: RenderSource,
    private readonly maxAgeMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  view(name: string, selection: Selection, atLeastPosition: number, at?: string): unknown {
    const whole = !rendersOnItsOwn(name, selection);
    const selected = whole ? name : `${name}|${selection.providerId ?? ''}|${selection.communityId ?? ''}`;
    // A rendering measured on another moment is another rendering.
    const key = at === undefined ? selected : `${selected}@${at}`;
    const current = this.source.positionOf(name);
    const cached = this.renderings.get(key);
    const usable =
      cached !== undefined &&
      cached.position >= atLeastPosition &&
      (cached.position === current ||
        (!keptBySubject(name, selection) && this.nowMs() - cached.renderedAtMs < this.maxAgeMs));
    const rendering = usable
      ? cached
      : {
          position: current,
          renderedAtMs: this.nowMs(),
          view: this.source.render(name, whole ? {} : selection, at),
        };
    if (!usable) {
      this.renderings.delete(key);
      this.renderings.set(key, rendering);
      if (this.renderings.size > MAX_RENDERINGS) this.renderings.delete(this.renderings.keys().next().value!);
    }
    return whole && isSelectable(name) ? select(name, rendering.view, selection) : rendering.view;
  }
}
