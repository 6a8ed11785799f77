"use strict";
// The pipeline table: filtered, sorted and paged by the server (/api/pipeline); the filters live in the URL.
(() => {
  const {h, fill} = PKG;
  const $ = id => document.getElementById(id);
  const LIMIT = 25;
  const state = Object.assign({sort: "label", dir: "asc", offset: 0},
    PKGPipe.fromUrl(["company", "target", "indication", "phase", "q", "sort", "dir", "offset"]));
  state.offset = Number(state.offset) || 0;
  let ticket = 0, phasesFilled = false;

  function changed(keepOffset) {
    if (!keepOffset) state.offset = 0;
    load();
  }

  async function load() {
    const mine = ++ticket;
    PKG.setParams({...state, offset: state.offset || null, sort: state.sort === "label" ? null : state.sort,
      dir: state.dir === "asc" ? null : state.dir});
    try {
      const d = await PKG.api("pipeline", {...state, limit: LIMIT});
      if (mine !== ticket) return;
      render(d);
    } catch (e) { PKG.showError($("summary"), e); }
  }

  function render(d) {
    if (!phasesFilled) {
      $("f-phase").append(...d.phases.map(p => h("option", {value: p.label}, p.label)));
      phasesFilled = true;
      fill($("phase-legend"), d.phases.map(p => h("span", {},
        h("svg", {width: 12, height: 12}, h("circle", {class: "phase " + PKGPipe.phaseClass(p.order), cx: 6, cy: 6, r: 5.5})), " ", p.label)),
        h("span", {}, h("svg", {width: 12, height: 12}, h("circle", {class: "phase planned ph0", cx: 6, cy: 6, r: 4.5})), " planned"));
    }
    $("f-phase").value = state.phase || "";
    $("f-name").value = state.q || "";
    PKGPipe.chips($("chips"), d.filters, state, changed);
    document.querySelectorAll("#pipeline th.sortable").forEach(th => {
      th.classList.toggle("asc", th.dataset.key === state.sort && state.dir === "asc");
      th.classList.toggle("desc", th.dataset.key === state.sort && state.dir === "desc");
    });
    const links = list => list.length ? list.flatMap((x, i) => [i ? ", " : null, PKG.linkEl(x.iri, x.label)]) : [h("span", {class: "muted"}, "—")];
    fill(document.querySelector("#pipeline tbody"), d.compounds.map(c => h("tr", {},
      h("td", {}, PKG.linkEl(c.iri, c.label)), h("td", {}, links(c.developers)), h("td", {}, links(c.targets)),
      h("td", {}, links(c.indications)),
      h("td", {}, c.highestPhase ? [h("span", {class: "chip phase " + PKGPipe.phaseClass(c.highestPhase.order)}, c.highestPhase.label),
        c.highestPhase.date ? h("span", {class: "muted small"}, " " + c.highestPhase.date) : null] : h("span", {class: "muted"}, "—")),
      h("td", {class: "num"}, c.latest || h("span", {class: "muted"}, "—")))));
    const first = d.total ? d.offset + 1 : 0, last = d.offset + d.compounds.length;
    $("summary").textContent = `${first.toLocaleString()}–${last.toLocaleString()} of ${d.total.toLocaleString()} compounds`;
    $("prev").disabled = d.offset === 0;
    $("next").disabled = !d.more;
    const focus = ["target", "indication", "company"].find(k => state[k]);
    $("chart").hidden = !focus;
    if (focus) $("chart").href = "landscape.html?" + focus + "=" + encodeURIComponent(state[focus]);
    window.pkgPipeline = {rows: d.compounds.length, total: d.total, offset: d.offset, more: d.more,
      labels: d.compounds.map(c => c.label), phases: d.compounds.map(c => c.highestPhase ? c.highestPhase.label : null)};
    timeline(d.compounds.filter(c => c.timeline.some(s => s.date)));
    PKG.ready();
  }

  function timeline(rows) {
    const el = $("timeline");
    if (!rows.length) { fill(el, h("p", {class: "muted"}, "No dated phase statements for these compounds.")); return; }
    const time = d => Date.parse(d + "T00:00:00Z");
    const dates = rows.flatMap(c => c.timeline.map(s => s.date).filter(Boolean)).map(time);
    const month = 30 * 24 * 3600 * 1000;
    const t0 = Math.min(...dates) - month, t1 = Math.max(...dates) + month;
    const W = el.clientWidth || 1000, labelW = 230, right = 20, rowH = 28, top = 8;
    const x = t => labelW + (W - labelW - right) * (t - t0) / (t1 - t0);
    const H = top + rows.length * rowH + 26;
    const svg = h("svg", {viewBox: `0 0 ${W} ${H}`, height: H, role: "img", "aria-label": "phase timeline"});
    rows.forEach((c, i) => {
      const y = top + i * rowH + rowH / 2;
      const g = h("g", {class: "row"}, h("rect", {class: "band", x: 0, y: y - rowH / 2, width: W, height: rowH}),
        h("text", {x: labelW - 10, y: y + 4, "text-anchor": "end"}, c.label.length > 30 ? c.label.slice(0, 29) + "…" : c.label));
      const achieved = c.timeline.filter(s => s.date && s.status === "Achieved").sort((a, b) => a.date.localeCompare(b.date));
      if (achieved.length > 1) g.append(h("polyline", {points: achieved.map(s => `${x(time(s.date))},${y}`).join(" ")}));
      // dots closer than their width are pushed right, so none hides another; the tooltip keeps the date
      let lastX = -Infinity;
      c.timeline.filter(s => s.date).map(s => ({s, px: x(time(s.date))}))
        .sort((a, b) => a.px - b.px || (a.s.order ?? 0) - (b.s.order ?? 0))
        .forEach(({s, px}) => {
          const cx = Math.max(px, lastX + 12);
          lastX = cx;
          g.append(h("svg:a", {href: PKG.documentHref(s.document)}, h("circle", {
            class: "phase " + PKGPipe.phaseClass(s.order) + (s.status === "Planned" ? " planned" : ""), cx, cy: y, r: 5.5},
            h("title", {}, `${s.phase} (${s.status.toLowerCase()}) — ${s.date}: ${s.headline || ""}`))));
        });
      svg.append(g);
    });
    svg.append(PKG.yearAxis(x, t0, t1, top, top + rows.length * rowH + 4));
    fill(el, svg);
  }

  PKGPipe.focusInputs(state, () => changed());
  $("f-phase").addEventListener("change", () => { state.phase = $("f-phase").value || undefined; changed(); });
  let nameTimer = null;
  $("f-name").addEventListener("input", () => {
    clearTimeout(nameTimer);
    nameTimer = setTimeout(() => { state.q = $("f-name").value.trim() || undefined; changed(); }, 250);
  });
  $("reset").addEventListener("click", () => {
    for (const k of ["company", "target", "indication", "phase", "q"]) delete state[k];
    changed();
  });
  $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - LIMIT); changed(true); });
  $("next").addEventListener("click", () => { state.offset += LIMIT; changed(true); });
  document.querySelectorAll("#pipeline th.sortable").forEach(th => th.addEventListener("click", () => {
    if (state.sort === th.dataset.key) state.dir = state.dir === "asc" ? "desc" : "asc";
    else { state.sort = th.dataset.key; state.dir = th.dataset.key === "label" ? "asc" : "desc"; }
    changed();
  }));
  load();
})();
