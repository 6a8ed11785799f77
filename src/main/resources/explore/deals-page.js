"use strict";
// The deals table: filters and sorting live in the URL (bookmarkable); the server sorts, filters and pages.
const $ = id => document.getElementById(id);
const F = {kind: $("f-kind"), from: $("f-from"), to: $("f-to"), min: $("f-min"), cur: $("f-cur")};
const PAGE = 25;
const SORT_NAMES = {date: "date", upfront: "upfront", total: "total value"};
let state = fromUrl(), filled = false, ticket = 0;

function fromUrl() {
  const p = new URLSearchParams(location.search);
  const sort = ["date", "upfront", "total"].includes(p.get("sort")) ? p.get("sort") : "date";
  return {kind: p.get("kind") || "", from: p.get("from") || "", to: p.get("to") || "", min: p.get("min") || "",
          cur: p.get("cur") || "USD", sort, dir: p.get("dir") === "asc" ? "asc" : "desc",
          page: Math.max(1, parseInt(p.get("page"), 10) || 1), entity: p.get("entity") || ""};
}

function toUrl() {
  const p = new URLSearchParams();
  if (state.kind) p.set("kind", state.kind);
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  if (state.min) { p.set("min", state.min); p.set("cur", state.cur); }
  if (state.sort !== "date") p.set("sort", state.sort);
  if (state.dir !== "desc") p.set("dir", state.dir);
  if (state.page > 1) p.set("page", state.page);
  if (state.entity) p.set("entity", state.entity);
  const qs = p.toString();
  history.replaceState(null, "", qs ? "?" + qs : location.pathname);
}

function fill(years, currencies) {
  for (const sel of [F.from, F.to]) {
    sel.replaceChildren(DEALS.el("option", {value: ""}, "any year"), ...years.map(y => DEALS.el("option", {}, String(y))));
  }
  const curs = [...new Set(["USD", ...currencies, state.cur])];
  F.cur.replaceChildren(...curs.map(c => DEALS.el("option", {}, c)));
  filled = true;
}

function showControls() {
  F.kind.value = state.kind; F.from.value = state.from; F.to.value = state.to; F.min.value = state.min; F.cur.value = state.cur;
  document.querySelectorAll("#deals th.sortable").forEach(th => {
    th.classList.toggle("asc", th.dataset.key === state.sort && state.dir === "asc");
    th.classList.toggle("desc", th.dataset.key === state.sort && state.dir === "desc");
    th.setAttribute("aria-sort", th.dataset.key === state.sort ? (state.dir === "asc" ? "ascending" : "descending") : "none");
  });
}

async function load() {
  const mine = ++ticket;
  toUrl();
  const params = {sort: state.sort, dir: state.dir, offset: (state.page - 1) * PAGE, limit: PAGE};
  if (state.kind) params.kind = state.kind;
  if (state.entity) params.entity = state.entity;
  if (state.from) params.from = state.from;
  if (state.to) params.to = state.to;
  const min = parseFloat(state.min);
  if (min > 0) { params.minUpfront = Math.round(min * 1e6); params.currency = state.cur; }
  const body = document.querySelector("#deals tbody");
  try {
    const r = await PKG.api("deals", params);
    if (mine !== ticket) return;
    if (!filled) fill(r.years, r.currencies);
    showControls();
    body.replaceChildren(...r.deals.map(d => DEALS.row(d)));
    if (!r.deals.length) {
      body.replaceChildren(DEALS.el("tr", {}, DEALS.el("td", {colspan: 11, class: "muted"},
        r.total ? "No deals on this page." : "No deal matches these filters.")));
    }
    const first = r.total ? r.offset + 1 : 0, last = r.offset + r.deals.length;
    const order = `${SORT_NAMES[state.sort]}, ${state.dir === "desc" ? (state.sort === "date" ? "newest" : "largest") : (state.sort === "date" ? "oldest" : "smallest")} first`;
    $("summary").replaceChildren(`${r.total} ${r.total === 1 ? "deal" : "deals"}` +
      (r.entityLabel ? ` of ${r.entityLabel}` : "") + ` · sorted by ${order}` +
      (r.more || r.offset > 0 ? ` · showing ${first}–${last}, ${PAGE} a page` : ""));
    if (state.entity) {
      $("summary").append(" · ", DEALS.el("a", {href: "#", id: "all-deals"}, "all deals"));
      $("all-deals").addEventListener("click", ev => { ev.preventDefault(); state = {...state, entity: "", page: 1}; filled = false; load(); });
    }
    $("page").textContent = r.more || r.offset > 0 ? `page ${state.page} of ${Math.max(1, Math.ceil(r.total / PAGE))}` : "";
    $("prev").disabled = r.offset === 0;
    $("next").disabled = !r.more;
    document.querySelector(".pager").hidden = !(r.more || r.offset > 0);
    window.pkgDeals = {rows: r.deals.length, total: r.total, more: r.more, sort: state.sort, dir: state.dir,
      kinds: r.deals.map(d => d.kind ? d.kind.value : null),
      upfronts: r.deals.map(d => d.upfront ? Number(d.upfront.amount) : null)};
    PKG.ready();
  } catch (e) {
    if (mine === ticket) PKG.showError(body.closest(".table-wrap"), e);
  }
}

function change() {
  state = {...state, kind: F.kind.value, from: F.from.value, to: F.to.value, min: F.min.value, cur: F.cur.value, page: 1};
  load();
}

Object.values(F).forEach(c => c.addEventListener("change", change));
$("filters").addEventListener("submit", ev => { ev.preventDefault(); change(); });
$("reset").addEventListener("click", () => { state = {...fromUrl(), kind: "", from: "", to: "", min: "", cur: "USD", sort: "date", dir: "desc", page: 1}; load(); });
document.querySelectorAll("#deals th.sortable").forEach(th => th.addEventListener("click", () => {
  state = {...state, dir: state.sort === th.dataset.key && state.dir === "desc" ? "asc" : "desc", sort: th.dataset.key, page: 1};
  load();
}));
$("prev").addEventListener("click", () => { state = {...state, page: Math.max(1, state.page - 1)}; load(); });
$("next").addEventListener("click", () => { state = {...state, page: state.page + 1}; load(); });
load();
