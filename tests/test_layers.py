"""The package reads as the pipeline: no module imports a module of a later stage."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "chronology"
# Earliest first. A module may import its own layer and earlier ones, never a later one.
# (privacy, safe writing and names, comes before the stages: the diff writes its own file)
LAYERS = (
    "dates", "model", "text", "loaders", "review", "merge", "privacy", "stages", "facts",
    "render", "pipeline", "commands", "cli",
)  # fmt: skip


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "chronology" or len(parts) < 2:
        return None
    name = parts[1]
    return LAYERS.index(name) if name in LAYERS else None


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [(node.lineno, n) for n in names if _layer(n) is not None][:1]
            if node.module == "chronology":
                found += [(node.lineno, f"chronology.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def test_no_module_imports_a_later_stage() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        dotted = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        own = _layer(dotted)
        if own is None:
            continue
        for line, imported in _imports(path):
            theirs = _layer(imported)
            if theirs is not None and theirs > own:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {imported}")
    assert not wrong, "\n".join(wrong)


def test_no_global_statement_and_no_fork() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        nodes = ast.walk(ast.parse(text))
        wrong += [f"{path.name}:{n.lineno} global" for n in nodes if isinstance(n, ast.Global)]
        if "os.fork" in text or "multiprocessing" in text:
            wrong.append(f"{path.name}: forks")
    assert not wrong, "\n".join(wrong)


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(p.relative_to(PACKAGE.parent)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long
