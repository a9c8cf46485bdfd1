"""The pluggy host: built-in and third-party plugins, loaded the same way.

Built-ins are ordinary modules in ``DEFAULT_PLUGINS`` using the public
``@hookimpl`` API. Third-party plugins come from the ``factkit`` entry-point
group; ``FACTKIT_LOAD_PLUGINS`` picks which ('' loads none, the way out when a
plugin breaks) and ``FACTKIT_TRACE_PLUGINS=1`` logs every hook call to stderr.
A plugin that fails to import is reported on stderr and skipped.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .extractor import Extractor

if TYPE_CHECKING:
    from .analysis.lexicon import Lexicon

ENTRY_POINT_GROUP = "factkit"
DEFAULT_PLUGINS: tuple[str, ...] = (
    "factkit.extractors.meetings",
    "factkit.extractors.statements",
    "factkit.extractors.sanctions",
    "factkit.extractors.agreements",
)


class PluginError(Exception):
    """A plugin misbehaved in a way that makes the host unusable (e.g. a duplicate extractor name)."""


@dataclass(frozen=True)
class LoadFailure:
    plugin: str
    message: str


@dataclass(frozen=True)
class RegisteredExtractor:
    """An extractor together with the plugin that registered it."""

    extractor: Extractor
    plugin: str

    @property
    def name(self) -> str:
        return self.extractor.name


@dataclass
class PluginInfo:
    name: str
    distribution: str | None
    version: str | None
    builtin: bool
    hooks: list[str] = field(default_factory=list)
    extractors: list[dict[str, Any]] = field(default_factory=list)


def _wanted_entry_points() -> list[metadata.EntryPoint]:
    selection = os.environ.get("FACTKIT_LOAD_PLUGINS")
    points = sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name)
    if selection is None:
        return points
    wanted = {name.strip() for name in selection.split(",") if name.strip()}
    return [ep for ep in points if ep.name in wanted or (ep.dist and ep.dist.name in wanted)]


class FactkitPluginManager(pluggy.PluginManager):
    """A pluggy manager that remembers where each plugin came from and which failed to load."""

    def __init__(self) -> None:
        super().__init__(hookspecs.PROJECT_NAME)
        self.distributions: dict[str, Any] = {}
        self.load_failures: list[LoadFailure] = []


def get_plugin_manager(*, entry_points: bool = True) -> FactkitPluginManager:
    """A fresh plugin manager with the built-ins and (by default) installed plugins.

    Tests call this for an isolated manager; ``entry_points=False`` gives the
    built-ins only.
    """
    pm = FactkitPluginManager()
    pm.add_hookspecs(hookspecs)
    for module_name in DEFAULT_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if entry_points:
        for ep in _wanted_entry_points():
            if pm.has_plugin(ep.name) or pm.is_blocked(ep.name):
                continue
            try:
                plugin = ep.load()
                pm.register(plugin, name=ep.name)
            except Exception as exc:  # a broken plugin must not take the host down
                pm.load_failures.append(LoadFailure(ep.name, f"{type(exc).__name__}: {exc}"))
                print(f"factkit: plugin {ep.name!r} failed to load and was skipped: "
                      f"{type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            if ep.dist is not None:
                pm.distributions[ep.name] = ep.dist
    pm.check_pending()
    if os.environ.get("FACTKIT_TRACE_PLUGINS"):
        pm.trace.root.setwriter(sys.stderr.write)
        pm.enable_tracing()
    return pm


def _call_kwargs(impl: pluggy.HookImpl, available: dict[str, Any]) -> dict[str, Any]:
    """Only the arguments the hookimpl asked for (pluggy's opt-in argument convention)."""
    return {name: available[name] for name in impl.argnames if name in available}


class PluginHost:
    """Typed facade over the plugin manager: one method per hook, failures isolated per plugin."""

    def __init__(self, pm: pluggy.PluginManager | None = None) -> None:
        self.pm = pm if pm is not None else get_plugin_manager()
        self._trace = bool(os.environ.get("FACTKIT_TRACE_PLUGINS"))

    @property
    def load_failures(self) -> list[LoadFailure]:
        return list(getattr(self.pm, "load_failures", []))

    def _impls(self, hook_name: str) -> Iterator[pluggy.HookImpl]:
        """Each implementation on its own, so one plugin's failure is charged to that plugin.

        pluggy calls the last-registered first; we run in registration order for stable output.
        """
        for impl in reversed(getattr(self.pm.hook, hook_name).get_hookimpls()):
            if self._trace:
                print(f"factkit trace: {hook_name} -> {impl.plugin_name}", file=sys.stderr)
            yield impl

    def extractors(self) -> dict[str, RegisteredExtractor]:
        """Every registered extractor by name; a name claimed twice names both plugins."""
        found: dict[str, RegisteredExtractor] = {}
        for impl in self._impls("register_extractors"):
            mine: dict[str, RegisteredExtractor] = {}
            conflict: list[PluginError] = []

            def register(extractor: Extractor, _plugin: str = impl.plugin_name,
                         _mine: dict[str, RegisteredExtractor] = mine,
                         _conflict: list[PluginError] = conflict) -> None:
                if not isinstance(extractor, Extractor):
                    raise PluginError(f"plugin {_plugin!r} registered {extractor!r}, not a factkit Extractor")
                if extractor.name in found or extractor.name in _mine:
                    owner = found[extractor.name].plugin if extractor.name in found else _plugin
                    _conflict.append(PluginError(
                        f"extractor name {extractor.name!r} is registered by both plugin "
                        f"{owner!r} and plugin {_plugin!r}"))
                    raise _conflict[-1]
                _mine[extractor.name] = RegisteredExtractor(extractor, _plugin)

            try:
                impl.function(**_call_kwargs(impl, {"register": register}))
            except Exception as exc:
                if conflict:  # two plugins claim one name: the user must choose, not us
                    raise conflict[0] from None
                self._skip(impl.plugin_name, "register_extractors", exc)
                continue
            found.update(mine)
        return dict(sorted(found.items()))

    def _skip(self, plugin: str, hook: str, exc: Exception) -> None:
        """A plugin whose hook fails loses that hook's contribution, never the whole run."""
        message = f"{type(exc).__name__}: {exc}"
        failures = getattr(self.pm, "load_failures", None)
        if isinstance(failures, list):
            failures.append(LoadFailure(plugin, f"{hook}: {message}"))
        print(f"factkit: plugin {plugin!r} failed in {hook} and was skipped: {message}",
              file=sys.stderr)

    def build_lexicon(self) -> Lexicon:
        """The default lexicon extended by every plugin's ``register_lexicon``."""
        from .analysis.lexicon import Lexicon

        lexicon = Lexicon.default()
        for impl in self._impls("register_lexicon"):
            try:
                impl.function(**_call_kwargs(impl, {"lexicon": lexicon}))
            except Exception as exc:
                print(f"factkit: plugin {impl.plugin_name!r} failed in register_lexicon and was "
                      f"skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        return lexicon

    def result_processors(self) -> list[tuple[str, Callable[..., Any], list[str]]]:
        return [(impl.plugin_name, impl.function, list(impl.argnames))
                for impl in self._impls("process_result")]

    def describe(self) -> list[PluginInfo]:
        """What ``factkit plugins`` prints: every plugin, its version, hooks and extractors."""
        from . import __version__

        dists = getattr(self.pm, "distributions", {})
        extractors = self.extractors()
        infos = []
        for name, plugin in self.pm.list_name_plugin():
            if plugin is None:
                continue
            builtin = name in DEFAULT_PLUGINS
            dist = dists.get(name)
            info = PluginInfo(
                name=name,
                distribution="factkit" if builtin else (dist.name if dist else None),
                version=__version__ if builtin else (dist.version if dist else None),
                builtin=builtin,
                hooks=sorted(h.name for h in self.pm.get_hookcallers(plugin) or []),
                extractors=[
                    {"name": r.name, "produces": list(r.extractor.produces),
                     "description": r.extractor.description}
                    for r in extractors.values() if r.plugin == name
                ],
            )
            infos.append(info)
        return sorted(infos, key=lambda i: (not i.builtin, i.name))
