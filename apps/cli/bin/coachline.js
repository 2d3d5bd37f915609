#!/usr/bin/env node
// The command line runs from its build, dist/main.js: one JavaScript bundle that `npm ci` makes
// (the root's `prepare`) and `npm run build:apps` remakes after a change to the sources.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'main.js');
if (!existsSync(bundle)) {
  process.stderr.write('coachline: the command line is not built; run `npm run build:apps` in the repository\n');
  process.exit(1);
}
// A stack is printed only with COACHLINE_DEBUG=1; only then is it worth reading the source map,
// so that it names the TypeScript lines.
if (process.env.COACHLINE_DEBUG === '1') process.setSourceMapsEnabled(true);
require(bundle);
