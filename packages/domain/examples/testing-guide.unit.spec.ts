import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// "Testing your integration" in docs/embedding.md shows these files' code: kept word for word here.
const guide = readFileSync(join(__dirname, '../../../docs/embedding.md'), 'utf8');
const section = guide.slice(guide.indexOf('## Testing your integration')).split(/\n## /)[0] ?? '';
const blocks = (lang: string) =>
  [...section.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1] ?? '');
const decider = readFileSync(join(__dirname, 'debrief-reminders.ts'), 'utf8');
const specification = readFileSync(join(__dirname, 'debrief-reminders.node-test.ts'), 'utf8');

describe('the embedding guide’s testing section', () => {
  it('shows the decider and its specifications as they are in the examples', () => {
    const code = blocks('ts');
    expect(code).toHaveLength(2);
    expect(decider).toContain(code[0]);
    expect(specification).toContain(code[1]);
  });

  it('uses then, thenFails with a code and with a predicate, and thenNothingHappened', () => {
    const code = blocks('ts').join('\n');
    for (const step of ['.then([', ".thenFails('", '.thenFails((error)', '.thenNothingHappened()'])
      expect(code).toContain(step);
  });

  it('shows the run of every specification in the file, by name', () => {
    const [run] = blocks('console');
    const shown = [...(run ?? '').matchAll(/^ {2}✔ (.+) \(/gm)].map((m) => m[1]);
    const written = [...specification.matchAll(/^ {2}it\('(.+?)',/gm)].map((m) => m[1]);
    expect(written.length).toBeGreaterThan(0);
    expect(shown).toEqual(written);
    expect(run).toContain(`ℹ pass ${written.length}`);
  });
});
