#!/usr/bin/env node
// The CLI is bundled into dist/ by `npm run build` (run on install by `prepare`).
require('../dist/main.cjs');
