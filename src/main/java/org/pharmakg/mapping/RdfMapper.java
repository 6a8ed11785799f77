package org.pharmakg.mapping;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.pharmakg.extract.DocumentExtraction;
import org.pharmakg.extract.Fact;
import org.pharmakg.extract.LocalEntity;
import org.pharmakg.extract.Relation;
import org.pharmakg.ingest.PressRelease;

/**
 * Maps one document's extraction to quads in its own named graph: the press release, the entities
 * it names (with every surface form), the facts, and one evidence node per fact.
 *
 * <pre>List&lt;Quad&gt; quads = new RdfMapper(Clock.systemUTC()).map(extraction);</pre>
 *
 * Entity IRIs come from type and canonical label ({@link Vocab#entity}); the store's resolver may
 * later rename an entity whose names it shares with another document's entity. Evidence IRIs hash
 * the statement and its span, so the same input always gives the same quads.
 */
public final class RdfMapper {
    private final Clock clock;

    public RdfMapper(Clock clock) { this.clock = clock; }

    public List<Quad> map(DocumentExtraction x) {
        PressRelease r = x.release();
        Node g = Vocab.docGraph(r.id());
        Node doc = Vocab.document(r.id());
        List<Quad> q = new ArrayList<>();
        q.add(new Quad(g, doc, Vocab.TYPE, Vocab.PRESS_RELEASE));
        if (r.headline() != null && !r.headline().isBlank()) q.add(new Quad(g, doc, Vocab.HEADLINE, str(r.headline())));
        if (r.published() != null) q.add(new Quad(g, doc, Vocab.RELEASE_DATE, date(r.published().toString())));
        q.add(new Quad(g, doc, Vocab.SOURCE_FILE, str(r.source().toString())));
        q.add(new Quad(g, doc, Vocab.CONTENT_HASH, str(r.contentHash())));
        q.add(new Quad(g, doc, Vocab.TEXT, str(r.text())));
        if (r.url() != null && !r.url().isBlank()) q.add(new Quad(g, doc, Vocab.SOURCE_URL, str(r.url())));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        q.add(new Quad(g, doc, Vocab.BUILT_AT, NodeFactory.createLiteralDT(now.toString(), XSDDatatype.XSDdateTime)));

        List<Node> iris = new ArrayList<>();
        for (LocalEntity e : x.entities()) {
            Node n = Vocab.entity(e.type(), e.label());
            iris.add(n);
            q.add(new Quad(g, n, Vocab.TYPE, Vocab.cls(e.type())));
            for (String name : e.names()) q.add(new Quad(g, n, Vocab.SURFACE_FORM, str(name)));
            q.add(new Quad(g, doc, Vocab.MENTIONS, n));
            ids(g, n, e.ids(), q);
        }
        if (x.issuer() >= 0) q.add(new Quad(g, doc, Vocab.ISSUER, iris.get(x.issuer())));
        q.add(new Quad(g, doc, Vocab.kg("factCount"), NodeFactory.createLiteralDT(Integer.toString(x.facts().size()), XSDDatatype.XSDinteger)));
        for (Fact f : x.facts()) {
            Node s = iris.get(f.subject());
            Node o = f.relation() == Relation.PHASE ? Vocab.phase(f.phase()) : iris.get(f.object());
            boolean planned = f.evidence().planned();
            Node p = f.relation() == Relation.PHASE && planned ? Vocab.PLANNED_PHASE : Vocab.relation(f.relation().property());
            q.add(new Quad(g, s, p, o));
            evidence(g, doc, r, x, f, s, p, o, q);
        }
        DealMapper.map(x, iris, g, doc, q);
        return q;
    }

    /** Lexicon and vocabulary identifiers, each written only when it has its scheme's shape. */
    private static void ids(Node g, Node n, Map<String, String> ids, List<Quad> q) {
        for (var e : ids.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "wikidata" -> { if (v.matches("Q[0-9]+")) q.add(new Quad(g, n, Vocab.EXACT_MATCH, Vocab.iri("http://www.wikidata.org/entity/" + v))); }
                case "ncit" -> { if (v.matches("C[0-9]+")) q.add(new Quad(g, n, Vocab.EXACT_MATCH, Vocab.iri("http://purl.obolibrary.org/obo/NCIT_" + v))); }
                case "chembl" -> q.add(new Quad(g, n, Vocab.CHEMBL, str(v)));
                case "hgnc" -> {
                    if (v.matches(Vocab.HGNC_ID_PATTERN)) {
                        q.add(new Quad(g, n, Vocab.HGNC_ID, str(v)));
                        q.add(new Quad(g, n, Vocab.EXACT_MATCH, Vocab.iri(Vocab.HGNC_IRI + v.substring("HGNC:".length()))));
                    }
                }
                case "hgncSymbol" -> { if (v.matches(Vocab.HGNC_SYMBOL_PATTERN)) q.add(new Quad(g, n, Vocab.HGNC, str(v))); }
                case "uniprot" -> {
                    if (v.matches(Vocab.UNIPROT_PATTERN)) {
                        q.add(new Quad(g, n, Vocab.UNIPROT_ID, str(v)));
                        q.add(new Quad(g, n, Vocab.EXACT_MATCH, Vocab.iri(Vocab.UNIPROT_IRI + v)));
                    }
                }
                case "mesh" -> {
                    if (v.matches(Vocab.MESH_PATTERN)) {
                        q.add(new Quad(g, n, Vocab.MESH_ID, str(v)));
                        q.add(new Quad(g, n, Vocab.EXACT_MATCH, Vocab.iri(Vocab.MESH_IRI + v)));
                    }
                }
                case "ticker" -> q.add(new Quad(g, n, Vocab.TICKER, str(v)));
                default -> { }
            }
        }
    }

    private static void evidence(Node g, Node doc, PressRelease r, DocumentExtraction x, Fact f, Node s, Node p, Node o,
                                 List<Quad> q) {
        Fact.Evidence ev = f.evidence();
        String subjectLabel = x.entities().get(f.subject()).label();
        String objectLabel = f.object() >= 0 ? x.entities().get(f.object()).label() : f.phase();
        Node e = Vocab.iri(Vocab.ID + "evidence/" + r.id() + "/"
                + hash(f.relation() + "|" + subjectLabel + "|" + objectLabel + "|" + ev.planned()));
        evidenceNode(g, e, doc, r, s, p, o, ev, q);
    }

    /**
     * One evidence node {@code e} for the statement (s, p, o): the sentence, the span's text-position selector,
     * the rule, the confidence, the status and the release date. Facts and deal terms both are stated so.
     */
    static void evidenceNode(Node g, Node e, Node doc, PressRelease r, Node s, Node p, Node o, Fact.Evidence ev, List<Quad> q) {
        Node sel = Vocab.iri(e.getURI() + "-selector");
        q.add(new Quad(g, e, Vocab.TYPE, Vocab.EVIDENCE));
        q.add(new Quad(g, e, Vocab.SUBJECT, s));
        q.add(new Quad(g, e, Vocab.PREDICATE, p));
        q.add(new Quad(g, e, Vocab.OBJECT, o));
        q.add(new Quad(g, e, Vocab.DERIVED_FROM, doc));
        q.add(new Quad(g, e, Vocab.SENTENCE, str(ev.sentenceText())));
        q.add(new Quad(g, e, Vocab.HAS_SELECTOR, sel));
        q.add(new Quad(g, sel, Vocab.TYPE, Vocab.TEXT_POSITION_SELECTOR));
        q.add(new Quad(g, sel, Vocab.START, nonNeg(ev.begin())));
        q.add(new Quad(g, sel, Vocab.END, nonNeg(ev.end())));
        q.add(new Quad(g, e, Vocab.EXTRACTOR, str(ev.rule())));
        q.add(new Quad(g, e, Vocab.CONFIDENCE, NodeFactory.createLiteralDT(
                BigDecimal.valueOf(ev.confidence()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(), XSDDatatype.XSDdecimal)));
        q.add(new Quad(g, e, Vocab.STATUS, ev.planned() ? Vocab.PLANNED : Vocab.ACHIEVED));
        if (r.published() != null) q.add(new Quad(g, e, Vocab.DATE, date(r.published().toString())));
    }

    static Node str(String s) { return NodeFactory.createLiteralString(s); }

    static Node date(String iso) { return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDdate); }

    static Node nonNeg(int v) { return NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDnonNegativeInteger); }

    static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
