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
  list: `
Organisations matching every filter given, sorted by name. An organisation is in a region when its
own location is, or its department is.

Examples:
  coop list --region grand-est            also: "Grand Est", 44, paca, idf
  coop list --department 92 --kind hospital
  coop list --member-of alliance-ouest-parisien
  coop list --has-member hopital-foch     the structures Hôpital Foch belongs to
  coop list --sector public --json        full records as JSON
`,
  show: `
For an organisation: identity, location, dates, description, figures (with as-of date and source),
members grouped by role (with since and source), what it is itself a member of, funding received,
its events in order, and the articles behind all of it. Programmes, funding lines, events and
articles have their own page. A name or an acronym works as well as the id.

Examples:
  coop show alliance-ouest-parisien
  coop show TSD                           by acronym
  coop show "hopital foch"                by name, any case or accents
  coop show pia --json                    the record and everything related, as JSON
`,
} as const;
