#!/usr/bin/env python3
"""Writes deals.trig: ten made-up press releases with deals in the RDF contract of docs/DESIGN.md ("Deals").

The deals are written as the deal extractor will write them (one named graph per release, evidence for every
term with offsets into kg:text), so the explorer, the queries and the exports can be tested before the extractor
exists. Run it again after changing a release below:  python3 make-deals-fixture.py > deals.trig
"""
import hashlib

KG = "https://w3id.org/pharmakg/ontology#"
ID = "https://w3id.org/pharmakg/id/"
C = lambda slug: f"<{ID}company/{slug}>"
X = lambda slug: f"<{ID}compound/{slug}>"

# Each release: id, date, headline, sentences, entities (iri, class, surface form), deals, facts.
# A deal term is (property, value, words in the text that state it, index of the sentence).
RELEASES = [
    dict(id="fx-01-takeda-licence", date="2014-03-10",
         headline="ImmunoGen Licenses Mirvetuximab Soravtansine to Takeda outside the US",
         sentences=[
             "ImmunoGen, Inc. today announced that it has granted Takeda an exclusive licence to develop and commercialize mirvetuximab soravtansine outside the United States.",
             "Under the agreement, ImmunoGen will receive a $20 million upfront payment and is eligible for up to $300 million in development and regulatory milestones, for a total potential value of $320 million.",
             "ImmunoGen is also entitled to tiered royalties up to the low double digits on net sales <b>outside the US</b>.",
         ],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("takeda"), "Company", "Takeda"),
                   (X("mirvetuximab-soravtansine"), "Compound", "mirvetuximab soravtansine")],
         deals=[dict(label="Licence: ImmunoGen to Takeda", kind="Licence", event="Signed", date="2014-03-10", terms=[
             ("dealKind", "kg:Licence", "exclusive licence", 0), ("dealEvent", "kg:Signed", "has granted", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("takeda"), "Takeda", 0),
             ("licensor", C("immunogen"), "ImmunoGen", 0), ("licensee", C("takeda"), "Takeda", 0),
             ("covers", X("mirvetuximab-soravtansine"), "mirvetuximab soravtansine", 0),
             ("upfront", (20000000, "USD"), "$20 million", 1), ("milestones", (300000000, "USD"), "up to $300 million", 1),
             ("totalValue", (320000000, "USD"), "$320 million", 1),
             ("royalties", "true", "tiered royalties up to the low double digits", 2),
             ("royaltyTerms", '"tiered royalties up to the low double digits"', "tiered royalties up to the low double digits", 2),
             ("territory", '"ex-US"', "outside the United States", 0)])],
         facts=[(C("immunogen"), "partnerOf", C("takeda"), "ImmunoGen, Inc. today announced that it has granted Takeda", 0)]),
    dict(id="fx-02-onyx-acquisition", date="2015-01-15",
         headline="Amgen Completes Acquisition of Onyx Pharmaceuticals",
         sentences=[
             "Amgen today announced that it has completed its acquisition of Onyx Pharmaceuticals for a total of $10.4 billion.",
             "Onyx Pharmaceuticals is now a wholly owned subsidiary of Amgen.",
         ],
         entities=[(C("amgen"), "Company", "Amgen"), (C("onyx-pharmaceuticals"), "Company", "Onyx Pharmaceuticals")],
         deals=[dict(label="Acquisition: Amgen acquires Onyx Pharmaceuticals", kind="Acquisition", event="Completed", date="2015-01-15", terms=[
             ("dealKind", "kg:Acquisition", "acquisition", 0), ("dealEvent", "kg:Completed", "has completed", 0),
             ("party", C("amgen"), "Amgen", 0), ("party", C("onyx-pharmaceuticals"), "Onyx Pharmaceuticals", 0),
             ("licensor", C("onyx-pharmaceuticals"), "Onyx Pharmaceuticals", 0), ("licensee", C("amgen"), "Amgen", 0),
             ("totalValue", (10400000000, "USD"), "$10.4 billion", 0)])],
         facts=[(C("amgen"), "partnerOf", C("onyx-pharmaceuticals"), "Amgen today announced that it has completed its acquisition of Onyx Pharmaceuticals", 0),
                (C("onyx-pharmaceuticals"), "subsidiaryOf", C("amgen"), "Onyx Pharmaceuticals is now a wholly owned subsidiary of Amgen", 1)]),
    dict(id="fx-03-novartis-collaboration", date="2013-06-03",
         headline="ImmunoGen and Novartis Enter a Worldwide Collaboration",
         sentences=[
             "ImmunoGen, Inc. and Novartis today announced a worldwide research collaboration on antibody-drug conjugates.",
             "Novartis will pay ImmunoGen $45 million upfront and make a $15 million equity investment in ImmunoGen.",
             "ImmunoGen is eligible for milestone payments of up to $200 million.",
         ],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("novartis"), "Company", "Novartis")],
         deals=[dict(label="Collaboration: ImmunoGen and Novartis", kind="Collaboration", event="Signed", date="2013-06-03", terms=[
             ("dealKind", "kg:Collaboration", "research collaboration", 0), ("dealEvent", "kg:Signed", "today announced", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("novartis"), "Novartis", 0),
             ("upfront", (45000000, "USD"), "$45 million upfront", 1), ("equity", (15000000, "USD"), "$15 million equity investment", 1),
             ("milestones", (200000000, "USD"), "up to $200 million", 2), ("territory", '"worldwide"', "worldwide", 0)])],
         facts=[(C("immunogen"), "partnerOf", C("novartis"), "ImmunoGen, Inc. and Novartis", 0)]),
    dict(id="fx-04-novartis-termination", date="2016-09-20",
         headline="Novartis Ends its Collaboration with ImmunoGen",
         sentences=[
             "ImmunoGen, Inc. announced today that Novartis has terminated the research collaboration the two companies entered in 2013.",
             "All rights return to ImmunoGen.",
         ],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("novartis"), "Company", "Novartis")],
         deals=[dict(label="Collaboration: ImmunoGen and Novartis (terminated)", kind="Collaboration", event="Terminated", date="2016-09-20", terms=[
             ("dealKind", "kg:Collaboration", "research collaboration", 0), ("dealEvent", "kg:Terminated", "has terminated", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("novartis"), "Novartis", 0)])],
         facts=[(C("immunogen"), "partnerOf", C("novartis"), "Novartis has terminated the research collaboration", 0)]),
    dict(id="fx-05-biotest-option", date="2012-11-05",
         headline="Biotest Takes an Option on Indatuximab Ravtansine",
         sentences=[
             "ImmunoGen, Inc. today announced that it has granted Biotest an option to license indatuximab ravtansine.",
             "Biotest pays ImmunoGen $1 million for the option.",
         ],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("biotest"), "Company", "Biotest"),
                   (X("indatuximab-ravtansine"), "Compound", "indatuximab ravtansine")],
         deals=[dict(label="Option: ImmunoGen to Biotest", kind="Option", event="Signed", date="2012-11-05", terms=[
             ("dealKind", "kg:Option", "an option to license", 0), ("dealEvent", "kg:Signed", "has granted", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("biotest"), "Biotest", 0),
             ("licensor", C("immunogen"), "ImmunoGen", 0), ("licensee", C("biotest"), "Biotest", 0),
             ("covers", X("indatuximab-ravtansine"), "indatuximab ravtansine", 0),
             ("upfront", (1000000, "USD"), "$1 million", 1)])],
         facts=[(C("immunogen"), "partnerOf", C("biotest"), "ImmunoGen, Inc. today announced that it has granted Biotest", 0)]),
    dict(id="fx-06-biotest-exercise", date="2013-05-20",
         headline="Biotest Exercises its Option on Indatuximab Ravtansine",
         sentences=[
             "On May 17, 2013, Biotest exercised its option to license indatuximab ravtansine from ImmunoGen, Inc. worldwide.",
             "Biotest paid a $5 million exercise fee; ImmunoGen is eligible for up to $35 million in milestones and royalties on sales.",
         ],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("biotest"), "Company", "Biotest"),
                   (X("indatuximab-ravtansine"), "Compound", "indatuximab ravtansine")],
         deals=[dict(label="Option exercised: Biotest licenses indatuximab ravtansine", kind="Option", event="Exercised", date="2013-05-17", terms=[
             ("dealKind", "kg:Option", "option to license", 0), ("dealEvent", "kg:Exercised", "exercised", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("biotest"), "Biotest", 0),
             ("licensor", C("immunogen"), "ImmunoGen", 0), ("licensee", C("biotest"), "Biotest", 0),
             ("covers", X("indatuximab-ravtansine"), "indatuximab ravtansine", 0),
             ("upfront", (5000000, "USD"), "$5 million exercise fee", 1), ("milestones", (35000000, "USD"), "up to $35 million", 1),
             ("royalties", "true", "royalties on sales", 1), ("territory", '"worldwide"', "worldwide", 0)])],
         facts=[(C("immunogen"), "partnerOf", C("biotest"), "Biotest exercised its option to license indatuximab ravtansine from ImmunoGen", 0)]),
    dict(id="fx-07-morphosys-licence", date="2015-07-01",
         headline="Bayer Licenses an Antibody from MorphoSys for Europe",
         sentences=[
             "MorphoSys AG today announced that it has granted Bayer a licence to its antibody program in Europe.",
             "MorphoSys receives €13 million upfront and up to €250 million in milestones.",
         ],
         entities=[(C("morphosys"), "Company", "MorphoSys"), (C("bayer"), "Company", "Bayer")],
         deals=[dict(label="Licence: MorphoSys to Bayer", kind="Licence", event="Signed", date="2015-07-01", terms=[
             ("dealKind", "kg:Licence", "a licence", 0), ("dealEvent", "kg:Signed", "has granted", 0),
             ("party", C("morphosys"), "MorphoSys", 0), ("party", C("bayer"), "Bayer", 0),
             ("licensor", C("morphosys"), "MorphoSys", 0), ("licensee", C("bayer"), "Bayer", 0),
             ("upfront", (13000000, "EUR"), "€13 million upfront", 1), ("milestones", (250000000, "EUR"), "up to €250 million", 1),
             ("territory", '"Europe"', "in Europe", 0)])],
         facts=[(C("bayer"), "partnerOf", C("morphosys"), "MorphoSys AG today announced that it has granted Bayer", 0)]),
    dict(id="fx-08-morphosys-termination", date="2011-02-01",
         headline="MorphoSys and Bayer End their Earlier Collaboration",
         sentences=["MorphoSys AG and Bayer have terminated their 2008 research collaboration."],
         entities=[(C("morphosys"), "Company", "MorphoSys"), (C("bayer"), "Company", "Bayer")],
         deals=[dict(label="Collaboration: MorphoSys and Bayer (terminated)", kind="Collaboration", event="Terminated", date="2011-02-01", terms=[
             ("dealKind", "kg:Collaboration", "research collaboration", 0), ("dealEvent", "kg:Terminated", "have terminated", 0),
             ("party", C("morphosys"), "MorphoSys", 0), ("party", C("bayer"), "Bayer", 0)])],
         facts=[(C("bayer"), "partnerOf", C("morphosys"), "MorphoSys AG and Bayer have terminated their 2008 research collaboration", 0)]),
    dict(id="fx-09-genentech-expansion", date="2012-08-01",
         headline="ImmunoGen and Genentech Expand their Licence",
         sentences=["ImmunoGen, Inc. and Genentech expanded their licence for trastuzumab emtansine; Genentech pays $2 million upfront."],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("genentech"), "Company", "Genentech"),
                   (X("trastuzumab-emtansine"), "Compound", "trastuzumab emtansine")],
         deals=[dict(label="Licence expanded: ImmunoGen and Genentech", kind="Licence", event="Expanded", date="2012-08-01", terms=[
             ("dealKind", "kg:Licence", "licence", 0), ("dealEvent", "kg:Expanded", "expanded", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("genentech"), "Genentech", 0),
             ("licensor", C("immunogen"), "ImmunoGen", 0), ("licensee", C("genentech"), "Genentech", 0),
             ("covers", X("trastuzumab-emtansine"), "trastuzumab emtansine", 0),
             ("upfront", (2000000, "USD"), "$2 million upfront", 0)])],
         facts=[(C("immunogen"), "partnerOf", C("genentech"), "ImmunoGen, Inc. and Genentech", 0)]),
    dict(id="fx-10-roche-milestone", date="2013-02-25",
         headline="ImmunoGen Earns a Milestone Payment from Roche",
         sentences=["ImmunoGen, Inc. earned a $10.5 million milestone payment from Roche with the approval of trastuzumab emtansine."],
         entities=[(C("immunogen"), "Company", "ImmunoGen"), (C("roche"), "Company", "Roche"),
                   (X("trastuzumab-emtansine"), "Compound", "trastuzumab emtansine")],
         deals=[dict(label="Milestone: Roche pays ImmunoGen", kind="Licence", event="Milestone", date="2013-02-25", terms=[
             ("dealKind", "kg:Licence", "milestone payment", 0), ("dealEvent", "kg:Milestone", "earned", 0),
             ("party", C("immunogen"), "ImmunoGen", 0), ("party", C("roche"), "Roche", 0),
             ("covers", X("trastuzumab-emtansine"), "trastuzumab emtansine", 0),
             ("milestones", (10500000, "USD"), "$10.5 million milestone payment", 0)])],
         facts=[(C("immunogen"), "partnerOf", C("roche"), "ImmunoGen, Inc. earned a $10.5 million milestone payment from Roche", 0)]),
]

MONEY_NODE = {"upfront": "upfront", "equity": "equity", "milestones": "milestones", "totalValue": "total"}


def lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def h8(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:8]


def sentence_spans(sentences):
    text, spans = "", []
    for s in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s + "\n\n"
    return text, spans


def utf16(text, i):
    """Offsets count UTF-16 code units, as Java and JavaScript strings do."""
    return len(text[:i].encode("utf-16-le")) // 2


def evidence(g, out, doc, date, text, spans, sentences, s, p, o, words, i, rule, confidence, status):
    start = text.index(words, spans[i][0])
    end = start + len(words)
    assert end <= spans[i][1], (words, sentences[i])
    ev = f"<{ID}evidence/{doc}/{h8(s, p, o, words, str(start))}"
    out.append(f"  {ev}> a kg:Evidence ; rdf:subject {s} ; rdf:predicate {p} ; rdf:object {o} ;")
    out.append(f"      prov:wasDerivedFrom <{ID}document/{doc}> ; kg:sentence {lit(sentences[i])} ;")
    out.append(f"      oa:hasSelector {ev}-selector> ; kg:extractor \"{rule}\" ; kg:confidence {confidence} ;")
    if status:
        out.append(f"      kg:status kg:Achieved ;")
    out.append(f"      dcterms:date \"{date}\"^^xsd:date .")
    out.append(f"  {ev}-selector> a oa:TextPositionSelector ; oa:start \"{utf16(text, start)}\"^^xsd:nonNegativeInteger ;")
    out.append(f"      oa:end \"{utf16(text, end)}\"^^xsd:nonNegativeInteger .")


def main():
    print("# Deals of ten made-up press releases, in the RDF contract of docs/DESIGN.md (\"Deals\").")
    print("# Generated by make-deals-fixture.py (run it again after changing it); loaded by DealFixture.")
    for pfx, ns in [("kg", KG), ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"),
                    ("prov", "http://www.w3.org/ns/prov#"), ("oa", "http://www.w3.org/ns/oa#"),
                    ("dcterms", "http://purl.org/dc/terms/")]:
        print(f"PREFIX {pfx}: <{ns}>")
    for r in RELEASES:
        doc, date = r["id"], r["date"]
        text, spans = sentence_spans([r["headline"]] + r["sentences"])
        sentences = [r["headline"]] + r["sentences"]
        spans, sentences = spans[1:], sentences[1:]
        out = [f"\n<https://w3id.org/pharmakg/graph/doc/{doc}> {{"]
        d = f"<{ID}document/{doc}>"
        out.append(f"  {d} a kg:PressRelease ; kg:headline {lit(r['headline'])} ; kg:releaseDate \"{date}\"^^xsd:date ;")
        out.append(f"      kg:sourceFile \"fixture/{doc}.txt\" ; kg:contentHash \"sha256:{hashlib.sha256(text.encode()).hexdigest()}\" ;")
        out.append(f"      kg:builtAt \"2024-01-01T00:00:00Z\"^^xsd:dateTime ; kg:issuer {r['entities'][0][0]} ;")
        out.append(f"      kg:factCount {len(r['facts'])} ; kg:text {lit(text)} .")
        for iri, cls, name in r["entities"]:
            out.append(f"  {d} kg:mentions {iri} .  {iri} a kg:{cls} ; kg:surfaceForm {lit(name)} .")
        for s, p, o, words, i in r["facts"]:
            out.append(f"  {s} kg:{p} {o} .")
            evidence(None, out, doc, date, text, spans, sentences, s, f"kg:{p}", o, words, i, f"relation/deal-{p}", "0.8", True)
        for n, deal in enumerate(r["deals"]):
            di = f"{ID}deal/{doc}-{h8(doc, str(n))}"
            out.append(f"  <{di}> a kg:Deal ; rdfs:label {lit(deal['label'])} ; kg:announcedIn {d} ;")
            out.append(f"      kg:dealDate \"{deal['date']}\"^^xsd:date .")
            for prop, value, words, i in deal["terms"]:
                if isinstance(value, tuple):
                    node = f"<{di}/{MONEY_NODE[prop]}>"
                    out.append(f"  {node} a kg:MonetaryAmount ; kg:amount \"{value[0]}\"^^xsd:decimal ; kg:currency \"{value[1]}\" ;")
                    out.append(f"      kg:amountText {lit(words)} .")
                    value = node
                elif value == "true":
                    value = "true"
                out.append(f"  <{di}> kg:{prop} {value} .")
                evidence(None, out, doc, date, text, spans, sentences, f"<{di}>", f"kg:{prop}", value, words, i,
                         f"deal/{prop}", "0.9", False)
        out.append("}")
        print("\n".join(out))


main()
