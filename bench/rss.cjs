// Preloaded by scripts/bench.mjs (`node -r bench/rss.cjs ...`): on exit, appends this process's peak
// resident set size in kilobytes (process.resourceUsage().maxRSS) to the file $BENCH_RSS_FILE.
// No dependency, no output on stdout or stderr; does nothing when the variable is not set.
'use strict';
const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // The benchmark reports a missing figure; the measured command must not fail because of it.
    }
  });
}
