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
    content: str | None = None  # a plain message instead (json and md_json modes)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    finish_reason: str = "stop"  # "length": the answer was cut at max_tokens


def records(**kinds: list[dict[str, Any]]) -> str:
    return json.dumps({"talks": [], "launches": [], "credits": [], **kinds}, ensure_ascii=False)


def _completion(answer: Answer) -> dict[str, Any]:
    if answer.content is not None:
        message: dict[str, Any] = {"role": "assistant", "content": answer.content}
    else:
        arguments = answer.arguments or records()
        call = {"id": "call_1", "type": "function", "function": {"name": "ChunkRecords", "arguments": arguments}}
        message = {"role": "assistant", "content": None, "tool_calls": [call]}
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "fault",
        "choices": [{"index": 0, "finish_reason": answer.finish_reason, "message": message}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class Received(list[dict[str, Any]]):
    """Request bodies in arrival order, and the most requests that were in flight at once."""

    most_in_flight = 0


@contextmanager
def fault_server(script: Callable[[dict[str, Any], int], Answer]) -> Iterator[tuple[str, Received]]:
    """Serve `script(request_body, request_number)`; yields (base URL, received request bodies)."""
    received = Received()
    lock = threading.Lock()
    in_flight = [0, 0]  # now, most at once

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            with lock:
                received.append(body)
                number = len(received)
                in_flight[0] += 1
                in_flight[1] = max(in_flight)
            answer = script(body, number)
            time.sleep(answer.delay)
            with lock:
                in_flight[0] -= 1
            failure = {"error": {"message": "scripted failure"}}
            payload = json.dumps(_completion(answer) if answer.status == 200 else failure).encode()
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
        received.most_in_flight = in_flight[1]
        server.shutdown()
        server.server_close()
