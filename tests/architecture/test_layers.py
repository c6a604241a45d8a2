"""The layers of docs/architecture.md hold, and the checks that hold them would catch a slip.

import-linter checks the packages (`[tool.importlinter]` in pyproject.toml). app.py and the page
scripts are not a package, so their imports are checked here, by the same rule: a page talks to
the ui package only.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("negotiation", "ui")
PAGE_SCRIPTS = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
PAGE_MAY_IMPORT = ("__future__", "streamlit", "ui", "negotiation.kernel.i18n")
"""What a page script may import: Streamlit, the ui package, and the translation function."""
MAX_PAGE_LINES = 150
LAZY_IMPORTS_ALLOWED = {
    "negotiation/adapters/cli.py": "each command imports only what it runs, so `demo` starts without WeasyPrint",
    "negotiation/adapters/bench/pages.py": "a child process that sets YESABLE_DB before it opens the store",
}


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--no-logo", str(root / "pyproject.toml")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def copy_of_the_packages(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def plant(root: Path, module: str, line: str) -> None:
    path = root / (module.replace(".", "/") + ".py")
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_import_contracts_hold():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("module, line, broken", [
    ("negotiation.data.case", "from negotiation.adapters.store import CaseStore", "Layers import only downwards"),
    ("negotiation.method.intake", "import streamlit", "The domain (kernel, data, method) never imports"),
    ("negotiation.kernel.i18n", "from negotiation.data.parties import PartyRole", "Layers import only downwards"),
    ("negotiation.adapters.report", "from ui import common", "Layers import only downwards"),
    ("negotiation.adapters.store", "import streamlit", "Only the ui imports Streamlit"),
    ("negotiation.method.margin.analysis", "import weasyprint", "The domain (kernel, data, method) never imports"),
])
def test_a_forbidden_import_planted_in_a_copy_breaks_a_contract(tmp_path, module, line, broken):
    root = copy_of_the_packages(tmp_path)
    plant(root, module, line)
    result = lint_imports(root)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout[result.stdout.index("Broken contracts"):]
    assert broken in report


def _imports_of(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
    return found


def page_import_violations(paths: list[Path]) -> list[str]:
    return [
        f"{path.name}:{line}: {name}"
        for path in paths
        for line, name in _imports_of(path)
        if not any(name == allowed or name.startswith(allowed + ".") for allowed in PAGE_MAY_IMPORT)
    ]


def test_app_and_the_pages_import_only_streamlit_the_ui_and_the_translation_function():
    assert page_import_violations(PAGE_SCRIPTS) == []


def test_a_page_importing_the_store_is_caught(tmp_path):
    page = tmp_path / "4_Options.py"
    page.write_text((ROOT / "pages" / "4_Options.py").read_text(encoding="utf-8")
                    + "\nfrom negotiation.adapters.store import CaseStore\n", encoding="utf-8")
    assert page_import_violations([page]) == [f"4_Options.py:{len(page.read_text().splitlines())}: "
                                              "negotiation.adapters.store"]


def test_app_hands_over_to_the_ui_package_and_holds_no_logic_of_its_own():
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    statements = [node for node in tree.body[1:] if not isinstance(node, (ast.Import, ast.ImportFrom))]
    assert len(statements) == 1 and isinstance(statements[0], ast.Expr)
    assert ast.unparse(statements[0]).startswith("home.")


def test_every_page_is_at_most_150_lines():
    lengths = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in PAGE_SCRIPTS}
    assert {name: n for name, n in lengths.items() if n > MAX_PAGE_LINES} == {}


def import_edges(root: Path) -> dict[str, list[str]]:
    """Every module of the packages under `root` and the project modules it imports, read by grimp
    (which reads every import statement: in functions and under TYPE_CHECKING too)."""
    code = ("import json, grimp; g = grimp.build_graph(*%r, cache_dir=None); "
            "print(json.dumps({m: sorted(g.find_modules_directly_imported_by(m)) for m in g.modules}))" % (PACKAGES,))
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                            capture_output=True, text=True, timeout=300, check=True)
    return json.loads(result.stdout)


def cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan): each a cycle or a knot of them."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges.get(module, []):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycle_among_the_projects_modules_counting_imports_inside_functions():
    edges = import_edges(ROOT)
    assert "negotiation.data.case" in edges and "ui.common" in edges
    assert cycles(edges) == []


def test_the_cycle_finder_finds_a_cycle_held_open_by_an_import_inside_a_function(tmp_path):
    root = copy_of_the_packages(tmp_path)
    plant(root, "negotiation.data.parties", "def _late():\n    from negotiation.data.case import Case")
    knots = cycles(import_edges(root))
    assert any({"negotiation.data.case", "negotiation.data.parties"} <= set(knot) for knot in knots)


def test_no_project_import_inside_a_function_but_the_lazy_ones_named_here():
    offenders = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = str(path.relative_to(ROOT))
            if relative in LAZY_IMPORTS_ALLOWED:
                continue
            for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                for node in ast.walk(function):
                    if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in PACKAGES:
                        offenders.append(f"{relative}:{node.lineno}")
    assert offenders == []


def test_no_module_imports_under_type_checking():
    offenders = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "TYPE_CHECKING" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
