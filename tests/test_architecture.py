"""The flow reads in one direction (ARCHITECTURE.md): no module imports a later layer.

Every import in every module of tooling/ is read from its syntax tree, including
imports inside functions (a lazy import that reaches back is still a cycle).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest
from conftest import ROOT

TOOLING = ROOT / "tooling"

# Earlier layers first.  A module may import its own layer and any earlier one.
LAYERS = [
    ("foundation", {"i18n", "memo", "problems", "quotes", "shapes", "unsafe_text", "yamlfile", "yamledit", "__init__"}),
    ("origins", {"origins"}),
    ("records", {"records", "names", "prose"}),
    (
        "checks",
        {
            "ratings",
            "coverage",
            "corroboration",
            "rules",
            "corrections",
            "quotefinder",
            "schema_check",
            "integrity",
            "translations",
        },
    ),
    ("validator", {"validate"}),
    ("outputs", {"exports", "editor_schemas", "skeleton"}),
    ("extension: foundations", {"sphinxext.config", "sphinxext.domain", "sphinxext.nodes", "sphinxext.state"}),
    (
        "extension: helpers",
        {
            "sphinxext.common",
            "sphinxext.charts",
            "sphinxext.metadata",
            "sphinxext.dateaxis",
            "sphinxext.mapdraw",
            "sphinxext.search_filters",
        },
    ),
    ("extension: aggregates", {"sphinxext.aggregates"}),
    (
        "extension: pages",
        {
            "sphinxext.events",
            "sphinxext.sources",
            "sphinxext.claims_index",
            "sphinxext.claimants",
            "sphinxext.figures",
            "sphinxext.lists",
            "sphinxext.corrections",
            "sphinxext.findings",
            "sphinxext.timeline",
        },
    ),
    (
        "extension: publishing",
        {"sphinxext.editions", "sphinxext.publish", "sphinxext.pages", "sphinxext.navigation", "sphinxext.search"},
    ),
    ("extension", {"sphinxext.__init__"}),
    (
        "tools",
        {
            "cli",
            "__main__",
            "bench",
            "budgets",
            "audits",
            "synthetic",
            "weight",
            "chromium",
            "preview",
            "safe_build",
            "derive_mapdata",
            "catalogs",
        },
    ),
]
LAYER_OF = {name: i for i, (_, names) in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    return path.relative_to(TOOLING).with_suffix("").as_posix().replace("/", ".")


def _resolve(dotted: str) -> str | None:
    """A dotted name under tooling/ -> its module in LAYER_OF (a package is its __init__)."""
    for candidate in (dotted, f"{dotted}.__init__" if dotted else "__init__"):
        if candidate in LAYER_OF:
            return candidate
    return None


def imports_of(path: Path) -> set[str]:
    """The tooling modules a file imports, as names relative to tooling/."""
    package = module_name(path).split(".")[:-1]
    out: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            target = package[: len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
        elif node.module and node.module.split(".")[0] == "tooling":
            target = node.module.split(".")[1:]
        else:
            continue
        if node.module:
            out.add(_resolve(".".join(target)))
        else:  # from . import state: each name may be a module
            out.update(_resolve(".".join(target + [a.name])) or _resolve(".".join(target)) for a in node.names)
    out.discard(None)
    out.discard(module_name(path))
    return out


MODULES = sorted(p for p in TOOLING.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_module_has_a_layer():
    assert [module_name(p) for p in MODULES if module_name(p) not in LAYER_OF] == []


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_reaches_back(path):
    mine = LAYER_OF[module_name(path)]
    later = sorted(f"{m} ({LAYERS[LAYER_OF[m]][0]})" for m in imports_of(path) if LAYER_OF.get(m, -1) > mine)
    assert later == [], f"{module_name(path)} ({LAYERS[mine][0]}) imports a later layer: {later}"


def test_the_checker_sees_a_reach_back(tmp_path, monkeypatch):
    """The test itself can fail: a records module importing the validator is caught."""
    fake = tmp_path / "tooling"
    fake.mkdir()
    (fake / "records.py").write_text("from .validate import check\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "TOOLING", fake)
    assert imports_of(fake / "records.py") == {"validate"}
