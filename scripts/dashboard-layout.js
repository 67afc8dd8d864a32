// Measures the leaders' dashboard as Chromium lays it out and writes what it found into
// <pre id="layout-report"> as JSON: how many charts and label boxes were measured, and every
// pair of text boxes in one chart (the trend charts, the communes' profiles) that overlap, every
// province-average mark that crosses a figure, and every line of text in a table (the heat map,
// the summary) that leaves its cell for the next. The dashboard itself holds no script: the
// test (DashboardInChromiumTests) and scripts/check-dashboard add this one to a copy of the page,
// which Chromium then prints with --dump-dom.
(() => {
  const overlaps = [];
  let boxes = 0;
  // Half a pixel of slack: boxes that only touch do not overlap.
  const hit = (a, b) =>
    a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const label = (element) =>
    ((element.firstChild && element.firstChild.nodeValue) || element.textContent || "").trim().slice(0, 60);
  const charts = [...document.querySelectorAll("svg")];
  charts.forEach((svg, chart) => {
    const texts = [...svg.querySelectorAll("text")]
      .map((element) => ({ element, box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height > 0);
    boxes += texts.length;
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (hit(texts[i].box, texts[j].box)) {
          overlaps.push({ chart, kind: "text", a: label(texts[i].element), b: label(texts[j].element) });
        }
      }
    }
    for (const mark of svg.querySelectorAll("line.average")) {
      const box = mark.getBoundingClientRect();
      for (const text of texts) {
        if (hit(box, text.box)) overlaps.push({ chart, kind: "average", a: "average", b: label(text.element) });
      }
    }
  });
  // The tables (the heat map, the summary): every line of text inside its own cell, so that no
  // figure, name or officials line runs into the next cell.
  const tables = [...document.querySelectorAll("table")];
  tables.forEach((table, index) => {
    for (const cell of table.querySelectorAll("th, td")) {
      const box = cell.getBoundingClientRect();
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.nodeValue.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) {
          if (line.width === 0 || line.height === 0) continue;
          boxes += 1;
          const outside =
            line.left < box.left - 0.5 || line.right > box.right + 0.5 ||
            line.top < box.top - 0.5 || line.bottom > box.bottom + 0.5;
          if (outside) {
            overlaps.push({ chart: charts.length + index, kind: "cell", a: label(cell), b: node.nodeValue.trim().slice(0, 60) });
          }
        }
      }
    }
  });
  const report = document.createElement("pre");
  report.id = "layout-report";
  report.textContent = JSON.stringify({ charts: charts.length, tables: tables.length, boxes, overlaps });
  document.body.appendChild(report);
})();
