/**
 * The page shell and the templates of the site, rendered by eta with every `<%= %>` escaped for
 * HTML (names and descriptions come from data files: never trusted as markup). `<%~ %>` is kept
 * for markup this code made itself (a table, a map, a graph already escaped).
 */
import { Eta } from 'eta';

const eta = new Eta({ autoEscape: true, autoTrim: false, useWith: false, varName: 'it', cache: true });

/** What every page is given: where it lives and what it says of itself. */
interface PageShell {
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
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %> · Coopérations en santé</title>
<meta name="description" content="<%= it.description %>">
<% if (it.canonical) { %><link rel="canonical" href="<%= it.canonical %>">
<% } %><link rel="stylesheet" href="<%= it.root %>assets/site.css">
<link rel="alternate" type="application/atom+xml" title="Articles" href="<%= it.root %>atom.xml">
<% if (it.jsonLd) { %><script type="application/ld+json"><%~ it.jsonLd %></script>
<% } %></head>
<body>
<a class="skip" href="#contenu">Aller au contenu</a>
<header class="site">
<p class="brand"><a href="<%= it.root %>index.html">Coopérations en santé</a></p>
<nav aria-label="Sections">
<ul>
<li><a href="<%= it.root %>organisations/index.html">Organisations</a></li>
<li><a href="<%= it.root %>programmes/index.html">Programmes</a></li>
<li><a href="<%= it.root %>financements/index.html">Financements</a></li>
<li><a href="<%= it.root %>evenements/index.html">Chronologie</a></li>
<li><a href="<%= it.root %>articles/index.html">Articles</a></li>
<li><a href="<%= it.root %>personnes/index.html">Personnes</a></li>
</ul>
</nav>
<form class="search" role="search" action="<%= it.root %>recherche/index.html" method="get">
<label for="q">Rechercher</label>
<input type="search" id="q" name="q" autocomplete="off" placeholder="nom, sigle, ville…" aria-describedby="q-aide">
<span id="q-aide" class="visually-hidden">Les résultats s'affichent pendant la saisie, sans tenir compte des accents.</span>
<button type="submit">OK</button>
<div id="resultats" class="results" aria-live="polite"></div>
</form>
</header>
<main id="contenu">
<%~ it.body %>
</main>
<footer class="site">
<p>Base de connaissances tirée d'articles de presse, chaque fait renvoyant à son article.
Données : <a href="<%= it.root %>data/coop.json">JSON</a>, <a href="<%= it.root %>data/coop.db">SQLite</a>,
<a href="<%= it.root %>atom.xml">flux Atom</a>.</p>
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
