/* Small helpers on every page, nothing fetched: the menu button works from the keyboard, and
   "Sao chép" buttons (share box, feeds page) copy their address. Without JavaScript the links stay. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var button = document.querySelector(".cchc-menu-button");
  if (drawer && button) {
    var sync = function () {};  // a <label> takes no aria-expanded; the drawer itself is the state
    sync();
    drawer.addEventListener("change", sync);
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        drawer.checked = !drawer.checked;
        sync();
        if (drawer.checked) {
          var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex]");
          if (first) setTimeout(function () { first.focus(); }, 50);
        }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) { drawer.checked = false; sync(); button.focus(); }
    });
  }
  document.querySelectorAll("[data-cchc-copy]").forEach(function (copy) {
    if (!navigator.clipboard) return;
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(copy.getAttribute("data-cchc-copy")).then(function () {
        var label = copy.textContent;
        copy.textContent = "Đã sao chép";
        setTimeout(function () { copy.textContent = label; }, 2000);
      });
    });
  });
})();
