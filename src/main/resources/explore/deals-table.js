// pharmakg explorer: the deals table, shared by the deals page and the company and compound pages.
// Every string from a release is set as text (textContent, attributes through the DOM), never as markup.
"use strict";

const DEALS = (() => {
  /** An element with attributes and children, strings as text (one builder for every page: PKG.h). */
  const el = PKG.h;

  const SYMBOLS = {USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "CN¥"};

  /** "$13M", "€5.5M", "$10.4B": money as people write it (the exact amount is in the cell's title). */
  function money(amount, currency) {
    let v = Math.abs(Number(amount)), u = 0;
    const units = ["", "K", "M", "B", "T"];
    while (v >= 1000 && u < units.length - 1) { v /= 1000; u++; }
    const n = Number(v.toFixed(v < 10 ? 2 : 1));
    const sym = SYMBOLS[currency] ?? (currency ? currency + " " : "");
    return (Number(amount) < 0 ? "-" : "") + sym + n + units[u];
  }

  /** A link to the sentence stating a term, highlighted on the release's page; plain text when no evidence. */
  function evidenceLink(text, ev, extraTitle) {
    if (!ev || !ev.document) return el("span", {title: extraTitle}, text);
    const title = (extraTitle ? extraTitle + "\n" : "") + "“" + (ev.sentence || "") + "”";
    return el("a", {class: "term", href: PKG.documentHref(ev.document, ev.start, ev.end), title}, text);
  }

  /** Entity links, then one small ¶ linking to the sentence that names the first of them (the term's evidence). */
  function entityList(items, ev) {
    if (!items || !items.length) return [el("span", {class: "muted"}, "—")];
    const out = [];
    items.forEach((x, i) => {
      if (i) out.push(", ");
      out.push(el("a", {href: PKG.entityHref(x.iri)}, x.label));
    });
    const e = ev === undefined ? items[0].evidence : ev;
    if (e && e.document) {
      out.push(el("a", {class: "ev term", href: PKG.documentHref(e.document, e.start, e.end),
        title: "“" + (e.sentence || "") + "”", "aria-label": "the sentence that states it"}, "¶"));
    }
    return out;
  }

  function moneyCell(m) {
    if (!m) return el("td", {class: "num muted"}, "—");
    const exact = Number(m.amount).toLocaleString("en-US") + " " + (m.currency || "") + (m.text ? " (“" + m.text + "”)" : "");
    return el("td", {class: "num"}, evidenceLink(money(m.amount, m.currency), m.evidence, exact));
  }

  /** Who: licensor → licensee when known (acquisitions: acquirer acquires acquired), else the parties. */
  function partiesCell(d) {
    const td = el("td", {class: "parties"});
    if (d.licensor && d.licensee) {
      const acq = d.kind && d.kind.value === "acquisition";
      const first = acq ? d.licensee : d.licensor, second = acq ? d.licensor : d.licensee;
      td.append(...entityList([first], null), el("span", {class: "arrow"}, evidenceLink(acq ? " acquires " : " → ", d.licensor.evidence, acq ? "acquires" : "grants rights to")),
        ...entityList([second], d.licensee.evidence));
      const others = d.parties.filter(p => p.iri !== first.iri && p.iri !== second.iri);
      if (others.length) td.append(" with ", ...entityList(others, null));
    } else {
      td.append(...entityList(d.parties));
    }
    return td;
  }

  function kindCell(d) {
    const kind = d.kind ? d.kind.value : "deal", event = d.event ? d.event.value : "";
    const td = el("td", {class: "kind"}, el("span", {class: "chip deal " + kind}, evidenceLink(kind, d.kind && d.kind.evidence)));
    if (event) td.append(" ", el("span", {class: "event " + event}, evidenceLink(event, d.event && d.event.evidence)));
    if (d.agreementDeals > 1) {
      td.append(el("div", {class: "muted small", title: `this deal and ${d.agreementDeals - 1} more are events of one agreement (kg:sameAgreement)`},
        `agreement of ${d.agreementDeals} events`));
    }
    return td;
  }

  /** One table row per deal; {compact: true} leaves out equity, royalties and territory (entity pages). */
  function row(d, opts) {
    const compact = opts && opts.compact;
    const tr = el("tr", {"data-deal": d.iri});
    tr.append(el("td", {class: "num date"}, d.date || "—"), kindCell(d), partiesCell(d), el("td", {class: "assets"}, entityList(d.assets)),
      moneyCell(d.upfront));
    if (!compact) tr.append(moneyCell(d.equity));
    tr.append(moneyCell(d.milestones), moneyCell(d.total));
    if (!compact) {
      // "yes"; the words of the terms, if any, in the tooltip with the sentence
      const roy = d.royalties && d.royalties.value
        ? evidenceLink("yes", d.royalties.evidence, d.royaltyTerms ? d.royaltyTerms.value : null) : el("span", {class: "muted"}, "—");
      tr.append(el("td", {class: "royalties"}, roy),
        el("td", {}, d.territory ? evidenceLink(d.territory.value, d.territory.evidence) : el("span", {class: "muted"}, "—")));
    }
    const rel = d.release || {};
    tr.append(el("td", {class: "release"}, el("a", {href: PKG.documentHref(rel.iri)}, rel.headline || "release")));
    return tr;
  }

  const COLUMNS = [["date", "Date"], ["kind", "Kind · event"], ["parties", "Parties"], ["assets", "Assets"], ["upfront", "Upfront"],
    ["equity", "Equity"], ["milestones", "Milestones"], ["total", "Total"], ["royalties", "Royalties"], ["territory", "Territory"],
    ["release", "Release"]];

  /** A whole table (entity pages): header and one row per deal. */
  function table(deals, opts) {
    const compact = opts && opts.compact;
    const cols = COLUMNS.filter(([k]) => !compact || !["equity", "royalties", "territory"].includes(k));
    return el("div", {class: "table-wrap"}, el("table", {class: "data deals"},
      el("thead", {}, el("tr", {}, cols.map(([k, name]) => el("th", {"data-key": k, class: ["upfront", "equity", "milestones", "total", "date"].includes(k) ? "num" : null}, name)))),
      el("tbody", {}, deals.map(d => row(d, opts)))));
  }

  return {el, money, row, table, COLUMNS};
})();
