// Review page behaviour: show the records under a clicked highlight, link table rows and highlights.
// Record text reaches the page only through textContent, never as markup.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("records").textContent);
  var details = document.getElementById("details");

  function byRecord(key) {
    return document.querySelectorAll('[data-record="' + CSS.escape(key) + '"]');
  }

  function setClass(name, key, on) {
    byRecord(key).forEach(function (element) { element.classList.toggle(name, on); });
  }

  function describe(key) {
    var record = records[key];
    var box = document.createElement("div");
    box.className = "record ev-" + record.kind;
    var heading = document.createElement("strong");
    heading.textContent = record.kind + ": " + record.label + (record.status ? " [" + record.status + "]" : "");
    box.appendChild(heading);
    var list = document.createElement("dl");
    record.fields.forEach(function (field) {
      if (!field[1]) { return; }
      var term = document.createElement("dt");
      term.textContent = field[0];
      var definition = document.createElement("dd");
      definition.textContent = field[1];
      list.appendChild(term);
      list.appendChild(definition);
    });
    box.appendChild(list);
    return box;
  }

  var selected = [];
  function select(keys) {
    selected.forEach(function (key) { setClass("selected", key, false); });
    selected = keys;
    details.replaceChildren.apply(details, keys.map(describe));
    keys.forEach(function (key) { setClass("selected", key, true); });
  }

  function recordsAt(target) {
    var keys = [];
    for (var mark = target.closest("mark.ev"); mark; mark = mark.parentElement.closest("mark.ev")) {
      if (keys.indexOf(mark.dataset.record) < 0) { keys.push(mark.dataset.record); }
    }
    return keys;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("td.links a");
    if (link) { select([link.dataset.record]); return; }
    if (event.target.closest("mark.ev")) { select(recordsAt(event.target)); }
  });
  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest("mark.ev");
    if (mark) { setClass("linked", mark.dataset.record, true); }
  });
  document.addEventListener("mouseout", function (event) {
    var mark = event.target.closest("mark.ev");
    if (mark) { setClass("linked", mark.dataset.record, false); }
  });
  document.querySelectorAll(".legend input").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.kind, !box.checked);
    });
  });
})();
