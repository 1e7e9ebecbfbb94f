import type {
  AgreementFields,
  ArticleFrontMatter,
  FundingLine,
  Event,
  OrganisationFields,
  PersonFields,
  ProgrammeFields,
} from './schema.js';
import { DEFAULT_BASE_LANGUAGE, type Language } from './language.js';

/**
 * The base once loaded and checked: every record that passed its schema, with its id and the file
 * it came from. Queries and renderers work on this and nothing else.
 */
export interface Organisation extends Omit<OrganisationFields, 'id'> {
  id: string;
  file: string;
}

export interface Programme extends Omit<ProgrammeFields, 'id'> {
  id: string;
  file: string;
}

export interface Funding extends FundingLine {
  file: string;
}

export interface CoopEvent extends Event {
  file: string;
}

export interface Person extends Omit<PersonFields, 'id'> {
  id: string;
  file: string;
}

/** A contract between parties: a CPOM, a contrat local de santé, a direction commune... */
export interface Agreement extends Omit<AgreementFields, 'id'> {
  id: string;
  file: string;
}

export interface Article extends Omit<ArticleFrontMatter, 'id'> {
  id: string;
  file: string;
  /** Our own summary of the article, in Markdown. */
  body: string;
}

export type RecordType = 'organisation' | 'programme' | 'funding' | 'event' | 'article' | 'person' | 'agreement';

export interface Base {
  organisations: Organisation[];
  programmes: Programme[];
  funding: Funding[];
  events: CoopEvent[];
  articles: Article[];
  people: Person[];
  agreements: Agreement[];
  /** The language of the base's plain-string texts: coop.yaml says, French by default. */
  language: Language;
}

export function emptyBase(): Base {
  return {
    organisations: [],
    programmes: [],
    funding: [],
    events: [],
    articles: [],
    people: [],
    agreements: [],
    language: DEFAULT_BASE_LANGUAGE,
  };
}

export const RECORD_TYPE_NAMES: Record<RecordType, string> = {
  organisation: 'an organisation',
  programme: 'a programme',
  funding: 'a funding line',
  event: 'an event',
  article: 'an article',
  person: 'a person',
  agreement: 'an agreement',
};

/** Every article an event cites: `source`, then `sources`, each once. */
export function eventSources(event: Pick<Event, 'source' | 'sources'>): string[] {
  return [...new Set([...(event.source !== undefined ? [event.source] : []), ...(event.sources ?? [])])];
}

/**
 * Every organisation an event concerns: its `orgs`, then its participants (the acquirer, the
 * absorbed...), each once. Wherever an event's organisations are read, the participants are too.
 */
export function eventOrgs(event: Pick<Event, 'orgs' | 'participants'>): string[] {
  return [...new Set([...(event.orgs ?? []), ...(event.participants ?? []).map((p) => p.org)])];
}

/** An event without a status happened. */
export function eventStatus(event: Pick<Event, 'status'>): NonNullable<Event['status']> {
  return event.status ?? 'happened';
}
