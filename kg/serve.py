"""`kg serve`: the real Oxigraph SPARQL server (the `oxigraph` package) on a kg store."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from .store import StoreError


@dataclass(frozen=True)
class ServerCommand:
    argv: tuple[str, ...]
    url: str


def oxigraph_binary() -> str:
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def port_is_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def server_command(store: Path, *, host: str = "127.0.0.1", port: int = 7878, writable: bool = False,
                   timeout_s: int | None = 60) -> ServerCommand:
    """The command line that serves `store`: read-only and on loopback unless asked otherwise."""
    if not store.exists():
        raise StoreError(f"no store at {store} (run `kg ingest PATH --store {store}` first)")
    if not port_is_free(host, port):
        raise StoreError(f"port {port} on {host} is already in use (choose another with --port)")
    mode = "serve" if writable else "serve-read-only"
    argv = [oxigraph_binary(), mode, "--location", str(store), "--bind", f"{host}:{port}", "--union-default-graph"]
    if timeout_s and not writable:
        argv += ["--timeout-s", str(timeout_s)]
    return ServerCommand(tuple(argv), f"http://{host}:{port}")


def run_server(command: ServerCommand) -> None:
    """Become the server process (exec), so that stopping `kg serve` stops the server itself."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command.argv[0], list(command.argv))
