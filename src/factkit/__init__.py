"""factkit: typed, verifiable facts from news-article text.

    >>> import factkit
    >>> result = factkit.extract(text, published="2024-02-17")
    >>> result.events[0].type
    'meeting'

Attributes load lazily so ``import factkit`` stays cheap for CLIs and workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_LAZY = {
    "extract": "factkit.pipeline",
    "extract_many": "factkit.batch",
    "merge": "factkit.merging",
    "MergedResult": "factkit.merged_schema",
    "Pipeline": "factkit.pipeline",
    "hookimpl": "factkit.hookspecs",
    "Extractor": "factkit.extractor",
    "InputError": "factkit.errors",
    "FactkitError": "factkit.errors",
    "ExtractionResult": "factkit.schema",
    "Entity": "factkit.schema",
    "Event": "factkit.schema",
    "Statement": "factkit.schema",
    "Relation": "factkit.schema",
    "Argument": "factkit.schema",
    "EntityRef": "factkit.schema",
    "DateValue": "factkit.schema",
    "Location": "factkit.schema",
    "Span": "factkit.schema",
    "SCHEMA_VERSION": "factkit.schema",
}

if TYPE_CHECKING:
    from .errors import FactkitError, InputError
    from .extractor import Extractor
    from .hookspecs import hookimpl
    from .batch import extract_many
    from .merged_schema import MergedResult
    from .merging import merge
    from .pipeline import Pipeline, extract
    from .schema import (
        SCHEMA_VERSION,
        Argument,
        DateValue,
        Entity,
        EntityRef,
        Event,
        ExtractionResult,
        Location,
        Relation,
        Span,
        Statement,
    )


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'factkit' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = ["__version__", *_LAZY]
