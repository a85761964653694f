/* The register site: search, filters and sorting on the index, a filter on the party list.
   Progressive: without this script every page shows everything. No data is fetched (the site works from
   the file system): it reads the table the page already has. */
(function () {
  "use strict";

  function norm(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  function compare(a, b, key) {
    var x = a.getAttribute("data-" + key) || "";
    var y = b.getAttribute("data-" + key) || "";
    if (x === "" || y === "") {
      return x === y ? 0 : x === "" ? 1 : -1;
    }
    if (key === "days") {
      return Number(x) - Number(y);
    }
    return x.localeCompare(y, document.documentElement.lang || "nl");
  }

  function filters(table, form) {
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return norm(row.getAttribute("data-search")); });
    var search = form.querySelector("input[type=search]");
    var selects = form.querySelectorAll("select[data-filter]");
    var before = form.querySelector("input[type=date]");
    var count = document.getElementById("aantal");
    var shownText = table.getAttribute("data-shown") || "{shown} / {total}";  /* in the page's language */

    function apply() {
      var words = norm(search.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var ok = words.every(function (w) { return texts[i].indexOf(w) >= 0; });
        each(selects, function (select) {
          if (ok && select.value && row.getAttribute("data-" + select.getAttribute("data-filter")) !== select.value) {
            ok = false;
          }
        });
        if (ok && before && before.value) {
          var end = row.getAttribute("data-end");
          ok = !!end && end < before.value;
        }
        row.hidden = !ok;
        if (ok) {
          shown += 1;
        }
      });
      if (count) {
        count.textContent = shownText.replace("{shown}", String(shown)).replace("{total}", String(rows.length));
      }
    }

    form.hidden = false;
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
    return rows;
  }

  function sorting(table, rows) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th) {
      var key = th.getAttribute("data-sort");
      if (!key) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        rows.slice().sort(function (a, b) {
          var empty = (a.getAttribute("data-" + key) || "") === "" || (b.getAttribute("data-" + key) || "") === "";
          var order = compare(a, b, key);
          return empty ? order : ascending ? order : -order;
        }).forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    each(document.querySelectorAll("table[data-filtered-by]"), function (table) {
      var form = document.getElementById(table.getAttribute("data-filtered-by"));
      if (form) {
        sorting(table, filters(table, form));
      }
    });
  });
}());
