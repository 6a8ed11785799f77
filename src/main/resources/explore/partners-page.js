"use strict";
const fromSel = document.getElementById("from"), toSel = document.getElementById("to");
const container = document.getElementById("graph");
const showDeals = document.getElementById("show-deals");
let cy = null;

async function load() {
  const params = {};
  if (fromSel.value) params.from = fromSel.value;
  if (toSel.value) params.to = toSel.value;
  if (!showDeals.checked) params.deals = "false";
  try {
    const net = await PKG.api("partner-network", params);
    if (!fromSel.options.length) {
      for (const sel of [fromSel, toSel]) {
        sel.innerHTML = `<option value="">any year</option>` + net.years.map(y => `<option>${y}</option>`).join("");
      }
    }
    draw(net.elements);
  } catch (e) { PKG.showError(container, e); }
}

function draw(elements) {
  const nodes = elements.nodes, edges = elements.edges;
  // the page's data, for people and tests alike
  const deals = edges.filter(e => e.data.relation === "deal");
  window.pkgPartnerNetwork = {nodes: nodes.length, edges: edges.length, labels: nodes.map(n => n.data.label),
    deals: deals.length, dealLabels: deals.map(e => e.data.label)};
  container.dataset.nodeCount = nodes.length;
  container.dataset.edgeCount = edges.length;
  document.getElementById("summary").textContent =
    `${nodes.length} companies, ${edges.filter(e => e.data.relation === "partnerOf").length} partnerships, ` +
    `${edges.filter(e => e.data.relation === "subsidiaryOf").length} ownership links, ${deals.length} deals`;
  if (cy) cy.destroy();
  const max = Math.max(1, ...nodes.map(n => n.data.compounds || 0));
  cy = cytoscape({
    container, elements: [...nodes, ...edges], minZoom: 0.3, maxZoom: 3, wheelSensitivity: 0.3,
    style: [
      {selector: "node", style: {
        "background-color": PKG.TYPE_COLOURS.Company, "label": "data(label)", "font-size": 12, "color": "#1f2328",
        "text-valign": "bottom", "text-margin-y": 4, "text-background-color": "#fff", "text-background-opacity": 0.8,
        "text-background-padding": 2,
        "width": n => 18 + 34 * Math.sqrt((n.data("compounds") || 0) / max),
        "height": n => 18 + 34 * Math.sqrt((n.data("compounds") || 0) / max)}},
      {selector: "edge", style: {"width": 2, "line-color": "#8c959f", "curve-style": "bezier"}},
      {selector: "edge[relation = 'subsidiaryOf']", style: {
        "line-style": "dashed", "target-arrow-shape": "triangle", "target-arrow-color": "#8c959f"}},
      {selector: "edge[relation = 'deal']", style: {
        "line-color": "#d9822b", "width": 1.5, "target-arrow-shape": "triangle", "target-arrow-color": "#d9822b",
        "arrow-scale": 0.8, "label": "data(label)", "font-size": 10, "color": "#7a4a12", "text-rotation": "autorotate",
        "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 1}},
      {selector: "node:selected", style: {"border-width": 3, "border-color": "#1f2328"}}],
    layout: {name: "cose", animate: false, padding: 30, nodeDimensionsIncludeLabels: true, randomize: true,
             nodeRepulsion: () => 400000, idealEdgeLength: () => 110, nodeOverlap: 20, componentSpacing: 80,
             gravity: 60, numIter: 2000}
  });
  cy.on("tap", "node", ev => { location.href = PKG.entityHref(ev.target.id()); });
  // a deal opens the deals page of its licensee (or first party), where every term links to its sentence
  cy.on("tap", "edge[relation = 'deal']", ev => {
    location.href = "deals.html?entity=" + encodeURIComponent(ev.target.data("target"));
  });
}

fromSel.addEventListener("change", load);
toSel.addEventListener("change", load);
showDeals.addEventListener("change", load);
load();
