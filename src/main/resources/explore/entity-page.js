"use strict";
// An entity's page: names, identifiers, facts with their evidence, deals and the releases mentioning it. Every
// name and sentence is text (PKG.h), never markup: releases are untrusted input.
const {h} = PKG;
// How each relation reads from the entity's side: [facts going out, facts coming in].
const RELATION_NAMES = {
  partnerOf: ["Partners", "Partners"], subsidiaryOf: ["Subsidiary of", "Subsidiaries"],
  develops: ["Develops", "Developed by"], evaluates: ["Evaluates", "Evaluated in"],
  targets: ["Targets", "Targeted by"], indication: ["Indications", "Indication of"],
  phase: ["Phases reached", "Reached by"], plannedPhase: ["Phases planned", "Planned by"]};

function evidenceItem(e) {
  const meta = [];
  if (e.date) meta.push(h("span", {}, e.date));
  if (e.document) meta.push(h("a", {href: PKG.documentHref(e.document, e.start, e.end)}, e.headline || "source release"));
  if (e.status) meta.push(h("span", {}, e.status.toLowerCase()));
  if (e.extractor) meta.push(h("span", {class: "mono"}, e.extractor));
  if (e.confidence != null) meta.push(h("span", {}, `confidence ${Number(e.confidence).toFixed(2)}`));
  return h("li", {}, h("blockquote", {}, e.sentence || "(no sentence)"), h("div", {class: "meta"}, meta));
}

function factGroups(groups, side) {
  return groups.map(g => h("section", {class: "relation", dataset: {relation: g.relation}},
    h("h3", {}, (RELATION_NAMES[g.relation] || [g.relation, g.relation])[side], " ", h("span", {class: "muted"}, `(${g.facts.length})`)),
    g.facts.map(f => h("div", {class: "fact"}, h("div", {class: "what"}, PKG.badgeEl(f.type), " ", PKG.linkEl(f.iri, f.label)),
      f.evidence.length ? h("ol", {class: "evidence"}, f.evidence.map(evidenceItem)) : h("p", {class: "muted"}, "No evidence recorded.")))));
}

async function show() {
  const main = document.getElementById("entity");
  const iri = PKG.param("iri");
  if (!iri) { PKG.fill(main, h("p", {}, "No entity given. ", h("a", {href: "index.html"}, "Search"), " for one.")); PKG.ready(); return; }
  try {
    const e = await PKG.api("entity", {iri});
    document.title = e.label + " · pharmakg explorer";
    const ids = e.identifiers.map(i => h("span", {class: "chip"}, i.scheme + ": ",
      i.url && /^https?:\/\//i.test(i.url) ? h("a", {href: i.url, rel: "noreferrer"}, i.value) : i.value));
    const nFacts = [...e.out, ...e.in].reduce((n, g) => n + g.facts.length, 0);
    const views = [];
    if (e.type === "Company") views.push(h("a", {href: "partners.html?focus=" + encodeURIComponent(iri)}, "partner network"),
      h("a", {href: "landscape.html?company=" + encodeURIComponent(iri)}, "pipeline chart"));
    if (e.type === "Target" || e.type === "Indication") views.push(
      h("a", {href: "landscape.html?" + e.type.toLowerCase() + "=" + encodeURIComponent(iri)}, "competitive landscape"));
    if (["Company", "Compound", "Target", "Indication"].includes(e.type)) views.push(
      h("a", {href: "compounds.html?focus=" + encodeURIComponent(iri)}, "compound network"));
    PKG.fill(main,
      h("h1", {}, e.label, " ", PKG.badgeEl(e.type)),
      h("dl", {class: "facts-meta"},
        h("dt", {}, "Also known as"), h("dd", {}, e.aliases.length ? e.aliases.map(a => h("span", {class: "chip"}, a)) : h("span", {class: "muted"}, "—")),
        h("dt", {}, "Identifiers"), h("dd", {}, ids.length ? ids : h("span", {class: "muted"}, "none known")),
        h("dt", {}, "IRI"), h("dd", {class: "mono"}, e.iri),
        views.length ? [h("dt", {}, "Views"), h("dd", {}, views.flatMap((v, i) => [i ? " · " : null, v]))] : null),
      h("h2", {}, "Facts ", h("span", {class: "muted"}, `(${nFacts})`)),
      e.truncated ? h("p", {class: "muted"}, `Cut: at most ${e.limits.facts} facts, ${e.limits.evidence} evidence sentences and ` +
        `${e.limits.documents} releases are shown; the network and pipeline views show the rest.`) : null,
      h("div", {id: "facts"}, nFacts ? [factGroups(e.out, 0), factGroups(e.in, 1)] : h("p", {class: "muted"}, "No facts about this entity yet.")),
      h("h2", {}, "Mentioned in"),
      e.documents.length ? h("ul", {}, e.documents.map(d => h("li", {}, (d.date || "") + " · ",
        h("a", {href: PKG.documentHref(d.iri)}, d.headline || d.iri)))) : h("p", {class: "muted"}, "No release mentions it."));
    PKG.ready();
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
