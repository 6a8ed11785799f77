"use strict";
const form = document.getElementById("search-form");
const input = document.getElementById("q");
const list = document.getElementById("results");
const summary = document.getElementById("summary");
let timer = null, latest = 0;

async function run(q) {
  const ticket = ++latest;
  if (!q.trim()) { list.innerHTML = ""; summary.textContent = ""; return; }
  try {
    const r = await PKG.api("search", {q});
    if (ticket !== latest) return;
    summary.textContent = r.results.length === 0 ? `Nothing matches “${q}”.`
      : `${r.results.length} ${r.results.length === 1 ? "entity matches" : "entities match"} “${q}”.`;
    list.innerHTML = r.results.map(h =>
      `<li>${PKG.badge(h.type)} ${PKG.entityLink(h.iri, h.label)}` +
      (h.matched !== h.label ? ` <span class="why">also known as “${PKG.esc(h.matched)}”</span>` : "") +
      `</li>`).join("");
  } catch (e) { PKG.showError(list, e); }
}

form.addEventListener("submit", ev => {
  ev.preventDefault();
  history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
  run(input.value);
});
input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 200); });
const initial = PKG.param("q");
if (initial) { input.value = initial; run(initial); }
