"""Keys are typed (issue 19): a PEM, certificate, OpenSSH key or JWK offered as an HMAC
secret is never an HMAC key, whether it comes with --key, --secret, a .env file or
``analyze(env=...)``; an HS* token signed with its text is the algorithm-confusion attack.

Keys and the certificate are generated at test time; HMAC tokens are signed by hand
(PyJWT rightly refuses these keys as HMAC secrets).
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.x509.oid import NameOID
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm

from jwtscope.cli import main
from jwtscope.core.analysis import Report, analyze
from jwtscope.core.keys.env_snapshot import Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet, decode_secret, load_key_file
from jwtscope.core.keys.typed_secret import typed_key_kind
from jwtscope.core.keys.verify_signature import SigStatus

NOW = 1_700_000_000
AT = str(NOW)
HMAC = ("HS256", "HS384", "HS512")
_HASH = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
#: A random-looking 64-character secret (made once with secrets.token_urlsafe(48)).
RANDOM_64 = "jJpZenyxL6GgC4VtUWfNgsm4OaqwFTh4CEHJmrSJiFBekSsFViUqOVwv-M_PCVHE"


# --- keys, made once per module -------------------------------------------------------


@dataclass(frozen=True)
class Material:
    """Text that is a key, the alg its key pair signs with, and what jwtscope calls it."""

    text: str
    pinned: str
    kind: str


def _spki(private: Any) -> str:
    return str(
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def _openssh(private: Any) -> str:
    return str(
        private.public_key()
        .public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
        .decode()
    )


def _certificate(private: rsa.RSAPrivateKey) -> str:
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "jwtscope test")])
    start = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + datetime.timedelta(days=3650))
        .sign(private, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM).decode()


@pytest.fixture(scope="module")
def material() -> dict[str, Material]:
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ec_key = ec.generate_private_key(ec.SECP256R1())
    ed_key = ed25519.Ed25519PrivateKey.generate()
    rsa_jwk = RSAAlgorithm.to_jwk(rsa_key.public_key())
    private_pem = rsa_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return {
        "rsa-pem": Material(_spki(rsa_key), "RS256", "a PEM public key"),
        "ec-pem": Material(_spki(ec_key), "ES256", "a PEM public key"),
        "ed25519-pem": Material(_spki(ed_key), "EdDSA", "a PEM public key"),
        "certificate": Material(_certificate(rsa_key), "RS256", "an X.509 certificate"),
        "private-pem": Material(private_pem, "RS256", "a PEM private key"),
        "ssh-rsa": Material(_openssh(rsa_key), "RS256", "an OpenSSH public key"),
        "ssh-ed25519": Material(_openssh(ed_key), "EdDSA", "an OpenSSH public key"),
        "ssh-ecdsa": Material(_openssh(ec_key), "ES256", "an OpenSSH public key"),
        "rsa-jwk": Material(rsa_jwk, "RS256", "a JWK"),
        "ec-jwk": Material(ECAlgorithm.to_jwk(ec_key.public_key()), "ES256", "a JWK"),
        "ed25519-jwk": Material(OKPAlgorithm.to_jwk(ed_key.public_key()), "EdDSA", "a JWK"),
        "rsa-jwks": Material(json.dumps({"keys": [json.loads(rsa_jwk)]}), "RS256", "a JWKS"),
    }


PEMS = ("rsa-pem", "ec-pem", "ed25519-pem", "certificate")
OTHERS = ("private-pem", "ssh-rsa", "ssh-ed25519", "ssh-ecdsa", "rsa-jwk", "ec-jwk", "rsa-jwks")


# --- tokens and runners --------------------------------------------------------------------


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def forge(key: str | bytes, alg: str = "HS256", sub: str = "admin") -> str:
    """An HS* token whose HMAC key is ``key``, signed by hand over the signing input."""
    raw = key.encode() if isinstance(key, str) else key
    header = _b64url(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    payload = _b64url(json.dumps({"sub": sub, "iat": NOW - 60, "exp": NOW + 900}).encode())
    signing_input = f"{header}.{payload}"
    mac = hmac.new(raw, signing_input.encode(), _HASH[alg]).digest()
    return f"{signing_input}.{_b64url(mac)}"


def env_with(value: str, name: str = "JWT_SECRET") -> Environment:
    return Environment(sources=(EnvSource("./.env", ((name, value),)),))


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any], str]:
    """Run ``inspect --json`` then the text report; return the code, the JSON and all output."""
    code = main(["inspect", *argv, "--at", AT, "--json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    text_code = main(["inspect", *argv, "--at", AT])
    text_out, text_err = capsys.readouterr()
    assert text_code == code
    return code, data, out + err + text_out + text_err


def finding(data: dict[str, Any], code: str) -> dict[str, Any] | None:
    return next((f for f in data["findings"] if f["code"] == code), None)


def assert_never_shown(key: str, output: str) -> None:
    """Neither the key nor any line of its body reaches the output."""
    assert key not in output
    assert key.strip() not in output
    for line in key.splitlines():
        if len(line) >= 16 and not line.startswith("-----"):
            assert line not in output
    for chunk in (key[i : i + 24] for i in range(0, len(key) - 24, 24)):
        if "-----" not in chunk:
            assert chunk not in output


def assert_confusion(data: dict[str, Any], code: int, pinned: str) -> None:
    assert data["signature"]["status"] != "valid"
    assert code == 1
    codes = [f["code"] for f in data["findings"]]
    assert "SIG-VALID" not in codes
    mismatch = finding(data, "ALG-KEY-MISMATCH")
    assert mismatch is not None
    assert mismatch["severity"] == "critical"
    assert mismatch["title"] == "Algorithm confusion: HS* token signed with a public key"
    assert "algorithm-confusion" in mismatch["detail"]
    assert "can sign any token with it as an HMAC secret" in mismatch["detail"]
    assert f'algorithms=["{pinned}"]' in mismatch["fix"]
    assert "never as a secret" in mismatch["fix"]
    for quiet in ("SECRET-QUOTED", "SECRET-SHORT", "SECRET-LOW-ENTROPY", "SECRET-COMMON"):
        assert quiet not in codes


# --- the attack, through every door -----------------------------------------------------------


@pytest.mark.parametrize("alg", HMAC)
@pytest.mark.parametrize("name", PEMS)
def test_pem_as_secret_on_the_command_line_is_refused(capsys, in_tmp, material, name, alg):
    key = material[name]
    code, data, output = run_cli(capsys, forge(key.text, alg), "--secret", key.text)
    assert_confusion(data, code, key.pinned)
    assert key.kind in finding(data, "ALG-KEY-MISMATCH")["detail"]  # type: ignore[index]
    assert "InvalidKeyError" in data["signature"]["reason"]
    assert_never_shown(key.text, output)


@pytest.mark.parametrize("alg", HMAC)
@pytest.mark.parametrize("name", PEMS)
@pytest.mark.parametrize("style", ["escaped-newlines", "multi-line"])
def test_pem_in_a_dotenv_file_is_refused(capsys, in_tmp, material, name, alg, style):
    key = material[name]
    body = key.text.replace("\n", "\\n") if style == "escaped-newlines" else key.text
    (in_tmp / ".env").write_text(f'JWT_SECRET="{body}"\n')
    code, data, output = run_cli(capsys, forge(key.text, alg))
    assert_confusion(data, code, key.pinned)
    detail = finding(data, "ALG-KEY-MISMATCH")["detail"]  # type: ignore[index]
    assert "JWT_SECRET from ./.env" in detail
    assert_never_shown(key.text, output)


@pytest.mark.parametrize("alg", HMAC)
@pytest.mark.parametrize("name", PEMS + OTHERS)
def test_key_in_the_environment_is_refused_by_analyze(material, name, alg):
    key = material[name]
    report = analyze(forge(key.text, alg), now=NOW, env=env_with(key.text))
    _assert_confusion_report(report, key)
    assert report.signature.refused_secrets
    assert "SECRET-MISSING" in report.codes  # no usable HMAC secret, as with --key alone


def _assert_confusion_report(report: Report, key: Material) -> None:
    assert report.signature.status is not SigStatus.VALID
    assert report.signature.matched_secret is None
    assert report.exit_code == 1
    assert "SIG-VALID" not in report.codes
    found = report.finding("ALG-KEY-MISMATCH")
    assert found is not None and found.severity.value == "critical"
    assert key.kind in found.detail
    assert f'algorithms=["{key.pinned}"]' in found.fix
    assert "SECRET-QUOTED" not in report.codes


@pytest.mark.parametrize("name", OTHERS)
def test_ssh_key_and_jwk_as_secret_on_the_command_line(capsys, in_tmp, material, name):
    key = material[name]
    code, data, output = run_cli(capsys, forge(key.text), "--secret", key.text)
    assert_confusion(data, code, key.pinned)
    assert_never_shown(key.text, output)


@pytest.mark.parametrize("name", ("ssh-rsa", "rsa-jwk"))
def test_ssh_key_and_jwk_in_a_dotenv_file(capsys, in_tmp, material, name):
    key = material[name]
    quoted = key.text.replace("\\", "\\\\").replace('"', '\\"')
    (in_tmp / ".env").write_text(f'JWT_SECRET="{quoted}"\n')
    code, data, output = run_cli(capsys, forge(key.text))
    assert_confusion(data, code, key.pinned)
    assert_never_shown(key.text, output)


@pytest.mark.parametrize("name", ("rsa-pem", "ec-pem", "ed25519-pem"))
def test_same_finding_via_key_secret_and_dotenv(capsys, in_tmp, material, name):
    key = material[name]
    (in_tmp / "key.pem").write_text(key.text)
    token = forge(key.text)
    via_key = run_cli(capsys, token, "--key", "key.pem", "--no-dotenv")
    via_secret = run_cli(capsys, token, "--secret", key.text, "--no-dotenv")
    (in_tmp / ".env").write_text('JWT_SECRET="' + key.text.replace("\n", "\\n") + '"\n')
    via_env = run_cli(capsys, token)
    shapes = set()
    for code, data, _ in (via_key, via_secret, via_env):
        mismatch = finding(data, "ALG-KEY-MISMATCH")
        assert mismatch is not None
        shapes.add(
            (
                code,
                data["signature"]["status"],
                mismatch["severity"],
                mismatch["title"],
                tuple(sorted(f["code"] for f in data["findings"])),
            )
        )
    assert shapes == {
        (
            1,
            "unverified",
            "critical",
            "Algorithm confusion: HS* token signed with a public key",
            ("ALG-KEY-MISMATCH", "SECRET-MISSING", "SIG-UNVERIFIED"),
        )
    }


def test_pem_stripped_of_its_trailing_newline_is_still_the_attack(material):
    key = material["rsa-pem"]
    report = analyze(forge(key.text.strip()), now=NOW, env=env_with(key.text))
    _assert_confusion_report(report, key)


def test_pem_secret_next_to_a_wrong_real_secret_is_invalid_and_critical(material):
    key = material["ec-pem"]
    env = Environment(
        sources=(EnvSource("./.env", (("JWT_SECRET", key.text), ("AUTH_SECRET", RANDOM_64))),)
    )
    report = analyze(forge(key.text), now=NOW, env=env)
    assert report.signature.status is SigStatus.INVALID
    assert report.signature.tried == (f"AUTH_SECRET from ./.env, {_fp(RANDOM_64)}",)
    _assert_confusion_report(report, key)
    assert "SECRET-MISSING" not in report.codes


def _fp(text: str) -> str:
    return f"{len(text)} chars, sha256 {hashlib.sha256(text.encode()).hexdigest()[:8]}"


# --- a key as secret that did not sign the token -----------------------------------------------


@pytest.mark.parametrize("name", ("rsa-pem", "ssh-ed25519", "rsa-jwk"))
def test_key_as_secret_for_a_token_signed_otherwise_is_still_an_error(material, name):
    key = material[name]
    report = analyze(forge(RANDOM_64), now=NOW, env=env_with(key.text))
    assert report.signature.status is SigStatus.UNVERIFIED
    found = report.finding("ALG-KEY-MISMATCH")
    assert found is not None and found.severity.value == "error"
    assert "algorithm-confusion" in found.detail
    assert key.kind in found.detail
    assert "InvalidKeyError" in found.detail
    assert report.exit_code == 1


def test_single_quoted_pem_in_dotenv_keeps_its_escapes_and_is_still_refused(
    capsys, in_tmp, material
):
    key = material["rsa-pem"]
    (in_tmp / ".env").write_text("JWT_SECRET='" + key.text.replace("\n", "\\n") + "'\n")
    code, data, output = run_cli(capsys, forge(key.text))
    assert code == 1
    assert data["signature"]["status"] == "unverified"
    mismatch = finding(data, "ALG-KEY-MISMATCH")
    assert mismatch is not None and "a PEM public key" in mismatch["detail"]
    assert_never_shown(key.text, output)


def test_valid_token_with_a_pem_secret_configured_too_still_flags_the_pem(material):
    key = material["rsa-pem"]
    env = Environment(
        sources=(EnvSource("./.env", (("JWT_SECRET", key.text), ("AUTH_SECRET", RANDOM_64))),)
    )
    report = analyze(forge(RANDOM_64), now=NOW, env=env)
    assert report.signature.status is SigStatus.VALID
    found = report.finding("ALG-KEY-MISMATCH")
    assert found is not None and found.severity.value == "error"
    assert "JWT_SECRET from ./.env" in found.detail


# --- near misses: what must keep working -------------------------------------------------------


@pytest.mark.parametrize("alg", HMAC)
def test_random_64_char_secret_still_verifies(capsys, in_tmp, alg):
    code, data, _ = run_cli(capsys, forge(RANDOM_64, alg), "--secret", RANDOM_64)
    assert code == 0
    assert data["signature"]["status"] == "valid"
    assert finding(data, "ALG-KEY-MISMATCH") is None
    report = analyze(forge(RANDOM_64, alg), now=NOW, env=env_with(RANDOM_64))
    assert report.signature.status is SigStatus.VALID
    assert report.exit_code == 0
    assert report.signature.refused_secrets == ()


@pytest.mark.parametrize(
    "text",
    [
        RANDOM_64,
        "a-secret-with----dashes-and-more-random-Xk3q9Lp2Zr7Vb1Nc",
        "ssh_like_but_not-ssh-rsa-in-the-middle-Xk3q9Lp2Zr7Vb1Nc",
        '{"not": "a jwk", "value": "Xk3q9Lp2Zr7Vb1Nc"}',
        "-----BEGIN PUBLIC KEY----- but no end marker Xk3q9Lp2Zr7Vb1Nc",
    ],
)
def test_plain_secrets_are_not_keys(text):
    assert typed_key_kind(text.encode()) == ""


def test_hex_encoded_pem_is_refused_after_decoding(material):
    key = material["rsa-pem"]
    value = decode_secret(key.text.encode().hex(), "hex")
    assert typed_key_kind(value) == "a PEM public key"


def test_base64_der_public_key_is_refused(material):
    der = (
        load_key_file(material["rsa-pem"].text.encode(), "k")
        .public_keys[0]
        .key.public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    value = decode_secret(base64.b64encode(der).decode(), "base64")
    assert typed_key_kind(value) == "a DER public key or certificate"
    report = analyze(forge(der), now=NOW, keys=_secret_keyset("--secret", value))
    assert report.signature.status is not SigStatus.VALID
    assert report.finding("ALG-KEY-MISMATCH").severity.value == "critical"  # type: ignore[union-attr]


def _secret_keyset(name: str, value: bytes) -> KeySet:
    from jwtscope.core.keys.keyset import Secret

    return KeySet(secrets=(Secret(name, name, value.hex(), value),))


def test_rs256_token_with_pem_secret_keeps_the_usual_mismatch(capsys, in_tmp):
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = _spki(private)
    token = jwt.encode({"sub": "a", "iat": NOW - 60, "exp": NOW + 900}, private, algorithm="RS256")
    code, data, output = run_cli(capsys, token, "--secret", pem, "--no-dotenv")
    assert code == 1
    assert data["signature"]["status"] == "unverified"
    assert "not with an HMAC secret" in data["signature"]["reason"]
    mismatch = finding(data, "ALG-KEY-MISMATCH")
    assert mismatch is not None and mismatch["severity"] == "error"
    assert "RS256 (public-key signature)" in mismatch["detail"]
    assert "--key FILE" in mismatch["detail"]
    assert "SIG-UNVERIFIED" in [f["code"] for f in data["findings"]]
    assert_never_shown(pem, output)
    # The same PEM as a key verifies it.
    (in_tmp / "k.pem").write_text(pem)
    code, data, _ = run_cli(capsys, token, "--key", "k.pem", "--no-dotenv")
    assert code == 0 and data["signature"]["status"] == "valid"


# --- nothing is ever signed with a key offered as a secret ---------------------------------


@pytest.mark.parametrize("kind", ["rsa-pem", "certificate", "ssh-ed25519", "rsa-jwk"])
def test_replay_and_probe_never_mint_with_a_key_offered_as_a_secret(material, kind):
    from jwtscope.services.inputs import choose_secret

    env = Environment(
        sources=(
            EnvSource("./.env", (("JWT_SECRET", material[kind].text),)),
            EnvSource("./.env.local", (("AUTH_SECRET", "a-real-hmac-secret-of-32-characters!"),)),
        )
    )
    chosen = choose_secret(None, env)
    assert chosen is not None and chosen.text == "a-real-hmac-secret-of-32-characters!"
    only_key = Environment(sources=(EnvSource("./.env", (("JWT_SECRET", material[kind].text),)),))
    assert choose_secret(None, only_key) is None
    report = analyze(forge("other-secret-xxxxxxxxxxxxxxxxxxxxxx"), now=NOW, env=only_key)
    assert choose_secret(report, only_key) is None


def test_mint_refuses_a_key_offered_as_a_secret(material, in_tmp, capsys):
    pem = material["rsa-pem"].text
    assert main(["mint", "--sub", "1", "--secret", pem, "--no-dotenv"]) == 2
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "alg-confusion" in err and out == ""
    assert_never_shown(pem, out + err)
