"""Whoosh's private API is used only inside the engine package (indexer/engine/).

A private name here is one Whoosh's own source defines with a leading
underscore (a function, class, or attribute it assigns). Outside the engine,
no module imports such a name from Whoosh, nor reads or writes such an
attribute on an object that is not its own class's (``self._lock`` of a class
that does not derive from Whoosh is the module's own business).
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest
import whoosh

REPO = Path(__file__).resolve().parents[1]
ENGINE = REPO / "indexer" / "engine"
OUTSIDE = sorted(p for pkg in ("indexer", "searchsvc") for p in (REPO / pkg).rglob("*.py")
                 if ENGINE not in p.parents)


@cache
def whoosh_private_names() -> frozenset[str]:
    names = set()
    for path in Path(whoosh.__file__).parent.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except SyntaxError:  # Whoosh ships a Python 2 era module (support/pyparsing)
            continue
        for node in ast.walk(tree):
            name = None
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                name = node.name
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                name = node.attr
            if name and name.startswith("_") and not name.startswith("__"):
                names.add(name)
    return frozenset(names)


def private_uses(source: str) -> list[str]:
    """Whoosh-private names a module uses, except on ``self`` of classes not derived from Whoosh."""
    tree = ast.parse(source)
    private = whoosh_private_names()
    whoosh_names = {alias.asname or alias.name for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh")
                    for alias in node.names}
    found = [f"import {alias.name}" for node in ast.walk(tree)
             if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("whoosh")
             for alias in node.names if alias.name in private]
    for cls in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef))]:
        derives = isinstance(cls, ast.ClassDef) and any(
            isinstance(b, ast.Name) and b.id in whoosh_names
            or isinstance(b, ast.Attribute) for b in cls.bases)
        for node in ast.walk(cls):
            if not (isinstance(node, ast.Attribute) and node.attr in private):
                continue
            on_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if on_self and not derives:
                continue
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


def test_the_check_sees_a_private_use():
    assert private_uses("from whoosh.codec.whoosh3 import _lenfield\n")
    assert private_uses("def f(m):\n    return m._ids\n")
    assert private_uses("from whoosh.codec.whoosh3 import W3LeafMatcher\n"
                        "class M(W3LeafMatcher):\n    def f(self):\n        return self._ids\n")
    assert not private_uses("class Cache:\n    def f(self):\n        return self._ids\n")


@pytest.mark.parametrize("path", OUTSIDE, ids=lambda p: str(p.relative_to(REPO)))
def test_no_private_whoosh_outside_the_engine(path):
    uses = private_uses(path.read_text(encoding="utf-8"))
    # A private name the module defines itself is its own (a function, a class, a method).
    own = {n.name for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
           if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    uses = [u for u in uses if u.rsplit(".", 1)[-1] not in own]
    assert not uses, f"{path.relative_to(REPO)} uses Whoosh's private API: {uses}"


def test_the_service_imports_the_engine_and_the_schema_not_the_indexer():
    """The service reads an index through the engine; it never loads the readers,
    the annotators or the build (those run as their own process)."""
    import subprocess
    import sys

    code = ("import sys, searchsvc.app, searchsvc.__main__; "
            "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] == 'indexer')))")
    loaded = set(subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                                text=True, check=True).stdout.split())
    allowed = {"indexer", "indexer.schema", "indexer.models", "indexer.folding",
               "indexer.vocabulary", "indexer.settings"}
    outside = {m for m in loaded if m not in allowed and not m.startswith("indexer.engine")}
    assert not outside, f"the service loads indexer modules outside the engine: {sorted(outside)}"
    assert "indexer.engine.matchset" in loaded  # the check sees what is loaded
