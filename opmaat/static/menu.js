// The header's menu on a phone: folded behind a "Menu" button (opmaat.css shows the button
// only on narrow screens). Without this script the menu simply stays open.
(function () {
  "use strict";
  var toggle = document.querySelector(".menu-toggle");
  if (!toggle) return;
  document.documentElement.classList.add("menu-ready");
  toggle.addEventListener("click", function () {
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", String(open));
  });
})();
