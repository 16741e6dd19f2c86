"""Serve a folder over HTTP on 127.0.0.1 with gzip, as a web host would.

``python -m http.server`` sends every file uncompressed, so a page measured against it weighs
what it weighs on disk. Real hosts (GitHub Pages, Netlify, nginx's defaults plus ``gzip on``)
compress text on the fly; this server does the same for text types (HTML, CSS, JavaScript,
JSON, SVG, XML, plain text) when the request says ``Accept-Encoding: gzip``, at level 6 (the
default of nginx's and zlib's ``gzip``). Fonts and images are sent as they are. It sends
``Cache-Control: no-cache`` and no ``Last-Modified``, so every run measures a cold load.

    python tools/serve_gzip.py _build/html --port 8000
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import os
import threading

#: Types worth compressing; woff2, png and jpeg are already compressed.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/wasm")
LEVEL = 6


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that gzips text responses for clients that accept it."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".js": "application/javascript", ".mjs": "application/javascript",
                      ".json": "application/json", ".svg": "image/svg+xml",
                      ".woff2": "font/woff2", ".woff": "font/woff", ".wasm": "application/wasm"}

    def send_head(self):  # noqa: D102 - same contract as the base class
        path = self.translate_path(self.path)
        index = os.path.join(path, "index.html")
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/") and os.path.isfile(index):
            path = index
        if not os.path.isfile(path):
            return super().send_head()  # directory redirects, listings and 404s
        ctype = self.guess_type(path)
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        try:
            with open(path, "rb") as handle:
                body = handle.read()
        except OSError:
            self.send_error(404, "File not found")
            return None
        encoding = None
        if wants_gzip and ctype.startswith(COMPRESSIBLE):
            body = gzip.compress(body, compresslevel=LEVEL, mtime=0)
            encoding = "gzip"
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Vary", "Accept-Encoding")
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):  # quiet: the caller reports what matters
        pass


def make_server(directory: str, host: str = "127.0.0.1", port: int = 0):
    """Return a started threading server for ``directory`` and its base URL."""
    handler = functools.partial(GzipHandler, directory=directory)
    httpd = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://{host}:{httpd.server_address[1]}"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    handler = functools.partial(GzipHandler, directory=args.directory)
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as httpd:
        print(f"serving {args.directory} gzipped on http://{args.host}:{httpd.server_address[1]}")
        httpd.serve_forever()


if __name__ == "__main__":
    main()
