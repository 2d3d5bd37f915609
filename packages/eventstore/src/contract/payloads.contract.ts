import type { OpenContractSubject } from './contract-subject';
import { useContractContext } from './contract-context';
import { anEvent, asAppended, collect, metadataFor, positionsOf, someEvents, strictlyIncreasing } from './fixtures';

/** Text that trips encoders: astral emoji and ZWJ sequences, RTL scripts, combining marks left unnormalised. */
const UNICODE = {
  emoji: '👩🏽‍🏫 coached 🧒🏿👧🏻 — 🏳️‍🌈 ✅',
  rtl: 'מפגש אימון · جلسة تدريب مع المعلمة',
  combining: 'Zoe\u0308 vs Zoë, n\u0303 vs ñ, a\u0301\u0328',
  cjk: '幼儿教育 · 보육 · 保育',
  escapes: 'quotes " \' backslash \\ tab \t newline \n line separator \u2028 paragraph \u2029 del \u007f',
  astral: '𝒞𝑜𝒶𝒸𝒽 𐐷 𠜎',
};

/** About 1 MB of mixed one- to four-byte characters, so no encoding shortcut hides a truncation. */
const largeText = (): string => {
  const unit = 'Coaching conversation notes — ñ ü 中 👩🏽‍🏫 ';
  return unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
};

const BIG_STREAM_EVENTS = 10_000;
const BIG_STREAM_BATCH = 500;

export const payloadsContract = (open: OpenContractSubject, options: { bigStreams: boolean }): void => {
  describe('payloads', () => {
    const context = useContractContext(open);

    it('round-trips every kind of JSON value', async () => {
      const stream = context.stream('provider-p-1');
      const data = {
        text: 'plain',
        empty: '',
        integers: [0, -42, 480, 9_007_199_254_740_991],
        decimals: [0.1, -3.25, 1e-7, 6.02e23],
        flags: [true, false],
        nothing: null,
        nested: { list: [[], {}, [{ deep: [1, { deeper: 'yes' }] }]], emptyObject: {} },
      };
      const event = anEvent({ data });
      await context.store.append(stream, [event], 'no-stream');
      const [read] = await collect(context.store.readStream(stream));
      expect(read!.data).toEqual(data);
    });

    it('round-trips unicode exactly in data, keys, metadata and stream names', async () => {
      const stream = context.stream('provider-ñandú-幼儿-👩🏽‍🏫');
      const data = { ...UNICODE, [UNICODE.rtl]: UNICODE.emoji, [UNICODE.combining]: [UNICODE.astral, UNICODE.cjk] };
      const metadata = metadataFor({ actor: { id: 'coach-Zoe\u0308-سارة', role: 'coach' }, note: UNICODE.escapes });
      const event = anEvent({ data, metadata });

      await context.store.append(stream, [event], 'no-stream');
      const [fromStream] = await collect(context.store.readStream(stream));
      const [fromAll] = await context.ownEvents();

      expect(asAppended(fromStream!)).toEqual(asAppended(event));
      expect(fromAll).toEqual(fromStream);
      expect(fromStream!.stream).toBe(stream);
      // toEqual compares strings by code units; this makes normalisation differences explicit.
      expect((fromStream!.data as typeof data).combining.normalize('NFC')).not.toBe(
        (fromStream!.data as typeof data).combining,
      );
    });

    it('stores and reads back an event of about 1 MB', async () => {
      const stream = context.stream('provider-p-1');
      const text = largeText();
      const events = [anEvent({ data: { text } }), anEvent({ data: { after: 'the large one' } })];

      await context.store.append(stream, events, 'no-stream');
      const read = await collect(context.store.readStream(stream));
      const all = await context.ownEvents();

      expect(read.map(asAppended)).toEqual(events.map(asAppended));
      expect((read[0]!.data as { text: string }).text.length).toBe(1_000_000);
      expect(all.map((event) => event.id)).toEqual(events.map((event) => event.id));
    });

    (options.bigStreams ? it : it.skip)(
      `writes a ${BIG_STREAM_EVENTS.toLocaleString('en')}-event stream in batches and reads it back in order`,
      async () => {
        const stream = context.stream('provider-big');
        let expected: number | 'no-stream' = 'no-stream';
        for (let from = 0; from < BIG_STREAM_EVENTS; from += BIG_STREAM_BATCH) {
          const result = await context.store.append(
            stream,
            someEvents(BIG_STREAM_BATCH, 'SessionLogged', from),
            expected,
          );
          expected = result.nextRevision;
        }

        const read = await collect(context.store.readStream(stream));
        expect(read.length).toBe(BIG_STREAM_EVENTS);
        expect(read.every((event, i) => event.revision === i && (event.data as { n: number }).n === i)).toBe(true);
        expect(strictlyIncreasing(positionsOf(read))).toBe(true);
        expect(await context.store.streamRevision(stream)).toBe(BIG_STREAM_EVENTS - 1);

        const lastThree = await collect(context.store.readStream(stream, { direction: 'backwards', maxCount: 3 }));
        expect(lastThree.map((event) => event.revision)).toEqual([9_999, 9_998, 9_997]);

        const all = await collect(
          context.store.readAll({ after: context.headAtStart, streamPrefix: stream, batchSize: 1_000 }),
        );
        expect(all.map((event) => event.id)).toEqual(read.map((event) => event.id));
      },
      120_000,
    );
  });
};
