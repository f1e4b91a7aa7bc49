"""The command line, run in-process with a fixed clock (--at) in a temporary folder."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jwt
import pytest
from testdata import BA_IAT, BETTERAUTH_EDDSA

from jwtscope.cli import main

AT_VALID = str(BA_IAT + 60)
AT_EXPIRED = str(BA_IAT + 3600)
JWKS_FILE = str(BETTERAUTH_EDDSA / "jwks.json")
STRONG = "T0nJ6qkXoV1yQ8w2cZr5sLb3HfGm4PdAeKu7NxWiEt9"  # 43 random-looking chars


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


def hs256(secret: str, **claims: Any) -> str:
    payload = {"sub": "user-1", "iat": BA_IAT, "exp": BA_IAT + 900, **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


def test_betterauth_token_valid_with_jwks_file(capsys, betterauth_token):
    code, data = run_json(
        capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", AT_VALID
    )
    assert code == 0
    assert data["signature"]["status"] == "valid"
    assert data["signature"]["alg"] == "EdDSA"
    assert "TcXl9gojN3A0ePCByybDYqICGSAtgcuD" in data["signature"]["key"]
    assert data["at"] == {
        "epoch": BA_IAT + 60,
        "iso": "2026-11-24T23:33:50Z",
        "is_now": False,
        "leeway": 0,
    }
    assert "EXP-PAST" not in [f["code"] for f in data["findings"]]


def test_json_has_the_documented_shape(capsys, betterauth_token):
    _, data = run_json(capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", AT_EXPIRED)
    assert {"input", "header", "payload", "signature", "findings", "at"} <= set(data)
    assert {"status", "alg", "key"} <= set(data["signature"])
    for finding in data["findings"]:
        assert {"code", "severity", "title", "detail", "fix"} <= set(finding)
        assert finding["severity"] in {"critical", "error", "warning", "info", "ok"}
    assert data["header"]["kid"] == "TcXl9gojN3A0ePCByybDYqICGSAtgcuD"
    assert data["payload"]["sub"] == "KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy"
    assert data["input"]["token"].endswith("<signature removed>")
    assert betterauth_token not in json.dumps(data)
    assert data["times"]["exp"]["relative"] == "45 min ago"
    assert data["findings"][0]["code"] == "EXP-PAST"  # worst first


def test_expired_exits_1_and_says_how_long_ago(capsys, betterauth_token):
    code, out, _ = run(capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", AT_EXPIRED)
    assert code == 1
    assert "EXP-PAST" in out
    assert "Expired 45 min ago" in out
    assert "exp  2026-11-24T23:47:50Z  (45 min ago)" in out


def test_env_file_in_cwd_gives_alg_key_mismatch(
    capsys, betterauth_token, betterauth_secret, _in_tmp
):
    (_in_tmp / ".env").write_text(f"BETTER_AUTH_SECRET={betterauth_secret}\n")
    code, data = run_json(capsys, "inspect", betterauth_token, "--at", AT_VALID)
    codes = [f["code"] for f in data["findings"]]
    assert code == 1
    assert "ALG-KEY-MISMATCH" in codes
    fix = next(f["fix"] for f in data["findings"] if f["code"] == "ALG-KEY-MISMATCH")
    assert "http://localhost:3000/api/auth/jwks" in fix
    assert data["signature"]["status"] == "unverified"
    assert betterauth_secret not in json.dumps(data)
    assert "BETTER_AUTH_SECRET from ./.env, 44 chars, sha256 " in json.dumps(data["keys"])


def test_no_dotenv_ignores_the_folder(capsys, betterauth_token, betterauth_secret, _in_tmp):
    (_in_tmp / ".env").write_text(f"BETTER_AUTH_SECRET={betterauth_secret}\n")
    _, data = run_json(capsys, "inspect", betterauth_token, "--at", AT_VALID, "--no-dotenv")
    assert "ALG-KEY-MISMATCH" not in [f["code"] for f in data["findings"]]
    assert data["keys"] == []


def test_process_environment_secret_verifies(capsys, monkeypatch):
    monkeypatch.setenv("JWT_SECRET", STRONG)
    code, data = run_json(capsys, "inspect", hs256(STRONG), "--at", AT_VALID, "--no-dotenv")
    assert code == 0
    assert data["signature"]["status"] == "valid"
    assert data["signature"]["key"].startswith("JWT_SECRET from environment, 43 chars, sha256 ")


def test_secret_env_picks_any_name(capsys, _in_tmp):
    (_in_tmp / ".env").write_text(
        f"MY_APP_KEY={STRONG}\nJWT_SECRET=something-else-entirely-0000000\n"
    )
    _, data = run_json(
        capsys, "inspect", hs256(STRONG), "--at", AT_VALID, "--secret-env", "MY_APP_KEY"
    )
    assert data["signature"]["status"] == "valid"
    assert "MY_APP_KEY from ./.env" in data["signature"]["key"]


@pytest.mark.parametrize(
    ("encoding", "text", "key"),
    [
        (
            "base64",
            "c2VjcmV0LWJ5dGVzLWZvci10aGUtdGVzdC1vZi1iYXNlNjQtZW5jb2Rpbmc=",
            b"secret-bytes-for-the-test-of-base64-encoding",
        ),
        (
            "hex",
            "7365637265742d62797465732d666f722d7468652d746573742d6f662d686578",
            b"secret-bytes-for-the-test-of-hex",
        ),
    ],
)
def test_secret_encoding(capsys, _in_tmp, encoding, text, key):
    (_in_tmp / ".env").write_text(f"JWT_SECRET={text}\n")
    token = jwt.encode({"sub": "1", "exp": BA_IAT + 900}, key, algorithm="HS256")
    _, data = run_json(capsys, "inspect", token, "--at", AT_VALID, "--secret-encoding", encoding)
    assert data["signature"]["status"] == "valid"


def test_secret_flag_warns_and_is_never_echoed(capsys):
    code, out, err = run(capsys, "inspect", hs256(STRONG), "--at", AT_VALID, "--secret", STRONG)
    assert code == 0
    assert "shell history" in err
    assert STRONG not in out + err
    assert "VALID" in out


def test_mismatch_between_two_env_files(capsys, _in_tmp):
    web, api = _in_tmp / "web.env", _in_tmp / "api.env"
    web.write_text(f"JWT_SECRET={STRONG}\n")
    api.write_text(f"JWT_SECRET={STRONG[::-1]}\n")
    code, data = run_json(
        capsys,
        "inspect",
        hs256(STRONG),
        "--at",
        AT_VALID,
        "--env-file",
        str(web),
        "--env-file",
        str(api),
        "--no-dotenv",
    )
    finding = next(f for f in data["findings"] if f["code"] == "SECRET-MISMATCH")
    assert code == 1
    assert str(web) in finding["detail"] and str(api) in finding["detail"]
    assert STRONG not in json.dumps(data) and STRONG[::-1] not in json.dumps(data)
    assert data["signature"]["status"] == "valid"  # the web secret signed it


def test_stdin_dash(capsys, monkeypatch, betterauth_token):
    stdin = io.TextIOWrapper(io.BytesIO(f"Bearer {betterauth_token}\n".encode()))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, data = run_json(capsys, "inspect", "-", "--jwks", JWKS_FILE, "--at", AT_VALID)
    assert code == 0
    assert data["input"]["normalizations"] == ['"Bearer" scheme prefix removed']


def test_file_input(capsys, _in_tmp, betterauth_token):
    path = _in_tmp / "ticket.txt"
    path.write_text(f"Authorization: Bearer {betterauth_token}\r\n")
    code, data = run_json(
        capsys, "inspect", "--file", str(path), "--jwks", JWKS_FILE, "--at", AT_VALID
    )
    assert code == 0
    assert data["input"]["carrier"] == "authorization"


def test_at_accepts_iso_and_relative(capsys, betterauth_token):
    _, iso = run_json(
        capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", "2026-11-24T23:40:00Z"
    )
    assert iso["at"]["epoch"] == 1795563600
    before = int(time.time())
    _, rel = run_json(capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", "2h ago")
    assert rel["at"]["is_now"] is False
    assert before - 7200 <= rel["at"]["epoch"] <= int(time.time()) - 7200


def test_leeway_turns_a_just_expired_token_valid(capsys, betterauth_token):
    at = str(BA_IAT + 900 + 20)
    code, _, _ = run(capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", at)
    assert code == 1
    code, _, _ = run(
        capsys, "inspect", betterauth_token, "--jwks", JWKS_FILE, "--at", at, "--leeway", "30"
    )
    assert code == 0


def test_aud_flag_mismatch(capsys, betterauth_token):
    code, data = run_json(
        capsys,
        "inspect",
        betterauth_token,
        "--jwks",
        JWKS_FILE,
        "--at",
        AT_VALID,
        "--aud",
        "http://localhost:4000",
    )
    assert code == 1
    assert "AUD-MISMATCH" in [f["code"] for f in data["findings"]]


# ---------------------------------------------------------------- bad input: exit 2, one line


def _one_line_error(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("jwtscope: error: ")
    assert " — fix: " in lines[0]
    assert "Traceback" not in err
    return lines[0]


def test_empty_argument(capsys):
    code, _, err = run(capsys, "inspect", "   ")
    assert code == 2
    assert "empty" in _one_line_error(err)


def test_binary_file(capsys, _in_tmp):
    path = _in_tmp / "blob.bin"
    path.write_bytes(bytes(range(256)))
    code, _, err = run(capsys, "inspect", "--file", str(path))
    assert code == 2
    assert "binary" in _one_line_error(err) or "UTF-8" in err


def test_one_megabyte_string(capsys):
    code, _, err = run(capsys, "inspect", "eyJ" + "a" * 1_000_000)
    assert code == 2
    assert "100 KB" in _one_line_error(err)


def test_non_json_payload_exits_2_with_the_finding(capsys):
    code, out, err = run(capsys, "inspect", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln", "--no-dotenv")
    assert code == 2
    assert "TOKEN-MALFORMED" in out
    assert "not valid JSON" in _one_line_error(err)


def test_missing_token_file(capsys):
    code, _, err = run(capsys, "inspect", "--file", "nope.txt")
    assert code == 2
    assert "does not exist" in _one_line_error(err)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n",
            "not a readable PEM",
        ),
        (b'{"kty": "OKP", "crv": "Ed25519"}', "cannot be used"),
        (b'{"keys": [', "does not parse"),
        (b"hello", "neither PEM nor JSON"),
    ],
)
def test_invalid_key_files(capsys, _in_tmp, betterauth_token, content, expected):
    path = _in_tmp / "key.txt"
    path.write_bytes(content)
    code, _, err = run(capsys, "inspect", betterauth_token, "--key", str(path))
    assert code == 2
    assert expected in _one_line_error(err)


def test_malformed_env_file(capsys, _in_tmp, betterauth_token, betterauth_secret):
    (_in_tmp / ".env").write_text(f'BETTER_AUTH_SECRET="{betterauth_secret}\nthis is not env\n')
    code, _, err = run(capsys, "inspect", betterauth_token)
    assert code == 2
    line = _one_line_error(err)
    assert "./.env line" in line
    assert betterauth_secret not in err


def test_unreadable_env_file(capsys, _in_tmp, betterauth_token):
    code, _, err = run(
        capsys, "inspect", betterauth_token, "--env-file", str(_in_tmp / "missing.env")
    )
    assert code == 2
    assert "does not exist" in _one_line_error(err)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--at", "last tuesday-ish"], "--at"),
        (["--leeway", "-5"], "leeway"),
        (["--secret", "zz", "--secret-encoding", "hex"], "not valid hex"),
    ],
)
def test_bad_options(capsys, betterauth_token, args, expected):
    code, _, err = run(capsys, "inspect", betterauth_token, *args)
    assert code == 2
    assert expected in next(line for line in err.splitlines() if line.startswith("jwtscope:"))


def test_bad_secret_encoding_of_env_names_the_variable(capsys, _in_tmp, betterauth_token):
    (_in_tmp / ".env").write_text("JWT_SECRET=not-hex-at-all\n")
    code, _, err = run(capsys, "inspect", betterauth_token, "--secret-encoding", "hex")
    assert code == 2
    assert "JWT_SECRET from ./.env" in _one_line_error(err)
    assert "not-hex-at-all" not in err


# ---------------------------------------------------------------- demo, mint, codes, crack


def test_demo(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 1
    for expected in ("SECRET-CRACKED", "SECRET-COMMON", "SUB-NOT-STRING", "LIFETIME-LONG", "VALID"):
        assert expected in out
    assert "your-256-bit-secret" not in out


def test_mint_then_inspect_round_trip(capsys, _in_tmp):
    (_in_tmp / ".env").write_text(f"JWT_SECRET={STRONG}\n")
    code, out, err = run(
        capsys,
        "mint",
        "--sub",
        "42",
        "--exp",
        "2h",
        "--claim",
        "role=admin",
        "--claim",
        "n=5",
        "--at",
        AT_VALID,
    )
    assert code == 0
    token = out.strip()
    claims = jwt.decode(token, STRONG, algorithms=["HS256"], options={"verify_exp": False})
    assert claims == {
        "sub": "42",
        "iat": BA_IAT + 60,
        "exp": BA_IAT + 60 + 7200,
        "role": "admin",
        "n": 5,
    }
    assert "JWT_SECRET from ./.env" in err and STRONG not in err
    code, data = run_json(capsys, "inspect", token, "--at", AT_VALID)
    assert code == 0
    assert data["signature"]["status"] == "valid"


def test_mint_without_secret_is_a_clear_error(capsys):
    code, _, err = run(capsys, "mint", "--sub", "1", "--no-dotenv")
    assert code == 2
    assert "no HMAC secret" in _one_line_error(err)


@pytest.mark.parametrize("claim", ["novalue", "=x", "sub=2"])
def test_mint_bad_claims(capsys, _in_tmp, claim):
    (_in_tmp / ".env").write_text(f"JWT_SECRET={STRONG}\n")
    code, _, err = run(capsys, "mint", "--sub", "1", "--claim", claim)
    assert code == 2
    _one_line_error(err)


def test_codes_markdown_is_the_checked_in_reference(capsys):
    code, out, _ = run(capsys, "codes", "--markdown")
    reference = Path(__file__).resolve().parents[2] / "jwtscope" / "FINDINGS.md"
    assert code == 0
    assert out == reference.read_text(), (
        "regenerate: jwtscope codes --markdown > jwtscope/FINDINGS.md"
    )


def test_crack_finds_the_key(capsys, _in_tmp):
    words = _in_tmp / "words.txt"
    words.write_text("alpha\nbeta\n" + STRONG + "\ngamma\n")
    code, out, _ = run(capsys, "crack", hs256(STRONG), "--wordlist", str(words), "--workers", "1")
    assert code == 0
    assert STRONG in out
    absent = hs256("absent-key-that-is-long-enough-32b")
    code, data = run_json(capsys, "crack", absent, "--wordlist", str(words))
    assert code == 1
    assert data["found"] is False and data["tried"] == 4


def test_crack_rejects_an_eddsa_token(capsys, _in_tmp, betterauth_token):
    words = _in_tmp / "words.txt"
    words.write_text("a\n")
    code, _, err = run(capsys, "crack", betterauth_token, "--wordlist", str(words))
    assert code == 2
    assert "HS256" in _one_line_error(err)


def test_python_dash_m_runs_in_a_fresh_interpreter(betterauth_token, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "jwtscope",
            "inspect",
            betterauth_token,
            "--jwks",
            JWKS_FILE,
            "--at",
            AT_VALID,
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["signature"]["status"] == "valid"


def test_inspect_real_rotated_token_says_no_key_for_kid(capsys):
    from testdata import BETTERAUTH, ba_text

    token = ba_text("rotated_es256", "token_kid_a.jwt").strip()
    iat = jwt.decode(token, options={"verify_signature": False})["iat"]
    later = str(BETTERAUTH / "rotated_es256" / "jwks_later.json")
    code, data = run_json(capsys, "inspect", token, "--jwks", later, "--at", str(iat + 60))
    assert code == 1
    assert data["signature"]["status"] == "no key for kid"
    codes = [f["code"] for f in data["findings"]]
    assert "KID-UNKNOWN" in codes and "SIG-INVALID" not in codes
    code, out, _ = run(capsys, "inspect", token, "--jwks", later, "--at", str(iat + 60))
    assert "NO KEY FOR KID" in out


def test_codes_lists_the_better_auth_codes(capsys):
    code, out, _ = run(capsys, "codes")
    assert code == 0
    for name in ("BA-SESSION-CACHE", "BA-CACHE-STALE", "BA-JWT-EXPIRED", "BA-URL-MISMATCH"):
        assert name in out
