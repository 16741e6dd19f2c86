"""The package's shape: one home per name, importable where the chapters import it, and
import arrows that go one way (no cycles; widgets use the package, never the reverse)."""

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scalinglaws"

# Names the chapters and tests import from a module that re-exports them, and their home.
REEXPORTS = [
    ("scalinglaws.powerlaw", "fit_exponential_trend", "scalinglaws.trends"),
    ("scalinglaws.powerlaw", "doubling_time", "scalinglaws.trends"),
    ("scalinglaws.powerlaw", "ExponentialTrend", "scalinglaws.trends"),
    ("scalinglaws.powerlaw", "percentile_interval", "scalinglaws.regression"),
    ("scalinglaws.powerlaw", "PF_DAY_FLOPS", "scalinglaws.units"),
    ("scalinglaws.hardware", "transistor_trend", "scalinglaws.hardware.moore"),
    ("scalinglaws.hardware", "fit_two_segment_trend", "scalinglaws.trends"),
    ("scalinglaws.hardware", "growth_doubling_time", "scalinglaws.trends"),
    ("scalinglaws.hardware", "implied_doubling_time", "scalinglaws.trends"),
    ("scalinglaws.hardware", "compare_chips", "scalinglaws.hardware.accelerators"),
    ("scalinglaws.hardware", "scaling_over_generations", "scalinglaws.hardware.dennard"),
    ("scalinglaws.hardware", "fit_clock_plateau", "scalinglaws.hardware.clock"),
    ("scalinglaws.hardware", "single_thread_series", "scalinglaws.hardware.single_thread"),
    ("scalinglaws.chinchilla", "FLOPS_PER_PARAM_TOKEN", "scalinglaws.units"),
    ("scalinglaws.chinchilla", "fit_parametric", "scalinglaws.chinchilla.parametric"),
    ("scalinglaws.chinchilla", "compute_optimal", "scalinglaws.chinchilla.allocation"),
    ("scalinglaws.chinchilla", "HOFFMANN_2022", "scalinglaws.chinchilla.laws"),
    ("scalinglaws.chinchilla", "compare_approaches", "scalinglaws.chinchilla.approaches"),
    ("scalinglaws.chinchilla", "simulate_training_runs", "scalinglaws.chinchilla.simulate"),
]


@pytest.mark.parametrize(("where", "name", "home"), REEXPORTS)
def test_a_reexported_name_is_its_homes_object(where, name, home):
    assert getattr(importlib.import_module(where), name) is getattr(
        importlib.import_module(home), name)


@pytest.mark.parametrize("module", ["scalinglaws.hardware", "scalinglaws.chinchilla",
                                    "scalinglaws.powerlaw", "scalinglaws.trends"])
def test_every_name_in_all_is_importable(module):
    imported = importlib.import_module(module)
    missing = [name for name in imported.__all__ if not hasattr(imported, name)]
    assert missing == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Module → the package modules it imports at module level (not inside functions)."""
    graph = {}
    for path in PACKAGE.rglob("*.py"):
        module = _module_name(path)
        targets = set()
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(
                    "scalinglaws"):
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("scalinglaws"))
        graph[module] = targets
    known = set(graph)
    return {module: {t for t in targets if t in known and t != module}
            for module, targets in graph.items()}


def test_no_module_imports_the_calculators_except_the_calculators():
    offenders = [module for module, targets in _imports().items()
                 if not module.startswith("scalinglaws.widgets")
                 and any(t.startswith("scalinglaws.widgets") for t in targets)]
    assert offenders == []


def test_module_imports_have_no_cycles():
    graph = _imports()
    # A package's __init__ importing its own submodules is how it re-exports; a submodule
    # importing its package back would be the cycle, and is what this looks for.
    state, cycles = {}, []

    def visit(module, path):
        state[module] = "open"
        for target in sorted(graph[module]):
            if target.startswith(module + "."):
                continue  # a package's __init__ importing its own submodule
            if state.get(target) == "open":
                cycles.append(path + [target])
            elif target not in state:
                visit(target, path + [target])
        state[module] = "done"

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
