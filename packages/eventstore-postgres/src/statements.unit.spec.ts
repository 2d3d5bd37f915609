import { checkSchemaName } from './migrations';
import { prefixPattern, statementsFor } from './statements';

describe('statements', () => {
  it('takes _, % and \\ in a stream prefix literally', () => {
    expect(prefixPattern('provider-p_1%\\x')).toBe('provider-p\\_1\\%\\\\x%');
  });

  it('numbers the read-all parameters after the filters present', () => {
    const statements = statementsFor('coachline');
    const prefixOnly = statements.readAllPage({ after: 5, limit: 10, streamPrefix: 'coach-' });
    expect(prefixOnly.params).toEqual([5, 10, 'coach-%']);
    expect(prefixOnly.text).toContain('stream LIKE $3');
    const both = statements.readAllPage({ after: 0, limit: 10, types: ['A'], streamPrefix: 'p' });
    expect(both.params).toEqual([0, 10, ['A'], 'p%']);
    expect(both.text).toContain('type = ANY($3::text[])');
    expect(both.text).toContain('stream LIKE $4');
  });

  it('accepts only plain lower-case schema names, short enough for the notification channel', () => {
    expect(checkSchemaName('coachline_test_1')).toBe('coachline_test_1');
    for (const bad of ['Coachline', 'coach"line', 'coach;drop', '1st', 'x'.repeat(49), '']) {
      expect(() => checkSchemaName(bad)).toThrow(TypeError);
    }
  });
});
