"use strict";
const container = document.getElementById("graph");
const hide = document.getElementById("hide-isolated");
const TYPES = ["Company", "Compound", "Target", "Indication"];
let network = null, cy = null;

document.getElementById("legend").innerHTML = TYPES.map(t =>
  `<div class="item"><span class="dot" style="background:${PKG.TYPE_COLOURS[t]}"></span> ${t.toLowerCase()}</div>`).join("") +
  `<p class="muted">Company → compound → target / indication. A compound shows its highest phase reached.
   Click a node to open its page.</p>`;

function draw() {
  let nodes = network.elements.nodes, edges = network.elements.edges;
  if (hide.checked) {
    const linked = new Set(edges.flatMap(e => [e.data.source, e.data.target]));
    nodes = nodes.filter(n => linked.has(n.data.id));
  }
  window.pkgCompoundNetwork = {nodes: nodes.length, edges: edges.length};
  container.dataset.nodeCount = nodes.length;
  container.dataset.edgeCount = edges.length;
  const count = t => nodes.filter(n => n.data.type === t).length;
  document.getElementById("summary").textContent =
    `${count("Company")} companies, ${count("Compound")} compounds, ${count("Target")} targets, ${count("Indication")} indications`;
  const pos = columns(nodes, edges);
  const elements = [...nodes.map(n => ({data: {...n.data,
      display: n.data.phase ? `${n.data.label} · ${n.data.phase}` : n.data.label}, position: pos[n.data.id]})), ...edges];
  if (cy) cy.destroy();
  cy = cytoscape({
    container, elements, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3,
    style: [
      {selector: "node", style: {
        "label": "data(display)", "font-size": 12, "color": "#1f2328", "width": 16, "height": 16,
        "text-valign": "center", "text-halign": "right", "text-margin-x": 6,
        "text-background-color": "#fff", "text-background-opacity": 0.9, "text-background-padding": 1}},
      ...TYPES.map(t => ({selector: `node[type = '${t}']`, style: {"background-color": PKG.TYPE_COLOURS[t]}})),
      {selector: "node[type = 'Company']", style: {"shape": "round-rectangle", "font-weight": "bold",
        "text-halign": "left", "text-margin-x": -6}},
      {selector: "node[type = 'Target']", style: {"shape": "diamond"}},
      {selector: "node[type = 'Indication']", style: {"shape": "round-triangle"}},
      {selector: "node[phase]", style: {"font-weight": "bold"}},
      {selector: "edge", style: {"width": 1.2, "line-color": "#c4cbd3", "curve-style": "straight",
        "target-arrow-shape": "triangle", "target-arrow-color": "#c4cbd3", "arrow-scale": 0.7}}],
    layout: {name: "preset", fit: true, padding: 24}
  });
  cy.on("tap", "node", ev => { location.href = PKG.entityHref(ev.target.id()); });
}

// Three columns, companies | compounds | targets and indications, each ordered by the mean
// position of its neighbours in the column before (fewer crossings); labels never overlap rows.
function columns(nodes, edges) {
  const col = n => n.data.type === "Company" ? 0 : n.data.type === "Compound" ? 1 : 2;
  const byCol = [[], [], []];
  nodes.forEach(n => byCol[col(n)].push(n.data.id));
  const type = Object.fromEntries(nodes.map(n => [n.data.id, n.data.type]));
  byCol[2].sort((a, b) => (type[a] === type[b] ? 0 : type[a] === "Target" ? -1 : 1));
  const index = {};
  const reindex = c => byCol[c].forEach((id, i) => { index[id] = i; });
  reindex(0);
  const neighbours = id => edges.flatMap(e => e.data.source === id ? [e.data.target] : e.data.target === id ? [e.data.source] : []);
  const mean = (id, c) => {
    const ns = neighbours(id).filter(x => byCol[c].includes(x)).map(x => index[x]);
    return ns.length ? ns.reduce((a, b) => a + b, 0) / ns.length : Infinity;
  };
  byCol[1].sort((a, b) => mean(a, 0) - mean(b, 0));
  reindex(1);
  byCol[2].sort((a, b) => (type[a] === type[b] ? mean(a, 1) - mean(b, 1) : type[a] === "Target" ? -1 : 1));
  const gap = 32, rows = Math.max(...byCol.map(c => c.length));
  const pos = {};
  byCol.forEach((ids, c) => {
    const offset = (rows - ids.length) * gap / 2;
    ids.forEach((id, i) => { pos[id] = {x: [0, 260, 620][c], y: offset + i * gap}; });
  });
  return pos;
}

hide.addEventListener("change", draw);
PKG.api("compound-network").then(n => { network = n; draw(); }).catch(e => PKG.showError(container, e));
