"""``python -m benchmarks [--scale district|province|national] [--json]``: see ``benchmarks/__init__.py``."""

import sys

from benchmarks.run import main

sys.exit(main())
