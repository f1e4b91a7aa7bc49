"""``jwtscope har`` on the command line: text, JSON and Markdown outputs (no token, no
secret printed), options, and every broken file as a one-line error with a fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from har import har_factory as f
from har.conftest import HARS, run, run_json, write_har

EXPORT_FIX = "fix: export the HAR again"


def test_text_output_names_the_cause_without_the_token(capsys, tmp_path: Path):
    doc, tok = f.expired_session()
    path = write_har(tmp_path / "s.har", doc)
    code, out, err = run(capsys, "har", str(path))
    assert code == 1 and err == ""
    assert "Root cause [HAR-TOKEN-EXPIRED]" in out
    assert "sent T1 in Authorization (expired)" in out
    assert tok not in out and tok.split(".")[2] not in out
    assert "pw-1" not in out


def test_json_and_markdown(capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    doc, tok = f.expired_session()
    path = write_har(tmp_path / "s.har", doc)
    (tmp_path / ".env").write_text(f"JWT_SECRET={f.SECRET}\n")
    code, data = run_json(capsys, "har", str(path))
    assert code == 1 and data["exit_code"] == 1
    assert data["cause"]["code"] == "HAR-TOKEN-EXPIRED" and data["first_failure"] == 3
    assert data["tokens"][0]["signature"].startswith("valid (HS256, JWT_SECRET from ./.env")
    code, out, _ = run(capsys, "har", str(path), "--markdown")
    assert out.startswith("### HAR triage (jwtscope)")
    assert "| 3 | 2026-11-24T12:06:40Z | `GET /todos` | 401 auth | T1 (expired) |" in out
    assert tok not in out and f.SECRET not in out


def test_nothing_failed_exits_0(capsys, tmp_path: Path):
    path = write_har(tmp_path / "ok.har", f.all_good())
    code, out, _ = run(capsys, "har", str(path))
    assert code == 0
    assert "… 28 more with the same token(s), until #29 (2026-11-24T12:00:29Z)" in out
    assert "No failing request" in out


def test_leeway_moves_the_expiry(capsys, tmp_path: Path):
    doc, _ = f.expired_session()
    path = write_har(tmp_path / "s.har", doc)
    _, data = run_json(capsys, "har", str(path), "--leeway", "120")
    assert data["timeline"][-1]["sent"][0]["state"] == "valid"
    assert data["cause"]["code"] == "HAR-REFUSED-VALID"


def test_progress_on_request(capsys, tmp_path: Path):
    path = write_har(tmp_path / "ok.har", f.all_good())
    code, _, err = run(capsys, "har", str(path), "--progress")
    assert code == 0
    assert "reading: [####################]" in err and "30 entries" in err


def _broken_files(tmp: Path) -> dict[str, tuple[Path, str]]:
    real = (HARS / "expired.har").read_bytes()
    files = {
        "text": (b"hello, not json", "is not a HAR file (not a JSON object)"),
        "empty": (b"", "is empty, not a HAR file"),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00", "is not a HAR file (not a JSON object)"),
        "other json": (b'{"foo": [1, 2]}', "is JSON but not a HAR file (no log.entries)"),
        "truncated": (real[: len(real) // 2], "is truncated"),
        "bad json": (b'{"log": {"entries": [{"a": 1},]}}', "is not valid JSON"),
        "bad utf8": (b'{"log": {"entries": [{"a": "\xff\xfe"}]}}', "is not valid JSON"),
        "no entries": (b'\xef\xbb\xbf{"log": {"entries": []}}', "has no entries"),
        "no requests": (b'{"log": {"entries": [{"a": 1}]}}', "has a request method and URL"),
    }
    out = {}
    for name, (data, message) in files.items():
        path = tmp / f"{name.replace(' ', '_')}.har"
        path.write_bytes(data)
        out[name] = (path, message)
    out["missing"] = (tmp / "missing.har", "does not exist")
    out["folder"] = (tmp, "is a folder")
    return out


@pytest.mark.parametrize(
    "name",
    [
        "text",
        "empty",
        "binary",
        "other json",
        "truncated",
        "bad json",
        "bad utf8",
        "no entries",
        "no requests",
        "missing",
        "folder",
    ],
)
@pytest.mark.parametrize("sanitize", [False, True])
def test_broken_file_is_one_line_with_a_fix(capsys, tmp_path: Path, name, sanitize):
    path, message = _broken_files(tmp_path)[name]
    argv = ["har", str(path)] + (["--sanitize", "-o", str(tmp_path / "o.har")] if sanitize else [])
    if sanitize and name == "no requests":
        return  # sanitizing keeps entries without requests: nothing to refuse
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("jwtscope: error: ")
    assert message in err and "— fix: " in err
    assert "Traceback" not in err
    assert not (tmp_path / "o.har").exists()


def test_truncated_real_file_error_has_no_token(capsys, tmp_path: Path):
    real = (HARS / "expired.har").read_text()
    cut = real.index("Bearer ") + 40  # stop in the middle of a token
    path = tmp_path / "cut.har"
    path.write_text(real[:cut])
    code, _, err = run(capsys, "har", str(path))
    assert code == 2 and "is truncated" in err


def test_option_errors(capsys, tmp_path: Path):
    path = write_har(tmp_path / "s.har", f.all_good())
    code, _, err = run(capsys, "har", "--sanitize", str(path))
    assert code == 2 and "--sanitize needs -o OUT.har" in err
    code, _, err = run(capsys, "har", str(path), "-o", str(tmp_path / "x.har"))
    assert code == 2 and "-o goes with --sanitize" in err
    code, _, err = run(capsys, "har", "--sanitize", str(path), "-o", str(path))
    assert code == 2 and "-o names the input file" in err
    code, _, err = run(capsys, "har", str(path), "--leeway", "-1")
    assert code == 2 and "--leeway cannot be negative" in err


def test_subprocess_has_no_traceback(tmp_path: Path):
    path = tmp_path / "x.har"
    path.write_text("{")
    proc = subprocess.run(
        [sys.executable, "-m", "jwtscope", "har", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stderr.startswith("jwtscope: error: ") and "Traceback" not in proc.stderr
    assert proc.stdout == ""
