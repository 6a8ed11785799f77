// pharmakg explorer: helpers shared by every page (top bar, JSON API calls, escaping, links).
"use strict";

const PKG = (() => {
  const NAV = [
    ["index.html", "Search"], ["partners.html", "Partner network"], ["compounds.html", "Compound network"],
    ["pipeline.html", "Pipeline"], ["landscape.html", "Landscape"], ["deals.html", "Deals"], ["sparql.html", "SPARQL"]];
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
    const given = Object.entries(params || {}).filter(([, v]) => v != null && v !== "");
    const qs = given.length ? "?" + new URLSearchParams(given).toString() : "";
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
    el.replaceChildren(h("p", {class: "error"}, String(err.message || err)));
    ready();
  }

  /**
   * An element built from text, never from markup: h("a", {href: x, class: "y"}, "text", child…). Strings become
   * text nodes, so a name like "<img onerror=…>" from a release shows as those characters.
   */
  function h(tag, attrs, ...children) {
    // SVG elements by name; "svg:a" for a link inside a drawing (an HTML <a> there would not draw its children)
    const svg = tag.startsWith("svg:") || ["svg", "g", "rect", "circle", "line", "text", "title", "polyline", "path"].includes(tag);
    const el = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag.replace(/^svg:/, "")) : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null || v === false) continue;
      if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) if (c != null && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }

  /** Replaces an element's children. */
  function fill(el, ...children) { el.replaceChildren(...children.flat(Infinity).filter(c => c != null && c !== false)); return el; }

  /** The page's filters into the URL (history.replaceState), so a view can be bookmarked and shared. */
  function setParams(params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v != null && v !== "" && v !== false) qs.set(k, v);
    const s = qs.toString();
    history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
  }

  /** Says that the page has drawn its first data: body[data-ready], the time-to-interactive mark. */
  function ready() {
    if (!document.body.dataset.ready) {
      document.body.dataset.ready = String(Math.round(performance.now()));
      window.pkgReady = performance.now();
    }
  }

  /**
   * A search box that suggests entities of some types as one types, and calls pick({iri, label, type}) on a
   * choice: the way every view chooses its focus.
   */
  function searchBox(input, types, pick) {
    const list = h("ul", {class: "suggest", role: "listbox", hidden: true});
    input.after(list);
    input.setAttribute("autocomplete", "off");
    let timer = null, ticket = 0;
    const close = () => { list.hidden = true; fill(list); };
    const choose = hit => { close(); input.value = hit.label; pick(hit); };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const q = input.value.trim(), mine = ++ticket;
        if (!q) { close(); return; }
        try {
          const r = await api("search", {q, types: types.join(","), limit: 12});
          if (mine !== ticket) return;
          fill(list, r.results.length ? r.results.map(hit => h("li", {role: "option", tabindex: "-1",
              onmousedown: ev => { ev.preventDefault(); choose(hit); }}, badgeEl(hit.type), " ", hit.label,
              hit.matched !== hit.label ? h("span", {class: "why"}, " (" + hit.matched + ")") : null))
            : [h("li", {class: "muted"}, "nothing matches “" + q + "”")]);
          list.hidden = false;
        } catch (e) { fill(list, h("li", {class: "error"}, e.message)); list.hidden = false; }
      }, 150);
    });
    input.addEventListener("keydown", ev => {
      if (ev.key === "Enter") {
        ev.preventDefault();
        const first = list.querySelector("li[role=option]");
        if (first) first.dispatchEvent(new MouseEvent("mousedown"));
      } else if (ev.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
    return {close};
  }

  /**
   * The year axis under a time chart: a line from x(t0) to x(t1) at height y, a grid line up to top and a label
   * for each year (every few years when there are many). x maps a time in ms to a pixel.
   */
  function yearAxis(x, t0, t1, top, y) {
    const axis = h("g", {class: "axis"}, h("line", {x1: x(t0), x2: x(t1), y1: y, y2: y}));
    const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
    const step = Math.max(1, Math.ceil((y1 - y0) / 12));
    for (let yr = y0; yr <= y1; yr += step) {
      const t = Date.UTC(yr, 0, 1);
      if (t < t0 || t > t1) continue;
      axis.append(h("line", {class: "grid", x1: x(t), x2: x(t), y1: top, y2: y + 4}),
        h("text", {x: x(t), y: y + 17, "text-anchor": "middle"}, String(yr)));
    }
    return axis;
  }

  function badgeEl(type) { return type ? h("span", {class: "badge " + type}, TYPE_NAMES[type] || type) : null; }

  function linkEl(iri, label) { return h("a", {href: entityHref(iri)}, label); }

  // what the Content-Security-Policy blocked, for people (the console) and tests (window.pkgCspViolations)
  window.pkgCspViolations = [];
  document.addEventListener("securitypolicyviolation", e => window.pkgCspViolations.push(e.violatedDirective + " " + e.blockedURI));

  document.addEventListener("DOMContentLoaded", header);
  return {esc, api, param, entityHref, entityLink, badge, documentHref, showError, TYPE_COLOURS, TYPE_NAMES,
          h, fill, setParams, ready, searchBox, badgeEl, linkEl, yearAxis};
})();
