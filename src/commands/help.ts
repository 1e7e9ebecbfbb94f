/**
 * The examples under each command's --help. Plain strings in a module of their own: --help must not
 * load the code of the commands it describes.
 */
export const HELP = {
  validate: `
Checks every file of the base in one pass and reports each problem at its file, line and column,
with a stable rule id and a hint where one helps.

Exit code: 0 when the base is valid (warnings allowed), 1 when it has errors (or, with --strict,
warnings), 2 when the data folder cannot be read.

Examples:
  coop validate                         check the bundled data/
  coop validate --data ~/veille/data    check another base (or set COOP_DATA)
  coop validate --strict                fail on warnings too (for CI)
  coop validate --format json           one JSON object: counts and every diagnostic
  coop validate --format tsv | cut -f5 | sort | uniq -c    problems by rule
`,
} as const;
