"use strict";
async function show() {
  const main = document.getElementById("document");
  const iri = PKG.param("iri");
  if (!iri) { main.innerHTML = "<p>No press release given.</p>"; return; }
  try {
    const d = await PKG.api("document", {iri});
    document.title = (d.headline || "Press release") + " · pharmakg explorer";
    const text = d.text || "";
    const start = parseInt(PKG.param("start"), 10), end = parseInt(PKG.param("end"), 10);
    const span = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length;
    // offsets count UTF-16 code units into kg:text, as JavaScript strings do
    const body = span
      ? PKG.esc(text.slice(0, start)) + `<mark id="evidence">${PKG.esc(text.slice(start, end))}</mark>` + PKG.esc(text.slice(end))
      : PKG.esc(text);
    main.innerHTML = `
      <h1>${PKG.esc(d.headline || "(no headline)")}</h1>
      <dl class="facts-meta">
        <dt>Released</dt><dd>${PKG.esc(d.date || "unknown")}</dd>
        ${d.issuer ? `<dt>Issuer</dt><dd>${PKG.entityLink(d.issuer.iri, d.issuer.label)}</dd>` : ""}
        <dt>Source file</dt><dd class="mono">${PKG.esc(d.source || "—")}</dd>
        ${(d.sources || []).length ? `<dt>Sources</dt><dd><ul class="sources">${d.sources.map(s => /^https?:\/\//i.test(s)
          ? `<li><a href="${PKG.esc(s)}" rel="noopener noreferrer">${PKG.esc(s)}</a></li>`
          : `<li class="mono">${PKG.esc(s)}</li>`).join("")}</ul></dd>` : ""}
        ${span ? `<dt>Evidence</dt><dd>characters ${start}–${end}, <a href="#evidence">highlighted below</a></dd>` : ""}
      </dl>
      <div class="doc">${body}</div>`;
    const mark = document.getElementById("evidence");
    if (mark) mark.scrollIntoView({block: "center"});
  } catch (err) { PKG.showError(main, err); }
}
show();
