"""The hooks factkit calls. Each spec is one line; the docstring carries an example.

Hooks take a ``register`` callback or a builder object rather than returning
values, so factkit can add keyword arguments later without breaking plugins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from factkit.analysis.document import AnalysedDocument
    from factkit.analysis.lexicon import Lexicon
    from factkit.extractor import Extractor
    from factkit.schema import ExtractionResult

PROJECT_NAME = "factkit"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


@hookspec
def register_extractors(register: Callable[[Extractor], None]) -> None:
    """Register extractors by calling ``register(Extractor(...))`` once per extractor.

    Example::

        @hookimpl
        def register_extractors(register):
            register(Extractor(name="visits", extract=find_visits, produces=("event:visit",)))
    """


@hookspec
def register_lexicon(lexicon: Lexicon) -> None:
    """Add entities, titles or speech verbs that the analysis should know.

    Example::

        @hookimpl
        def register_lexicon(lexicon):
            lexicon.add_entity("Shanghai Cooperation Organisation", "organization", aliases=["SCO"])
            lexicon.add_titles(["Grand Vizier"])
            lexicon.add_speech_verbs(["grumble", "grumbles", "grumbled"])
    """


@hookspec
def process_result(result: ExtractionResult, document: AnalysedDocument) -> None:
    """Inspect or amend each finished result in place (add attributes, codes, relations).

    Runs after ids, merging and span checks. Example::

        @hookimpl
        def process_result(result, document):
            for event in result.events:
                event.attributes["source_outlet"] = "example"
    """
