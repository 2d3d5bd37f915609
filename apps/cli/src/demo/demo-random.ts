import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** The largest seed the generator tells apart: xoroshiro128+ is seeded with 32 bits. */
export const MAX_DEMO_SEED = 0xffff_ffff;

// Formatting ids is on the path of every event: a byte table beats toString(16) and padStart.
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const hex8 = (n: number): string =>
  HEX_BYTES[(n >>> 24) & 255]! + HEX_BYTES[(n >>> 16) & 255]! + HEX_BYTES[(n >>> 8) & 255]! + HEX_BYTES[n & 255]!;

/**
 * Seeded randomness for the demo: the same seed draws the same program year on any machine,
 * which is what lets an auditor's walkthrough or a benchmark be rerun to the byte.
 */
export class DemoRandom {
  private constructor(private readonly generator: Generator) {}

  /**
   * Two independent streams from one seed: `content` draws the program year, `ids` draws
   * event and command ids. Ids come from their own stream, 2^64 draws away, so the content
   * does not shift when the number of ids drawn does.
   */
  static streams(seed: number): { readonly content: DemoRandom; readonly ids: DemoRandom } {
    const content = xoroshiro128plus(seed);
    // The first draws of a small seed stay close to the seed; a few skipped draws decorrelate them.
    for (let i = 0; i < 16; i++) content.next();
    const ids = xoroshiro128plus(seed);
    ids.jump();
    return { content: new DemoRandom(content), ids: new DemoRandom(ids) };
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** True with the given probability, to a ten-thousandth. */
  chance(probability: number): boolean {
    return uniformInt(this.generator, 0, 9_999) < Math.round(probability * 10_000);
  }

  pick<T>(list: ReadonlyArray<T>): T {
    if (list.length === 0) throw new RangeError('Cannot pick from an empty list.');
    return list[uniformInt(this.generator, 0, list.length - 1)]!;
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const entry of entries) total += entry[1];
    let draw = uniformInt(this.generator, 0, total - 1);
    for (const [value, weight] of entries) {
      if (draw < weight) return value;
      draw -= weight;
    }
    throw new RangeError('Weighted entries need a positive total weight.');
  }

  /** `count` distinct entries (all of them when the list is shorter), in the list's order. */
  sample<T>(list: ReadonlyArray<T>, count: number): T[] {
    if (count >= list.length) return [...list];
    // Floyd's algorithm: `count` draws whatever the length of the list.
    const chosen = new Set<number>();
    for (let j = list.length - count; j < list.length; j++) {
      const i = uniformInt(this.generator, 0, j);
      chosen.add(chosen.has(i) ? j : i);
    }
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  }

  /** The list in a random order. */
  shuffle<T>(list: ReadonlyArray<T>): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = uniformInt(this.generator, 0, i);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }

  /** `length` lowercase hex digits. */
  hex(length: number): string {
    let text = '';
    while (text.length < length) text += hex8(this.generator.next());
    return text.slice(0, length);
  }

  /** A string shaped like a random (version 4) UUID, drawn from the seed. */
  uuid(): string {
    const a = hex8(this.generator.next());
    const b = hex8(this.generator.next());
    const c = hex8(this.generator.next());
    const d = hex8(this.generator.next());
    const variant = '89ab'[Number.parseInt(c[0]!, 16) & 3];
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  }
}
