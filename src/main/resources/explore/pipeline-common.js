// pharmakg explorer: what the pipeline table and the pipeline chart (landscape) share: the focus filters chosen
// by search and kept in the URL, and the phase colours.
"use strict";

const PKGPipe = (() => {
  const {h, fill} = PKG;
  const FOCUS = {company: "Company", target: "Target", indication: "Indication"};

  /** The page's filter state from the URL: {company, target, indication, phase, q, sort, dir, offset}. */
  function fromUrl(keys) {
    const p = new URLSearchParams(location.search), out = {};
    for (const k of keys) if (p.get(k)) out[k] = p.get(k);
    return out;
  }

  /** Search boxes for the focus filters (inputs #f-company, #f-target, #f-indication) that set state[key] = iri. */
  function focusInputs(state, changed) {
    for (const [key, type] of Object.entries(FOCUS)) {
      const input = document.getElementById("f-" + key);
      if (!input) continue;
      PKG.searchBox(input, [type], hit => { state[key] = hit.iri; input.value = ""; changed(); });
    }
  }

  /** Removable chips for the focus filters the server named (answer.filters). */
  function chips(el, filters, state, changed) {
    fill(el, Object.entries(filters || {}).map(([key, f]) => h("span", {class: "chip filter"},
      FOCUS[key] + ": ", h("a", {href: PKG.entityHref(f.iri)}, f.label),
      h("button", {type: "button", title: "remove", "aria-label": "remove " + key,
        onclick: () => { delete state[key]; changed(); }}, "×"))));
  }

  /** The CSS class of a phase colour by its stage order (0 Preclinical .. 8 Approved). */
  function phaseClass(order) { return "ph" + Math.max(0, Math.min(8, order ?? 0)); }

  return {fromUrl, focusInputs, chips, phaseClass, FOCUS};
})();
