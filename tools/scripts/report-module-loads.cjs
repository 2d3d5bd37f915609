// Preloaded (`node -r`) by the tests of what the built apps load: one line on stderr for every
// CommonJS file the process loads, main module included, so a test can tell the build from the
// sources and see which installed packages a command pulls in.
const Module = require('node:module');
const { writeSync } = require('node:fs');

const load = Module.prototype.load;
Module.prototype.load = function (filename) {
  writeSync(2, `module-load: ${filename}\n`);
  return load.call(this, filename);
};
