"""factkit-cameo: CAMEO event codes on factkit's events and statements.

Event-data sets (GDELT, ICEWS, PLOVER) are keyed by CAMEO codes; with a code
in ``attributes["cameo"]`` (and its name in ``attributes["cameo_label"]``)
factkit output can be joined to them. The plugin only post-processes: it
uses the ``process_result`` hook and changes nothing else.
"""

from __future__ import annotations

from factkit import ExtractionResult, hookimpl
from factkit.analysis import AnalysedDocument

from .codes import LABELS
from .coding import code_event, code_statement

__version__ = "0.1.0"
__all__ = ["LABELS", "code_event", "code_statement", "process_result"]


@hookimpl
def process_result(result: ExtractionResult, document: AnalysedDocument) -> None:
    """Add ``cameo`` and ``cameo_label`` to every event and statement a code fits.

    A code another plugin already set is left alone.
    """
    for event in result.events:
        _label(event.attributes, code_event(event, document))
    for statement in result.statements:
        _label(statement.attributes, code_statement(statement))


def _label(attributes: dict, code: str | None) -> None:  # type: ignore[type-arg]
    if code is None or "cameo" in attributes:
        return
    attributes["cameo"] = code
    attributes["cameo_label"] = LABELS[code]
