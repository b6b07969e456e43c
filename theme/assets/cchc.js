/* Small helpers on every page, nothing fetched: the menu button works from the keyboard, wide tables
   scroll from the keyboard, the share box uses the phone's share sheet, and "Sao chép" buttons copy
   their address. Without JavaScript the links stay and the buttons stay hidden. */
(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector("label.cchc-menu-button");
  var sidebar = document.querySelector(".md-sidebar--primary");
  if (drawer && label) {
    /* Material's menu toggle is a <label> for a hidden checkbox: it works without JavaScript but cannot
       tell assistive tech whether the menu is open. With JavaScript it becomes a real button whose
       aria-expanded follows the menu; like the label it is shown (so reachable by Tab) on phones only. */
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.innerHTML = label.innerHTML;
    if (sidebar) {
      sidebar.id = sidebar.id || "cchc-menu";
      button.setAttribute("aria-controls", sidebar.id);
    }
    label.parentNode.replaceChild(button, label);
    var sync = function () { button.setAttribute("aria-expanded", drawer.checked ? "true" : "false"); };
    sync();
    drawer.addEventListener("change", sync);
    button.addEventListener("click", function () {
      drawer.checked = !drawer.checked;
      sync();
      if (drawer.checked) {
        var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label[tabindex]");
        if (first) setTimeout(function () { first.focus(); }, 50);
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
