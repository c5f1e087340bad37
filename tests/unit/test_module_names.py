"""A module-level name bound twice in one module is a merge hazard: code above the second binding reads the second
value at run time, so the first writer's rule silently stops working (twice in this project a wave's constant rebound
an older wave's of the same name: a shop kinds tuple became a string, a side's part kinds became side names). A second
binding that reads the name itself (a pattern refined from the one before) is a deliberate one and allowed."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("insight", "routing", "classifier", "rectification", "channels", "hotline", "models")


def _modules() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py") if "alembic" not in p.parts)


def rebound(source: str) -> list[tuple[str, int]]:
    """Each top-level name bound a second time by a statement that does not read it: (name, line)."""
    seen: dict[str, int] = {}
    out: list[tuple[str, int]] = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            value = node.value
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names, value = [node.name], None
        else:
            continue
        reads = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
        for name in names:
            if name in seen and name not in reads:
                out.append((name, node.lineno))
            seen.setdefault(name, node.lineno)
    return out


def test_the_check_finds_a_rebinding():
    assert rebound("A = (1, 2)\ndef f():\n    return A\nA = 'x'\n") == [("A", 4)]
    assert rebound("P = 'a'\nP = P + 'b'\n") == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_name_is_bound_twice(path):
    assert rebound(path.read_text(encoding="utf-8")) == []
