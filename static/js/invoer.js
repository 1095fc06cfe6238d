/* PRT Monitor entry grids: keys like a spreadsheet, pasting from Excel, the error summary.
 *
 * - Arrow keys move between cells: up and down always, left and right when the caret
 *   is at the edge of the text (or the whole text is selected). Enter moves down,
 *   Shift+Enter up; Enter never submits the form, only the Save button does.
 * - The table is a single stop for Tab (a roving tabindex): Tab goes from any cell on to
 *   what follows the table (a confirmation, the Save button), Shift+Tab comes back to
 *   the cell last used. Without this script every cell is an ordinary Tab stop.
 * - Pasting several lines into a cell fills that column downwards; tab-separated values
 *   fill the cells to the right as well. Dutch thousands separators ("1.234") and
 *   spaces are removed so pasted figures arrive as whole numbers.
 * - The error summary above a grid gets the focus when the page opens; its links move
 *   the focus to the field they name.
 */
(function () {
  "use strict";

  var samenvatting = document.getElementById("foutsamenvatting");
  if (samenvatting) {
    samenvatting.focus();
    samenvatting.addEventListener("click", function (e) {
      var link = e.target.closest("a[href^='#']");
      if (!link) { return; }
      var doel = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!doel) { return; }
      e.preventDefault();
      doel.focus();
    });
  }

  var grid = document.querySelector("table.invoergrid");
  if (!grid) { return; }
  var formulier = grid.closest("form");
  var CEL = "input:not([type=hidden]):not([type=checkbox])";

  function rijen() {
    return Array.prototype.slice.call(grid.querySelectorAll("tbody tr[data-rij]"));
  }
  function cellen(rij) {
    return Array.prototype.slice.call(rij.querySelectorAll(CEL));
  }
  function isCel(element) {
    return element.matches && element.matches(CEL) && element.closest("tr[data-rij]") !== null;
  }
  function positie(invoer) {
    var rij = invoer.closest("tr");
    var alle = rijen();
    return { rij: alle.indexOf(rij), kolom: cellen(rij).indexOf(invoer) };
  }
  function cel(rijIndex, kolom) {
    var alle = rijen();
    if (rijIndex < 0 || rijIndex >= alle.length) { return null; }
    return cellen(alle[rijIndex])[kolom] || null;
  }
  function naar(doel) {
    if (!doel) { return; }
    doel.focus();
    doel.select();
  }
  function schoon(waarde, isGetal) {
    waarde = waarde.trim();
    return isGetal ? waarde.replace(/[.\s\u00a0]/g, "") : waarde;
  }

  // Roving tabindex: one cell of the table is in the Tab order, the one last used
  // (at first the first cell with an error, else the first cell).
  function actief(invoer) {
    Array.prototype.forEach.call(grid.querySelectorAll(CEL), function (ander) {
      if (isCel(ander)) { ander.tabIndex = -1; }
    });
    invoer.tabIndex = 0;
  }
  var alleCellen = Array.prototype.filter.call(grid.querySelectorAll(CEL), isCel);
  if (alleCellen.length) {
    actief(grid.querySelector("tr[data-rij] input[aria-invalid=true]") || alleCellen[0]);
  }
  grid.addEventListener("focusin", function (e) {
    if (isCel(e.target)) { actief(e.target); }
  });

  formulier.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target.tagName === "INPUT") {
      e.preventDefault(); // only the Save button submits
    }
  });

  grid.addEventListener("keydown", function (e) {
    if (!isCel(e.target) || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var invoer = e.target;
    var p = positie(invoer);
    var lengte = invoer.value.length;
    var alles = invoer.selectionStart === 0 && invoer.selectionEnd === lengte;
    var doel = null;
    if (e.key === "Enter") {
      doel = cel(p.rij + (e.shiftKey ? -1 : 1), p.kolom);
    } else if (e.key === "ArrowDown") {
      doel = cel(p.rij + 1, p.kolom);
    } else if (e.key === "ArrowUp") {
      doel = cel(p.rij - 1, p.kolom);
    } else if (e.key === "ArrowLeft" && (alles || invoer.selectionEnd === 0)) {
      doel = cel(p.rij, p.kolom - 1);
    } else if (e.key === "ArrowRight" && (alles || invoer.selectionStart === lengte)) {
      doel = cel(p.rij, p.kolom + 1);
    } else {
      return;
    }
    e.preventDefault();
    naar(doel);
  });

  grid.addEventListener("paste", function (e) {
    if (!isCel(e.target)) { return; }
    var tekst = (e.clipboardData || window.clipboardData).getData("text");
    var regels = tekst.replace(/\r/g, "").replace(/\n$/, "").split("\n");
    if (regels.length < 2 && regels[0].indexOf("\t") < 0) { return; }
    e.preventDefault();
    var p = positie(e.target);
    regels.forEach(function (regel, i) {
      regel.split("\t").forEach(function (waarde, j) {
        var doel = cel(p.rij + i, p.kolom + j);
        if (doel && !doel.readOnly) { doel.value = schoon(waarde, doel.classList.contains("getal")); }
      });
    });
  });
})();
