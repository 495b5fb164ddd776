"""The sample's reports checked and parsed ahead of their loads, one after another, by the limited child.

``ntm.sample.build`` loads the uploads one by one in the manifest's order (each its own transaction); the check
and parse of each report run in the limited child (``ntm.ingest.reader.parse_ahead``: the same child, limits and
checks as any upload). Parsing only the next report while the current one loads left the build waiting for the
child behind each of the long layouts (a 1 MB workbook of 40,000 rows takes the child longer to check, parse and
pickle than the report before it takes to load): about 2 s of the build's wall time, though the second core
sat idle in the short uploads before them. ``Ahead`` keeps the child busy instead: a thread parses the reports
in order, starting the next as soon as the child has answered the one before, up to ``depth`` answers not yet
taken (their rows are held in memory until their load), so one child runs at a time and the loads never wait
while the child has work it could have done earlier. It may start before the database is opened, so the first
reports are parsed while the catalogue and the units are seeded.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ntm.ingest.reader import Parsing, parse_ahead

DEPTH = 4  # parsed reports held ahead of the one loading: the long layouts' rows are ~20 MB each in memory


class _Entry(Protocol):
    @property
    def file(self) -> str: ...

    @property
    def kind(self) -> str: ...


class Ahead:
    """The parses of the ``report`` entries of ``files`` (read from ``folder``), one child at a time, in order."""

    def __init__(self, folder: Path, files: Sequence[_Entry], depth: int = DEPTH):
        self.folder, self.files, self.depth = folder, list(files), depth
        self._started: dict[int, Parsing] = {}
        self._failed: dict[int, BaseException] = {}
        self._taken = -1  # the index of the last entry taken
        self._closed = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="ntm-sample-ahead", daemon=True)
        self._thread.start()

    def _room(self, k: int) -> bool:
        """Whether entry ``k`` may be parsed now (or the parsing was closed)."""
        return self._closed or k - self._taken <= self.depth

    def _run(self) -> None:
        for k, entry in enumerate(self.files):
            if entry.kind != "report":
                continue
            with self._changed:
                # at most ``depth`` parses ahead of the entry loading (answers are held until taken)
                self._changed.wait_for(functools.partial(self._room, k))
                if self._closed:
                    return
            try:
                parsing = parse_ahead((self.folder / entry.file).read_bytes(), entry.file)
            except BaseException as exc:  # a file that cannot be read: raised to the loop that takes it
                with self._changed:
                    self._failed[k] = exc
                    self._changed.notify_all()
                return
            with self._changed:
                self._started[k] = parsing
                self._changed.notify_all()
            parsing.wait()  # the next report's parse starts once the child has answered this one

    def take(self, k: int) -> Parsing | None:
        """The parse of entry ``k`` (started, perhaps not finished), or None for an entry that is not a report.
        Entries are taken in order; what was parsed before ``k`` and not taken is dropped."""
        if self.files[k].kind != "report":
            return None
        with self._changed:
            self._changed.wait_for(lambda: k in self._started or k in self._failed or not self._thread.is_alive())
            self._taken = k
            for done in [j for j in self._started if j < k]:
                del self._started[done]
            self._changed.notify_all()
            if k in self._failed:
                raise self._failed.pop(k)
            parsing = self._started.pop(k, None)
        if parsing is None:  # the thread ended without it (closed): parse it now
            parsing = parse_ahead((self.folder / self.files[k].file).read_bytes(), self.files[k].file)
        return parsing

    def close(self) -> None:
        """No more parses started (those running finish in their child and are dropped)."""
        with self._changed:
            self._closed = True
            self._started.clear()
            self._changed.notify_all()
