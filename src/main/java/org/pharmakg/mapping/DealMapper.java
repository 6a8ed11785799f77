package org.pharmakg.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.extract.Amount;
import org.pharmakg.extract.Deal;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.extract.Fact;
import org.pharmakg.extract.MoneyRole;
import org.pharmakg.ingest.PressRelease;

/**
 * Maps a release's deals to quads in its graph: a {@code kg:Deal} node with kind, event, parties,
 * direction, assets and terms, a {@code kg:MonetaryAmount} node per money term, and one evidence node
 * per term (the same shape as a fact's evidence; docs/DESIGN.md, "Deals").
 *
 * <pre>List&lt;Quad&gt; q = new ArrayList&lt;&gt;(); DealMapper.map(extraction, entityIris, graph, doc, q);</pre>
 *
 * The deal IRI hashes the release id, the kind and the parties' labels, so a rebuild gives the same IRI.
 */
final class DealMapper {

    private DealMapper() {}

    static void map(DocumentExtraction x, List<Node> iris, Node g, Node doc, List<Quad> q) {
        PressRelease r = x.release();
        for (Deal d : x.deals()) {
            List<String> names = new ArrayList<>();
            for (int p : d.parties()) names.add(x.entities().get(p).label());
            names.sort(String::compareTo);
            Node deal = Vocab.iri(Vocab.ID + "deal/" + r.id() + "-" + RdfMapper.hash(d.kind() + "|" + String.join("|", names)));
            q.add(new Quad(g, deal, Vocab.TYPE, Vocab.DEAL));
            q.add(new Quad(g, deal, Vocab.LABEL, RdfMapper.str(label(d, x))));
            q.add(new Quad(g, deal, Vocab.ANNOUNCED_IN, doc));
            Map<String, Fact.Evidence> ev = new TreeMap<>(d.evidence());
            term(g, doc, r, deal, Vocab.DEAL_KIND, Vocab.kg(d.kind().local()), ev.get("kind"), q);
            term(g, doc, r, deal, Vocab.DEAL_EVENT, Vocab.kg(d.event().local()), ev.get("event"), q);
            for (int p : d.parties()) term(g, doc, r, deal, Vocab.PARTY, iris.get(p), ev.get("party:" + p), q);
            if (d.licensor() >= 0) term(g, doc, r, deal, Vocab.LICENSOR, iris.get(d.licensor()), ev.get("licensor"), q);
            if (d.licensee() >= 0) term(g, doc, r, deal, Vocab.LICENSEE, iris.get(d.licensee()), ev.get("licensee"), q);
            for (int a : d.assets()) term(g, doc, r, deal, Vocab.COVERS, iris.get(a), ev.get("asset:" + a), q);
            for (var m : new TreeMap<>(d.money()).entrySet()) {
                Node node = Vocab.iri(deal.getURI() + "/" + Deal.key(m.getKey()));
                Amount a = m.getValue();
                q.add(new Quad(g, node, Vocab.TYPE, Vocab.MONETARY_AMOUNT));
                q.add(new Quad(g, node, Vocab.AMOUNT, NodeFactory.createLiteralDT(a.value().toPlainString(), XSDDatatype.XSDdecimal)));
                q.add(new Quad(g, node, Vocab.CURRENCY, RdfMapper.str(a.currency())));
                q.add(new Quad(g, node, Vocab.AMOUNT_TEXT, RdfMapper.str(a.text())));
                term(g, doc, r, deal, Vocab.kg(Deal.property(m.getKey())), node, ev.get(Deal.key(m.getKey())), q);
            }
            if (d.royaltyTerms() != null) {
                term(g, doc, r, deal, Vocab.ROYALTIES, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean), ev.get("royalties"), q);
                q.add(new Quad(g, deal, Vocab.ROYALTY_TERMS, RdfMapper.str(d.royaltyTerms())));
            }
            if (d.territory() != null) term(g, doc, r, deal, Vocab.TERRITORY, RdfMapper.str(d.territory()), ev.get("territory"), q);
            String date = d.date() != null ? d.date().toString() : r.published() != null ? r.published().toString() : null;
            if (date != null) q.add(new Quad(g, deal, Vocab.DEAL_DATE, RdfMapper.date(date)));
        }
    }

    /** "Licence: Xencor to MorphoSys", "Acquisition: AbbVie of Stemcentrx", "Collaboration: Abbott and Galapagos". */
    private static String label(Deal d, DocumentExtraction x) {
        String kind = d.kind().local();
        if (d.licensor() >= 0 && d.licensee() >= 0) {
            String from = x.entities().get(d.licensor()).label(), to = x.entities().get(d.licensee()).label();
            return d.kind() == Deal.Kind.ACQUISITION ? kind + ": " + to + " of " + from : kind + ": " + from + " to " + to;
        }
        return kind + ": " + x.entities().get(d.parties().get(0)).label() + " and " + x.entities().get(d.parties().get(1)).label();
    }

    /** One term of a deal and its evidence node. */
    private static void term(Node g, Node doc, PressRelease r, Node deal, Node p, Node o, Fact.Evidence ev, List<Quad> q) {
        q.add(new Quad(g, deal, p, o));
        if (ev == null) return;
        Node e = Vocab.iri(Vocab.ID + "evidence/" + r.id() + "/" + RdfMapper.hash(deal.getURI() + "|" + p.getURI() + "|" + o));
        RdfMapper.evidenceNode(g, e, doc, r, deal, p, o, ev, q);
    }
}
