"use strict";
// The partner network: a company's partners, owners, units and deals (1-2 steps), the overview's communities,
// and the focused company's partnership timeline.
(() => {
  const {h, fill} = PKG;
  const section = document.getElementById("timeline-section"), el = document.getElementById("timeline");

  async function timeline(iri) {
    if (!iri) { section.hidden = true; return; }
    try {
      const t = await PKG.api("partnerships", {company: iri, limit: 60});
      section.hidden = false;
      document.getElementById("timeline-title").textContent = "Partnership timeline: " + t.label;
      document.getElementById("timeline-summary").textContent = `${t.partners.length} of ${t.total} partners` +
        (t.truncated ? " (the earliest; the rest are cut)" : "");
      draw(t.partners);
      window.pkgTimeline = {rows: t.partners.length, total: t.total, truncated: t.truncated};
    } catch (e) { PKG.showError(el, e); }
  }

  function draw(rows) {
    rows = rows.filter(r => r.first);
    if (!rows.length) { fill(el, h("p", {class: "muted"}, "No dated ties.")); return; }
    const time = d => Date.parse(d + "T00:00:00Z");
    const all = rows.flatMap(r => [...r.dates, ...r.deals.map(d => d.date)].filter(Boolean)).map(time);
    const year = 365 * 24 * 3600 * 1000;
    const t0 = Math.min(...all) - year / 4, t1 = Math.max(...all) + year / 4;
    const W = el.clientWidth || 1000, labelW = 240, right = 20, rowH = 26, top = 6, axisH = 24;
    const x = t => labelW + (W - labelW - right) * (t - t0) / (t1 - t0);
    const H = top + rows.length * rowH + axisH;
    const svg = h("svg", {viewBox: `0 0 ${W} ${H}`, height: H, role: "img", "aria-label": "partnership timeline"});
    rows.forEach((r, i) => {
      const y = top + i * rowH + rowH / 2;
      const g = h("g", {class: "row"}, h("rect", {class: "band", x: 0, y: y - rowH / 2, width: W, height: rowH}));
      const name = r.label.length > 32 ? r.label.slice(0, 31) + "…" : r.label;
      g.append(h("svg:a", {href: PKG.entityHref(r.iri)}, h("text", {x: labelW - 10, y: y + 4, "text-anchor": "end"}, name)));
      const first = time(r.first), last = time(r.last);
      g.append(h("line", {class: "span", x1: x(first), x2: x(last), y1: y, y2: y}));
      for (const d of r.dates) g.append(h("circle", {class: r.relations.includes("subsidiaryOf") ? "tie owner" : "tie", cx: x(time(d)), cy: y, r: 4.5},
        h("title", {}, `${r.relations.join(", ")} — stated ${d}`)));
      for (const d of r.deals) {
        if (!d.date) continue;
        const cx = x(time(d.date));
        g.append(h("svg:a", {href: "deals.html?entity=" + encodeURIComponent(r.iri)},
          h("path", {class: "deal " + (d.event || ""), d: `M${cx} ${y - 7} L${cx + 7} ${y} L${cx} ${y + 7} L${cx - 7} ${y} Z`},
            h("title", {}, `${d.label} — ${d.date}`))));
      }
      svg.append(g);
    });
    svg.append(PKG.yearAxis(x, t0, t1, top, top + rows.length * rowH + 4));
    fill(el, svg);
  }

  PKGNet.mount({view: "partners", types: ["Company"], noun: "companies", onFocus: iri => timeline(iri)});
})();
