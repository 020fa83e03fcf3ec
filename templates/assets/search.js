/* recsite: search over users and items from the navigation bar.

   The index is api/users.json + api/items.json. Over http(s) it is fetched;
   from file:// (where fetch cannot read files) the same data comes from
   assets/search-index.js, loaded with a <script> element. Every URL is
   relative to the page (<html data-root="../">), so the site works under
   any base path. Data reaches the page through textContent only.

   ?q=TEXT in the page's address runs a search on load. Each group says how
   many match; past the first LIMIT, a link opens the users or items index
   with its table filtered by the query (tables.js reads ?filter=). */
(function () {
  "use strict";
  var LIMIT = 8;
  var root = document.documentElement.getAttribute("data-root") || "";
  var container, input, results;
  var index = null;
  var loading = null;

  function url(path) { return root + path; }

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function fetchIndex() {
    return Promise.all([fetch(url("api/users.json")), fetch(url("api/items.json"))]).then(function (responses) {
      if (!responses[0].ok || !responses[1].ok) { throw new Error("search index not found"); }
      return Promise.all([responses[0].json(), responses[1].json()]);
    }).then(function (data) { return { users: data[0], items: data[1] }; });
  }

  function scriptIndex() {
    if (window.RECSITE_SEARCH_INDEX) { return Promise.resolve(window.RECSITE_SEARCH_INDEX); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url("assets/search-index.js");
      script.addEventListener("load", function () {
        if (window.RECSITE_SEARCH_INDEX) { resolve(window.RECSITE_SEARCH_INDEX); } else { reject(new Error("empty search index")); }
      });
      script.addEventListener("error", function () { reject(new Error("cannot load the search index")); });
      document.head.appendChild(script);
    });
  }

  function prepare(data) {
    function entries(list, kind) {
      return list.map(function (entry) {
        var label = kind === "user" ? (entry.name || entry.id) : (entry.title || entry.id);
        var detail = kind === "user"
          ? ["user " + entry.id, entry.region].filter(Boolean).join(" · ")
          : ["item " + entry.id, entry.content_type, entry.genre].filter(Boolean).join(" · ");
        return {
          kind: kind, id: entry.id, label: label, detail: detail, page: entry.page,
          idKey: fold(entry.id), labelKey: fold(label),
          haystack: fold([entry.id, label, entry.region || "", entry.content_type || "", entry.genre || ""].join(" "))
        };
      });
    }
    return { users: entries(data.users || [], "user"), items: entries(data.items || [], "item") };
  }

  function load() {
    if (index) { return Promise.resolve(index); }
    if (!loading) {
      var web = location.protocol === "http:" || location.protocol === "https:";
      loading = (web ? fetchIndex().catch(scriptIndex) : scriptIndex()).then(function (data) {
        index = prepare(data);
        return index;
      });
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function rank(entry, query) {
    if (entry.idKey === query) { return 0; }
    if (entry.labelKey === query) { return 1; }
    if (entry.labelKey.indexOf(query) === 0 || entry.idKey.indexOf(query) === 0) { return 2; }
    return 3;
  }

  function find(list, query) {
    var terms = query.split(/\s+/).filter(Boolean);
    var hits = [];
    for (var i = 0; i < list.length; i++) {
      var entry = list[i];
      var all = true;
      for (var t = 0; t < terms.length; t++) {
        if (entry.haystack.indexOf(terms[t]) < 0) { all = false; break; }
      }
      if (all) { hits.push({ entry: entry, rank: rank(entry, query), order: i }); }
    }
    hits.sort(function (a, b) { return a.rank - b.rank || a.order - b.order; });
    return { shown: hits.slice(0, LIMIT).map(function (hit) { return hit.entry; }), total: hits.length };
  }

  /** "All N matching users" → the users index, its table filtered by the query. */
  function allResults(found, kind, index, query) {
    var a = document.createElement("a");
    a.className = "list-group-item list-group-item-action small";
    a.href = url(index) + "?filter=" + encodeURIComponent(query);
    a.setAttribute("data-search-all", kind);
    a.textContent = "All " + found.total + " matching " + kind + " in the " + kind + " index";
    return a;
  }

  function group(found, title, kind, index, query) {
    if (!found.total) { return; }
    var shown = found.shown.length;
    results.appendChild(heading(title + (found.total > shown ? " — " + shown + " of " + found.total : " — " + found.total)));
    found.shown.forEach(function (e) { results.appendChild(link(e)); });
    if (found.total > shown) { results.appendChild(allResults(found, kind, index, query)); }
  }

  function clear() {
    while (results.firstChild) { results.removeChild(results.firstChild); }
  }

  function heading(text) {
    var element = document.createElement("div");
    element.className = "list-group-item small text-uppercase fw-semibold";
    element.textContent = text;
    return element;
  }

  function link(entry) {
    // A user without a page (recsite build --users, --sample) has "page": null: no link.
    var a = document.createElement(entry.page ? "a" : "div");
    a.className = entry.page ? "list-group-item list-group-item-action" : "list-group-item";
    if (entry.page) { a.href = url(entry.page); }
    a.setAttribute("data-search-result", entry.kind);
    var label = document.createElement("span");
    label.textContent = entry.label;
    var detail = document.createElement("small");
    detail.className = "d-block";
    detail.textContent = entry.detail;
    a.appendChild(label);
    a.appendChild(detail);
    return a;
  }

  function show(query) {
    var folded = fold(query).trim();
    if (!folded) { clear(); results.hidden = true; return; }
    load().then(function (data) {
      if (fold(input.value).trim() !== folded) { return; }
      var users = find(data.users, folded);
      var items = find(data.items, folded);
      clear();
      group(users, "Users", "users", "users/index.html", query.trim());
      group(items, "Items", "items", "items/index.html", query.trim());
      if (!users.total && !items.total) { results.appendChild(heading("No user or item matches")); }
      results.hidden = false;
    }, function (error) {
      clear();
      results.appendChild(heading("Search is unavailable: " + error.message));
      results.hidden = false;
    });
  }

  function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }

  function onKey(event) {
    var list = links();
    var position = list.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && list.length) {
      event.preventDefault();
      list[Math.min(position + 1, list.length - 1)].focus();
    } else if (event.key === "ArrowUp" && list.length) {
      event.preventDefault();
      if (position <= 0) { input.focus(); } else { list[position - 1].focus(); }
    } else if (event.key === "Enter" && event.target === input && list.length) {
      event.preventDefault();
      window.location.href = list[0].href;
    } else if (event.key === "Escape") {
      results.hidden = true;
      input.focus();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    input = document.getElementById("site-search-input");
    results = document.getElementById("site-search-results");
    if (!input || !results) { return; }
    container = input.closest(".site-search");
    if (container) { container.hidden = false; }
    input.addEventListener("focus", function () { load().catch(function () {}); });
    input.addEventListener("input", function () { show(input.value); });
    input.addEventListener("keydown", onKey);
    results.addEventListener("keydown", onKey);
    document.addEventListener("click", function (event) {
      if (container && !container.contains(event.target)) { results.hidden = true; }
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      show(query);
    }
  });
})();
