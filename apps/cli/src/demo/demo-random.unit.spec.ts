import { DemoRandom } from './demo-random';

const draws = (random: DemoRandom): number[] => Array.from({ length: 20 }, () => random.int(0, 1_000_000));

describe('DemoRandom', () => {
  it('draws the same numbers for the same seed and others for another seed', () => {
    expect(draws(DemoRandom.streams(42).content)).toEqual(draws(DemoRandom.streams(42).content));
    expect(draws(DemoRandom.streams(42).content)).not.toEqual(draws(DemoRandom.streams(43).content));
  });

  it('keeps ids apart from content: drawing ids does not move the content stream', () => {
    const quiet = DemoRandom.streams(9);
    const busy = DemoRandom.streams(9);
    for (let i = 0; i < 100; i++) busy.ids.uuid();
    expect(draws(busy.content)).toEqual(draws(quiet.content));
    expect(draws(quiet.ids)).not.toEqual(draws(DemoRandom.streams(9).content));
  });

  it('stays within bounds and reaches both ends', () => {
    const random = DemoRandom.streams(1).content;
    const values = Array.from({ length: 500 }, () => random.int(3, 6));
    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
  });

  it('samples distinct entries in the list’s order, all of them when asked for more', () => {
    const random = DemoRandom.streams(5).content;
    const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    for (let i = 0; i < 50; i++) {
      const sample = random.sample(list, 3);
      expect(new Set(sample).size).toBe(3);
      expect([...sample].sort((x, y) => list.indexOf(x) - list.indexOf(y))).toEqual(sample);
    }
    expect(random.sample(list, 10)).toEqual(list);
  });

  it('picks by weight, never a zero-weight entry', () => {
    const random = DemoRandom.streams(3).content;
    const picks = Array.from({ length: 2_000 }, () =>
      random.weighted([
        ['rare', 1],
        ['never', 0],
        ['common', 9],
      ] as const),
    );
    expect(picks).not.toContain('never');
    const rare = picks.filter((pick) => pick === 'rare').length / picks.length;
    expect(rare).toBeGreaterThan(0.05);
    expect(rare).toBeLessThan(0.15);
  });

  it('shapes ids as version 4 UUIDs and hex as lowercase digits', () => {
    const random = DemoRandom.streams(77).ids;
    const ids = Array.from({ length: 200 }, () => random.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(random.hex(64)).toMatch(/^[0-9a-f]{64}$/);
  });
});
