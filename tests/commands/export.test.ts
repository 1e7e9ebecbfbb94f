import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Every expected value below is written from the files of tests/fixtures/query-export/data by hand.
const GAZETTE = 'gazette-2019-05-02-alliance';
const JOURNAL = 'journal-2020-03-10-fonds';

const ORGANISATIONS = [
  {
    id: 'alliance-test',
    name: 'Alliance de test',
    short_name: 'ADT',
    aliases: ['Alliance test de Suresnes'],
    kind: 'alliance',
    sector: 'private-nonprofit',
    region: 'ile-de-france',
    department: '92',
    founded: '2019-05',
    description: 'An alliance of two hospitals of the Hauts-de-Seine.',
    figures: [{ metric: 'beds', value: 1200, as_of: '2019-05-02', source: GAZETTE }],
    members: [
      { org: 'hopital-a', role: 'founder', since: '2019-05', source: GAZETTE },
      { org: 'clinique-des-fleurs', role: 'founder', since: '2019-05', source: GAZETTE },
      {
        org: 'ehpad-les-tilleuls',
        role: 'member',
        since: '2019-05/2020',
        note: 'Joined after the founding.',
        source: GAZETTE,
      },
    ],
    sources: [GAZETTE],
    file: 'organisations/alliance-test.yaml',
  },
  {
    id: 'clinique-des-fleurs',
    name: 'Clinique des Fleurs',
    aliases: ['Cité des Fleurs'],
    kind: 'clinic',
    sector: 'private-for-profit',
    owners: [{ org: 'groupe-sante-plus' }],
    region: 'ile-de-france',
    department: '92',
    city: 'Courbevoie',
    sources: [GAZETTE],
    file: 'organisations/clinique-des-fleurs.yaml',
  },
  {
    id: 'ehpad-les-tilleuls',
    name: 'EHPAD Les Tilleuls',
    kind: 'ehpad',
    city: 'Rueil-Malmaison',
    sources: [GAZETTE],
    file: 'organisations/ehpad-les-tilleuls.yaml',
  },
  { id: 'etat', name: 'État', kind: 'state', sector: 'public', sources: [JOURNAL], file: 'organisations/etat.yaml' },
  {
    id: 'groupe-sante-plus',
    name: 'Groupe Santé Plus',
    kind: 'group',
    sector: 'private-for-profit',
    sources: [GAZETTE],
    file: 'organisations/groupe-sante-plus.yaml',
  },
  {
    id: 'hopital-a',
    name: 'Hôpital A',
    kind: 'hospital',
    sector: 'private-nonprofit',
    region: 'ile-de-france',
    department: '92',
    city: 'Suresnes',
    sources: [GAZETTE],
    file: 'organisations/hopital-a.yaml',
  },
  {
    id: 'projet-strasbourg',
    name: 'Projet Santé Strasbourg',
    short_name: 'PSS',
    kind: 'project',
    region: 'grand-est',
    description: 'A digital health project carried by the city of Strasbourg.',
    members: [{ org: 'ville-de-strasbourg', role: 'carrier', source: JOURNAL }],
    sources: [JOURNAL],
    file: 'organisations/projet-strasbourg.yaml',
  },
  {
    id: 'ville-de-strasbourg',
    name: 'Ville de Strasbourg',
    kind: 'local-authority',
    sector: 'public',
    region: 'grand-est',
    department: '67',
    city: 'Strasbourg',
    sources: [JOURNAL],
    file: 'organisations/ville-de-strasbourg.yaml',
  },
];

const MEMBERSHIPS = [
  {
    organisation: 'alliance-test',
    member: 'clinique-des-fleurs',
    role: 'founder',
    status: 'member',
    since: '2019-05',
    until: null,
    note: null,
    source: GAZETTE,
  },
  {
    organisation: 'alliance-test',
    member: 'ehpad-les-tilleuls',
    role: 'member',
    status: 'member',
    since: '2019-05/2020',
    until: null,
    note: 'Joined after the founding.',
    source: GAZETTE,
  },
  {
    organisation: 'alliance-test',
    member: 'hopital-a',
    role: 'founder',
    status: 'member',
    since: '2019-05',
    until: null,
    note: null,
    source: GAZETTE,
  },
  {
    organisation: 'projet-strasbourg',
    member: 'ville-de-strasbourg',
    role: 'carrier',
    status: 'member',
    since: null,
    until: null,
    note: null,
    source: JOURNAL,
  },
];

const PROGRAMMES = [
  {
    id: 'fonds-regional',
    name: 'Fonds régional innovation santé',
    short_name: 'FRIS',
    nature: 'programme',
    parent: 'plan-national',
    funder: 'etat',
    launched: '2019-01',
    budget: [
      { instrument: 'grant', amount: 50000000, currency: 'EUR', source: JOURNAL },
      { instrument: 'equity', amount: 100000000, currency: 'EUR', source: JOURNAL },
    ],
    sources: [JOURNAL],
    file: 'programmes/fonds-regional.yaml',
  },
  {
    id: 'plan-national',
    name: "Plan national d'investissement",
    short_name: 'PNI',
    nature: 'programme',
    funder: 'etat',
    sources: [JOURNAL],
    file: 'programmes/plan-national.yaml',
  },
];

const FUNDING = [
  {
    id: 'fris-pss-equity',
    programme: 'fonds-regional',
    recipient: 'projet-strasbourg',
    funder: 'etat',
    instrument: 'equity',
    amount: 7000000,
    currency: 'EUR',
    stage: 'potential',
    upper_bound: true,
    date: '2020-03',
    source: JOURNAL,
    file: 'funding/fonds-regional.yaml',
  },
  {
    id: 'fris-pss-grant',
    programme: 'fonds-regional',
    recipient: 'projet-strasbourg',
    funder: 'etat',
    instrument: 'grant',
    amount: 2500000,
    currency: 'EUR',
    stage: 'awarded',
    date: '2020-03',
    source: JOURNAL,
    file: 'funding/fonds-regional.yaml',
  },
  {
    id: 'pni-alliance-grant',
    programme: 'plan-national',
    recipient: 'alliance-test',
    instrument: 'grant',
    amount: 300000,
    currency: 'EUR',
    stage: 'announced',
    date: '2020~',
    source: JOURNAL,
    file: 'funding/fonds-regional.yaml',
  },
];

const EVENTS = [
  {
    id: 'alliance-test-creation',
    date: '2019-05-02',
    kind: 'founding',
    title: "Création de l'Alliance de test",
    orgs: ['alliance-test', 'hopital-a', 'clinique-des-fleurs'],
    place: 'Suresnes',
    source: GAZETTE,
    file: 'events/events.yaml',
  },
  {
    id: 'fris-award',
    date: '2020-03-10',
    kind: 'award',
    title: 'The regional fund awards the Strasbourg project',
    orgs: ['projet-strasbourg', 'ville-de-strasbourg'],
    programme: 'fonds-regional',
    place: 'Strasbourg',
    source: JOURNAL,
    file: 'events/events.yaml',
  },
  {
    id: 'fris-call',
    date: '2019?',
    kind: 'call-for-projects',
    title: 'Call for projects of the regional fund',
    programme: 'fonds-regional',
    source: JOURNAL,
    file: 'events/events.yaml',
  },
  {
    id: 'tilleuls-joins',
    date: '2019-05/2020',
    kind: 'joining',
    title: 'EHPAD Les Tilleuls joins the alliance',
    orgs: ['alliance-test', 'ehpad-les-tilleuls'],
    source: GAZETTE,
    file: 'events/events.yaml',
  },
];

const ARTICLES = [
  {
    id: GAZETTE,
    title: "Deux hôpitaux de Suresnes s'allient",
    outlet: 'La Gazette',
    date: '2019-05-02',
    authors: ['Jeanne Martin'],
    language: 'fr',
    people: [{ name: 'Paul Durand', role: 'directeur', org: 'hopital-a' }],
    body: 'Hôpital A and the Clinique des Fleurs found an alliance in Suresnes; a third member joins later.',
    file: 'articles/gazette-2019-05-02-alliance.md',
  },
  {
    id: JOURNAL,
    title: 'Le fonds régional récompense un projet strasbourgeois',
    outlet: 'Le Journal',
    date: '2020-03-10',
    authors: [],
    language: 'fr',
    body: 'The regional fund awards a grant and a potential equity stake to the Strasbourg project.',
    file: 'articles/journal-2020-03-10-fonds.md',
  },
];

const WHOLE_BASE = {
  organisations: ORGANISATIONS,
  memberships: MEMBERSHIPS,
  programmes: PROGRAMMES,
  funding: FUNDING,
  events: EVENTS,
  articles: ARTICLES,
  // This base has no person record; an article names someone, one row of article_people.
  persons: [],
  person_roles: [],
  article_people: [
    { article: 'gazette-2019-05-02-alliance', name: 'Paul Durand', person: null, role: 'directeur', org: 'hopital-a' },
  ],
  agreements: [],
};

describe('coop export as JSON', () => {
  it('prints the whole base, resolved, in a pipe', async () => {
    const result = await runOnFixture('query-export', ['export']);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({ code: 0, out: WHOLE_BASE, err: '' });
  });

  it('keeps the tables in the documented order, and each record starts with its id', async () => {
    const parsed = JSON.parse((await runOnFixture('query-export', ['export'])).out);
    expect(Object.keys(parsed)).toEqual([
      'organisations',
      'memberships',
      'programmes',
      'funding',
      'events',
      'articles',
      'persons',
      'person_roles',
      'article_people',
      'agreements',
    ]);
    expect(Object.keys(parsed.organisations[0])).toEqual([
      'id',
      'name',
      'short_name',
      'aliases',
      'kind',
      'sector',
      'region',
      'department',
      'founded',
      'description',
      'figures',
      'members',
      'sources',
      'file',
    ]);
    expect(Object.keys(parsed.memberships[3])).toEqual([
      'organisation',
      'member',
      'role',
      'status',
      'since',
      'until',
      'note',
      'source',
    ]);
  });

  it('prints JSON on a terminal too, the same as in a pipe', async () => {
    const terminal = await runOnFixture('query-export', ['export'], {
      tty: true,
      env: { NO_COLOR: '1' },
      columns: 100,
    });
    const pipe = await runOnFixture('query-export', ['export']);
    expect(terminal).toEqual(pipe);
    expect(JSON.parse(terminal.out)).toEqual(WHOLE_BASE);
  });

  it('prints just one table with --table, as --format json or --json', async () => {
    const table = await runOnFixture('query-export', ['export', '--table', 'funding']);
    expect({ ...table, out: JSON.parse(table.out) }).toEqual({ code: 0, out: FUNDING, err: '' });
    const flagged = await runOnFixture('query-export', ['export', '--table', 'memberships', '--json']);
    expect({ ...flagged, out: JSON.parse(flagged.out) }).toEqual({ code: 0, out: MEMBERSHIPS, err: '' });
    const formatted = await runOnFixture('query-export', ['export', '--table', 'articles', '--format', 'json']);
    expect({ ...formatted, out: JSON.parse(formatted.out) }).toEqual({ code: 0, out: ARTICLES, err: '' });
  });
});

describe('coop export as NDJSON', () => {
  it('prints one event a line, sorted by id, absent fields left out', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'events', '--format', 'ndjson']);
    expect(result).toEqual({
      code: 0,
      out:
        '{"id":"alliance-test-creation","date":"2019-05-02","kind":"founding","title":"Création de l\'Alliance de test","orgs":["alliance-test","hopital-a","clinique-des-fleurs"],"place":"Suresnes","source":"gazette-2019-05-02-alliance","file":"events/events.yaml"}\n' +
        '{"id":"fris-award","date":"2020-03-10","kind":"award","title":"The regional fund awards the Strasbourg project","orgs":["projet-strasbourg","ville-de-strasbourg"],"programme":"fonds-regional","place":"Strasbourg","source":"journal-2020-03-10-fonds","file":"events/events.yaml"}\n' +
        '{"id":"fris-call","date":"2019?","kind":"call-for-projects","title":"Call for projects of the regional fund","programme":"fonds-regional","source":"journal-2020-03-10-fonds","file":"events/events.yaml"}\n' +
        '{"id":"tilleuls-joins","date":"2019-05/2020","kind":"joining","title":"EHPAD Les Tilleuls joins the alliance","orgs":["alliance-test","ehpad-les-tilleuls"],"source":"gazette-2019-05-02-alliance","file":"events/events.yaml"}\n',
      err: '',
    });
  });

  it('prints memberships with every key on every line, null when absent', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'memberships', '--format', 'ndjson']);
    expect(result).toEqual({
      code: 0,
      out:
        '{"organisation":"alliance-test","member":"clinique-des-fleurs","role":"founder","status":"member","since":"2019-05","until":null,"note":null,"source":"gazette-2019-05-02-alliance"}\n' +
        '{"organisation":"alliance-test","member":"ehpad-les-tilleuls","role":"member","status":"member","since":"2019-05/2020","until":null,"note":"Joined after the founding.","source":"gazette-2019-05-02-alliance"}\n' +
        '{"organisation":"alliance-test","member":"hopital-a","role":"founder","status":"member","since":"2019-05","until":null,"note":null,"source":"gazette-2019-05-02-alliance"}\n' +
        '{"organisation":"projet-strasbourg","member":"ville-de-strasbourg","role":"carrier","status":"member","since":null,"until":null,"note":null,"source":"journal-2020-03-10-fonds"}\n',
      err: '',
    });
  });

  it('prints funding lines whose parsed records are those of the JSON export', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'funding', '--format', 'ndjson']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const lines = result.out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(FUNDING);
  });
});

describe('coop export as CSV', () => {
  it('prints the memberships, one column per field, CRLF line ends', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'memberships', '--format', 'csv']);
    expect(result).toEqual({
      code: 0,
      out:
        'organisation,member,role,status,since,until,note,source\r\n' +
        'alliance-test,clinique-des-fleurs,founder,member,2019-05,,,gazette-2019-05-02-alliance\r\n' +
        'alliance-test,ehpad-les-tilleuls,member,member,2019-05/2020,,Joined after the founding.,gazette-2019-05-02-alliance\r\n' +
        'alliance-test,hopital-a,founder,member,2019-05,,,gazette-2019-05-02-alliance\r\n' +
        'projet-strasbourg,ville-de-strasbourg,carrier,member,,,,journal-2020-03-10-fonds\r\n',
      err: '',
    });
  });

  it('prints the funding lines with raw amounts', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'funding', '--format', 'csv']);
    expect(result).toEqual({
      code: 0,
      out:
        'id,programme,recipient,recipients_count,per_recipient_min,per_recipient_max,funder,instrument,amount,amount_min,amount_max,currency,stage,upper_bound,approximate,at_least,recurrence,purpose,per,from,until,date,note,source,file\r\n' +
        'fris-pss-equity,fonds-regional,projet-strasbourg,,,,etat,equity,7000000,,,EUR,potential,true,,,,,,,,2020-03,,journal-2020-03-10-fonds,funding/fonds-regional.yaml\r\n' +
        'fris-pss-grant,fonds-regional,projet-strasbourg,,,,etat,grant,2500000,,,EUR,awarded,,,,,,,,,2020-03,,journal-2020-03-10-fonds,funding/fonds-regional.yaml\r\n' +
        'pni-alliance-grant,plan-national,alliance-test,,,,,grant,300000,,,EUR,announced,,,,,,,,,2020~,,journal-2020-03-10-fonds,funding/fonds-regional.yaml\r\n',
      err: '',
    });
  });

  it('joins lists with "; " and writes nested lists as JSON text', async () => {
    const events = await runOnFixture('query-export', ['export', '--table', 'events', '--format', 'csv']);
    expect(events).toEqual({
      code: 0,
      out:
        'id,date,kind,status,title,orgs,participants,programme,place,description,source,sources,file\r\n' +
        "alliance-test-creation,2019-05-02,founding,,Création de l'Alliance de test,alliance-test; hopital-a; clinique-des-fleurs,,,Suresnes,,gazette-2019-05-02-alliance,,events/events.yaml\r\n" +
        'fris-award,2020-03-10,award,,The regional fund awards the Strasbourg project,projet-strasbourg; ville-de-strasbourg,,fonds-regional,Strasbourg,,journal-2020-03-10-fonds,,events/events.yaml\r\n' +
        'fris-call,2019?,call-for-projects,,Call for projects of the regional fund,,,fonds-regional,,,journal-2020-03-10-fonds,,events/events.yaml\r\n' +
        'tilleuls-joins,2019-05/2020,joining,,EHPAD Les Tilleuls joins the alliance,alliance-test; ehpad-les-tilleuls,,,,,gazette-2019-05-02-alliance,,events/events.yaml\r\n',
      err: '',
    });
    const programmes = await runOnFixture('query-export', ['export', '--table', 'programmes', '--format', 'csv']);
    expect(programmes).toEqual({
      code: 0,
      out:
        'id,name,short_name,aliases,nature,parent,funder,launched,opens,closes,budget,figures,description,note,sources,field_sources,disputed,file\r\n' +
        'fonds-regional,Fonds régional innovation santé,FRIS,,programme,plan-national,etat,2019-01,,,' +
        '"[{""instrument"":""grant"",""amount"":50000000,""currency"":""EUR"",""source"":""journal-2020-03-10-fonds""},' +
        '{""instrument"":""equity"",""amount"":100000000,""currency"":""EUR"",""source"":""journal-2020-03-10-fonds""}]"' +
        ',,,,journal-2020-03-10-fonds,,,programmes/fonds-regional.yaml\r\n' +
        "plan-national,Plan national d'investissement,PNI,,programme,,etat,,,,,,,,journal-2020-03-10-fonds,,,programmes/plan-national.yaml\r\n",
      err: '',
    });
  });

  it('prints the organisations with the derived region and the members as JSON', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'organisations', '--format', 'csv']);
    const lines = result.out.split('\r\n');
    expect(lines[0]).toBe(
      'id,name,short_name,aliases,kind,sector,field,legal_form,gcs_type,law,qualifications,labels,owners,former_names,successor,milestones,region,department,city,departments,communes,epci,population,sites,founded,founded_derived_from,dissolved,identifiers,website,description,activities,shared_resources,figures,members,members_complete,authorisations,note,sources,field_sources,disputed,file',
    );
    expect(lines[1]).toBe(
      'alliance-test,Alliance de test,ADT,Alliance test de Suresnes,alliance,private-nonprofit,,,,,,,,,,,ile-de-france,92,,,,,,,2019-05,,,,,An alliance of two hospitals of the Hauts-de-Seine.,,,' +
        '"[{""metric"":""beds"",""value"":1200,""as_of"":""2019-05-02"",""source"":""gazette-2019-05-02-alliance""}]",' +
        '"[{""org"":""hopital-a"",""role"":""founder"",""since"":""2019-05"",""source"":""gazette-2019-05-02-alliance""},' +
        '{""org"":""clinique-des-fleurs"",""role"":""founder"",""since"":""2019-05"",""source"":""gazette-2019-05-02-alliance""},' +
        '{""org"":""ehpad-les-tilleuls"",""role"":""member"",""since"":""2019-05/2020"",""note"":""Joined after the founding."",""source"":""gazette-2019-05-02-alliance""}]"' +
        ',,,,gazette-2019-05-02-alliance,,,organisations/alliance-test.yaml',
    );
    expect(lines[3]).toBe(
      'ehpad-les-tilleuls,EHPAD Les Tilleuls,,,ehpad,,,,,,,,,,,,,,Rueil-Malmaison,,,,,,,,,,,,,,,,,,,gazette-2019-05-02-alliance,,,organisations/ehpad-les-tilleuls.yaml',
    );
    expect(lines[8]).toBe(
      'ville-de-strasbourg,Ville de Strasbourg,,,local-authority,public,,,,,,,,,,,grand-est,67,Strasbourg,,,,,,,,,,,,,,,,,,,journal-2020-03-10-fonds,,,organisations/ville-de-strasbourg.yaml',
    );
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(ORGANISATIONS.map((org) => org.id));
    expect(lines.at(-1)).toBe('');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
  });
});

describe('coop export usage errors', () => {
  it('refuses an unknown table, with a suggestion, exit 2', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'member']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'coop: --table "member" is not one of: organisations, memberships, programmes, funding, events, articles, persons, person_roles, article_people, agreements\n  hint: did you mean "memberships"?\n',
    });
  });

  it('refuses ndjson and csv without --table, exit 2', async () => {
    const hint =
      '  hint: add --table with one of: organisations, memberships, programmes, funding, events, articles, persons, person_roles, article_people, agreements (or use --format json for the whole base)\n';
    expect(await runOnFixture('query-export', ['export', '--format', 'ndjson'])).toEqual({
      code: 2,
      out: '',
      err: `coop: --format ndjson exports one table: it needs --table\n${hint}`,
    });
    expect(await runOnFixture('query-export', ['export', '--format', 'csv'], { tty: true })).toEqual({
      code: 2,
      out: '',
      err: `coop: --format csv exports one table: it needs --table\n${hint}`,
    });
  });

  it('refuses the formats an export has not, exit 2', async () => {
    const result = await runOnFixture('query-export', ['export', '--table', 'funding', '--format', 'tsv']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'coop: unknown format "tsv"\n  hint: use one of: json, ndjson, csv, sql, sqlite\n',
    });
  });
});
