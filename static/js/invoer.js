/* PRT Monitor entry grid: spreadsheet-like keys and pasting a column from Excel.
 * Enter moves down a column (Shift+Enter up); Tab moves across as usual.
 * Pasting several lines into a cell fills that column downwards; tab-separated
 * values fill the cells to the right as well. Dutch thousands separators ("1.234")
 * and spaces are removed so pasted figures arrive as whole numbers. */
(function () {
  "use strict";
  var grid = document.querySelector("table.invoergrid");
  if (!grid) { return; }

  function cellen(rij) {
    return Array.prototype.slice.call(rij.querySelectorAll("input:not([type=hidden])"));
  }
  function rijen() {
    return Array.prototype.slice.call(grid.querySelectorAll("tbody tr[data-gemeente]"));
  }
  function positie(invoer) {
    var rij = invoer.closest("tr");
    return { rijen: rijen(), rij: rijen().indexOf(rij), kolom: cellen(rij).indexOf(invoer) };
  }
  function cel(rijIndex, kolom) {
    var alle = rijen();
    if (rijIndex < 0 || rijIndex >= alle.length) { return null; }
    return cellen(alle[rijIndex])[kolom] || null;
  }
  function schoon(waarde, isGetal) {
    waarde = waarde.trim();
    return isGetal ? waarde.replace(/[.\s\u00a0]/g, "") : waarde;
  }

  grid.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || e.target.tagName !== "INPUT") { return; }
    e.preventDefault();
    var p = positie(e.target);
    var doel = cel(p.rij + (e.shiftKey ? -1 : 1), p.kolom);
    if (doel) { doel.focus(); doel.select(); }
  });

  grid.addEventListener("paste", function (e) {
    if (e.target.tagName !== "INPUT") { return; }
    var tekst = (e.clipboardData || window.clipboardData).getData("text");
    var regels = tekst.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    if (regels.length < 2 && regels[0].indexOf("\t") < 0) { return; }
    e.preventDefault();
    var p = positie(e.target);
    regels.forEach(function (regel, i) {
      regel.split("\t").forEach(function (waarde, j) {
        var doel = cel(p.rij + i, p.kolom + j);
        if (doel) { doel.value = schoon(waarde, doel.classList.contains("getal")); }
      });
    });
  });
})();
