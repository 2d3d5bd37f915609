import { commandCatalogue, decodeWith, findCommandDefinition, StructType } from '@coachline/domain';
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import type * as t from 'io-ts';
import { type FieldNode, fieldTreeOf, labelOf } from './field-tree';
import { dataOf, emptyValue, pathsOf } from './form-values';

const groupOf = (node: FieldNode) => {
  if (node.kind !== 'group') throw new Error(`expected a group, got ${node.kind}`);
  return node;
};

/** Every required field of every struct under `codec` has a required input of its name in `node`. */
const expectEveryRequiredFieldHasAnInput = (codec: t.Mixed, node: FieldNode): void => {
  if (!(codec instanceof StructType)) return;
  const group = groupOf(node);
  for (const [name, inner] of Object.entries(codec.required as Record<string, t.Mixed>)) {
    if (inner.name === 'Forbidden') continue;
    const field = group.fields.find((candidate) => candidate.name === name);
    expect(field).toMatchObject({ name, required: true });
    expectEveryRequiredFieldHasAnInput(inner, field!);
  }
};

/** A command's data codec, by type. */
const command = (type: string) => {
  const definition = findCommandDefinition(type);
  if (definition === undefined) throw new Error(`no command ${type}`);
  return definition.data;
};

describe('the form of a command, walked from its data codec', () => {
  it('is built for every command of the catalogue, with a required input for every required field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...commandCatalogue), (definition) => {
        const tree = fieldTreeOf(definition.data);
        expectEveryRequiredFieldHasAnInput(definition.data, tree);
        expect(groupOf(tree).fields.map((field) => field.name)).toContain(definition.streamIdField);
      }),
      { numRuns: commandCatalogue.length * 3 },
    );
  });

  it('names, beside one of its fields, every refusal of a form sent empty', () => {
    fc.assert(
      fc.property(fc.constantFrom(...commandCatalogue), (definition) => {
        const tree = fieldTreeOf(definition.data);
        const empty = emptyValue(tree);
        const checked = decodeWith(definition.data as t.Mixed, definition.type, 'data')(dataOf(tree, empty));
        // ApproveCoachingSystem-like commands may need only the stream id: an empty form is always refused.
        expect(E.isLeft(checked)).toBe(true);
        const shown = new Set(pathsOf(tree, empty, 'data'));
        if (E.isLeft(checked)) for (const error of checked.left.errors) expect(shown).toContain(error.path);
      }),
      { numRuns: commandCatalogue.length * 3 },
    );
  });

  it("turns LogSession's codec into the inputs a coach fills in", () => {
    const fields = groupOf(fieldTreeOf(command('LogSession'))).fields;
    const byName = new Map(fields.map((field) => [field.name, field]));
    expect(byName.get('heldOn')).toMatchObject({ kind: 'date', label: 'Held on', required: true });
    expect(byName.get('durationMinutes')).toMatchObject({ kind: 'number', min: 1, max: 480, integer: true });
    expect(byName.get('agendaUsed')).toMatchObject({ kind: 'checkbox' });
    expect(byName.get('kind')).toMatchObject({ kind: 'choice' });
    expect(byName.get('providerId')).toMatchObject({ kind: 'text', multiline: false, required: true });
  });

  it("offers the domain's program guides for a program year's guide", () => {
    const guide = groupOf(fieldTreeOf(command('StartProgramYear'))).fields.find((field) => field.name === 'guideId');
    expect(guide?.kind === 'choice' && guide.choices.map((choice) => choice.value)).toContain('rir-year-1');
  });

  it("offers a cadence's members as variants: a fixed word, or the fields of another", () => {
    const cadence = groupOf(fieldTreeOf(command('DraftAgreement'))).fields.find((field) => field.name === 'cadence');
    expect(cadence?.kind).toBe('variant');
    if (cadence?.kind !== 'variant') return;
    expect(cadence.variants[0]).toEqual({ label: 'every-two-weeks', literal: 'every-two-weeks' });
    expect(cadence.variants[1]).toMatchObject({ label: 'Other cadence', node: { kind: 'group' } });
  });

  it('labels fields from their names', () => {
    expect(labelOf('durationMinutes')).toBe('Duration minutes');
    expect(labelOf('year2Started')).toBe('Year 2 started');
    expect(labelOf('LogSession')).toBe('Log session');
    expect(labelOf('providerId')).toBe('Provider id');
  });
});
