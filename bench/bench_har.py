"""Benchmark ``jwtscope har`` on generated HAR files of 10 MB and 100 MB.

Not a test (pytest does not collect ``bench/``). Run it from the repository root::

    python bench/bench_har.py [--sizes 10 100] [--entries-per-mb 200] [--sanitize]

For each size it writes, to a temporary folder, a browser-like session: one request a
second with Chrome's usual headers, an HS256 bearer token refreshed every 4 minutes
through ``/api/auth/token`` (5-minute tokens), JSON answers padded to reach the size,
and, at the end, a refresh that never happens (the token expires, then 401). Then, each
in a fresh interpreter, it triages the file (and with ``--sanitize`` writes a sanitized
copy) and prints the wall time and the process's peak RSS, next to the peak RSS of an
interpreter that only imports the same modules. The line that matters is the ratio of
the peaks: the file is streamed, so memory must not grow with its size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-har-secret-0123456789abcdef0123"
T0 = 1795521600
API, WEB = "https://api.example.test", "https://app.example.test"
CHROME = {
    "Accept": "application/json, text/plain, */*",
    "Accept-Encoding": "gzip, deflate, br, zstd",
    "Accept-Language": "en-US,en;q=0.9",
    "Origin": WEB,
    "Referer": f"{WEB}/dashboard",
    "Sec-Fetch-Dest": "empty",
    "Sec-Fetch-Mode": "cors",
    "Sec-Fetch-Site": "same-site",
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/150.0 Safari/537.36",
    "sec-ch-ua": '"Chromium";v="150", "Not;A=Brand";v="8"',
    "sec-ch-ua-platform": '"Linux"',
}

RUN = """
import json, resource, sys, time
from pathlib import Path
from jwtscope.services.har_run import sanitize_file, triage_file
path, mode = Path(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
if mode == "triage":
    result = triage_file(path)
    what = {"cause": result.cause.code if result.cause else None, "rows": len(result.rows),
            "entries": result.entries}
elif mode == "sanitize":
    what = {"entries": sanitize_file(path, path.with_suffix(".clean.har"))}
else:
    what = {}
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "rss_mb": peak, **what}))
"""


def _pairs(headers: dict[str, str]) -> list[dict[str, str]]:
    return [{"name": k, "value": v} for k, v in headers.items()]


def _entry(at: int, url: str, status: int, headers: dict[str, str], text: str) -> dict[str, Any]:
    date = f"{at}"
    return {
        "startedDateTime": datetime.fromtimestamp(at, UTC).isoformat(),
        "time": 42.0,
        "request": {
            "method": "GET",
            "url": url,
            "httpVersion": "h2",
            "headers": _pairs({**CHROME, **headers}),
            "cookies": [],
            "queryString": [],
            "headersSize": -1,
            "bodySize": 0,
        },
        "response": {
            "status": status,
            "statusText": "",
            "httpVersion": "h2",
            "cookies": [],
            "headers": _pairs(
                {
                    "content-type": "application/json",
                    "access-control-allow-origin": WEB,
                    "x-request-id": date,
                    "vary": "Origin",
                }
            ),
            "content": {"size": len(text), "mimeType": "application/json", "text": text},
            "redirectURL": "",
            "headersSize": -1,
            "bodySize": len(text),
        },
        "cache": {},
        "timings": {"send": 0.1, "wait": 40.0, "receive": 1.9},
    }


def generate(path: Path, megabytes: int, entries: int) -> None:
    """Write a browser-like session of about ``megabytes`` MB with ``entries`` entries."""
    pad = max(0, megabytes * 1_000_000 // entries - 1900)
    filler = json.dumps(
        [{"id": i, "title": "todo " * 4, "done": False} for i in range(pad // 60 + 1)]
    )[:pad]
    body = json.dumps({"items": filler})
    token = ""
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '{"log": {"version": "1.2", "creator": {"name": "bench", "version": "1"}, '
            '"pages": [], "entries": [\n'
        )
        for i in range(entries):
            at = T0 + i
            if i % 240 == 0 and i < entries - 400:
                token = jwt.encode(
                    {"sub": "7", "iat": at, "exp": at + 300}, SECRET, algorithm="HS256"
                )
                entry = _entry(at, f"{WEB}/api/auth/token", 200, {}, json.dumps({"token": token}))
            else:
                expired = at >= jwt.decode(token, options={"verify_signature": False})["exp"]
                entry = _entry(
                    at,
                    f"{API}/todos?page={i % 7}",
                    401 if expired else 200,
                    {"Authorization": f"Bearer {token}"},
                    body,
                )
            out.write(("," if i else "") + json.dumps(entry) + "\n")
        out.write("]}}\n")


def measure(path: Path, mode: str) -> dict[str, Any]:
    """Run ``mode`` (triage, sanitize, or import) on ``path`` in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, "-c", RUN, str(path), mode],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(proc.stdout)


def main() -> None:
    """Generate, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--entries-per-mb", type=int, default=200)
    parser.add_argument("--sanitize", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = measure(Path(tmp) / "none", "import")
        print(f"imports only: peak RSS {base['rss_mb']:.0f} MB")
        peaks = []
        for size in args.sizes:
            path = Path(tmp) / f"session-{size}mb.har"
            generate(path, size, size * args.entries_per_mb)
            real = path.stat().st_size / 1e6
            got = measure(path, "triage")
            peaks.append(got["rss_mb"])
            print(
                f"{real:6.1f} MB, {got['entries']:6d} entries: triage {got['seconds']:5.2f} s "
                f"({real / got['seconds']:.0f} MB/s), peak RSS {got['rss_mb']:.0f} MB "
                f"(+{got['rss_mb'] - base['rss_mb']:.0f} MB over imports), {got['rows']} rows, "
                f"cause {got['cause']}"
            )
            if args.sanitize:
                clean = measure(path, "sanitize")
                print(
                    f"{'':29} sanitize {clean['seconds']:5.2f} s, peak RSS {clean['rss_mb']:.0f} MB"
                )
            path.unlink()
        if len(peaks) > 1:
            print(
                f"peak RSS ratio, largest / smallest file: {peaks[-1] / peaks[0]:.2f} "
                f"(file size ratio {args.sizes[-1] / args.sizes[0]:.0f})"
            )


if __name__ == "__main__":
    main()
