#!/usr/bin/env python3
"""Validate goalsite's data catalogue (DCAT-AP-SE, RDF/XML) offline.

usage: validate_dcat.py CATALOG.rdf SHAPES_DIR VOCAB.ttl LANG

LANG is the site's default language: every catalogue and dataset has a title in it.

1. parses CATALOG as RDF/XML (rdflib)                      -> fails on bad RDF
2. pyshacl with the 3 DCAT-AP 2.1.1 shape files merged, data graph = catalog + vocab.ttl,
   inference none; counts only TOP-LEVEL results (sh:result of the report) by severity
   (nested sh:detail results repeat 'sh:Violation' even when the parent is a Warning!)
3. DCAT-AP-SE mandatory properties + harvesting rules via SPARQL
exit 0 iff zero SHACL violations and zero DCAT-AP-SE errors.
"""
import sys, time, pathlib
import rdflib
from rdflib.namespace import RDF, SH
from pyshacl import validate

cat_path, shapes_dir, vocab_path, lang = sys.argv[1:5]
t0 = time.perf_counter()

catalog = rdflib.Graph()
catalog.parse(cat_path, format="xml")          # step 1: must be RDF/XML

shapes = rdflib.Graph()
for f in sorted(pathlib.Path(shapes_dir).glob("dcat-ap_2.1.1_shacl_*.ttl")):
    shapes.parse(f, format="turtle")

data = rdflib.Graph()
data += catalog
data.parse(vocab_path, format="turtle")

conforms, report, _text = validate(data, shacl_graph=shapes, inference="none",
                                   allow_warnings=True, advanced=False)
t1 = time.perf_counter()

by_sev = {}
for rep in report.subjects(RDF.type, SH.ValidationReport):
    for r in report.objects(rep, SH.result):
        sev = report.value(r, SH.resultSeverity)
        by_sev.setdefault(sev.split("#")[-1], []).append(r)
for sev, rs in sorted(by_sev.items()):
    print(f"SHACL {sev}: {len(rs)}")
    for r in rs:
        print("   focus=%s path=%s value=%s\n      %s" % (
            report.value(r, SH.focusNode), report.value(r, SH.resultPath),
            report.value(r, SH.value), report.value(r, SH.resultMessage)))
violations = len(by_sev.get("Violation", []))

# ---------------- DCAT-AP-SE mandatory (2.2.0 + 3.0.1) and harvesting rules ----------------
P = """PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
errors = []
def need(cls, prop, lo=1, hi=None, what=None):
    q = P + f"""SELECT ?s (COUNT(DISTINCT ?o) AS ?n) WHERE {{ ?s a {cls} .
             OPTIONAL {{ ?s {prop} ?o }} }} GROUP BY ?s"""
    for s, n in catalog.query(q):
        n = int(n)
        if n < lo or (hi is not None and n > hi):
            errors.append(f"{cls} {s}: {prop} count {n}, need {lo}..{hi or 'n'} {what or ''}")

g_cls = ["dcat:Catalog", "dcat:Dataset", "dcat:Distribution", "foaf:Agent", "vcard:Organization"]
for c in g_cls:
    if not list(catalog.query(P + f"ASK {{ ?s a {c} }}")):
        errors.append(f"no {c} at all")
need("dcat:Catalog", "dct:title"); need("dcat:Catalog", "dct:description")
need("dcat:Catalog", "dct:publisher", 1, 1); need("dcat:Catalog", "dct:license", 1, 1)
need("dcat:Catalog", "dcat:dataset")
need("dcat:Dataset", "dct:title"); need("dcat:Dataset", "dct:description")
need("dcat:Dataset", "dct:publisher", 1, 1)
need("dcat:Distribution", "dcat:accessURL", 1, 1)
need("dcat:Distribution", "dct:format", 1, 1, "(SE: format group 1..1)")
need("foaf:Agent", "foaf:name"); need("foaf:Agent", "dct:type", 1, 1, "(mandatory in SE 3.0.1)")
for vc in ("vcard:Organization", "vcard:Individual"):
    need(vc, "vcard:fn"); need(vc, "vcard:hasEmail")

checks = {
 "catalog licence must be CC0 (SE 'Förtydliganden')":
   "ASK { ?c a dcat:Catalog ; dct:license ?l FILTER(?l != <http://creativecommons.org/publicdomain/zero/1.0/>) }",
 "blank node used for Catalog/Dataset/Distribution/publisher/contact (harvesting.md)":
   """ASK { { ?s a ?t FILTER(isBlank(?s) && ?t IN (dcat:Catalog, dcat:Dataset, dcat:Distribution, foaf:Agent,
            vcard:Organization, vcard:Individual, vcard:Kind)) }
          UNION { ?x dct:publisher|dcat:contactPoint|dcat:distribution|dcat:dataset ?s FILTER isBlank(?s) } }""",
 "IRI not absolute http(s)/mailto (harvesting.md)":
   "ASK { { ?s ?p ?o } FILTER( (isIRI(?s) && !REGEX(STR(?s), '^https?://')) || (isIRI(?o) && !REGEX(STR(?o), '^(https?://|mailto:)')) ) }",
 "same IRI used as publisher and contact point (harvesting.md)":
   "ASK { ?a dct:publisher ?x . ?b dcat:contactPoint ?x }",
 "distribution not linked from exactly one dataset":
   "ASK { ?d a dcat:Distribution . FILTER NOT EXISTS { ?ds dcat:distribution ?d } }",
 "dataset not listed in a catalog":
   "ASK { ?d a dcat:Dataset . FILTER NOT EXISTS { ?c dcat:dataset ?d } }",
 "hasEmail not a mailto: IRI":
   "ASK { ?c vcard:hasEmail ?e FILTER(!isIRI(?e) || !STRSTARTS(STR(?e), 'mailto:')) }",
 "title without a title in the site's default language":
   "ASK { ?s a ?t FILTER(?t IN (dcat:Catalog, dcat:Dataset)) . FILTER NOT EXISTS { ?s dct:title ?x FILTER(LANG(?x)='%s') } }" % lang,
 "dates not xsd:date/dateTime/gYear":
   "ASK { ?s dct:issued|dct:modified|dcat:startDate|dcat:endDate ?d FILTER(DATATYPE(?d) NOT IN (xsd:date, xsd:dateTime, xsd:gYear)) }",
 "dcat:CatalogRecord is not allowed in DCAT-AP-SE":
   "ASK { ?s a dcat:CatalogRecord }",
}
for msg, q in checks.items():
    if catalog.query(P + q).askAnswer:
        errors.append(msg)

t2 = time.perf_counter()
print(f"triples: catalog={len(catalog)} data+vocab={len(data)} shapes={len(shapes)}")
print(f"DCAT-AP-SE errors: {len(errors)}")
for e in errors:
    print("   " + e)
print(f"time: parse+shacl {t1-t0:.2f}s, SE checks {t2-t1:.2f}s")
ok = violations == 0 and not errors
print("RESULT:", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
