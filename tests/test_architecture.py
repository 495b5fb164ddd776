"""The domain package stays UI-free: importing every ntm module must not import streamlit."""

import pkgutil
import subprocess
import sys

import ntm


def test_ntm_never_imports_streamlit():
    modules = [m.name for m in pkgutil.walk_packages(ntm.__path__, "ntm.") if not m.name.endswith("__main__")]
    code = (
        "import importlib, sys\n"
        + "".join(f"importlib.import_module({m!r})\n" for m in modules)
        + "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
    assert len(modules) > 8


def test_no_test_module_imports_another_test_module_or_conftest():
    """Shared code lives in helper modules (``tests/helpers.py``, ``tests/browser_helpers.py`` …): a test module
    imported by another runs its module-level fixtures and marks twice, and hides what it shares."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                last = name.split(".")[-1]
                if name.startswith("tests.") and (last.startswith("test_") or last == "conftest"):
                    found.append(f"{path.relative_to(root.parent)}: {name}")
    assert found == [], found
    assert len(list(root.rglob("test_*.py"))) > 50
