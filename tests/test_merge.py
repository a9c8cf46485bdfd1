"""Merging many articles' results: one fact per real-world fact, with its sources and conflicts."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import factkit
from factkit.errors import InputError
from factkit.merged_schema import MergedResult, merged_json_schema
from factkit.merging import compare_dates, content_words, merge, overlap
from factkit.schema import (
    Argument,
    DateValue,
    DocumentInfo,
    Entity,
    EntityRef,
    Event,
    ExtractionResult,
    Location,
    Relation,
    Span,
    Statement,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
FACTKIT = Path(sys.executable).with_name("factkit")
COMMITTED = resources.files("factkit") / "data" / "merged.schema.json"

# Two reports of one visit: different wording, entity ids, date and detail.
ARTICLE_A = """Norway and Indonesia pledge closer fisheries cooperation

OSLO, June 12 (Wire) - Norwegian Foreign Minister Espen Barth Eide met Indonesian Foreign Minister Sugiono in Oslo on Tuesday.

The two ministers agreed to set up a joint task force on illegal fishing, according to a statement from the Norwegian foreign ministry.

Eide said Norway would double its support for ocean research in the region.
"""
ARTICLE_B = """Indonesian minister presses Europe on palm oil during Oslo visit

Indonesia's top diplomat Sugiono held talks with Norwegian Foreign Minister Espen Barth Eide in Oslo on Wednesday, the Indonesian foreign ministry said.

Eide told reporters that Norway would double its support for ocean research in Southeast Asia.
"""


def span(text: str, start: int = 0) -> Span:
    return Span(start=start, end=start + len(text), text=text)


def person(eid: str, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, type="person", name=name, aliases=[name, *aliases], mentions=[span(name)])


def country(eid: str, name: str, *aliases: str) -> Entity:
    return Entity(id=eid, type="country", name=name, aliases=[name, *aliases], mentions=[span(name)])


def meeting(*who: tuple[str | None, str], date: str | None = None, where: str | None = None,
            status: str = "occurred", evidence: str = "They met.", **attributes: str) -> Event:
    return Event(type="meeting", status=status,
                 arguments=[Argument(role="participant", entity=e, text=t) for e, t in who],
                 attributes=attributes,
                 date=DateValue(text=f"on {date}", value=date, precision="day") if date else None,
                 location=Location(text=where) if where else None, evidence=[span(evidence)],
                 extractor="meetings")


def result(doc_id: str, entities: list[Entity], events=(), statements=(), relations=(),
           published: str | None = "2025-06-12") -> ExtractionResult:
    numbered = ExtractionResult(document=DocumentInfo(id=doc_id, published=published),
                                entities=entities, events=list(events),
                                statements=list(statements), relations=list(relations))
    for prefix, facts in (("ev", numbered.events), ("s", numbered.statements),
                          ("r", numbered.relations)):
        for n, fact in enumerate(facts, start=1):
            fact.id = f"{prefix}{n}"
    return numbered


EIDE_A = person("e1", "Espen Barth Eide", "Eide")
SUGIONO_A = person("e2", "Sugiono")
EIDE_B = person("e7", "Eide")  # only the short name in this report
SUGIONO_B = person("e3", "Sugiono", "Indonesia's top diplomat Sugiono")


# -- entities ---------------------------------------------------------------

def test_entities_unify_by_canonical_name_and_alias():
    merged = merge([result("a", [EIDE_A, SUGIONO_A]), result("b", [SUGIONO_B, EIDE_B])])
    names = {e.name: e for e in merged.entities}
    assert set(names) == {"Espen Barth Eide", "Sugiono"}
    eide = names["Espen Barth Eide"]
    assert eide.count == 2 and [(s.document, s.id) for s in eide.sources] == [("a", "e1"), ("b", "e7")]
    assert {"Eide", "Espen Barth Eide"} <= set(eide.aliases)
    assert "Indonesia's top diplomat Sugiono" in names["Sugiono"].aliases


def test_an_alias_shared_by_two_people_unifies_neither():
    wang_yi = person("e1", "Wang Yi", "Wang")
    wang_wenbin = person("e1", "Wang Wenbin", "Wang")
    just_wang = person("e1", "Wang")
    merged = merge([result("a", [wang_yi]), result("b", [wang_wenbin]), result("c", [just_wang])])
    assert sorted(e.name for e in merged.entities) == ["Wang", "Wang Wenbin", "Wang Yi"]


def test_same_name_of_different_types_stays_apart():
    city = Entity(id="e1", type="place", name="Beijing", aliases=["Beijing"])
    china = country("e1", "China", "Beijing")
    merged = merge([result("a", [city]), result("b", [china])])
    assert len(merged.entities) == 2


# -- events -----------------------------------------------------------------

def test_one_meeting_from_two_reports_has_both_sources_and_evidence():
    a = result("a", [EIDE_A, SUGIONO_A],
               [meeting(("e1", "Eide"), ("e2", "Sugiono"), date="2025-06-10", where="Oslo",
                        evidence="Eide met Sugiono.")])
    b = result("b", [SUGIONO_B, EIDE_B],
               [meeting(("e3", "Sugiono"), ("e7", "Eide"), where="Oslo",
                        evidence="Sugiono held talks with Eide.")])
    merged = merge([a, b])
    [event] = merged.events
    assert event.count == 2
    assert [(s.document, s.id, [e.text for e in s.evidence]) for s in event.sources] == [
        ("a", "ev1", ["Eide met Sugiono."]), ("b", "ev1", ["Sugiono held talks with Eide."])]
    assert event.date.value == "2025-06-10" and not event.alternatives
    ids = {e.name: e.id for e in merged.entities}
    assert sorted(a.entity for a in event.arguments) == sorted([ids["Espen Barth Eide"],
                                                              ids["Sugiono"]])


def test_two_dates_for_one_meeting_stay_visible_as_alternatives():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"),
                                                  date="2025-06-10")])
    b = result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  date="2025-06-11")])
    c = result("c", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  date="2025-06-11")])
    [event] = merge([a, b, c]).events
    assert event.count == 3
    assert event.date.value == "2025-06-11"  # two of three sources say so
    assert [(alt.value["value"], alt.documents) for alt in event.alternatives["date"]] == [
        ("2025-06-10", ["a"]), ("2025-06-11", ["b", "c"])]


def test_a_coarser_date_refines_without_conflict():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"))])
    a.events[0].date = DateValue(text="this month", value="2025-06", precision="month")
    b = result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  date="2025-06-11")])
    [event] = merge([a, b]).events
    assert event.date.value == "2025-06-11" and event.date.span is None
    assert "date" not in event.alternatives


def test_meetings_months_apart_are_two_meetings():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"),
                                                  date="2025-01-15")])
    b = result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  date="2025-06-11")])
    assert len(merge([a, b]).events) == 2


def test_different_places_without_an_agreeing_date_are_two_meetings():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"), where="Oslo")])
    b = result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  where="Jakarta")])
    assert len(merge([a, b]).events) == 2


def test_conflicting_occasion_is_an_alternative_not_a_loss():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"),
                                                  date="2025-06-10", occasion="Oslo Forum")])
    b = result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  date="2025-06-10", occasion="Our Ocean summit")])
    [event] = merge([a, b]).events
    assert {alt.value for alt in event.alternatives["attributes.occasion"]} == {
        "Oslo Forum", "Our Ocean summit"}


def test_a_report_naming_more_participants_adds_them():
    third = person("e9", "Penny Wong", "Wong")
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"))])
    b = result("b", [SUGIONO_B, EIDE_B, third],
               [meeting(("e3", "Sugiono"), ("e7", "Eide"), ("e9", "Wong"))])
    [event] = merge([a, b]).events
    assert sorted(a.text for a in event.arguments) == ["Eide", "Sugiono", "Wong"]
    added = [a for a in event.arguments if a.text == "Wong"][0]
    assert added.span is None  # a span of another document has no place in this fact's body


def test_a_different_counterpart_is_a_different_meeting():
    third = person("e9", "Penny Wong", "Wong")
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"))])
    b = result("b", [EIDE_B, third], [meeting(("e7", "Eide"), ("e9", "Wong"))])
    assert len(merge([a, b]).events) == 2


def test_status_must_agree():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"))])
    b = result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                  status="planned")])
    assert len(merge([a, b]).events) == 2


def test_two_facts_of_one_document_never_merge():
    a = result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"), evidence="x"),
                                          meeting(("e1", "Eide"), ("e2", "Sugiono"), evidence="y")])
    assert len(merge([a]).events) == 2


def sanction(imposer: tuple[str | None, str], target: tuple[str | None, str], action: str,
             status: str = "demanded") -> Event:
    return Event(type="sanction", status=status,
                 arguments=[Argument(role="imposer", entity=imposer[0], text=imposer[1]),
                            Argument(role="target", entity=target[0], text=target[1])],
                 attributes={"action": action, "measure": "sanctions"},
                 evidence=[span("sanctions sentence")], extractor="sanctions")


def test_an_unresolved_imposer_is_unified_through_the_aliases():
    eu_a = Entity(id="e4", type="organization", name="European Union", aliases=["EU"])
    indonesia_a, indonesia_b = country("e5", "Indonesia", "Indonesian"), country("e1", "Indonesia")
    a = result("a", [eu_a, indonesia_a], [sanction(("e4", "European Union"),
                                                   ("e5", "Indonesian exporters"), "lift")])
    b = result("b", [indonesia_b, Entity(id="e2", type="organization", name="European Union",
                                         aliases=["EU"])],
               [sanction((None, "EU"), ("e1", "Indonesian firms"), "lift")])
    [event] = merge([a, b]).events
    assert event.count == 2 and event.attributes["action"] == "lift"


def test_a_lift_and_an_imposition_stay_apart():
    us, cn = country("e1", "United States", "U.S."), country("e2", "China")
    a = result("a", [us, cn], [sanction(("e1", "U.S."), ("e2", "China"), "lift")])
    b = result("b", [us, cn], [sanction(("e1", "U.S."), ("e2", "China"), "impose", "occurred")])
    assert len(merge([a, b]).events) == 2


# -- statements and relations -----------------------------------------------

def said(speaker: tuple[str, str], content: str, addressee: tuple[str, str] | None = None
         ) -> Statement:
    return Statement(speaker=EntityRef(entity=speaker[0], text=speaker[1]), kind="indirect",
                     cue="said", content=content,
                     addressee=EntityRef(entity=addressee[0], text=addressee[1]) if addressee else None,
                     evidence=[span(content)], extractor="statements")


def test_similar_statements_by_one_speaker_merge_and_others_do_not():
    a = result("a", [EIDE_A, SUGIONO_A], statements=[
        said(("e1", "Eide"), "Norway would double its support for ocean research in the region"),
        said(("e2", "Sugiono"), "Norway would double its support for ocean research")])
    b = result("b", [SUGIONO_B, EIDE_B], statements=[
        said(("e7", "He"), "Norway will double support for ocean research in Southeast Asia"),
        said(("e7", "Eide"), "the talks had been frank and useful")])
    merged = merge([a, b])
    counts = {(s.speaker.text, " ".join(s.content.split()[:3])): s.count
              for s in merged.statements}
    assert counts == {("Eide", "Norway would double"): 2, ("Sugiono", "Norway would double"): 1,
                      ("Eide", "the talks had"): 1}


def test_statement_addressees_that_differ_are_alternatives():
    a = result("a", [EIDE_A, SUGIONO_A], statements=[
        said(("e1", "Eide"), "fishing fleets must respect the new quotas", ("e2", "Sugiono"))])
    b = result("b", [SUGIONO_B, EIDE_B], statements=[
        said(("e7", "Eide"), "fishing fleets must respect new quotas", ("e7", "reporters"))])
    [statement] = merge([a, b]).statements
    assert statement.count == 2
    assert [alt.value["text"] for alt in statement.alternatives["addressee"]] == ["Sugiono",
                                                                                "reporters"]


def test_symmetric_relations_merge_whatever_their_direction():
    def met(s, o):
        return Relation(type="met_with", subject=EntityRef(entity=s[0], text=s[1]),
                        object=EntityRef(entity=o[0], text=o[1]), evidence=[span("met")])
    a = result("a", [EIDE_A, SUGIONO_A], relations=[met(("e1", "Eide"), ("e2", "Sugiono"))])
    b = result("b", [SUGIONO_B, EIDE_B], relations=[met(("e3", "Sugiono"), ("e7", "Eide"))])
    [relation] = merge([a, b]).relations
    assert relation.count == 2


# -- the document -----------------------------------------------------------

def _two() -> list[ExtractionResult]:
    return [result("a", [EIDE_A, SUGIONO_A], [meeting(("e1", "Eide"), ("e2", "Sugiono"),
                                                      date="2025-06-10")],
                   [said(("e1", "Eide"), "the talks were useful")]),
            result("b", [SUGIONO_B, EIDE_B], [meeting(("e3", "Sugiono"), ("e7", "Eide"),
                                                      date="2025-06-11")],
                   published="2025-06-13")]


def test_output_reads_like_a_single_result_plus_documented_keys():
    data = json.loads(merge(_two()).to_json())
    assert list(data) == ["schema_version", "document", "documents", "entities", "events",
                          "statements", "relations", "errors"]
    assert data["document"] == {"id": None, "published": "2025-06-13", "text": None}
    assert [d["id"] for d in data["documents"]] == ["a", "b"]
    event = data["events"][0]
    assert set(event) >= {"id", "type", "status", "arguments", "attributes", "date", "location",
                          "evidence", "confidence", "extractor", "sources", "count",
                          "alternatives"}
    jsonschema.validate(data, merged_json_schema())
    jsonschema.validate(data, json.loads(COMMITTED.read_text(encoding="utf-8")))


def test_committed_merged_schema_matches_the_models():
    assert json.loads(COMMITTED.read_text(encoding="utf-8")) == merged_json_schema(), (
        "src/factkit/data/merged.schema.json is stale: run `make schema`")


def test_round_trip_and_determinism():
    first = merge(_two())
    again = MergedResult.model_validate_json(first.to_json())
    assert again.to_json() == first.to_json()
    assert merge([json.loads(r.to_json()) for r in _two()]).to_json() == first.to_json()


def test_documents_without_ids_get_distinct_ones():
    one, two = _two()
    one.document.id = two.document.id = None
    assert [d.id for d in merge([one, two, one]).documents] == ["doc1", "doc2", "doc3"]


def test_bad_inputs_are_named():
    with pytest.raises(InputError, match="result 1: not a factkit result"):
        merge([_two()[0], {"events": "nope"}])
    with pytest.raises(InputError, match="already a merged document"):
        merge([json.loads(merge(_two()).to_json())])


def test_lazy_public_api():
    assert factkit.merge is merge
    importlib.import_module("factkit.merging")  # importing the module must not shadow the function
    assert factkit.merge is merge


def test_helpers():
    assert compare_dates("2025-06", "2025-06-11") == "same"
    assert compare_dates("2025-06-10", "2025-06-11") == "near"
    assert compare_dates("2025-06-10", "2025-03-11") == "far"
    assert compare_dates(None, "2025") == "unknown"
    assert overlap(content_words("lift the sanctions on firms"),
                   content_words("lifting sanctions on the firms now")) >= 0.5


# -- end to end ---------------------------------------------------------------

def test_two_own_articles_merge_through_the_pipeline(builtin_pipeline):
    a = builtin_pipeline.extract(ARTICLE_A, published="2025-06-12", doc_id="a")
    b = builtin_pipeline.extract(ARTICLE_B, published="2025-06-12", doc_id="b")
    merged = merge([a, b])
    meetings = [e for e in merged.events if e.type == "meeting"]
    [visit] = [m for m in meetings if m.count == 2]
    assert {a.text for a in visit.arguments} >= {"Sugiono"}
    assert [alt.value["value"] for alt in visit.alternatives["date"]] == ["2025-06-10",
                                                                          "2025-06-11"]
    assert any(s.count == 2 and "ocean research" in s.content for s in merged.statements)


def _factkit(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    import os

    return subprocess.run([str(FACTKIT), *args], capture_output=True, input=stdin, timeout=120,
                          env={**os.environ, "FACTKIT_LOAD_PLUGINS": ""})


def test_cli_merges_json_files_arrays_and_json_lines(tmp_path):
    one, two = _two()
    (tmp_path / "one.json").write_text(one.to_json(indent=2), encoding="utf-8")
    (tmp_path / "both.jsonl").write_text(one.to_json() + "\n\n" + two.to_json() + "\n",
                                         encoding="utf-8")
    (tmp_path / "array.json").write_text(f"[{two.to_json()}]", encoding="utf-8")
    proc = _factkit("merge", str(tmp_path / "one.json"), str(tmp_path / "array.json"))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["events"][0]["count"] == 2
    proc = _factkit("merge", "--pretty", "-", stdin=(tmp_path / "both.jsonl").read_bytes())
    assert proc.returncode == 0 and proc.stdout.startswith(b"{\n")
    assert json.loads(proc.stdout)["events"][0]["count"] == 2


def test_cli_reports_bad_inputs_and_merges_the_rest(tmp_path):
    one, _ = _two()
    good = tmp_path / "good.json"
    good.write_text(one.to_json(), encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema_version": "1"}\nnot json\n', encoding="utf-8")
    proc = _factkit("merge", str(good), str(bad), str(tmp_path / "missing.json"))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"{bad}:2: malformed JSON record" in err and "missing.json: no such file" in err
    assert [d["id"] for d in json.loads(proc.stdout)["documents"]] == ["a", "doc2"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seed articles not beside the checkout")
def test_the_seed_articles_merge_into_one_munich_meeting(tmp_path):
    seeds = sorted(p for p in SEEDS.glob("*.txt") if p.name[:3] in ("000", "003"))
    assert len(seeds) == 2
    out = tmp_path / "seeds.jsonl"
    proc = _factkit("extract", "--published", "2024-02-17", "-o", str(out), *map(str, seeds))
    assert proc.returncode == 0, proc.stderr
    proc = _factkit("merge", str(out))
    assert proc.returncode == 0, proc.stderr
    merged = MergedResult.model_validate_json(proc.stdout)
    names = {e.id: e.name for e in merged.entities}
    munich = [e for e in merged.events if e.type == "meeting" and e.location
              and e.location.text == "Munich"]
    assert len(munich) == 1
    [meeting_] = munich
    assert meeting_.count == 2 and {s.document for s in meeting_.sources} == set(map(str, seeds))
    assert {names[a.entity] for a in meeting_.arguments} == {"Wang Yi", "Antony Blinken"}
    lifts = [e for e in merged.events if e.type == "sanction"
             and e.attributes.get("action") == "lift" and e.status == "demanded"]
    assert len(lifts) == 1 and lifts[0].count == 2
