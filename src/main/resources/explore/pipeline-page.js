"use strict";
const $ = id => document.getElementById(id);
const F = {company: $("f-company"), target: $("f-target"), indication: $("f-indication"), phase: $("f-phase")};
let data = null, sortKey = "label", sortDir = 1;
// one distinct colour per stage, Preclinical (0) .. Approved (8)
const PHASE_COLOURS = ["#aab3bd", "#8ecae6", "#219ebc", "#3a6ff7", "#5e4fc9", "#9d4edd", "#e07a5f", "#e9a23b", "#2e9e6a"];
const phaseColour = order => PHASE_COLOURS[Math.max(0, Math.min(8, order ?? 0))];
const names = list => list.map(x => x.label).join(", ");
const latest = c => c.timeline.reduce((m, s) => (s.date && s.date > m ? s.date : m), "");

function fillSelect(sel, values) {
  sel.innerHTML = sel.options[0].outerHTML + values.map(v => `<option>${PKG.esc(v)}</option>`).join("");
}

function filtered() {
  return data.compounds.filter(c =>
    (!F.company.value || c.developers.some(d => d.label === F.company.value)) &&
    (!F.target.value || c.targets.some(d => d.label === F.target.value)) &&
    (!F.indication.value || c.indications.some(d => d.label === F.indication.value)) &&
    (!F.phase.value || (c.highestPhase && c.highestPhase.label === F.phase.value)));
}

function sortValue(c) {
  switch (sortKey) {
    case "phase": return c.highestPhase ? c.highestPhase.order : -1;
    case "latest": return latest(c);
    case "label": return c.label.toLowerCase();
    default: return names(c[sortKey]).toLowerCase() || "\uffff";
  }
}

function render() {
  const rows = filtered().sort((a, b) => {
    const x = sortValue(a), y = sortValue(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sortDir || a.label.localeCompare(b.label);
  });
  document.querySelectorAll("#pipeline th").forEach(th => {
    th.classList.toggle("asc", th.dataset.key === sortKey && sortDir === 1);
    th.classList.toggle("desc", th.dataset.key === sortKey && sortDir === -1);
  });
  const links = list => list.map(x => PKG.entityLink(x.iri, x.label)).join(", ") || '<span class="muted">—</span>';
  document.querySelector("#pipeline tbody").innerHTML = rows.map(c => `<tr>
      <td>${PKG.entityLink(c.iri, c.label)}</td><td>${links(c.developers)}</td><td>${links(c.targets)}</td>
      <td>${links(c.indications)}</td>
      <td>${c.highestPhase ? `<span class="chip" style="border-color:${phaseColour(c.highestPhase.order)}">${PKG.esc(c.highestPhase.label)}</span>` : '<span class="muted">—</span>'}</td>
      <td class="num">${PKG.esc(latest(c)) || '<span class="muted">—</span>'}</td></tr>`).join("");
  $("summary").textContent = `${rows.length} of ${data.compounds.length} compounds`;
  window.pkgPipeline = {rows: rows.length, total: data.compounds.length};
  timeline(rows.filter(c => c.timeline.some(s => s.date)));
}

function timeline(rows) {
  const el = $("timeline");
  if (!rows.length) { el.innerHTML = '<p class="muted">No dated phase statements for these compounds.</p>'; return; }
  const dates = rows.flatMap(c => c.timeline.map(s => s.date).filter(Boolean)).map(d => new Date(d + "T00:00:00Z").getTime());
  const month = 30 * 24 * 3600 * 1000;
  const t0 = Math.min(...dates) - month, t1 = Math.max(...dates) + month;
  const W = el.clientWidth || 1000, labelW = 230, right = 20, rowH = 28, top = 8, axisH = 26;
  const x = t => labelW + (W - labelW - right) * (t - t0) / (t1 - t0);
  const H = top + rows.length * rowH + axisH;
  let svg = `<svg viewBox="0 0 ${W} ${H}" height="${H}" role="img" aria-label="phase timeline">`;
  rows.forEach((c, i) => {
    const y = top + i * rowH + rowH / 2;
    svg += `<g class="row"><rect class="band" x="0" y="${y - rowH / 2}" width="${W}" height="${rowH}" fill="#fff"></rect>`;
    svg += `<text x="${labelW - 10}" y="${y + 4}" text-anchor="end">${PKG.esc(c.label.length > 30 ? c.label.slice(0, 29) + "…" : c.label)}</text>`;
    const achieved = c.timeline.filter(s => s.date && s.status === "Achieved")
      .sort((a, b) => a.date.localeCompare(b.date) || (a.order ?? 0) - (b.order ?? 0));
    if (achieved.length > 1) {
      svg += `<polyline fill="none" stroke="#c4cbd3" stroke-width="2" points="${achieved.map(s => `${x(Date.parse(s.date))},${y}`).join(" ")}"></polyline>`;
    }
    // dots closer than their width are pushed right, so none hides another; the tooltip keeps the date
    let lastX = -Infinity;
    c.timeline.filter(s => s.date)
      .map(s => ({s, x: x(Date.parse(s.date))}))
      .sort((a, b) => a.x - b.x || (a.s.order ?? 0) - (b.s.order ?? 0))
      .forEach(({s, x: px}) => {
        const cx = Math.max(px, lastX + 12);
        lastX = cx;
        const col = phaseColour(s.order);
        const title = `${s.phase} (${s.status.toLowerCase()}) — ${s.date}: ${s.headline || ""}`;
        svg += `<a href="${PKG.documentHref(s.document)}"><circle cx="${cx}" cy="${y}" r="5.5" ` +
          (s.status === "Planned" ? `fill="#fff" stroke="${col}" stroke-width="2"` : `fill="${col}" stroke="#fff" stroke-width="1"`) +
          `><title>${PKG.esc(title)}</title></circle></a>`;
      });
    svg += `</g>`;
  });
  const yAxis = top + rows.length * rowH + 4;
  svg += `<g class="axis"><line x1="${labelW}" x2="${W - right}" y1="${yAxis}" y2="${yAxis}" stroke="#d8dee4"></line>`;
  const startYear = new Date(t0).getUTCFullYear(), endYear = new Date(t1).getUTCFullYear();
  for (let yr = startYear; yr <= endYear; yr++) {
    for (const m of [0, 6]) {
      const t = Date.UTC(yr, m, 1);
      if (t < t0 || t > t1) continue;
      svg += `<line x1="${x(t)}" x2="${x(t)}" y1="${top}" y2="${yAxis + 4}" stroke="#eef1f4"></line>` +
        `<text x="${x(t)}" y="${yAxis + 17}" text-anchor="middle">${m === 0 ? yr : "Jul " + yr}</text>`;
    }
  }
  svg += `</g></svg>`;
  el.innerHTML = svg;
}

PKG.api("pipeline").then(d => {
  data = d;
  const uniq = key => [...new Set(d.compounds.flatMap(c => c[key].map(x => x.label)))].sort((a, b) => a.localeCompare(b));
  fillSelect(F.company, uniq("developers"));
  fillSelect(F.target, uniq("targets"));
  fillSelect(F.indication, uniq("indications"));
  fillSelect(F.phase, d.phases.map(p => p.label));
  $("phase-legend").innerHTML = d.phases.map(p =>
    `<span><svg width="12" height="12"><circle cx="6" cy="6" r="5.5" fill="${phaseColour(p.order)}"></circle></svg> ${PKG.esc(p.label)}</span>`).join("") +
    `<span><svg width="12" height="12"><circle cx="6" cy="6" r="4.5" fill="#fff" stroke="#6b7785" stroke-width="2"></circle></svg> planned</span>`;
  render();
}).catch(e => PKG.showError(document.querySelector("main"), e));

Object.values(F).forEach(sel => sel.addEventListener("change", render));
$("reset").addEventListener("click", () => { Object.values(F).forEach(s => { s.value = ""; }); render(); });
document.querySelectorAll("#pipeline th.sortable").forEach(th => th.addEventListener("click", () => {
  if (sortKey === th.dataset.key) sortDir = -sortDir; else { sortKey = th.dataset.key; sortDir = 1; }
  render();
}));
window.addEventListener("resize", () => { if (data) render(); });
