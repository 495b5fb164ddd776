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
