"""Helpers to serve a built site on 127.0.0.1 and drive Debian's Chromium with Playwright.

Used by the browser tests, ``tools/pdf.py`` and ``benchmarks/``. Chromium runs headless
with background networking off; every request that would leave 127.0.0.1 is recorded
and aborted, so a page that tries to reach another host is caught, never served.
"""

from __future__ import annotations

import functools
import gzip
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 at a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Traffic:
    """What a page asked for while loading."""

    local: dict[str, int] = field(default_factory=dict)  # url -> gzip-compressed bytes
    blocked: list[str] = field(default_factory=list)  # requests that would leave the machine

    @property
    def compressed_bytes(self) -> int:
        return sum(self.local.values())


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"data", "blob", "about"} or parts.hostname in {"127.0.0.1", "localhost"}


def watch(page: Any, traffic: Traffic) -> None:
    """Abort and record requests to other hosts; record compressed sizes of local ones."""

    def route(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            traffic.blocked.append(route.request.url)
            route.abort()

    def response(resp: Any) -> None:
        if resp.url.startswith("http://127.0.0.1") and resp.status < 400:
            try:
                body = resp.body()
            except Exception:  # redirected or aborted responses have no body
                return
            traffic.local[resp.url] = len(gzip.compress(body, compresslevel=6))

    page.route("**/*", route)
    page.on("response", response)


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium driven by Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
