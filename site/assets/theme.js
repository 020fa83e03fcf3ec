/* recsite: light/dark theme. Loaded in <head> so the theme is set before
   the page paints. The choice is stored in localStorage; without one the
   system preference decides. */
(function () {
  "use strict";
  var KEY = "recsite-theme";
  var root = document.documentElement;

  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function preferred() {
    var saved = stored();
    if (saved === "light" || saved === "dark") { return saved; }
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  }
  function apply(theme) {
    root.setAttribute("data-theme", theme);
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.textContent = theme === "dark" ? "Light" : "Dark";
      button.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    }
  }

  apply(preferred());

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) { return; }
    button.hidden = false;
    apply(root.getAttribute("data-theme") || "light");
    button.addEventListener("click", function () {
      var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
      try { window.localStorage.setItem(KEY, next); } catch (e) { /* private mode: not remembered */ }
      apply(next);
    });
  });
})();
