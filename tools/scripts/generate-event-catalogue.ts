import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEventCatalogue } from './event-catalogue';

const target = join(__dirname, '..', '..', 'docs', 'events.md');
writeFileSync(target, renderEventCatalogue());
console.log(`wrote ${target}`);
