/**
 * The page shell and the templates of the site, rendered by eta with every `<%= %>` escaped for
 * HTML (names and descriptions come from data files: never trusted as markup). `<%~ %>` is kept
 * for markup this code made itself (a table, a map, a graph already escaped).
 */
import { Eta } from 'eta';
import type { SiteLanguage } from './language.js';

const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, varName: 'it', cache: true });

/** What every page is given: where it lives and what it says of itself. */
interface PageShell {
  language: SiteLanguage;
  /** The path of the page's file from the site's root: organisations/x/index.html. */
  path: string;
  title: string;
  description: string;
  /** The page's own markup (inside <main>). */
  body: string;
  /** From the file to the root: "../../" for organisations/x/index.html. */
  root: string;
  /** --base-url: the canonical address of the page, when known. */
  canonical?: string;
  /** schema.org JSON-LD, already serialised (with < escaped). */
  jsonLd?: string;
}

eta.loadTemplate(
  '@layout',
  `<!DOCTYPE html>
<html lang="<%= it.language.code %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %> · <%= it.language.siteName %></title>
<meta name="description" content="<%= it.description %>">
<% if (it.canonical) { %><link rel="canonical" href="<%= it.canonical %>">
<% } %><link rel="stylesheet" href="<%= it.root %>assets/site.css">
<link rel="alternate" type="application/atom+xml" title="<%= it.language.w.nav.articles %>" href="<%= it.root %>atom.xml">
<% if (it.jsonLd) { %><script type="application/ld+json"><%~ it.jsonLd %></script>
<% } %></head>
<body>
<a class="skip" href="#contenu"><%= it.language.w.skip %></a>
<header class="site">
<p class="brand"><a href="<%= it.root %>index.html"><%= it.language.siteName %></a></p>
<nav aria-label="<%= it.language.w.sections %>">
<ul>
<li><a href="<%= it.root %>organisations/index.html"><%= it.language.w.nav.organisations %></a></li>
<li><a href="<%= it.root %>programmes/index.html"><%= it.language.w.nav.programmes %></a></li>
<li><a href="<%= it.root %>financements/index.html"><%= it.language.w.nav.funding %></a></li>
<li><a href="<%= it.root %>evenements/index.html"><%= it.language.w.nav.events %></a></li>
<li><a href="<%= it.root %>articles/index.html"><%= it.language.w.nav.articles %></a></li>
<li><a href="<%= it.root %>personnes/index.html"><%= it.language.w.nav.people %></a></li>
</ul>
</nav>
<form class="search" role="search" action="<%= it.root %>recherche/index.html" method="get">
<label for="q"><%= it.language.w.search %></label>
<input type="search" id="q" name="q" autocomplete="off" placeholder="<%= it.language.w.searchPlaceholder %>" aria-describedby="q-aide">
<span id="q-aide" class="visually-hidden"><%= it.language.w.searchHelp %></span>
<button type="submit">OK</button>
<div id="resultats" class="results" aria-live="polite" data-none="<%= it.language.w.noResult %>"></div>
</form>
</header>
<main id="contenu">
<%~ it.body %>
</main>
<footer class="site">
<p><%= it.language.w.footer %>
<%= it.language.w.data %><%= it.language.w.colon %><a href="<%= it.root %>data/coop.json">JSON</a>, <a href="<%= it.root %>data/coop.db">SQLite</a>,
<a href="<%= it.root %>atom.xml"><%= it.language.w.atom %></a>.</p>
</footer>
<script src="<%= it.root %>assets/minisearch.js"></script>
<script src="<%= it.root %>assets/search-index.js"></script>
<script src="<%= it.root %>assets/site.js"></script>
</body>
</html>
`,
);

export function renderPage(shell: PageShell): string {
  return eta.render('@layout', shell);
}

/** The escaping eta applies, for the few strings built outside a template. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
