// pharmakg explorer: the network views (partners, compounds). A view starts from a focus chosen by search and
// shows its neighbourhood (1-2 steps), expanded by clicking a node; without a focus, the overview: the server's
// communities, the best-connected nodes, labels on the few that matter and the rest on hover.
"use strict";

const PKGNet = (() => {
  const {h, fill, api} = PKG;
  // community colours (overview): 12 distinct hues, then grey for the small communities
  const COMMUNITY = ["#3b6fb6", "#d9822b", "#2e9e6a", "#b5477a", "#7a5cc4", "#c4a21d", "#1f9bb5", "#c7463a",
    "#5b8c2a", "#8c5a3c", "#e377c2", "#4a5a7a"];
  const LABELLED = 25;   // labels drawn at once; the others on hover
  if (window.cytoscape && window.cytoscapeFcose && !window.pkgFcose) { cytoscape.use(cytoscapeFcose); window.pkgFcose = true; }

  /**
   * Mounts a network view. cfg: {view: "partners"|"compounds", types: [search types], noun: "companies", legend: fn}
   */
  function mount(cfg) {
    const $ = id => document.getElementById(id);
    const container = $("graph"), summary = $("summary"), details = $("details"), depthSel = $("depth");
    let cy = null, mode = null, focus = null, elements = new Map();

    PKG.searchBox($("q"), cfg.types, hit => openFocus(hit.iri, hit.label));
    $("overview").addEventListener("click", () => { $("q").value = ""; openOverview(); });
    depthSel.addEventListener("change", () => { if (focus) openFocus(focus, null); });
    // years (partners): only the ties first stated and the deals made in the range, and what they still reach
    const fromIn = $("from"), toIn = $("to");
    for (const el of [fromIn, toIn]) if (el) el.addEventListener("change", () => { state(); if (mode === "focus") draw(); });

    function state() {
      PKG.setParams(mode === "focus" ? {focus, depth: depthSel.value, from: year(fromIn), to: year(toIn)} : {});
    }

    function year(el) {
      const y = el ? parseInt(el.value, 10) : NaN;
      return Number.isFinite(y) ? y : null;
    }

    /** The year of a link: the first release stating a tie, or a deal's date; null when unknown. */
    function linkYear(d) {
      if (d.relation === "deal") return d.date ? parseInt(String(d.date).slice(0, 4), 10) : null;
      return d.since ?? null;
    }

    /** The nodes and links of the year range: links in it, nodes the focus still reaches through them. */
    function inYears(nodes, edges) {
      const from = year(fromIn), to = year(toIn);
      if (mode !== "focus" || (from == null && to == null)) return {nodes, edges, cut: 0};
      const kept = edges.filter(e => {
        const y = linkYear(e.data);
        return y != null && (from == null || y >= from) && (to == null || y <= to);
      });
      const next = new Map();
      for (const e of kept) {
        for (const [a, b] of [[e.data.source, e.data.target], [e.data.target, e.data.source]]) {
          if (!next.has(a)) next.set(a, []);
          next.get(a).push(b);
        }
      }
      const reached = new Set([focus]), todo = [focus];
      while (todo.length) for (const n of next.get(todo.pop()) || []) if (!reached.has(n)) { reached.add(n); todo.push(n); }
      return {nodes: nodes.filter(n => reached.has(n.data.id)),
        edges: kept.filter(e => reached.has(e.data.source) && reached.has(e.data.target)), cut: edges.length - kept.length};
    }

    async function openFocus(iri, label) {
      mode = "focus";
      focus = iri;
      state();
      busy(true);
      try {
        const net = await api("neighbourhood", {iri, depth: depthSel.value, view: cfg.view, limit: 150});
        elements = new Map();
        merge(net);
        draw();
        const f = elements.get(iri);
        $("q").value = label || (f ? f.data.label : "");
        say(net);
        describe(iri);
        if (cfg.onFocus) cfg.onFocus(iri, f ? f.data : {});
      } catch (e) { PKG.showError(details, e); }
      busy(false);
    }

    async function expand(iri) {
      busy(true);
      try {
        const net = await api("neighbourhood", {iri, depth: 1, view: cfg.view, limit: 60});
        const before = elements.size;
        merge(net);
        if (elements.size > before) draw(iri);
        say(net);
        describe(iri);
      } catch (e) { PKG.showError(details, e); }
      busy(false);
    }

    async function openOverview() {
      mode = "overview";
      focus = null;
      state();
      busy(true);
      try {
        const net = await api("overview", {view: cfg.view, limit: 160});
        elements = new Map();
        for (const n of net.elements.nodes) elements.set(n.data.id, {group: "nodes", data: n.data});
        for (const e of net.elements.edges) elements.set(e.data.id, {group: "edges", data: e.data});
        draw();
        summary.textContent = `Overview: ${net.totalNodes.toLocaleString()} ${cfg.noun} in ` +
          `${net.communityCount.toLocaleString()} communities (label propagation, modularity ${net.modularity})` +
          (net.truncated ? `; the largest communities are drawn, ${net.elements.nodes.length} nodes. Search to focus on one.` : ".");
        overviewLegend(net);
        fill(details, h("p", {class: "muted"}, "Click a node to focus on it; hover a node for its name."));
        if (cfg.onFocus) cfg.onFocus(null, {});
      } catch (e) { PKG.showError(details, e); }
      busy(false);
    }

    function merge(net) {
      for (const n of net.elements.nodes) {
        const old = elements.get(n.data.id);
        // a node keeps the smallest step it was reached at
        if (!old || (old.data.step ?? 9) > n.data.step) elements.set(n.data.id, {group: "nodes", data: n.data});
        else old.data.hidden = Math.min(old.data.hidden, n.data.hidden);
      }
      for (const e of net.elements.edges) if (!elements.has(e.data.id)) elements.set(e.data.id, {group: "edges", data: e.data});
    }

    function yearNote(cut) {
      const note = $("years-note");
      if (!note) return;
      const from = year(fromIn), to = year(toIn);
      note.textContent = from == null && to == null ? "" : `years ${from ?? "…"}–${to ?? "…"}: ${cut} link${cut === 1 ? "" : "s"} outside hidden`;
    }

    function say(net) {
      const nodes = [...elements.values()].filter(x => x.group === "nodes").length;
      const edges = [...elements.values()].filter(x => x.group === "edges").length;
      summary.textContent = `${nodes} nodes, ${edges} links` + (net.truncated
        ? ` (cut at ${net.limit} nodes: ${net.candidates} reachable; click a node to expand it)` : "");
    }

    function busy(on) { container.classList.toggle("busy", on); }

    /** Ranks nodes for labels: focus, then degree + deals + phase. */
    function rank(d) {
      if (d.id === focus) return 1e9;
      return (d.degree || 0) + 2 * (d.deals || 0) + (d.phase ? 3 : 0) + (d.step === 1 ? 5 : 0) + (d.labelled ? 1e6 : 0);
    }

    function draw(around) {
      const years = inYears([...elements.values()].filter(x => x.group === "nodes"),
        [...elements.values()].filter(x => x.group === "edges"));
      const nodes = years.nodes, edges = years.edges;
      if (mode === "focus") yearNote(years.cut);
      const ranked = nodes.map(n => n.data).sort((a, b) => rank(b) - rank(a));
      const labelled = new Set(ranked.slice(0, LABELLED).map(d => d.id));
      const maxDeg = Math.max(1, ...nodes.map(n => n.data.degree || 0));
      for (const n of nodes) {
        n.data.shown = labelled.has(n.data.id) ? short(n.data.label) : "";
        n.data.size = 14 + 30 * Math.sqrt((n.data.degree || 0) / maxDeg);
        n.data.colour = mode === "overview" ? COMMUNITY[n.data.community % COMMUNITY.length] : PKG.TYPE_COLOURS[n.data.type] || "#6b7785";
      }
      // deals carry their kind and year on the line when few; partnership years and the rest show on hover
      const dealCount = edges.filter(e => e.data.relation === "deal").length;
      for (const e of edges) e.data.shown = e.data.relation === "deal" && dealCount <= 30 ? e.data.short : "";
      const positions = cy ? Object.fromEntries(cy.nodes().map(n => [n.id(), n.position()])) : {};
      if (cy) cy.destroy();
      cy = cytoscape({
        container, elements: [...nodes, ...edges], minZoom: 0.1, maxZoom: 4, wheelSensitivity: 0.3,
        style: [
          {selector: "node", style: {
            "background-color": "data(colour)", "width": "data(size)", "height": "data(size)",
            "label": "data(shown)", "font-size": 13, "color": "#1f2328", "text-valign": "bottom", "text-margin-y": 3,
            "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2,
            "min-zoomed-font-size": 7, "border-width": 1, "border-color": "#fff"}},
          {selector: "node[type = 'Compound']", style: {"shape": "ellipse"}},
          {selector: "node[type = 'Company']", style: {"shape": "round-rectangle"}},
          {selector: "node[type = 'Target']", style: {"shape": "diamond"}},
          {selector: "node[type = 'Indication']", style: {"shape": "round-triangle"}},
          {selector: "node[hidden > 0]", style: {"border-width": 3, "border-color": "#aab3bd", "border-style": "double"}},
          {selector: "node.focus", style: {"border-width": 4, "border-color": "#1f2328", "font-weight": "bold", "font-size": 15}},
          {selector: "node.hover", style: {"label": "data(label)", "z-index": 99, "font-size": 14}},
          {selector: "edge", style: {"width": 1.4, "line-color": "#b8c0c8", "curve-style": "bezier", "label": "data(shown)",
            "font-size": 10, "color": "#59636e", "text-rotation": "autorotate", "text-background-color": "#fff",
            "text-background-opacity": 0.85, "text-background-padding": 1}},
          {selector: "edge[relation = 'subsidiaryOf']", style: {"line-style": "dashed", "target-arrow-shape": "triangle",
            "target-arrow-color": "#b8c0c8"}},
          {selector: "edge[relation = 'deal']", style: {"line-color": "#d9822b", "target-arrow-shape": "triangle",
            "target-arrow-color": "#d9822b", "arrow-scale": 0.8, "color": "#7a4a12"}},
          {selector: "edge.hover", style: {"label": e => e.data("label") || e.data("short") || e.data("relation"), "z-index": 99,
            "font-size": 12, "color": "#1f2328"}},
          {selector: "node:selected", style: {"border-width": 4, "border-color": "#0b6bcb"}}],
        layout: {name: "preset"}
      });
      window.pkgCy = cy;   // for tests: tap a node as a click would
      if (focus) cy.getElementById(focus).addClass("focus");
      const fixed = around ? Object.entries(positions).filter(([id]) => cy.getElementById(id).length)
        .map(([nodeId, position]) => ({nodeId, position})) : [];
      const layout = cy.layout({name: window.pkgFcose ? "fcose" : "cose", animate: false, randomize: !fixed.length,
        // an overview of hundreds of nodes settles in fewer iterations; a neighbourhood gets the full run
        quality: "default", numIter: mode === "overview" ? 900 : 2500,
        nodeDimensionsIncludeLabels: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 90,
        nodeSeparation: 90, packComponents: true, fixedNodeConstraint: fixed.length ? fixed : undefined, padding: 30});
      layout.one("layoutstop", () => { cy.fit(undefined, 30); readable(); declutter(ranked); report(nodes, edges); PKG.ready(); });
      layout.run();
      cy.on("mouseover", "node, edge", ev => ev.target.addClass("hover"));
      cy.on("mouseout", "node, edge", ev => ev.target.removeClass("hover"));
      cy.on("tap", "node", ev => {
        const id = ev.target.id();
        if (mode === "overview") openFocus(id, ev.target.data("label"));
        else if (id !== focus && ev.target.data("hidden") > 0) expand(id);
        else describe(id);
      });
      cy.on("tap", "edge", ev => describeEdge(ev.target.data()));
    }

    /** Labels at 13 px on the screen whatever the zoom the graph was fitted at (a big overview is drawn small). */
    function readable() {
      const z = cy.zoom();
      if (z >= 1) return;
      cy.nodes().style({"font-size": 13 / z, "text-margin-y": 3 / z, "text-background-padding": 2 / z});
      cy.nodes(".focus").style("font-size", 15 / z);
      cy.edges().style("font-size", 11 / z);
    }

    /** Labels that would overlap a better-ranked one at this zoom are moved to hover. */
    function declutter(ranked) {
      const boxes = [];
      for (const d of ranked) {
        const n = cy.getElementById(d.id);
        if (!n.data("shown")) continue;
        const b = n.renderedBoundingBox({includeNodes: false, includeLabels: true, includeEdges: false});
        if (boxes.some(o => b.x1 < o.x2 && b.x2 > o.x1 && b.y1 < o.y2 && b.y2 > o.y1)) n.data("shown", "");
        else boxes.push(b);
      }
    }

    function report(nodes, edges) {
      const shown = cy.nodes().filter(n => n.data("shown"));
      const boxes = shown.map(n => n.renderedBoundingBox({includeNodes: false, includeLabels: true, includeEdges: false}));
      let overlaps = 0;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1) overlaps++;
      }
      container.dataset.nodeCount = nodes.length;
      container.dataset.edgeCount = edges.length;
      window.pkgNetwork = {mode, focus, nodes: nodes.length, edges: edges.length, labelled: shown.length, overlaps,
        labels: nodes.map(n => n.data.label), ids: nodes.map(n => n.data.id),
        types: [...new Set(nodes.map(n => n.data.type))],
        deals: edges.filter(e => e.data.relation === "deal").length,
        dealLabels: edges.filter(e => e.data.relation === "deal").map(e => e.data.label),
        expandable: nodes.filter(n => n.data.hidden > 0 && n.data.id !== focus).map(n => n.data.id)};
      if (mode === "focus") focusLegend(nodes);
    }

    function short(s) { return s.length > 28 ? s.slice(0, 27) + "…" : s; }

    function describe(iri) {
      const x = elements.get(iri);
      if (!x) return;
      const d = x.data;
      fill(details,
        h("h3", {}, PKG.badgeEl(d.type), " ", d.label),
        h("dl", {class: "facts-meta"},
          h("dt", {}, "links"), h("dd", {}, String(d.degree ?? "—")),
          d.hidden ? [h("dt", {}, "not shown"), h("dd", {}, `${d.hidden} (click the node to expand)`)] : null,
          d.deals ? [h("dt", {}, "deals"), h("dd", {}, String(d.deals))] : null,
          d.phase ? [h("dt", {}, "highest phase"), h("dd", {}, d.phase)] : null),
        h("p", {}, h("a", {href: PKG.entityHref(iri)}, "Open its page"),
          iri !== focus ? [" · ", h("a", {href: "?focus=" + encodeURIComponent(iri) + "&depth=" + depthSel.value,
            onclick: ev => { ev.preventDefault(); openFocus(iri, d.label); }}, "Focus on it")] : null,
          ["Target", "Indication", "Company"].includes(d.type)
            ? [" · ", h("a", {href: "landscape.html?" + d.type.toLowerCase() + "=" + encodeURIComponent(iri)},
                d.type === "Company" ? "Pipeline chart" : "Competitive landscape")] : null,
          d.type === "Company" && cfg.view !== "partners"
            ? [" · ", h("a", {href: "partners.html?focus=" + encodeURIComponent(iri)}, "Partners")] : null));
    }

    function describeEdge(d) {
      fill(details, h("h3", {}, d.relation === "deal" ? "Deal" : d.relation),
        h("p", {}, d.label || d.short || ""),
        d.relation === "deal" ? h("p", {}, h("a", {href: "deals.html?entity=" + encodeURIComponent(d.target)}, "The deal's terms and sentences")) : null,
        d.since ? h("p", {class: "muted"}, "first stated in a release of " + d.since) : null);
    }

    function focusLegend(nodes) {
      const types = [...new Set(nodes.map(n => n.data.type))].filter(Boolean);
      fill($("legend"),
        h("h3", {}, "Legend"),
        ["Company", "Compound", "Target", "Indication", "ClinicalTrial"].filter(t => types.includes(t))
          .map(t => h("div", {class: "item"}, h("span", {class: "dot " + t}), PKG.TYPE_NAMES[t] || t)),
        h("p", {class: "muted"}, "Colour: the kind of thing. Size: how many links it has in the whole graph. ",
          "A grey double ring: it has links not shown; click it to expand. Bold ring: the focus."),
        cfg.view === "partners" ? [
          h("div", {class: "item"}, h("span", {class: "line"}), "partner of (hover a line: since when)"),
          h("div", {class: "item"}, h("span", {class: "line dashed"}), "subsidiary of (→ owner)"),
          h("div", {class: "item"}, h("span", {class: "line deal"}), "deal (→ licensee or acquirer), kind and year")] : [
          h("div", {class: "item"}, h("span", {class: "line"}), "develops → compound → target / indication")],
        h("p", {class: "muted"}, "Labels: the focus and the best-connected nodes; hover any node for its name."));
    }

    function overviewLegend(net) {
      fill($("legend"),
        h("h3", {}, "Communities"),
        h("p", {class: "muted"}, "Colour: the community (computed on the server over the whole graph; the largest are " +
          "listed, the others reuse their colours); size: links. Labels on the best-connected; hover for the others."),
        net.communities.map(c => h("div", {class: "item"}, h("span", {class: "dot c" + (c.id % COMMUNITY.length)}),
          h("span", {}, `${c.size.toLocaleString()}: ${c.top.join(", ")}`))));
    }

    if (fromIn && PKG.param("from")) fromIn.value = PKG.param("from");
    if (toIn && PKG.param("to")) toIn.value = PKG.param("to");
    const start = PKG.param("focus");
    if (PKG.param("depth")) depthSel.value = PKG.param("depth") === "2" ? "2" : "1";
    if (start) openFocus(start, null); else openOverview();
    return {openFocus, openOverview, expand};
  }

  return {mount, COMMUNITY};
})();
