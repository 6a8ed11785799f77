"use strict";
// Search: any name or alias; results as text (PKG.h), never markup.
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const list = document.getElementById("results");
const summary = document.getElementById("summary");
let timer = null, latest = 0;

async function run(q) {
  const ticket = ++latest;
  if (!q.trim()) { PKG.fill(list); summary.textContent = ""; PKG.ready(); return; }
  try {
    const r = await PKG.api("search", {q});
    if (ticket !== latest) return;
    summary.textContent = r.results.length === 0 ? `Nothing matches “${q}”.`
      : `${r.truncated ? "The best " : ""}${r.results.length} ${r.results.length === 1 ? "entity matches" : "entities match"} “${q}”` +
        (r.truncated ? "; type more to narrow it." : ".");
    PKG.fill(list, r.results.map(hit => PKG.h("li", {}, PKG.badgeEl(hit.type), " ", PKG.linkEl(hit.iri, hit.label),
      hit.matched !== hit.label ? [" ", PKG.h("span", {class: "why"}, `also known as “${hit.matched}”`)] : null)));
    PKG.ready();
  } catch (e) { PKG.showError(list, e); }
}

form.addEventListener("submit", ev => {
  ev.preventDefault();
  history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  run(input.value);
});
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 200); });
const initial = PKG.param("q");
if (initial) { input.value = initial; run(initial); } else PKG.ready();
