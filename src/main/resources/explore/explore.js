// pharmakg explorer: helpers shared by every page (top bar, JSON API calls, escaping, links).
"use strict";

const PKG = (() => {
  const NAV = [
    ["index.html", "Search"], ["partners.html", "Partner network"], ["compounds.html", "Compound network"],
    ["pipeline.html", "Pipeline"], ["deals.html", "Deals"], ["sparql.html", "SPARQL"]];
  const TYPE_COLOURS = {
    Company: "#3b6fb6", Compound: "#d9822b", Target: "#2e9e6a", Indication: "#b5477a",
    ClinicalTrial: "#7a5cc4", TrialPhase: "#6b7785"};
  const TYPE_NAMES = {ClinicalTrial: "Trial", TrialPhase: "Phase"};

  function esc(s) {
    return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
  }

  /** Draws the top bar into <header class="top">, marking the current page. */
  function header() {
    const here = location.pathname.split("/").pop() || "index.html";
    const h = document.querySelector("header.top");
    if (!h) return;
    h.innerHTML = `<a class="brand" href="/">pharmakg <span>explorer</span></a><nav>` +
      NAV.map(([href, name]) => `<a href="${href}"${href === here ? ' class="active"' : ""}>${esc(name)}</a>`).join("") +
      `</nav>`;
  }

  /** GET /api/<path> with query parameters; rejects with the API's error message. */
  async function api(path, params) {
    const qs = params ? "?" + new URLSearchParams(params).toString() : "";
    const r = await fetch("../api/" + path + qs, {headers: {Accept: "application/json"}});
    const body = await r.json().catch(() => ({error: r.status + " " + r.statusText}));
    if (!r.ok) throw new Error(body.error || (r.status + " " + r.statusText));
    return body;
  }

  function param(name) { return new URLSearchParams(location.search).get(name); }

  function entityHref(iri) { return "entity.html?iri=" + encodeURIComponent(iri); }

  function entityLink(iri, label) { return `<a href="${entityHref(iri)}">${esc(label)}</a>`; }

  function badge(type) {
    return type ? `<span class="badge ${esc(type)}">${esc(TYPE_NAMES[type] || type)}</span>` : "";
  }

  function documentHref(doc, start, end) {
    let h = "document.html?iri=" + encodeURIComponent(doc);
    if (start != null && end != null) h += "&start=" + start + "&end=" + end;
    return h;
  }

  function showError(el, err) {
    el.innerHTML = `<p class="error">${esc(err.message || err)}</p>`;
  }

  document.addEventListener("DOMContentLoaded", header);
  return {esc, api, param, entityHref, entityLink, badge, documentHref, showError, TYPE_COLOURS, TYPE_NAMES};
})();
