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
  add: `
Each subcommand adds one fact, citing its article, to the YAML file that holds the record: the new
item goes at the end of the list, and every other byte of the file (comments, blank lines, quoting,
order) stays as it was. The whole base is checked with the change before anything is written: if
the change would bring an error, nothing is written, the problems are shown and the exit code is 1.

stdout: the path of the file written. stderr: what was added, with the id of a new funding line or
event. Records are named by id, name or alias; they are written as ids.

Examples:
  coop add member alliance-ouest-parisien clinique-x --role member --since 2019 --source <article>
  coop add funding --programme territoires-d-innovation --recipient e-meuse-sante \\
      --instrument grant --amount 8.4M --stage awarded --source <article>
  coop add event --date 2019-09-13 --kind award --title "..." --org e-meuse-sante --source <article>
  coop add figure alliance-ouest-parisien --metric beds --value 2047 --as-of 2019-03-11 --source <article>
`,
  addMember: `
Appends {org, role, since, until, note, source} to the structure's members list (the list is created,
at its place in the data model, when the file has none). The same member may appear again with
another role or another source (two articles that disagree: say so in --note); the same
organisation, role and source twice is refused.

Examples:
  coop add member alliance-ouest-parisien hopital-foch --role founder --since 2017-09-13 \\
      --source hospimedia-2017-09-13-alliance-ouest-parisien
  coop add member "Alliance hospitalière" "Hôpital Foch" --role member --since 2017-09/2019-03 \\
      --note "Listed as a member in the one-year review" --source alliance-hospitaliere-2019-03-11-un-an-apres
`,
  addFunding: `
Appends a funding line to funding/<programme>.yaml if that file exists, else to the file that already
holds the programme's lines, else to a new funding/<programme>.yaml; --file picks the file. The id is <programme>-<recipient>-<instrument>, with -2, -3... when taken, unless
--id gives one; stderr says which.

--amount is a whole number of currency units, written as you like: 1500000, "1 500 000",
1_500_000, 1,500,000, 1.5M, "1,5 M€", 450k, 2Md. Without k/M/Md, "," and "." only group thousands
(1,500 is 1500); with them, either is the decimal mark. The amount written is on stderr: check it.

Examples:
  coop add funding --programme territoires-d-innovation --recipient e-meuse-sante \\
      --instrument grant --amount 8.4M --stage awarded --date 2019-09-13 --funder etat \\
      --source ticsante-2019-11-territoire-de-sante-de-demain
  coop add funding --programme PIA --recipient tsd --instrument equity --amount "25 M€" \\
      --stage potential --upper-bound --source ticsante-2019-11-territoire-de-sante-de-demain
`,
  addEvent: `
Appends an event to a file of events/. Events live with the organisation or programme they concern:
events/<id>.yaml for the first --org, then --programme, that has such a file; else the file that
already holds events of the first of them that has any; else a new file named after the first;
--file picks the file. The id is <first org or programme>-<kind>-<year>
(with -2, -3... when taken), unless --id gives one; stderr says which.

Examples:
  coop add event --date 2019-09-13 --kind award --title "Selected as a Territoires d'innovation laureate" \\
      --org e-meuse-sante --org departement-de-la-meuse --programme territoires-d-innovation \\
      --source ticsante-2019-11-territoire-de-sante-de-demain
  coop add event --date 2014-12 --kind trade-show --title "Hôpital Expo Méditerranée" \\
      --org interpro-sante-provence --place Marseille --id hopital-expo-mediterranee-2014 --source <article>
`,
  addFigure: `
Appends {metric, value, unit, as_of, note, source} to the figures list of an organisation or a
programme (the list is created, at its place in the data model, when the file has none).
--value is a number: 1200, "1 200", 4.5 or 4,5 (a comma before exactly three digits is refused as
ambiguous).

Examples:
  coop add figure alliance-ouest-parisien --metric beds --value 2047 --as-of 2019-03-11 \\
      --source alliance-hospitaliere-2019-03-11-un-an-apres
  coop add figure territoires-d-innovation --metric applications --value 117 --as-of 2019-09-13 \\
      --source ticsante-2019-11-territoire-de-sante-de-demain
`,
  new: `
Writes the file of a new record from the options given: organisations/<id>.yaml,
programmes/<id>.yaml or articles/<id>.md. The whole base is checked with the new file first; if it
would bring any error (an unknown source, a city outside its department, a bad date...), nothing is
written and every problem is shown (exit 1). An existing record is never overwritten (exit 1). The
file is written whole or not at all, and its path printed. Members, funding, events and figures are
added to existing records with coop add.

Examples:
  coop new article hospimedia-2026-11-20-clinique-x --title "..." --outlet Hospimedia --date 2026-11-20 --summary - < summary.md
  coop new organisation clinique-x --name "Clinique X" --kind clinic --department 92 --source hospimedia-2026-11-20-clinique-x
  coop new programme fonds-x --name "Fonds X" --funder etat --source hospimedia-2026-11-20-clinique-x

Exit codes: 0 written, 1 refused (nothing written), 2 usage error.
`,
  newOrganisation: `
The id must be a kebab-case slug (clinique-x) that no record of any type uses. Repeatable options
(--alias, --source, --activity, ...) take one value each time. References (--parent, --source) take
an id, or a name, acronym or alias (a title for articles) that names exactly one record; the file
holds the id. The region is derived from --department when left out; --region, --department and
--city are checked against the official geography. Keys are written in the data model's order.

Examples:
  coop new organisation clinique-x --name "Clinique X" --kind clinic --sector private-for-profit \\
      --department 92 --city Suresnes --source hospimedia-2026-11-20-clinique-x
  coop new organisation gcs-y --name "GCS Y" --short-name GCSY --alias "Groupement Y" --kind gcs \\
      --legal-form GCS --region idf --founded 2026-10 --source a-1 --source a-2
  coop new organisation clinique-x ... --dry-run      print the file, write nothing
`,
  newProgramme: `
The id must be a kebab-case slug that no record of any type uses. --parent takes a programme,
--funder an organisation, --source an article: by id, or by a name or acronym naming one record.
Budgets and figures are added afterwards (edit the file).

Examples:
  coop new programme fonds-x --name "Fonds X" --short-name FX --parent PIA --funder etat \\
      --launched 2026-06 --source hospimedia-2026-11-20-clinique-x
`,
  newArticle: `
The id is <outlet>-<date>-<topic> (hospimedia-2026-11-20-clinique-x), a kebab-case slug no record
uses. The body is our own summary, never the article's sentences: give it with --summary TEXT, or
--summary - to read it from standard input (a file, a heredoc). Without --summary the file ends
after its front matter: write the summary there in your editor. Authors are written as a list,
empty when none is given; the language is fr unless --language en.

--person "NAME|ROLE|ORG" records someone the article quotes or names: the role they had then and
their organisation (id or name) may be left out.

Until a record cites it, coop validate warns that the article is cited by no record: record its
facts next (coop new organisation ... --source <id>, coop add ...).

Examples:
  coop new article hospimedia-2026-11-20-clinique-x --title "La clinique X rejoint l'Alliance" \\
      --outlet Hospimedia --date 2026-11-20 --author "Jeanne Martin" --section "Offre de soins" \\
      --person "Paul Durand|directeur de la clinique X" --summary - < summary.md
  coop new article gazette-2026-01-05-gcs --title "..." --date 2026-01 --summary "Our own summary."
`,
  completion: `
Examples:
  source <(coop completion bash)                     in ~/.bashrc
  source <(coop completion zsh)                      in ~/.zshrc
  coop completion fish > ~/.config/fish/completions/coop.fish

Then: coop sh<Tab> gives show; coop show hop<Tab> gives the ids; coop list --kind <Tab> the kinds.
`,
} as const;
