"use strict";
// The pipeline chart: phases as columns, compounds as cards, for a target, an indication or a company (or two of
// them at once: a company's compounds against one target). Read from /api/pipeline, furthest phase first.
(() => {
  const {h, fill} = PKG;
  const $ = id => document.getElementById(id);
  const LIMIT = 500, PER_LANE = 60;
  const state = PKGPipe.fromUrl(["company", "target", "indication"]);
  let ticket = 0;

  async function load() {
    const mine = ++ticket;
    PKG.setParams(state);
    if (!state.company && !state.target && !state.indication) {
      $("title").textContent = "Competitive landscape";
      $("summary").textContent = "Choose a target, an indication or a company above.";
      fill($("lanes"));
      fill($("chips"));
      window.pkgLandscape = {cards: 0, total: 0};
      PKG.ready();
      return;
    }
    try {
      const d = await PKG.api("pipeline", {...state, sort: "phase", dir: "desc", limit: LIMIT});
      if (mine !== ticket) return;
      render(d);
    } catch (e) { PKG.showError($("summary"), e); }
  }

  function render(d) {
    const f = d.filters || {};
    const what = f.target || f.indication;
    $("title").textContent = what ? "Competitive landscape: " + what.label + (f.company ? " · " + f.company.label : "")
      : "Pipeline chart: " + f.company.label;
    document.title = $("title").textContent + " · pharmakg explorer";
    PKGPipe.chips($("chips"), f, state, load);
    const lanes = [{label: "No phase yet", order: null}, ...d.phases];
    const byPhase = new Map(lanes.map(p => [p.label, []]));
    for (const c of d.compounds) byPhase.get(c.highestPhase ? c.highestPhase.label : "No phase yet")?.push(c);
    const shown = lanes.filter(p => byPhase.get(p.label).length || p.order != null);
    fill($("lanes"), shown.map(p => {
      const cards = byPhase.get(p.label);
      cards.sort((a, b) => (b.highestPhase?.date || "").localeCompare(a.highestPhase?.date || "") || a.label.localeCompare(b.label));
      return h("section", {class: "lane " + (p.order == null ? "" : PKGPipe.phaseClass(p.order)) + (cards.length ? "" : " empty"),
          dataset: {phase: p.label}},
        h("h3", {}, p.label, h("span", {}, String(cards.length))),
        h("div", {class: "cards"}, cards.slice(0, PER_LANE).map(c => h("div", {class: "card " + (c.highestPhase ? PKGPipe.phaseClass(c.highestPhase.order) : "")},
          h("a", {class: "name", href: PKG.entityHref(c.iri)}, c.label),
          h("div", {class: "who"}, c.developers.map(x => x.label).join(", ") || "developer unknown"),
          c.highestPhase?.date ? h("div", {class: "when"}, c.highestPhase.label + " since " + c.highestPhase.date) : null))),
        cards.length > PER_LANE ? h("div", {class: "more"}, h("a", {href: "pipeline.html?" + new URLSearchParams({...state,
          phase: p.order == null ? "none" : p.label})}, `${cards.length - PER_LANE} more in the table`)) : null);
    }));
    $("summary").textContent = `${d.total.toLocaleString()} compounds` + (d.more ? `; the ${d.compounds.length} furthest are charted` : "");
    window.pkgLandscape = {cards: document.querySelectorAll("#lanes .card").length, total: d.total,
      lanes: shown.map(p => p.label), labels: d.compounds.map(c => c.label)};
    PKG.ready();
  }

  PKGPipe.focusInputs(state, load);
  load();
})();
