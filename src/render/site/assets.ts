/**
 * The site's stylesheet and its one script. No font, image or script from elsewhere: the site
 * works from disk (file://) and sends no request out. The script only adds search and filters;
 * every page reads complete without it.
 */

export const SITE_CSS = `*{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1e1e1e;background:#fff}
body{margin:0}
a{color:#0a4a9c}
a:focus,button:focus,input:focus,select:focus{outline:3px solid #e5a000;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:#f3f6fb;border-bottom:1px solid #c8d3e6;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
.brand{margin:0;font-weight:bold;font-size:1.15rem}
.brand a{text-decoration:none;color:#1e1e1e}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
form.search{position:relative;display:flex;gap:.4rem;align-items:center;flex:1 1 14rem;max-width:30rem;min-width:0}
form.search input{flex:1;min-width:0;width:6rem;padding:.4rem;font:inherit;border:1px solid #6b6b6b;border-radius:4px}
form.search button{font:inherit;padding:.35rem .7rem}
.results{position:absolute;top:100%;left:0;right:0;background:#fff;border:1px solid #c8d3e6;z-index:5;max-height:70vh;overflow:auto}
.results:empty{display:none}
.results ul{list-style:none;margin:0;padding:0}
.results li a{display:block;padding:.4rem .6rem}
.results .type{color:#555;font-size:.85em}
main{max-width:60rem;margin:0 auto;padding:1rem;overflow-wrap:anywhere}
h1 .short{font-weight:normal;color:#555}
.lead{font-size:1.1rem}
.lang,.hint,.when,figcaption{color:#555;font-size:.9em}
.note{font-style:italic}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75rem}
.counts a{display:block;padding:.5rem .8rem;border:1px solid #c8d3e6;border-radius:6px;text-decoration:none}
/* position: the visually hidden header of a column is placed from its scroll wrapper, not from the page, or it widens the page at 375 px */
.scroll{overflow-x:auto;max-width:100%;position:relative}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border-bottom:1px solid #d5d5d5;padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:normal;min-width:5rem}
td.num{text-align:right;white-space:nowrap}
.bar-cell{width:25%}
.totals th,.totals td{min-width:0}

.ref{font-size:.85em;text-decoration:none}
.disputed-mark{color:#8a4b00;font-size:.9em}
.disputed{border-left:4px solid #c77d00;padding-left:.75rem}
.disputed ul{margin:.2rem 0;padding-left:1.2rem}
.other{color:#555}
.tag{background:#eef1f6;border-radius:3px;padding:0 .3rem;font-size:.9em}
.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;margin:.5rem 0}
.filters select{font:inherit;max-width:14rem}
figure{margin:1rem 0}
figure.graph{overflow-x:auto}
figure.graph svg,figure.map svg{max-width:100%;height:auto}
/* On a phone a graph shrunk to the screen cannot be read: it keeps its size and scrolls in its frame. */
@media (max-width:40rem){figure.graph svg{max-width:none}}
.timeline,.articles{padding-left:1.2rem}
footer.site{border-top:1px solid #c8d3e6;padding:1rem;font-size:.9em;color:#444;max-width:60rem;margin:0 auto}
.graph .node rect{fill:#fff;stroke:#333}
.graph .n-structure rect{stroke-width:2}
.graph .n-programme rect{fill:#eef3fb}
.graph .n-start rect{fill:#fdf6e3;stroke-width:2.5}
.graph polyline{fill:none;stroke:#333}
.graph polyline.e-funding{stroke:#1e6b1e;stroke-width:2}
.graph text.label{font-size:10px}
.graph text.e-funding{fill:#1e6b1e}
@media print{header.site form,nav,.skip,.filters{display:none}a{color:inherit}.ref::after{content:""}}
`;

/**
 * Search as one types, from the index built at site time (assets/search-index.js sets
 * window.COOP_SEARCH), folded the same way as there: lower case, accents removed. Filters of the
 * organisations list, also preset by ?region= in the address (the map's links).
 */
export const SITE_JS = `(function () {
  'use strict';
  var root = (document.querySelector('link[rel=stylesheet]').getAttribute('href') || '').replace(/assets\\/site\\.css$/, '');
  function fold(text) { return text.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase(); }
  var input = document.getElementById('q');
  var box = document.getElementById('resultats');
  var engine = null;
  if (window.MiniSearch && window.COOP_SEARCH) {
    engine = window.MiniSearch.loadJS(window.COOP_SEARCH, {
      fields: ['name', 'other'], storeFields: ['name', 'type', 'path'], processTerm: fold
    });
  }
  function show(query) {
    box.textContent = '';
    if (!engine || query.trim() === '') return;
    var hits = engine.search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost: { name: 2 } }).slice(0, 10);
    var list = document.createElement('ul');
    if (hits.length === 0) {
      var none = document.createElement('li');
      none.textContent = box.getAttribute('data-none') || '';
      list.appendChild(none);
    }
    hits.forEach(function (hit) {
      var item = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + hit.path;
      a.textContent = hit.name + ' ';
      var type = document.createElement('span');
      type.className = 'type';
      type.textContent = hit.type;
      a.appendChild(type);
      item.appendChild(a);
      list.appendChild(item);
    });
    box.appendChild(list);
  }
  if (input && box) {
    input.addEventListener('input', function () { show(input.value); });
    var asked = new URLSearchParams(location.search).get('q');
    if (asked) { input.value = asked; show(asked); }
    input.form.addEventListener('submit', function (event) {
      var first = box.querySelector('a');
      if (first) { event.preventDefault(); location.href = first.href; }
    });
  }
  var table = document.querySelector('table.filterable');
  if (table) {
    var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
    var count = document.querySelector('[data-count]');
    var params = new URLSearchParams(location.search);
    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        // A row may hold several values (the departments a CPTS covers), separated by spaces.
        var keep = selects.every(function (s) { return s.value === '' || (row.getAttribute('data-' + s.name) || '').split(' ').indexOf(s.value) >= 0; });
        row.hidden = !keep;
        if (keep) shown++;
      });
      if (count) count.textContent = String(shown);
    }
    var filterButton = table.ownerDocument.querySelector('.filters button');
    if (filterButton) filterButton.hidden = true;
    selects.forEach(function (s) {
      var wanted = params.get(s.name);
      if (wanted) s.value = wanted;
      s.addEventListener('change', apply);
    });
    apply();
  }
})();
`;
