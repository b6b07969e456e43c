/* The search page (tim-kiem/): Pagefind's script and index pieces are fetched only when the citizen
   searches, never on other pages. Results show their type (tin bài / thủ tục), date and "Đã bãi bỏ".
   The query is kept in the address (?q=…), so a search can be shared and Back works. */
(function () {
  "use strict";
  var form = document.querySelector("[data-cchc-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-cchc-search-status]");
  var list = document.querySelector("[data-cchc-search-results]");
  var more = document.querySelector("[data-cchc-search-more]");
  var PAGE = 10;
  var engine = null, results = [], shown = 0, token = 0;

  form.hidden = false;
  document.querySelector("[data-cchc-search-nojs]").hidden = true;

  function load() {
    if (!engine) {
      var bundle = new URL(form.getAttribute("data-bundle"), location.href).href;
      var base = new URL(form.getAttribute("data-base"), location.href).pathname;  // works under a sub-path
      var recent = new URL(form.getAttribute("data-recent"), location.href).href;
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        // On the page's own thread: a web worker would cost a second copy of the script (41 KB) per
        // search, and a search over a few index pieces takes milliseconds.
        return pagefind.options({ baseUrl: base, noWorker: true }).then(function () {
          // The newest year's articles have an index of their own (publishing one re-indexes only
          // them): merged in when the site has it (a site of one year, or without articles, has not).
          return fetch(recent + "pagefind-entry.json", { method: "HEAD" }).then(function (found) {
            if (found.ok) return pagefind.mergeIndex(recent, { baseUrl: base, noWorker: true });
          }, function () {});
        }).then(function () { return pagefind; });
      });
    }
    return engine;
  }

  /* Pagefind's excerpt marks the words found with <mark>; it is parsed in an inert document and only
     text and <mark> are kept, so nothing of the indexed pages can run here. */
  function excerpt(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var p = document.createElement("p");
    p.className = "cchc-search__excerpt";
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    var facts = [data.meta.type, data.meta.date, data.meta.status].filter(Boolean);
    if (facts.length) {
      var meta = document.createElement("p");
      meta.className = "cchc-search__meta";
      facts.forEach(function (fact, i) {
        var span = document.createElement("span");
        span.textContent = fact;
        if (fact === data.meta.status) span.className = "cchc-badge";
        if (i) meta.appendChild(document.createTextNode(" · "));
        meta.appendChild(span);
      });
      li.appendChild(meta);
    }
    var title = document.createElement("a");
    title.className = "cchc-search__title";
    title.href = data.url;
    title.textContent = data.meta.title || data.url;
    li.appendChild(title);
    li.appendChild(excerpt(data.excerpt || ""));
    return li;
  }

  /* Words without marks, đ as d: "Chữ ký số" -> "chu ky so". */
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^0-9a-z.]+/).filter(Boolean);
  }

  /* Titles first: among Pagefind's best results, a page whose title holds the query as typed comes
     first, then one whose title holds all its words (closest titles first), then the others in
     Pagefind's order. */
  function titleRank(title, query) {
    var all = words(title), t = " " + all.join(" ") + " ", q = words(query);
    if (!q.length) return 0;
    var rank = t.indexOf(" " + q.join(" ") + " ") >= 0 ? 2
             : q.every(function (w) { return t.indexOf(" " + w + " ") >= 0; }) ? 1 : 0;
    // Between titles that hold the query alike, the one with fewer other words is the closer match.
    return rank ? rank * 1000 - Math.min(all.length - q.length, 999) : 0;
  }

  var RERANKED = 10;  // result data fetched at once for the ranking: a few KB each (the first page shows 10)

  function showMore(mine) {
    var next = results.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (datas) {
      if (mine !== token) return;
      datas.forEach(function (d) { list.appendChild(item(d)); });
      shown += next.length;
      more.hidden = shown >= results.length;
    });
  }

  function ranked(found, query) {
    var head = found.slice(0, RERANKED);
    return Promise.all(head.map(function (r) { return r.data(); })).then(function (datas) {
      var order = head.map(function (r, i) {
        var data = datas[i];
        return { rank: titleRank(data.meta.title || "", query), index: i, result: { data: function () { return Promise.resolve(data); } } };
      });
      order.sort(function (a, b) { return b.rank - a.rank || a.index - b.index; });
      return order.map(function (o) { return o.result; }).concat(found.slice(RERANKED));
    });
  }

  /* Words in quotes match only as that phrase, in that order. Pagefind does this itself for a query
     wholly in quotes; for "a phrase" among other words, each phrase is searched on its own (wholly
     quoted) and only the pages found by every part are kept, in the order of the unquoted words' search.
     The parts share the index pieces they need, so this costs no more bytes than one search. */
  function find(pagefind, query) {
    var phrases = (query.match(/"[^"]+"/g) || []);
    var rest = query.replace(/"[^"]*"/g, " ").replace(/"/g, " ").trim();
    if (!phrases.length || (phrases.length === 1 && !rest)) {
      return pagefind.search(query).then(function (found) { return found.results; });
    }
    var parts = (rest ? [rest] : []).concat(phrases);
    return Promise.all(parts.map(function (part) { return pagefind.search(part); })).then(function (all) {
      var kept = all.slice(1).map(function (found) {
        var ids = {};
        found.results.forEach(function (r) { ids[r.id] = true; });
        return ids;
      });
      return all[0].results.filter(function (r) { return kept.every(function (ids) { return ids[r.id]; }); });
    });
  }

  function search(query) {
    var mine = ++token;
    query = query.trim();
    list.textContent = "";
    more.hidden = true;
    if (!query) { status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    load().then(function (pagefind) {
      return find(pagefind, query);
    }).then(function (found) {
      return ranked(found, query);
    }).then(function (found) {
      if (mine !== token) return;
      results = found;
      shown = 0;
      status.textContent = results.length ? "Tìm thấy " + results.length + " kết quả cho “" + query + "”."
                                          : "Không tìm thấy kết quả nào cho “" + query + "”. Thử từ khóa khác, ngắn hơn.";
      return showMore(mine);
    }).catch(function () {
      if (mine === token) status.textContent = "Chưa tìm được: không tải được chỉ mục tìm kiếm. Vui lòng thử lại.";
    });
  }

  function remember() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    var url = location.pathname + (params.toString() ? "?" + params : "");
    if (url !== location.pathname + location.search) history.replaceState(null, "", url);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember();
    search(input.value);
  });
  /* No search while typing: each half-typed word ("c", "ca", "cai c") would fetch index pieces of its
     own, which the finished query does not need. The citizen searches with Enter or "Tìm". */
  more.querySelector("button").addEventListener("click", function () { showMore(token); });

  var params = new URLSearchParams(location.search);
  if (params.get("q")) {
    input.value = params.get("q");
    search(input.value);
  }
})();
