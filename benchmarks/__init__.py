"""The benchmark: national scale, measured here, each case against a baseline measured in the same run.

``python -m benchmarks [--scale district|province|national] [--json]`` builds (or reuses) a deterministic
database of the scale through ``ntm.store``, then times ingest (``ingest``), the queries behind every page
(``queries`` against ``frames``, the pandas baseline) and the real app (``app``: chromium and light websocket
sessions, ``session``). One line per case: median, min, max, baseline, ratio, goal met.
"""
