#!/usr/bin/env node
// Before anything else runs (DESIGN section 5): a very deep document could abort Node inside V8's
// regexp compiler, and the interpreter tier is safe. Changing it later, once coop's own regular
// expressions are in use, can crash V8 itself (a segmentation fault seen in the test workers).
require('node:v8').setFlagsFromString('--no-regexp-tier-up');
// The CLI is bundled into dist/ by `npm run build` (run on install by `prepare`).
require('../dist/main.cjs');
