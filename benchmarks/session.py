"""A light Streamlit client: one websocket speaking the app's own protobuf messages, no browser.

It asks for a script run (a page, with the filters in the query string, as a bookmarked link opens) and waits
for the run's end, counting exception elements the page sent. Twenty of these cost the machine almost nothing,
so their timings are the server's, not twenty browsers'.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Self

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


@dataclass(frozen=True)
class Run:
    seconds: float
    errors: int
    page: str


class Session:
    def __init__(self, port: int):
        self.url = f"ws://127.0.0.1:{port}/_stcore/stream"
        self.socket = None

    async def __aenter__(self) -> Self:
        # no client keepalive pings (a browser sends none): a server busy with other sessions' runs answers a ping
        # late, and the client library then drops a healthy connection ("keepalive ping timeout")
        self.socket = await websockets.connect(
            self.url, subprotocols=["streamlit"], max_size=2**27, ping_interval=None, open_timeout=120
        )
        return self

    async def __aexit__(self, *exc) -> None:
        await self.socket.close()

    async def run(self, query: str, page: str = "", timeout: float = 120.0) -> Run:
        """One script run of ``page`` (its url path; "" the default page) with ``query`` as the URL's query."""
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        started = time.perf_counter()
        await self.socket.send(msg.SerializeToString())
        errors = 0
        deadline = started + timeout
        while True:
            raw = await asyncio.wait_for(self.socket.recv(), max(0.1, deadline - time.perf_counter()))
            forward = ForwardMsg()
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                errors += forward.delta.new_element.WhichOneof("type") == "exception"
            elif kind == "page_not_found":
                errors += 1
            elif kind == "script_finished":
                status = forward.script_finished
                if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    continue
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    errors += 1
                return Run(time.perf_counter() - started, errors, page or "default")
