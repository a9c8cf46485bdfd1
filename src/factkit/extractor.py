"""The record a plugin registers for each extractor it provides."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from factkit.analysis.document import AnalysedDocument
    from factkit.schema import Event, Relation, Statement

    ExtractFunction = Callable[[AnalysedDocument], Iterable[Union[Event, Statement, Relation]]]
else:
    ExtractFunction = Callable


@dataclass(frozen=True)
class Extractor:
    """One named extractor.

    ``extract`` receives the analysed document and yields events, statements
    and relations; the pipeline assigns ids, validates, checks spans and merges
    duplicates, so an extractor only has to find facts. ``produces`` names the
    fact types it yields (``"event:meeting"``, ``"statement"``,
    ``"relation:met_with"``) for ``factkit plugins`` and the docs.
    """

    name: str
    extract: ExtractFunction
    produces: tuple[str, ...] = ()
    description: str = ""
