"""A scripted OpenAI-compatible server on 127.0.0.1 for fault tests: bounded, local, stops by itself."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    arguments: str | None = None  # the tool call's JSON arguments
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def records(**kinds: list[dict[str, Any]]) -> str:
    return json.dumps({"talks": [], "launches": [], "credits": [], **kinds}, ensure_ascii=False)


def _completion(arguments: str) -> dict[str, Any]:
    call = {"id": "call_1", "type": "function", "function": {"name": "ChunkRecords", "arguments": arguments}}
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "fault",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": None, "tool_calls": [call]},
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


@contextmanager
def fault_server(script: Callable[[dict[str, Any], int], Answer]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    """Serve `script(request_body, request_number)`; yields (base URL, received request bodies)."""
    received: list[dict[str, Any]] = []
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with lock:
                received.append(body)
                number = len(received)
            answer = script(body, number)
            time.sleep(answer.delay)
            payload = json.dumps(
                _completion(answer.arguments or records())
                if answer.status == 200
                else {"error": {"message": "scripted failure"}}
            ).encode()
            try:
                self.send_response(answer.status)
                for name, value in {"Content-Type": "application/json", **answer.headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", received
    finally:
        server.shutdown()
        server.server_close()
