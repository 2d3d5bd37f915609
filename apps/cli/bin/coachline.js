#!/usr/bin/env node
// The workspace ships TypeScript sources; tsx compiles them on the fly so `npx coachline`
// works straight after `npm ci`, offline, with no build step.
require('tsx/cjs/api').register();
require('../src/main.ts');
