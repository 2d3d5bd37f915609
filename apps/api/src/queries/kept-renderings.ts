/** Renderings of one provider kept at once; the least recently rendered goes first beyond it. */
const KEPT_RENDERINGS = 4_096;

/**
 * Each provider's latest rendering of a view, with the stamp of the entries it read (the positions
 * where they last changed), given again while the stamp is unchanged. A rendering is only as good
 * as the state it came from, so a state loaded or rebuilt anew starts afresh.
 */
export class KeptRenderings<State, View extends { readonly asOf: string }> {
  private readonly kept = new Map<string, { readonly stamp: string; readonly view: View }>();
  private keptFor: State | undefined;

  constructor(private readonly render: (state: State, providerId: string, asOf: string) => View) {}

  /** The provider's rendering as of `asOf`: kept if its stamp is unchanged, rendered again if not. */
  renderingOf(state: State, providerId: string, asOf: string, stamp: string): View {
    if (state !== this.keptFor) {
      this.kept.clear();
      this.keptFor = state;
    }
    const rendering = this.kept.get(providerId);
    this.kept.delete(providerId);
    const view =
      rendering !== undefined && rendering.stamp === stamp ? rendering.view : this.render(state, providerId, asOf);
    this.kept.set(providerId, { stamp, view });
    if (this.kept.size > KEPT_RENDERINGS) this.kept.delete(this.kept.keys().next().value!);
    // Only the latest instant folded moves while the entries read stay the same.
    return view.asOf === asOf ? view : { ...view, asOf };
  }

  get size(): number {
    return this.kept.size;
  }
}
