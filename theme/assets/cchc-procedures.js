/* Filter of the procedure listing (thu-tuc-hanh-chinh/). Progressive enhancement: without this script
   the page lists every lĩnh vực with a link to its full table, and the controls stay hidden.
   The procedures' data (danh-sach.json) is fetched only when the reader first filters. The state
   lives in the URL (?tim=&field=&level=&online=): shareable, and Back restores the previous filter.
   Not 'q': Material's search opens its own dialog for ?q=. */
(function () {
  "use strict";
  var form = document.querySelector("[data-cchc-filter]");
  if (!form || !("normalize" in String.prototype) || !window.fetch || !window.history.replaceState) return;
  var status = document.querySelector("[data-cchc-status]");
  var results = document.querySelector("[data-cchc-results]");
  var list = document.querySelector("[data-cchc-list]");
  var more = document.querySelector("[data-cchc-more]");
  var query = form.querySelector("[data-cchc-q]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("[data-cchc-select]"));
  var fieldItems = Array.prototype.slice.call(document.querySelectorAll("[data-cchc-field]"));
  var NAMES = ["tim", "field", "level", "online"];
  var PAGE = 100;
  var data = null, loading = null, shownLimit = PAGE, timer;

  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function state() {
    var s = { tim: query.value.trim() };
    selects.forEach(function (el) { s[el.name] = el.value; });
    return s;
  }

  function filtering(s) { return NAMES.some(function (n) { return s[n]; }); }

  function toUrl(s) {
    var params = new URLSearchParams();
    NAMES.forEach(function (n) { if (s[n]) params.set(n, s[n]); });
    var text = params.toString();
    return window.location.pathname + (text ? "?" + text : "") + window.location.hash;
  }

  function fromUrl() {
    var params = new URLSearchParams(window.location.search);
    query.value = params.get("tim") || "";
    selects.forEach(function (el) {
      var value = params.get(el.name) || "";
      el.value = Array.prototype.some.call(el.options, function (o) { return o.value === value; }) ? value : "";
    });
  }

  function load() {
    if (!loading) {
      status.textContent = "Đang tải danh sách thủ tục…";
      loading = fetch(form.getAttribute("data-source")).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (json) { data = json; return json; }, function () {
        loading = null;
        status.textContent = "Không tải được danh sách để lọc. Hãy chọn lĩnh vực trong danh sách bên dưới.";
        throw new Error("load");
      });
    }
    return loading;
  }

  function matches(row, s, words, ignoreField) {
    return words.every(function (w) { return row[6].indexOf(w) !== -1; }) &&
      (ignoreField || !s.field || row[2] === s.field) &&
      (!s.level || (" " + row[3] + " ").indexOf(" " + s.level + " ") !== -1) &&
      (!s.online || row[4] === s.online);
  }

  function item(row) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = row[0] + "/";
    a.textContent = row[1];
    var code = document.createElement("span");
    code.className = "cchc-tthc-code";
    code.textContent = row[0];
    var meta = document.createElement("span");
    meta.className = "cchc-count";
    meta.textContent = " · Thời hạn: " + row[5];
    li.appendChild(code);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(a);
    li.appendChild(meta);
    return li;
  }

  function render() {
    var s = state();
    if (!filtering(s)) {
      results.hidden = true;
      status.textContent = "";
      fieldItems.forEach(function (li) {
        li.hidden = false;
        li.querySelector("[data-cchc-field-count]").textContent = li.getAttribute("data-total");
      });
      return;
    }
    var words = fold(s.tim).split(" ").filter(Boolean);
    var found = [], counts = {};
    data.rows.forEach(function (row) {
      if (matches(row, s, words, true)) counts[row[2]] = (counts[row[2]] || 0) + 1;
      if (matches(row, s, words, false)) found.push(row);
    });
    // Each lĩnh vực shows how many procedures match the other conditions: the counts follow the filter.
    fieldItems.forEach(function (li) {
      var n = counts[li.getAttribute("data-cchc-field")] || 0;
      li.querySelector("[data-cchc-field-count]").textContent = n;
      li.hidden = n === 0;
    });
    list.textContent = "";
    var fragment = document.createDocumentFragment();
    found.slice(0, shownLimit).forEach(function (row) { fragment.appendChild(item(row)); });
    list.appendChild(fragment);
    more.hidden = found.length <= shownLimit;
    results.hidden = false;
    status.textContent = found.length ? "Tìm thấy " + found.length + " thủ tục." :
      "Không tìm thấy thủ tục nào phù hợp. Hãy thử từ khóa ngắn hơn hoặc bỏ bớt điều kiện lọc.";
  }

  function update(push) {
    shownLimit = PAGE;
    var s = state();
    var url = toUrl(s);
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history[push ? "pushState" : "replaceState"](s, "", url);
    }
    if (!filtering(s)) { render(); return; }
    load().then(render, function () {});
  }

  fieldItems.forEach(function (li) {
    li.setAttribute("data-total", li.querySelector("[data-cchc-field-count]").textContent);
  });
  // Typing replaces the current history entry (no entry per key); a new text after a pause is one entry.
  var typedSince = false;
  query.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { update(!typedSince); typedSince = true; }, 250);
  });
  selects.forEach(function (el) { el.addEventListener("change", function () { typedSince = false; update(true); }); });
  form.addEventListener("reset", function () { setTimeout(function () { typedSince = false; update(true); }, 0); });
  more.addEventListener("click", function () { shownLimit += PAGE; render(); });
  window.addEventListener("popstate", function () {
    fromUrl();
    typedSince = false;
    if (filtering(state())) load().then(render, function () {}); else render();
  });
  Array.prototype.forEach.call(form.querySelectorAll("input, select, button"), function (el) { el.disabled = false; });
  form.hidden = false;
  fromUrl();
  if (filtering(state())) load().then(function () { render(); form.setAttribute("data-cchc-ready", ""); }, function () {});
  else form.setAttribute("data-cchc-ready", "");
})();
