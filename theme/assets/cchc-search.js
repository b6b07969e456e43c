/* Search for a Vietnamese site, as a web worker behind Material's search box (its "search" worker).
 *
 * Material's own worker runs lunr with a Vietnamese trimmer and stemmer: brackets stay in the
 * words ("(SIPAS)"), syllables are cut to single letters ("số" -> "s") and codes like 1.004512 are
 * lost. Here: words are split on every punctuation mark and bracket, never stemmed; matching
 * ignores diacritics (the folded form), an exact match with diacritics ranks a little higher;
 * pages whose title (or tags) hold the words come first; results keep the page's own spelling.
 *
 * Protocol (Material 9): in {type: 0, data: {docs}} -> out {type: 1}; in {type: 2, data: query}
 * -> out {type: 3, data: {items: [[page, ...sections], ...]}}.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// A word: letters/digits, with inner dots kept so that "1.004512" and "1.000801.H68" stay one code.
var WORD = /[\p{L}\p{M}\p{N}]+(?:\.[\p{L}\p{M}\p{N}]+)*/gu;
var FOLDED_TERMS = /<span hidden>[^<]*<\/span>/g; // added by the build for lunr; not needed here
var SNIPPET_WORDS = 40;

var docs = [];

function fold(word) {
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d");
}

function words(text) {
  return (text.normalize("NFC").toLowerCase().match(WORD) || []);
}

/* Folded tokens of a text; a dotted code also gives its parts ("1.000801.h68" -> "h68"). */
function tokens(text) {
  var out = [];
  words(text).forEach(function (w) {
    var f = fold(w);
    out.push(f);
    if (f.indexOf(".") >= 0) out.push.apply(out, f.split("."));
  });
  return out;
}

function plain(html) {
  return html.replace(/<[^>]*>/g, " ").replace(/&nbsp;/g, " ");
}

function prepare(doc) {
  var text = (doc.text || "").replace(FOLDED_TERMS, "");
  var title = doc.title || "";
  var titleTokens = tokens(plain(title) + " " + (doc.tags || []).join(" ")); // tags weigh like the title
  var textTokens = tokens(plain(text));
  var counts = new Map();
  textTokens.forEach(function (t) { counts.set(t, (counts.get(t) || 0) + 1); });
  var exact = new Set(words(plain(title + " " + text)));
  // URL segments: a procedure's page is thu-tuc-hanh-chinh/<code>/, found by its code.
  var path = doc.location.split("#")[0].split("/").filter(Boolean).map(function (s) { return s.toLowerCase(); });
  return {
    doc: doc, text: text, title: title,
    titleSet: new Set(titleTokens.concat(path.slice(-1))),
    titleLine: " " + titleTokens.join(" ") + " ",
    textLine: " " + textTokens.join(" ") + " ",
    titleTokens: titleTokens, counts: counts, exact: exact,
  };
}

function hasPrefix(tokensList, prefix) {
  for (var i = 0; i < tokensList.length; i++) if (tokensList[i].lastIndexOf(prefix, 0) === 0) return true;
  return false;
}

/* Score one prepared doc for the query terms: {score, inTitle, matched: [bool]} */
function score(p, terms) {
  var total = 0, inTitle = 0, matched = [];
  terms.forEach(function (term, i) {
    var last = i === terms.length - 1 && term.folded.length >= 2; // still being typed: prefix
    var s = 0;
    if (p.titleSet.has(term.folded)) { s += 10; inTitle++; }
    else if (last && hasPrefix(p.titleTokens, term.folded)) { s += 6; inTitle++; }
    var count = p.counts.get(term.folded) || 0;
    if (count) s += 1 + Math.log(count);
    else if (last && s === 0 && p.textLine.indexOf(" " + term.folded) >= 0) s += 0.5;
    if (s && term.word !== term.folded && p.exact.has(term.word)) s *= 1.5; // typed with diacritics
    matched.push(s > 0);
    total += s;
  });
  if (terms.length > 1) {
    var phrase = " " + terms.map(function (t) { return t.folded; }).join(" ") + " ";
    if (p.titleLine.indexOf(phrase) >= 0) total += 40;
    else if (p.textLine.indexOf(phrase) >= 0) total += 8;
  }
  return { score: total, inTitle: inTitle, matched: matched };
}


function marker(terms) {
  var set = new Set(terms.map(function (t) { return t.folded; }));
  var last = terms.length ? terms[terms.length - 1].folded : "";
  return function (text) {
    return text.replace(WORD, function (w) {
      var f = fold(w.normalize("NFC").toLowerCase());
      var hit = set.has(f) || (last.length >= 2 && f.lastIndexOf(last, 0) === 0);
      return hit ? "<mark>" + w + "</mark>" : w;
    });
  };
}

/* A short extract around the first matching word, marked. */
function snippet(text, mark, terms) {
  var parts = text.split(/(\s+)/);
  var wanted = new Set(terms.map(function (t) { return t.folded; }));
  var first = 0;
  for (var i = 0; i < parts.length; i++) {
    var ws = tokens(parts[i]);
    if (ws.some(function (w) { return wanted.has(w); })) { first = i; break; }
  }
  var start = Math.max(0, first - SNIPPET_WORDS / 2), end = Math.min(parts.length, start + SNIPPET_WORDS * 2);
  var out = parts.slice(start, end).join("");
  return (start > 0 ? "… " : "") + mark(out) + (end < parts.length ? " …" : "");
}

function search(query) {
  var terms = words(query).map(function (w) { return { word: w, folded: fold(w) }; });
  if (!terms.length) return { items: [] };
  var scored = [];
  docs.forEach(function (p) {
    var r = score(p, terms);
    if (r.score > 0) scored.push({ p: p, r: r });
  });
  var all = scored.filter(function (x) { return x.r.matched.every(Boolean); });
  if (!all.length) all = scored; // no page has every word: show those with some
  var groups = new Map();
  all.forEach(function (x) {
    var page = x.p.doc.location.split("#")[0];
    if (!groups.has(page)) groups.set(page, []);
    groups.get(page).push(x);
  });
  var mark = marker(terms);
  var items = [];
  groups.forEach(function (members, page) {
    members.sort(function (a, b) { return b.r.score - a.r.score; });
    var best = members[0];
    var head = members.filter(function (x) { return x.p.doc.location === page; })[0];
    if (!head) {
      var own = docs.filter(function (p) { return p.doc.location === page; })[0];
      head = own ? { p: own, r: score(own, terms) } : best;
    }
    var rank = Math.max(best.r.inTitle, head.r.inTitle) * 1000 + best.r.score;
    var list = [head].concat(members.filter(function (x) { return x !== head; }));
    items.push({
      rank: rank,
      docs: list.map(function (x, i) {
        var termsSeen = {};
        terms.forEach(function (t, j) { termsSeen[t.word] = x.r.matched[j] || best.r.matched[j]; });
        return {
          location: x.p.doc.location,
          title: mark(x.p.title),
          text: snippet(x.p.text, mark, terms),
          score: i === 0 ? best.r.score : x.r.score,
          terms: termsSeen,
        };
      }),
    });
  });
  items.sort(function (a, b) { return b.rank - a.rank; });
  return { items: items.map(function (g) { return g.docs; }) };
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {
    docs = (message.data.docs || []).map(prepare);
    self.postMessage({ type: READY });
  } else if (message.type === QUERY) {
    self.postMessage({ type: RESULT, data: search(message.data || "") });
  }
});
