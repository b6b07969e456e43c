/* Filters of the procedure listing (thu-tuc-hanh-chinh/). Progressive enhancement: without this
   script the page shows every procedure and the controls stay hidden and disabled. Rows carry
   data-text (folded, lowercase: no diacritics), data-field, data-level and data-online. */
(function () {
  "use strict";
  var form = document.querySelector("[data-cchc-filter]");
  if (!form || !("normalize" in String.prototype)) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-cchc-row]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-cchc-group]"));
  var status = document.querySelector("[data-cchc-status]");
  var empty = document.querySelector("[data-cchc-empty]");
  var query = form.querySelector("[data-cchc-q]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("[data-cchc-select]"));

  function fold(text) {
    return text.toLowerCase().replace(/đ/g, "d").normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  function apply() {
    var words = fold(query.value).split(" ").filter(Boolean);
    var wanted = {};
    selects.forEach(function (s) { wanted[s.getAttribute("data-cchc-select")] = s.value; });
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-text");
      var ok = words.every(function (w) { return text.indexOf(w) !== -1; }) &&
        (!wanted.field || row.getAttribute("data-field") === wanted.field) &&
        (!wanted.level || (" " + row.getAttribute("data-level") + " ").indexOf(" " + wanted.level + " ") !== -1) &&
        (!wanted.online || row.getAttribute("data-online") === wanted.online);
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (group) {
      var visible = group.querySelectorAll("[data-cchc-row]:not([hidden])").length;
      group.hidden = visible === 0;
      var count = group.querySelector("[data-cchc-group-count]");
      if (count) count.textContent = visible;
    });
    if (empty) empty.hidden = shown !== 0;
    var filtering = words.length || selects.some(function (s) { return s.value; });
    status.textContent = filtering ? "Tìm thấy " + shown + " thủ tục." : "";
  }

  var timer;
  query.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  Array.prototype.forEach.call(form.querySelectorAll("input, select, button"), function (el) { el.disabled = false; });
  form.hidden = false;
  form.setAttribute("data-cchc-ready", "");
  if (query.value || selects.some(function (s) { return s.value; })) apply();
})();
