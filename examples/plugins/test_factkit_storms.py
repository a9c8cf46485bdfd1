"""Tests for the tutorial's plugin, written the way a plugin author writes them."""

import factkit_storms

pytest_plugins = ["factkit.testing"]

TEXT = ("Hurricane Idalia made landfall in Florida on Wednesday, the National Hurricane Center "
        "said. Forecasters warned that Tropical Storm Lee could strike Bermuda next week.")


def test_a_storm_that_struck_is_an_occurred_event(register_plugin, factkit_extract):
    register_plugin(factkit_storms)
    result = factkit_extract(TEXT, published="2023-08-31", only=["storms"])
    idalia = result.events[0]
    assert (idalia.type, idalia.status) == ("storm", "occurred")
    assert idalia.attributes["name"] == "Hurricane Idalia"
    assert idalia.location.text == "Florida"
    assert idalia.date.value == "2023-08-30"


def test_a_forecast_is_hypothetical(register_plugin, factkit_extract):
    register_plugin(factkit_storms)
    result = factkit_extract(TEXT, published="2023-08-31", only=["storms"])
    assert [(e.attributes["name"], e.status) for e in result.events] == [
        ("Hurricane Idalia", "occurred"), ("Tropical Storm Lee", "hypothetical")]


def test_the_lexicon_names_the_agency(register_plugin, factkit_extract):
    register_plugin(factkit_storms)
    result = factkit_extract(TEXT, published="2023-08-31")
    speakers = [s.speaker.entity for s in result.statements if s.speaker is not None]
    agency = next(e for e in result.entities if e.name == "National Hurricane Center")
    assert agency.id in speakers


def test_without_the_plugin_there_are_no_storms(factkit_extract):
    assert not [e for e in factkit_extract(TEXT, published="2023-08-31").events
                if e.type == "storm"]
