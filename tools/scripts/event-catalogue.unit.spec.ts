import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalogue } from '@coachline/domain';
import { renderEventCatalogue } from './event-catalogue';

describe('docs/events.md', () => {
  const rendered = renderEventCatalogue();

  it('is the catalogue generated from the codecs (run `npm run docs:events` after changing an event)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'events.md'), 'utf8');
    expect(committed).toBe(rendered);
  });

  it('documents every event of the catalogue', () => {
    for (const definition of eventCatalogue) expect(rendered).toContain(`### ${definition.type}\n`);
  });
});
