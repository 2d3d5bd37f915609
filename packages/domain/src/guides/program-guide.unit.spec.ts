import * as E from 'fp-ts/Either';
import * as O from 'fp-ts/Option';
import * as t from 'io-ts';
import { findEventDefinition } from '../catalogue/event-catalogue';
import { StructType } from '../kernel/struct';
import { fieldErrors } from '../kernel/decode';
import { findGuide, programGuides } from './guide-registry';
import { ProgramGuide } from './program-guide';
import { rirYear1Guide } from './rir-year-1';
import { starsPbcGuide } from './stars-pbc';

const fromJson = (guide: unknown) => ProgramGuide.decode(JSON.parse(JSON.stringify(guide)));

describe('program guides', () => {
  it.each(programGuides.map((guide) => [guide.guideId, guide] as const))('%s loads from JSON unchanged', (_, guide) =>
    expect(fromJson(guide)).toEqual(E.right(guide)),
  );

  it.each(programGuides.map((guide) => [guide.guideId, guide] as const))(
    '%s names each requirement once',
    (_, guide) => {
      const ids = guide.requirements.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  it('RiR Year 1 counts coaching conversations, observations and debriefs toward 150 minutes a month', () =>
    expect(rirYear1Guide.dosage).toEqual({
      targetMinutesPerMonth: 150,
      countedKinds: ['coaching-conversation', 'observation', 'debrief'],
    }));

  it('refuses a guide that would count consultation as coaching, naming the entry', () => {
    const counted = fromJson({ ...rirYear1Guide, dosage: { countedKinds: ['debrief', 'consultation'] } });
    expect(E.isLeft(counted) && fieldErrors(counted.left)).toEqual([
      expect.objectContaining({ path: 'dosage.countedKinds.1' }),
    ]);
  });

  it('STARS sets no monthly minutes target', () => expect(starsPbcGuide.dosage?.targetMinutesPerMonth).toBeUndefined());

  it('limits consent and TPOT/TPITOS requirements to center-based providers', () =>
    expect(
      rirYear1Guide.requirements.filter((r) => r.appliesTo?.settings?.includes('fcch') === false).map((r) => r.id),
    ).toEqual(['evaluation-consent', 'observation-scheduled', 'observation-debriefed']));

  it('refuses a requirement of an unknown kind, naming where', () => {
    const broken = { ...rirYear1Guide, requirements: [{ ...rirYear1Guide.requirements[0], kind: 'weekly' }] };
    const result = fromJson(broken);
    expect(E.isLeft(result) && fieldErrors(result.left).map((f) => f.path)).toContain('requirements.0.kind');
  });

  it('refuses a misspelt field rather than dropping it', () => {
    const broken = { ...starsPbcGuide, requirements: [{ ...starsPbcGuide.requirements[0], distinctby: 'party' }] };
    const result = fromJson(broken);
    expect(E.isLeft(result) && fieldErrors(result.left).map((f) => f.path)).toContain('requirements.0.distinctby');
  });

  it('refuses a window month beyond the second year', () => {
    const first = rirYear1Guide.requirements[0]!;
    const result = fromJson({
      ...rirYear1Guide,
      requirements: [{ ...first, window: { anchor: 'enrollment', throughMonth: 24 } }],
    });
    expect(E.isLeft(result) && fieldErrors(result.left).map((f) => f.path)).toContain(
      'requirements.0.window.throughMonth',
    );
  });

  it('RiR Year 1 widens coaching focus with Modules 1A, 1B, 2A and 2B, in that order', () =>
    expect(rirYear1Guide.focusSequence?.map((step) => step.module)).toEqual([
      'module-1a',
      'module-1b',
      'module-2a',
      'module-2b',
    ]));

  it('RiR Year 1 prepares providers for Year 2 once the last module of its sequence is held', () => {
    expect(rirYear1Guide.yearTwoTransition).toEqual({
      preparesAfterModule: 'module-2b',
      basis: expect.stringContaining('(000)'),
    });
    expect(rirYear1Guide.focusSequence?.at(-1)?.module).toBe(rirYear1Guide.yearTwoTransition?.preparesAfterModule);
  });

  it.each(programGuides.map((guide) => [guide.guideId, guide] as const))(
    '%s prepares for Year 2 only after a module of its focus sequence, each module once',
    (_, guide) => {
      const modules = (guide.focusSequence ?? []).map((step) => step.module);
      expect(new Set(modules).size).toBe(modules.length);
      if (guide.yearTwoTransition) expect(modules).toContain(guide.yearTwoTransition.preparesAfterModule);
    },
  );

  it('STARS sets no coaching focus sequence', () => expect(starsPbcGuide.focusSequence).toBeUndefined());

  it('refuses a focus step without topics or of an unknown module, naming where', () => {
    const result = fromJson({
      ...rirYear1Guide,
      focusSequence: [
        { module: 'module-1a', focus: [] },
        { module: 'module-3', focus: ['Building positive relationships'] },
      ],
    });
    expect(E.isLeft(result) && fieldErrors(result.left).map((f) => f.path)).toEqual(
      expect.arrayContaining(['focusSequence.0.focus', 'focusSequence.1.module']),
    );
  });

  it('refuses an empty focus sequence', () => {
    const result = fromJson({ ...rirYear1Guide, focusSequence: [] });
    expect(E.isLeft(result) && fieldErrors(result.left).map((f) => f.path)).toContain('focusSequence');
  });

  it('finds a guide by id, and nothing for an unknown id', () => {
    expect(findGuide('rir-year-1')).toEqual(O.some(rirYear1Guide));
    expect(findGuide('stars-pbc')).toEqual(O.some(starsPbcGuide));
    expect(findGuide('rir-year-2')).toEqual(O.none);
  });
});

describe('the events the guides name', () => {
  const named = programGuides.flatMap((guide) =>
    guide.requirements.flatMap((r) => (r.kind === 'monthly-dosage' ? [] : [[`${guide.guideId}/${r.id}`, r] as const])),
  );

  it.each(named)('%s names a catalogued event and fields its data has', (_, requirement) => {
    const { event } = requirement;
    const definition = findEventDefinition(event.type);
    expect(definition?.type).toBe(event.type);
    const data = definition!.data as unknown as StructType<Record<string, t.Mixed>, Record<string, t.Mixed>>;
    const fields = { ...data.required, ...data.optional };
    expect(fields[event.dateField]?.name).toBe('LocalDate');
    for (const [field, value] of Object.entries(event.where ?? {})) expect(fields[field]?.is(value)).toBe(true);
    if (requirement.kind === 'monthly' && requirement.monthField)
      expect(fields[requirement.monthField]?.name).toBe('Month');
    if (requirement.kind === 'count' && requirement.distinctBy) expect(fields[requirement.distinctBy]).toBeDefined();
    if (requirement.kind === 'each' && requirement.closedBy) {
      const closer = findEventDefinition(requirement.closedBy.type)?.data as unknown as
        StructType<Record<string, t.Mixed>, Record<string, t.Mixed>> | undefined;
      expect(closer?.required[requirement.closedBy.dateField]?.name).toBe('LocalDate');
      expect(closer?.required[requirement.key]).toBeDefined();
    }
  });
});
