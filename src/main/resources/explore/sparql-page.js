"use strict";
const $ = id => document.getElementById(id);
let last = null;   // {vars, rows} of the last result, for CSV

function cell(term) {
  if (!term) return "";
  const v = term.value;
  if (term.type !== "uri") return v;
  return v.startsWith("https://w3id.org/pharmakg/id/document/") ? PKG.h("a", {href: PKG.documentHref(v)}, v)
    : v.startsWith("https://w3id.org/pharmakg/id/") ? PKG.h("a", {href: PKG.entityHref(v)}, v) : v;
}

function csvField(s) { return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }

async function run() {
  const out = $("results");
  $("run").disabled = true;
  $("count").textContent = "Running…";
  try {
    const r = await fetch("/kg/sparql", {method: "POST",
      headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
      body: new URLSearchParams({query: $("query").value})});
    const text = await r.text();
    if (!r.ok) throw new Error(text.trim() || r.statusText);
    const res = JSON.parse(text);
    if (res.boolean !== undefined) {
      last = {vars: ["result"], rows: [{result: {type: "literal", value: String(res.boolean)}}]};
    } else {
      last = {vars: res.head.vars, rows: res.results.bindings};
    }
    $("count").textContent = `${last.rows.length} ${last.rows.length === 1 ? "row" : "rows"}`;
    PKG.fill(out, PKG.h("div", {class: "table-wrap"}, PKG.h("table", {class: "data", id: "result-table"},
      PKG.h("thead", {}, PKG.h("tr", {}, last.vars.map(v => PKG.h("th", {}, v)))),
      PKG.h("tbody", {}, last.rows.map(b => PKG.h("tr", {}, last.vars.map(v => PKG.h("td", {}, cell(b[v])))))))));
    $("csv").disabled = false;
    window.pkgSparql = {rows: last.rows.length, vars: last.vars};
  } catch (e) {
    last = null;
    $("csv").disabled = true;
    $("count").textContent = "";
    PKG.showError(out, e);
  } finally {
    $("run").disabled = false;
  }
}

function downloadCsv() {
  if (!last) return;
  const lines = [last.vars.map(csvField).join(",")].concat(
    last.rows.map(b => last.vars.map(v => csvField(b[v] ? b[v].value : "")).join(",")));
  const blob = new Blob([lines.join("\r\n") + "\r\n"], {type: "text/csv"});
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = (document.querySelector("#queries li.active")?.dataset.name || "query") + ".csv";
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 0);
}

function choose(q, li) {
  document.querySelectorAll("#queries li").forEach(x => x.classList.toggle("active", x === li));
  $("query").value = q.text;
  const params = Object.entries(q.params || {});
  PKG.fill($("description"), PKG.h("b", {}, q.name), ": " + q.description,
    params.length ? [PKG.h("br"), PKG.h("span", {}, "Parameters (unbound here, so the query answers for all): ",
      params.flatMap(([k, v], i) => [i ? "; " : null, PKG.h("code", {}, "?" + k), " " + v]))] : null);
}

PKG.api("queries").then(qs => {
  const ul = $("queries");
  PKG.fill(ul, qs.map(q => PKG.h("li", {dataset: {name: q.name}}, PKG.h("b", {}, q.name), PKG.h("span", {}, q.description))));
  [...ul.children].forEach((li, i) => li.addEventListener("click", () => choose(qs[i], li)));
  const wanted = PKG.param("query");
  const i = Math.max(0, qs.findIndex(q => q.name === wanted));
  if (qs.length) choose(qs[i], ul.children[i]);
  PKG.ready();
}).catch(e => PKG.showError($("queries"), e));

$("run").addEventListener("click", run);
$("csv").addEventListener("click", downloadCsv);
$("query").addEventListener("keydown", e => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
