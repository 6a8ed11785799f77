package org.pharmakg.mapping;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.pharmakg.extract.EntityType;
import org.pharmakg.extract.Names;

/**
 * The IRIs of the ontology (see {@code docs/DESIGN.md}): classes, properties, graphs and minting.
 *
 * <pre>Node c = Vocab.entity(EntityType.COMPOUND, "trastuzumab emtansine"); // …/id/compound/trastuzumab-emtansine</pre>
 */
public final class Vocab {
    static {
        // Jena must be initialised before org.apache.jena.vocabulary.RDF is touched, or RDF's static
        // fields are read while still null (a class-initialisation cycle) when this is the first Jena use.
        org.apache.jena.sys.JenaSystem.init();
    }

    public static final String KG = "https://w3id.org/pharmakg/ontology#";
    public static final String ID = "https://w3id.org/pharmakg/id/";
    public static final String GRAPH = "https://w3id.org/pharmakg/graph/";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String OA = "http://www.w3.org/ns/oa#";
    public static final String DCT = "http://purl.org/dc/terms/";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    public static final Node TYPE = RDF.type.asNode();
    public static final Node LABEL = iri(RDFS + "label");
    public static final Node ALT_LABEL = iri(SKOS + "altLabel");
    public static final Node EXACT_MATCH = iri(SKOS + "exactMatch");
    public static final Node PRESS_RELEASE = kg("PressRelease");
    public static final Node EVIDENCE = kg("Evidence");
    public static final Node ACHIEVED = kg("Achieved");
    public static final Node PLANNED = kg("Planned");

    public static final Node HEADLINE = kg("headline");
    public static final Node RELEASE_DATE = kg("releaseDate");
    public static final Node ISSUER = kg("issuer");
    public static final Node SOURCE_FILE = kg("sourceFile");
    public static final Node CONTENT_HASH = kg("contentHash");
    public static final Node TEXT = kg("text");
    public static final Node BUILT_AT = kg("builtAt");
    public static final Node MENTIONS = kg("mentions");
    public static final Node SOURCE_URL = kg("sourceUrl");
    public static final Node SURFACE_FORM = kg("surfaceForm");
    public static final Node LEXICON_LABEL = kg("lexiconLabel");
    public static final Node HGNC = kg("hgncSymbol");
    public static final Node HGNC_ID = kg("hgncId");
    public static final Node UNIPROT_ID = kg("uniprotId");
    public static final Node MESH_ID = kg("meshId");
    /** Shapes of the identifiers (the same patterns as in {@code ontology/shapes.ttl}) and their IRIs. */
    public static final String HGNC_ID_PATTERN = "HGNC:[0-9]{1,6}";
    public static final String HGNC_SYMBOL_PATTERN = "[A-Z0-9][A-Za-z0-9@.-]{0,24}";
    public static final String UNIPROT_PATTERN = "(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})";
    public static final String MESH_PATTERN = "[DC][0-9]{6,9}";
    public static final String HGNC_IRI = "https://identifiers.org/hgnc:";
    public static final String UNIPROT_IRI = "http://purl.uniprot.org/uniprot/";
    public static final String MESH_IRI = "http://id.nlm.nih.gov/mesh/";
    public static final Node CHEMBL = kg("chemblId");
    public static final Node TICKER = kg("ticker");
    public static final Node PLANNED_PHASE = kg("plannedPhase");
    public static final Node STAGE_ORDER = kg("stageOrder");

    public static final Node SENTENCE = kg("sentence");
    public static final Node EXTRACTOR = kg("extractor");
    public static final Node CONFIDENCE = kg("confidence");
    public static final Node STATUS = kg("status");
    public static final Node SUBJECT = RDF.subject.asNode();
    public static final Node PREDICATE = RDF.predicate.asNode();
    public static final Node OBJECT = RDF.object.asNode();
    public static final Node DERIVED_FROM = iri(PROV + "wasDerivedFrom");
    public static final Node HAS_SELECTOR = iri(OA + "hasSelector");
    public static final Node TEXT_POSITION_SELECTOR = iri(OA + "TextPositionSelector");
    public static final Node START = iri(OA + "start");
    public static final Node END = iri(OA + "end");
    public static final Node DATE = iri(DCT + "date");

    /** Deals (docs/DESIGN.md, "Deals"): the deal node, its kind and event, parties, assets and money terms. */
    public static final Node DEAL = kg("Deal");
    public static final Node MONETARY_AMOUNT = kg("MonetaryAmount");
    public static final Node ANNOUNCED_IN = kg("announcedIn");
    public static final Node DEAL_KIND = kg("dealKind");
    public static final Node DEAL_EVENT = kg("dealEvent");
    public static final Node DEAL_DATE = kg("dealDate");
    public static final Node PARTY = kg("party");
    public static final Node LICENSOR = kg("licensor");
    public static final Node LICENSEE = kg("licensee");
    public static final Node COVERS = kg("covers");
    public static final Node UPFRONT = kg("upfront");
    public static final Node EQUITY = kg("equity");
    public static final Node MILESTONES = kg("milestones");
    public static final Node TOTAL_VALUE = kg("totalValue");
    public static final Node AMOUNT = kg("amount");
    public static final Node CURRENCY = kg("currency");
    public static final Node AMOUNT_TEXT = kg("amountText");
    public static final Node ROYALTIES = kg("royalties");
    public static final Node ROYALTY_TERMS = kg("royaltyTerms");
    public static final Node TERRITORY = kg("territory");
    public static final Node ACQUISITION = kg("Acquisition");
    public static final Node TERMINATED = kg("Terminated");
    /** Symmetric link between deals of one agreement over time, computed by the store (never by the extractor). */
    public static final Node SAME_AGREEMENT = kg("sameAgreement");
    public static final Node SUBSIDIARY_OF = kg("subsidiaryOf");

    public static final Node ONTOLOGY_GRAPH = iri(GRAPH + "ontology");
    public static final Node ENTITIES_GRAPH = iri(GRAPH + "entities");
    public static final Node META_GRAPH = iri(GRAPH + "meta");
    /** The kg:sameAgreement links, derived from the document graphs and rewritten whole after every build. */
    public static final Node AGREEMENTS_GRAPH = iri(GRAPH + "agreements");
    public static final String DOC_GRAPH_PREFIX = GRAPH + "doc/";

    private Vocab() {}

    public static Node kg(String local) { return iri(KG + local); }

    public static Node iri(String s) { return NodeFactory.createURI(s); }

    public static Node cls(EntityType t) { return kg(t.className()); }

    /** The entity IRI for a type and canonical label: deterministic, the same in every document. */
    public static Node entity(EntityType t, String label) {
        return iri(ID + t.segment() + "/" + Names.slug(label));
    }

    public static Node phase(String phaseId) { return iri(ID + "phase/" + phaseId); }

    public static Node document(String docId) { return iri(ID + "document/" + docId); }

    public static Node docGraph(String docId) { return iri(DOC_GRAPH_PREFIX + docId); }

    public static boolean isDocGraph(Node g) { return g.isURI() && g.getURI().startsWith(DOC_GRAPH_PREFIX); }

    public static String docIdOf(Node g) { return g.getURI().substring(DOC_GRAPH_PREFIX.length()); }

    public static Node relation(String property) { return kg(property); }
}
