// Measures the leaders' dashboard as Chromium lays it out and writes what it found into
// <pre id="layout-report"> as JSON: how many charts and label boxes were measured, and every
// pair of text boxes in one chart (the trend charts, the communes' profiles) that overlap, and
// every province-average mark that crosses a figure. The dashboard itself holds no script: the
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
  const report = document.createElement("pre");
  report.id = "layout-report";
  report.textContent = JSON.stringify({ charts: charts.length, boxes, overlaps });
  document.body.appendChild(report);
})();
