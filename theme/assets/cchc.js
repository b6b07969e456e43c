/* Small helpers on every page, nothing fetched: the menu button works from the keyboard, wide tables
   scroll from the keyboard, the share box uses the phone's share sheet, and "Sao chép" buttons copy
   their address. Without JavaScript the links stay and the buttons stay hidden. */
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
  document.querySelectorAll("[data-cchc-share]").forEach(function (share) {
    if (!navigator.share) return;  // desktops: Facebook and "copy the link" remain
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: share.getAttribute("data-title"), url: share.getAttribute("data-cchc-share") })
        .catch(function () {});
    });
  });
  /* Material wraps wide tables in a box that scrolls sideways: a keyboard can scroll it only if it
     takes focus, and a screen reader announces it as a named region. */
  var scrollable = function () {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.hasAttribute("tabindex")) return;
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Bảng (cuộn ngang để xem hết)");
    });
  };
  if (document.readyState === "complete") scrollable(); else window.addEventListener("load", scrollable);
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
