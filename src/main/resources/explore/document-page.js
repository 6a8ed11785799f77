"use strict";
// A press release: headline, date, issuer, sources and its text, the evidence span highlighted. The text is
// untrusted input: it is placed as text nodes (PKG.h), never parsed as markup.
async function show() {
  const {h} = PKG;
  const main = document.getElementById("document");
  const iri = PKG.param("iri");
  if (!iri) { PKG.fill(main, h("p", {}, "No press release given.")); PKG.ready(); return; }
  try {
    const d = await PKG.api("document", {iri});
    document.title = (d.headline || "Press release") + " · pharmakg explorer";
    const text = d.text || "";
    const start = parseInt(PKG.param("start"), 10), end = parseInt(PKG.param("end"), 10);
    const span = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
    // offsets count UTF-16 code units into kg:text, as JavaScript strings do
    const body = span ? [text.slice(0, start), h("mark", {id: "evidence"}, text.slice(start, end)), text.slice(end)] : [text];
    PKG.fill(main,
      h("h1", {}, d.headline || "(no headline)"),
      h("dl", {class: "facts-meta"},
        h("dt", {}, "Released"), h("dd", {}, d.date || "unknown"),
        d.issuer ? [h("dt", {}, "Issuer"), h("dd", {}, PKG.linkEl(d.issuer.iri, d.issuer.label))] : null,
        h("dt", {}, "Source file"), h("dd", {class: "mono"}, d.source || "—"),
        (d.sources || []).length ? [h("dt", {}, "Sources"), h("dd", {}, h("ul", {class: "sources"}, d.sources.map(s => /^https?:\/\//i.test(s)
          ? h("li", {}, h("a", {href: s, rel: "noopener noreferrer"}, s)) : h("li", {class: "mono"}, s))))] : null,
        span ? [h("dt", {}, "Evidence"), h("dd", {}, `characters ${start}–${end}, `, h("a", {href: "#evidence"}, "highlighted below"))] : null),
      h("div", {class: "doc"}, body));
    const mark = document.getElementById("evidence");
    if (mark) mark.scrollIntoView({block: "center"});
    PKG.ready();
  } catch (err) { PKG.showError(main, err); }
}
show();
