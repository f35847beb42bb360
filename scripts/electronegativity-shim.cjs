// @doyensec/electronegativity requires 'commander' without declaring it and
// expects v5's API; in this tree 'commander' is v14 (the CLI's). Point only
// electronegativity's own requires at v5, installed as the alias commander-v5.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload by necessity */
const Module = require('node:module');
const path = require('node:path');
const original = Module._resolveFilename;
const enegDir = path.join('@doyensec', 'electronegativity');
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'commander' && parent && parent.filename && parent.filename.includes(enegDir)) {
    return original.call(this, 'commander-v5', parent, ...rest);
  }
  return original.call(this, request, parent, ...rest);
};
