/* recsite: sortable, filterable tables on pages whose <body> has
   data-sortable-tables (the users and items indexes). Progressive
   enhancement: without JavaScript the tables are plain HTML. */
(function () {
  "use strict";
  var NUMBER = /^[-+]?\d+(\.\d+)?%?$/;

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function cellKey(row, column) {
    var cell = row.cells[column];
    var text = cell ? cell.textContent.trim() : "";
    return NUMBER.test(text) ? { number: parseFloat(text), text: text } : { number: null, text: text };
  }

  function compare(a, b) {
    if (a.number !== null && b.number !== null) { return a.number - b.number; }
    if (a.number !== null) { return -1; }
    if (b.number !== null) { return 1; }
    return a.text.localeCompare(b.text, undefined, { numeric: true, sensitivity: "base" });
  }

  function makeSortable(table) {
    var body = table.tBodies[0];
    if (!table.tHead || !body) { return; }
    var original = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (header, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keyed = original.map(function (row, position) { return { row: row, key: cellKey(row, column), position: position }; });
        keyed.sort(function (a, b) {
          var order = compare(a.key, b.key);
          return (ascending ? order : -order) || a.position - b.position;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
        body.appendChild(fragment);
      });
    });
  }

  function makeFilterable(table, number) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    var anchor = table.closest(".table-responsive") || table;
    var id = "table-filter-" + number;
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = id;
    label.textContent = "Filter the table";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "form-control form-control-sm table-filter";
    input.placeholder = "Filter " + rows.length + " rows";
    input.autocomplete = "off";
    var count = document.createElement("div");
    count.className = "table-filter-count";
    count.setAttribute("aria-live", "polite");
    anchor.parentNode.insertBefore(label, anchor);
    anchor.parentNode.insertBefore(input, anchor);
    anchor.parentNode.insertBefore(count, anchor);
    input.addEventListener("input", function () {
      var terms = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, position) {
        var match = terms.every(function (term) { return texts[position].indexOf(term) >= 0; });
        row.hidden = !match;
        if (match) { shown += 1; }
      });
      count.textContent = terms.length ? "Showing " + shown + " of " + rows.length + " rows" : "";
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!document.body.hasAttribute("data-sortable-tables")) { return; }
    var tables = document.querySelectorAll("main table");
    Array.prototype.forEach.call(tables, function (table, number) {
      makeSortable(table);
      makeFilterable(table, number + 1);
    });
  });
})();
