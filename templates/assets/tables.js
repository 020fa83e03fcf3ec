/* recsite: every table of a page gets sort buttons in its headers, digit
   grouping for big numbers, a filter box when it is long, and, on a narrow
   screen, stacked rows when it is wider than the screen. Progressive
   enhancement: without JavaScript the tables are plain HTML (captioned at
   build time, scrolling sideways inside .table-responsive).

   A column is numeric when every non-empty cell is a number (12, 3.5,
   -1.2, 30.6%); its first click sorts descending, a text column's
   ascending; the header's aria-sort says which. Sorting reads the raw
   number (data-value), never the grouped text. */
(function () {
  "use strict";
  var NUMBER = /^[-+\u2212]?\d+(\.\d+)?%?$/;
  var FILTER_ROWS = 15;       // a table with more body rows gets a filter box
  var STACK_BELOW = 768;      // px: narrower viewports stack tables that do not fit
  var GROUP_FROM = 1000;      // |n| >= this gets digit grouping (1,234.5)

  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function rawNumber(text) {
    return parseFloat(text.replace("\u2212", "-"));
  }

  /** 1234567.25 -> 1,234,567.25, keeping the decimals exactly as written. */
  function grouped(text) {
    var match = /^([-+\u2212]?)(\d+)(.*)$/.exec(text);
    if (!match || match[2].length < 4) { return text; }
    return match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + match[3];
  }

  /** The element whose text is the cell's number: the cell, or its only child (<strong>, <a>). */
  function textHolder(cell) {
    var node = cell;
    while (node.children.length === 1 && node.childNodes.length === 1) { node = node.children[0]; }
    return node.children.length === 0 ? node : null;
  }

  function headerText(header) {
    return header.textContent.replace(/\s+/g, " ").trim();
  }

  /** Marks numeric columns (data-sort-type), keeps raw numbers in data-value and groups their digits. */
  function prepareColumns(table, headers, rows) {
    headers.forEach(function (header, column) {
      var numbers = 0, texts = 0;
      rows.forEach(function (row) {
        var cell = row.cells[column];
        var text = cell ? cell.textContent.trim() : "";
        if (text === "" || text === "\u2014" || text === "-") { return; }
        if (NUMBER.test(text)) { numbers += 1; } else { texts += 1; }
      });
      var numeric = numbers > 0 && texts === 0;
      header.setAttribute("data-sort-type", numeric ? "number" : "text");
      var label = headerText(header);
      var identifiers = /\b(id|year)\b/i.test(label);
      rows.forEach(function (row) {
        var cell = row.cells[column];
        if (!cell) { return; }
        cell.setAttribute("data-label", label);
        var text = cell.textContent.trim();
        if (!NUMBER.test(text)) { return; }
        cell.setAttribute("data-value", String(rawNumber(text)));
        if (identifiers || Math.abs(rawNumber(text)) < GROUP_FROM) { return; }
        var holder = textHolder(cell);
        if (holder) { holder.textContent = grouped(holder.textContent.trim()); }
      });
    });
  }

  function sortKey(row, column) {
    var cell = row.cells[column];
    if (!cell) { return { number: null, text: "" }; }
    var value = cell.getAttribute("data-value");
    return { number: value === null ? null : parseFloat(value), text: cell.textContent.trim() };
  }

  function compare(a, b) {
    if (a.number !== null && b.number !== null) { return a.number - b.number; }
    if (a.number !== null) { return -1; }
    if (b.number !== null) { return 1; }
    return a.text.localeCompare(b.text, undefined, { numeric: true, sensitivity: "base" });
  }

  function makeSortable(table, headers, rows) {
    var body = table.tBodies[0];
    headers.forEach(function (header, column) {
      var numeric = header.getAttribute("data-sort-type") === "number";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      if (!headerText(button)) { button.setAttribute("aria-label", "Column " + (column + 1)); }
      button.title = "Sort by this column (" + (numeric ? "largest first" : "A to Z") + ")";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var current = header.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : numeric;
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
        var keyed = rows.map(function (row, position) { return { row: row, key: sortKey(row, column), position: position }; });
        keyed.sort(function (a, b) {
          var order = compare(a.key, b.key);
          // Empty cells stay last either way.
          if (a.key.number === null && b.key.number !== null) { return 1; }
          if (b.key.number === null && a.key.number !== null) { return -1; }
          return (descending ? -order : order) || a.position - b.position;
        });
        var fragment = document.createDocumentFragment();
        keyed.forEach(function (entry) { fragment.appendChild(entry.row); });
        body.appendChild(fragment);
      });
    });
  }

  function makeFilterable(table, rows, number) {
    var texts = rows.map(function (row) {
      var raw = Array.prototype.map.call(row.cells, function (cell) { return cell.getAttribute("data-value") || ""; });
      return fold(row.textContent + " " + raw.join(" "));
    });
    var anchor = table.closest(".table-responsive") || table;
    var id = "table-filter-" + number;
    var caption = table.caption ? headerText(table.caption) : "the table";
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = id;
    label.textContent = "Filter " + caption;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "form-control form-control-sm table-filter";
    input.placeholder = "Filter " + rows.length + " rows";
    input.autocomplete = "off";
    input.setAttribute("aria-controls", table.id || (table.id = "table-" + number));
    table.setAttribute("data-filter", id);
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

  /** Puts each body cell's content in one <span>, so a stacked cell is a grid of label and value. */
  function wrapCells(table) {
    if (table.hasAttribute("data-wrapped")) { return; }
    table.setAttribute("data-wrapped", "");
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      Array.prototype.forEach.call(row.cells, function (cell) {
        var span = document.createElement("span");
        span.className = "cell-value";
        while (cell.firstChild) { span.appendChild(cell.firstChild); }
        cell.appendChild(span);
      });
    });
  }

  /** Lets a region that scrolls sideways take focus (keyboard users scroll it with the arrows). */
  function focusableWhenScrolling(region, label) {
    if (region.scrollWidth > region.clientWidth + 1) {
      region.tabIndex = 0;
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", label + " (scrolls sideways)");
    } else {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  }

  /** Stacks the tables that do not fit a narrow screen; a wrapper or chart that still scrolls can take focus. */
  function layout(tables) {
    var narrow = window.innerWidth < STACK_BELOW;
    tables.forEach(function (table) {
      var wrapper = table.closest(".table-responsive");
      if (!wrapper) { return; }
      table.classList.remove("table-stack");
      if (narrow && table.tHead && table.scrollWidth > wrapper.clientWidth + 1) {
        wrapCells(table);
        table.classList.add("table-stack");
      }
      focusableWhenScrolling(wrapper, table.caption ? headerText(table.caption) : "Table");
    });
    // Charts keep a legible width on a phone and scroll inside their paragraph (site.css).
    Array.prototype.forEach.call(document.querySelectorAll('main p > img[src$=".svg"]'), function (chart) {
      focusableWhenScrolling(chart.parentNode, chart.alt || "Chart");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var tables = Array.prototype.slice.call(document.querySelectorAll("main table"));
    tables.forEach(function (table, number) {
      var body = table.tBodies[0];
      if (!table.tHead || !body || !table.tHead.rows.length) { return; }
      var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var rows = Array.prototype.slice.call(body.rows);
      prepareColumns(table, headers, rows);
      makeSortable(table, headers, rows);
      if (rows.length > FILTER_ROWS) { makeFilterable(table, rows, number + 1); }
    });
    // ?filter=TEXT (the search's "all results" link) fills the first filter box.
    var wanted = new URLSearchParams(window.location.search).get("filter");
    var first = document.querySelector("main input.table-filter");
    if (wanted && first) {
      first.value = wanted;
      first.dispatchEvent(new Event("input"));
    }
    layout(tables);
    window.addEventListener("load", function () { layout(tables); });
    var pending = null;
    window.addEventListener("resize", function () {
      if (pending) { window.cancelAnimationFrame(pending); }
      pending = window.requestAnimationFrame(function () { pending = null; layout(tables); });
    });
  });
})();
