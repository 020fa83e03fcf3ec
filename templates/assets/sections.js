/* recsite: on a user page, the complete history and the recommendations
   side by side on wide screens (CSS .site-side-by-side, from 1600 px, where
   the page widens to hold both), so what the user watched and what they get
   are read together. The Markdown keeps its order; here the recommendations
   section moves up beside the history, a section being its <h2> and
   everything up to the next <h2>. */
(function () {
  "use strict";

  function section(heading) {
    var element = document.createElement("section");
    element.setAttribute("aria-labelledby", heading.id);
    var node = heading;
    var nodes = [];
    do { nodes.push(node); node = node.nextElementSibling; } while (node && node.tagName !== "H2");
    nodes.forEach(function (n) { element.appendChild(n); });
    return element;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var history = document.getElementById("complete-history");
    var recommendations = document.getElementById("recommendations");
    if (!history || !recommendations || history.tagName !== "H2" || recommendations.tagName !== "H2") { return; }
    var pair = document.createElement("div");
    pair.className = "site-side-by-side";
    history.parentNode.insertBefore(pair, history);
    pair.appendChild(section(history));
    pair.appendChild(section(recommendations));
    document.body.classList.add("has-side-by-side");
  });
})();
