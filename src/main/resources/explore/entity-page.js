"use strict";
// How each relation reads from the entity's side: [facts going out, facts coming in].
const RELATION_NAMES = {
  partnerOf: ["Partners", "Partners"], subsidiaryOf: ["Subsidiary of", "Subsidiaries"],
  develops: ["Develops", "Developed by"], evaluates: ["Evaluates", "Evaluated in"],
  targets: ["Targets", "Targeted by"], indication: ["Indications", "Indication of"],
  phase: ["Phases reached", "Reached by"], plannedPhase: ["Phases planned", "Planned by"]};

function evidenceItem(e) {
  const meta = [];
  if (e.date) meta.push(`<span>${PKG.esc(e.date)}</span>`);
  if (e.document) meta.push(`<a href="${PKG.documentHref(e.document, e.start, e.end)}">${PKG.esc(e.headline || "source release")}</a>`);
  if (e.status) meta.push(`<span>${PKG.esc(e.status.toLowerCase())}</span>`);
  if (e.extractor) meta.push(`<span class="mono">${PKG.esc(e.extractor)}</span>`);
  if (e.confidence != null) meta.push(`<span>confidence ${Number(e.confidence).toFixed(2)}</span>`);
  return `<li><blockquote>${PKG.esc(e.sentence || "(no sentence)")}</blockquote><div class="meta">${meta.join("")}</div></li>`;
}

function factGroups(groups, side) {
  return groups.map(g => {
    const title = (RELATION_NAMES[g.relation] || [g.relation, g.relation])[side];
    return `<section class="relation" data-relation="${PKG.esc(g.relation)}">
      <h3>${PKG.esc(title)} <span class="muted">(${g.facts.length})</span></h3>` +
      g.facts.map(f => `<div class="fact"><div class="what">${PKG.badge(f.type)} ${PKG.entityLink(f.iri, f.label)}</div>` +
        (f.evidence.length
          ? `<ol class="evidence">${f.evidence.map(evidenceItem).join("")}</ol>`
          : `<p class="muted">No evidence recorded.</p>`) + `</div>`).join("") +
      `</section>`;
  }).join("");
}

async function show() {
  const main = document.getElementById("entity");
  const iri = PKG.param("iri");
  if (!iri) { main.innerHTML = `<p>No entity given. <a href="index.html">Search</a> for one.</p>`; return; }
  try {
    const e = await PKG.api("entity", {iri});
    document.title = e.label + " · pharmakg explorer";
    const ids = e.identifiers.map(i => `<span class="chip">${PKG.esc(i.scheme)}: ` +
      (i.url ? `<a href="${PKG.esc(i.url)}" rel="noreferrer">${PKG.esc(i.value)}</a>` : PKG.esc(i.value)) + `</span>`).join("");
    const docs = e.documents.map(d => `<li>${PKG.esc(d.date || "")} · <a href="${PKG.documentHref(d.iri)}">${PKG.esc(d.headline || d.iri)}</a></li>`).join("");
    const nFacts = [...e.out, ...e.in].reduce((n, g) => n + g.facts.length, 0);
    main.innerHTML = `
      <h1>${PKG.esc(e.label)} ${PKG.badge(e.type)}</h1>
      <dl class="facts-meta">
        <dt>Also known as</dt><dd>${e.aliases.length ? e.aliases.map(a => `<span class="chip">${PKG.esc(a)}</span>`).join("") : '<span class="muted">—</span>'}</dd>
        <dt>Identifiers</dt><dd>${ids || '<span class="muted">none known</span>'}</dd>
        <dt>IRI</dt><dd class="mono">${PKG.esc(e.iri)}</dd>
      </dl>
      <h2>Facts <span class="muted">(${nFacts})</span></h2>
      <div id="facts">${nFacts ? factGroups(e.out, 0) + factGroups(e.in, 1) : '<p class="muted">No facts about this entity yet.</p>'}</div>
      <h2>Mentioned in</h2>
      ${docs ? `<ul>${docs}</ul>` : '<p class="muted">No release mentions it.</p>'}`;
    if (e.type === "Company" || e.type === "Compound") await deals(main, e);
  } catch (err) { PKG.showError(main, err); }
}

/** The company's deals (as a party) or the compound's (as an asset covered), before "Mentioned in". */
async function deals(main, e) {
  const section = DEALS.el("section", {id: "deals"});
  main.insertBefore(section, [...main.querySelectorAll("h2")].pop());
  try {
    const r = await PKG.api("deals", {entity: e.iri, limit: 100});
    section.append(DEALS.el("h2", {}, "Deals ", DEALS.el("span", {class: "muted"}, `(${r.total})`)));
    if (!r.total) { section.append(DEALS.el("p", {class: "muted"}, "No deal recorded.")); return; }
    section.append(DEALS.table(r.deals, {compact: true}));
    const all = DEALS.el("a", {href: "deals.html?entity=" + encodeURIComponent(e.iri)}, "on the deals page");
    section.append(DEALS.el("p", {class: "muted"}, r.more ? `The ${r.deals.length} newest of ${r.total}; all of them ` : "Filter and sort them ", all, "."));
  } catch (err) { PKG.showError(section, err); }
}
show();
