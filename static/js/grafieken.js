// Charts of the dashboard: Apache ECharts (npm, served from node_modules) with the SVG
// renderer and aria descriptions. Data comes from a <script type="application/json">
// written by Django's json_script; the same figures stand in the table next to it.
(function () {
  "use strict";
  const kleuren = ["#1f4e79", "#2e7d32", "#b35c00", "#1b1b1b"];
  const nl = new Intl.NumberFormat("nl-NL");

  function getal(w) {
    return w === null || w === undefined ? "–" : nl.format(w);
  }

  // The tooltip as DOM nodes, not an HTML string: ECharts' own tooltip markup carries
  // style="" attributes, which the Content Security Policy refuses. Colours are set
  // through the CSSOM (element.style), which the policy allows.
  function tooltip(punten) {
    const kader = document.createElement("div");
    kader.className = "grafiek-tooltip";
    const kop = document.createElement("div");
    kop.className = "grafiek-tooltip-kop";
    kop.textContent = punten.length ? punten[0].axisValueLabel : "";
    kader.appendChild(kop);
    punten.forEach((punt) => {
      const regel = document.createElement("div");
      regel.className = "grafiek-tooltip-regel";
      const stip = document.createElement("span");
      stip.className = "grafiek-tooltip-stip";
      stip.style.backgroundColor = typeof punt.color === "string" ? punt.color : "";
      const naam = document.createElement("span");
      naam.textContent = punt.seriesName;
      const waarde = document.createElement("strong");
      waarde.textContent = getal(punt.value);
      regel.append(stip, naam, waarde);
      kader.appendChild(regel);
    });
    return kader;
  }

  function teken(element) {
    const bron = document.getElementById(element.dataset.grafiek);
    if (!bron || typeof echarts === "undefined") return;
    const data = JSON.parse(bron.textContent);
    const grafiek = echarts.init(element, null, { renderer: "svg" });
    grafiek.setOption({
      color: kleuren,
      aria: { enabled: true, label: { description: element.getAttribute("aria-label") || data.titel } },
      animation: false,
      tooltip: { trigger: "axis", formatter: tooltip },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: "category", data: data.labels },
      yAxis: { type: "value", axisLabel: { formatter: (w) => nl.format(w) } },
      series: data.reeksen.map((r) => ({
        name: r.naam,
        type: r.soort,
        stack: r.stapel,
        data: r.waarden,
        connectNulls: false,
        symbolSize: 8,
      })),
    });
    window.addEventListener("resize", () => grafiek.resize());
  }

  document.querySelectorAll("[data-grafiek]").forEach(teken);
})();
