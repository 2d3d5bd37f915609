import fc from 'fast-check';
import { emptyById, entryById, setById } from './by-id';
import { HOSTILE_IDS } from './testing';

/** Entries kept by id in two ordered lists answer as a map of the same writes would. */
describe('entries kept by id', () => {
  const ids = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(...HOSTILE_IDS));

  it('give, for every id, the last entry set for it, and keep their ids in text order', () =>
    fc.assert(
      fc.property(
        fc.array(fc.tuple(ids, fc.nat()), { maxLength: 60 }),
        fc.array(ids, { maxLength: 20 }),
        (writes, asked) => {
          const byId = emptyById<number>();
          const model = new Map<string, number>();
          for (const [id, entry] of writes) {
            setById(byId, id, entry);
            model.set(id, entry);
          }
          for (const id of [...asked, ...model.keys()]) expect(entryById(byId, id)).toBe(model.get(id));
          expect(byId.ids).toEqual([...model.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
          expect(byId.entries).toEqual(byId.ids.map((id) => model.get(id)));
        },
      ),
    ));
});
