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
  funding: `
Funding lines, then their totals grouped by instrument and stage (grants are never added to equity,
nor announced or potential money to awarded money), then the budget of the programme asked for.
--program takes an id, a name or an acronym and includes every programme it carries.

Examples:
  coop funding --program PIA              the PIA and Territoires d'innovation
  coop funding --program PIA --instrument grant --stage awarded
  coop funding --recipient territoire-de-sante-de-demain
  coop funding --region grand-est --json
`,
  search: `
Fuzzy, case- and accent-insensitive search over names, acronyms, aliases, cities, descriptions,
article titles and bodies. Exact ids and acronyms come first. Each result says what matched.

Examples:
  coop search "cite des fleurs"
  coop search TSD
  coop search e-sante --type article
  coop search hopital --limit 5 --json
`,
  events: `
A timeline, earliest first. Uncertain (?) and approximate (c.) dates are shown as such; an event
whose date is a span is kept when the span meets the --from/--to range.

Examples:
  coop events --org alliance-ouest-parisien
  coop events --kind award
  coop events --from 2017 --to 2019-06
  coop events --region grand-est --json
`,
  sources: `
Without an id: the articles, with how many records cite each. With an id: which article backs each
fact of that record (identity, members, figures, funding, events).

Examples:
  coop sources
  coop sources alliance-ouest-parisien
  coop sources hospimedia-2017-09-13-alliance-ouest-parisien    what cites this article
`,
  graph: `
An organisation or a programme with what surrounds it, as a graph to draw: members (edges member ->
structure, labelled with the role and since when), the structures it belongs to, the money it
receives (edges programme -> recipient: instrument, amount, stage), and the parents and funders of
each record drawn. --depth counts the hops of membership, funding and sub-programmes followed from
the record: 0 the record and its parents, 1 (the default) its members and money, 2 also the members'
own structures, and so on.

Shapes: rounded box a structure (it has members), ellipse a member, box another organisation (a
funder, a group), hexagon a programme; the record asked for is drawn thicker; money is a bold
green edge, parents and funders dashed.

--format dot (the default, for Graphviz), mermaid (a flowchart for Markdown), json (the model:
nodes and edges with raw amounts and EDTF dates).

Examples:
  coop graph alliance-ouest-parisien | dot -Tsvg > alliance.svg
  coop graph alliance-ouest-parisien --depth 2 | dot -Tpng > alliance.png
  coop graph PIA --depth 2 --format mermaid    a programme, its sub-programmes and their laureates
  coop graph hopital-foch --json | jq '.nodes[].name'
`,
  export: `
The whole base, resolved. JSON (the default) is one object {organisations, memberships, programmes,
funding, events, articles}, each an array of records with their id and every field; memberships are
flattened as {organisation, member, role, since, until, note, source}. With --table, one table as
--format ndjson (one JSON record a line) or csv.

Examples:
  coop export > base.json
  coop export --table memberships --format csv > memberships.csv
  coop export --table funding --format ndjson | jq .amount
`,
  stats: `
Counts of organisations by kind, sector and region; money by programme, instrument and stage
(never adding grants to equity, nor potential to awarded money).

Examples:
  coop stats
  coop stats --json
`,
  schema: `
Generated from the schemas coop validates with, so they never disagree. Point your editor's YAML
support at them (for instance a first line "# yaml-language-server: $schema=<path>" in a data file,
or a yaml.schemas setting mapping data/organisations/*.yaml to organisation.schema.json).

Examples:
  coop schema > coop-schemas.json          one object keyed by file type
  coop schema --out .schemas               organisation, programme, funding, events,
                                           article-front-matter .schema.json
`,
  completion: `
Examples:
  source <(coop completion bash)                     in ~/.bashrc
  source <(coop completion zsh)                      in ~/.zshrc
  coop completion fish > ~/.config/fish/completions/coop.fish

Then: coop sh<Tab> gives show; coop show hop<Tab> gives the ids; coop list --kind <Tab> the kinds.
`,
} as const;
