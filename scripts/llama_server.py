"""Run llama-cpp-python's OpenAI-compatible server with llama.cpp's AMX "extra buffer types" off.

llama-cpp-python 0.3.36 segfaults on the first decode on Xeons with AMX unless they are off, and its
server has no flag for them: the model's default parameters are patched before the server loads it.
Arguments are the server's own (`--model FILE --host 127.0.0.1 --port 8765 --n_ctx 8192 ...`).
"""

from __future__ import annotations

import runpy

import llama_cpp.llama_cpp as bindings  # what `Llama` calls for its model's default parameters

_defaults = bindings.llama_model_default_params


def _without_extra_buffer_types() -> bindings.llama_model_params:
    params = _defaults()
    params.use_extra_bufts = False
    return params


bindings.llama_model_default_params = _without_extra_buffer_types
runpy.run_module("llama_cpp.server", run_name="__main__")
