"""``replay --signing-key`` against real asymmetric backends (EdDSA, RS256, ES256 via a
JWKS): the variants are signed with the user's private key and bisect like HS* ones; with
no key (or a key of another type) the output names the dimensions left undecided."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from net.replay_support import BA, ENV, NOW, SUB, cause, codes
from servers.replay_backends_keys import asymmetric_jwks
from servers.replay_clock import FixedClock, serve_backend

from jwtscope.core.diagnosis.replay_text import replay_to_dict, replay_to_text
from jwtscope.core.keys.env_snapshot import Environment
from jwtscope.core.keys.keyset import KeySet
from jwtscope.core.request.replay_request import build_request
from jwtscope.errors import KeyLoadError
from jwtscope.services.inputs import signing_key
from jwtscope.services.replay_run import ReplayOutcome, run_replay

ED_KEY = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
EC_KEY = ec.derive_private_key(0x1234567890ABCDEF1234567890ABCDEF, ec.SECP256R1())
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
NO_ENV = Environment(())


def pem(key: Any) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def jwk(key: Any, alg: str, kid: str, *, private: bool = False) -> dict[str, Any]:
    algorithm = jwt.get_algorithm_by_name(alg)
    data: dict[str, Any] = json.loads(
        algorithm.to_jwk(key if private else key.public_key())  # type: ignore[arg-type]
    )
    return {**data, "kid": kid, "alg": alg, "use": "sig"}


def token(key: Any, alg: str, kid: str, **claims: Any) -> str:
    payload = {"sub": SUB, "iat": NOW - 60, "exp": NOW + 840, "iss": BA, "aud": BA, **claims}
    return jwt.encode(payload, key, algorithm=alg, headers={"kid": kid})


def replay(app: Any, tok: str, key_file: Path | None, env: Environment = NO_ENV, **kw: Any):
    with serve_backend(app) as base:
        request = build_request(base + "/todos", token=tok)
        return run_replay(
            request,
            env=env,
            keys=KeySet(),
            clock=FixedClock(NOW),
            timeout=5,
            signing_key=signing_key(str(key_file)) if key_file else None,
            **kw,
        )


def text(outcome: ReplayOutcome) -> str:
    return replay_to_text(outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis)


def sent(outcome: ReplayOutcome) -> list[str]:
    return [ex.purpose for ex in outcome.exchanges]


@pytest.fixture
def ed_pem(tmp_path: Path) -> Path:
    path = tmp_path / "ed25519.pem"
    path.write_bytes(pem(ED_KEY))
    return path


def test_expired_eddsa_token_bisected_with_the_private_key(ed_pem: Path):
    """Better Auth's shape: EdDSA, kid, iss/aud; expired; an opaque backend. The fresh
    token signed with the key is accepted: expired, for sure (one HS256 variant with the
    env secret is refused: the backend does not verify HS256)."""
    clock = FixedClock(NOW)
    jwks = {"keys": [jwk(ED_KEY, "EdDSA", "k1")]}
    app = asymmetric_jwks(jwks, ["EdDSA"], clock, audience=BA, issuer=BA)
    expired = token(ED_KEY, "EdDSA", "k1", iat=NOW - 3600, exp=NOW - 2700)
    outcome = replay(app, expired, ed_pem, env=ENV)
    assert codes(outcome) == ["CAUSE-EXPIRED"]
    assert cause(outcome, "CAUSE-EXPIRED").confidence == "high"
    assert sent(outcome) == [
        "original",
        "no-token",
        "fresh",
        "fresh-no-aud",
        "fresh-iss",
        "numeric-sub",
        "hs256-env",
    ]
    assert not outcome.diagnosis.notes
    shown = text(outcome)
    assert "signing key" in shown and "PRIVATE KEY" not in shown
    assert ed_pem.read_text() not in shown


def test_without_the_key_the_undecided_dimensions_are_named():
    clock = FixedClock(NOW)
    jwks = {"keys": [jwk(ED_KEY, "EdDSA", "k1")]}
    app = asymmetric_jwks(jwks, ["EdDSA"], clock, audience=BA, issuer=BA)
    expired = token(ED_KEY, "EdDSA", "k1", iat=NOW - 3600, exp=NOW - 2700)
    outcome = replay(app, expired, None)
    assert sent(outcome) == ["original", "no-token"]  # nothing could be minted
    (note,) = outcome.diagnosis.notes
    assert "no private key to sign EdDSA variants with (pass --signing-key PEM|JWK)" in note
    for dim in ("exp", "iat", "aud", "iss", "sub", "kid", "required claims"):
        assert dim in note
    assert "not bisected" in text(outcome)
    data = replay_to_dict(outcome.request, outcome.probes, outcome.exchanges, outcome.diagnosis, 1)
    assert data["notes"] == [note]


def test_rs256_backend_without_audience_named_with_a_private_jwk(tmp_path: Path):
    clock = FixedClock(NOW)
    jwks = {"keys": [jwk(RSA_KEY, "RS256", "rsa-1")]}
    app = asymmetric_jwks(jwks, ["RS256"], clock)  # no audience=: PyJWT refuses 'aud'
    key_file = tmp_path / "rsa.jwk.json"
    key_file.write_text(json.dumps(jwk(RSA_KEY, "RS256", "rsa-1", private=True)))
    outcome = replay(app, token(RSA_KEY, "RS256", "rsa-1"), key_file)
    assert codes(outcome) == ["CAUSE-AUDIENCE"]
    audience = cause(outcome, "CAUSE-AUDIENCE")
    assert audience.confidence == "high"
    assert {e.source for e in audience.evidence} == {"fresh", "fresh-no-aud"}
    assert len(outcome.exchanges) <= 6


def test_es256_backend_expecting_another_issuer(tmp_path: Path):
    clock = FixedClock(NOW)
    jwks = {"keys": [jwk(EC_KEY, "ES256", "ec-1")]}
    app = asymmetric_jwks(jwks, ["ES256"], clock, audience=BA, issuer="https://auth.example")
    key_file = tmp_path / "ec.pem"
    key_file.write_bytes(pem(EC_KEY))
    outcome = replay(app, token(EC_KEY, "ES256", "ec-1"), key_file, issuer="https://auth.example")
    assert codes(outcome)[0] == "CAUSE-ISSUER"
    assert cause(outcome, "CAUSE-ISSUER").confidence == "high"
    assert "fresh-iss" in sent(outcome)
    assert len(outcome.exchanges) <= 8


def test_a_key_of_another_type_mints_nothing_and_says_so(tmp_path: Path):
    """Near miss: an RSA key for an EdDSA token cannot stand in for the issuer's key."""
    clock = FixedClock(NOW)
    jwks = {"keys": [jwk(ED_KEY, "EdDSA", "k1")]}
    app = asymmetric_jwks(jwks, ["EdDSA"], clock, audience=BA, issuer=BA)
    key_file = tmp_path / "rsa.pem"
    key_file.write_bytes(pem(RSA_KEY))
    outcome = replay(app, token(ED_KEY, "EdDSA", "k1", exp=NOW - 10), key_file)
    assert sent(outcome) == ["original", "no-token"]
    assert "pass --signing-key" in " ".join(outcome.diagnosis.notes)


def test_a_key_the_backend_does_not_hold_proves_nothing(tmp_path: Path):
    """Near miss: the right type, another key: every variant is refused, no cause is
    claimed from them, and the variants stay few."""
    clock = FixedClock(NOW)
    other = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
    jwks = {"keys": [jwk(ED_KEY, "EdDSA", "k1")]}
    app = asymmetric_jwks(jwks, ["EdDSA"], clock, audience=BA, issuer=BA)
    key_file = tmp_path / "other.pem"
    key_file.write_bytes(pem(other))
    expired = token(ED_KEY, "EdDSA", "k1", iat=NOW - 3600, exp=NOW - 2700)
    outcome = replay(app, expired, key_file)
    assert all(c.confidence != "high" for c in outcome.diagnosis.causes)
    assert "CAUSE-CLAIM-REQUIRED" not in codes(outcome)
    variants = [ex for ex in outcome.exchanges if ex.purpose not in ("original", "no-token")]
    assert variants and all(ex.status == 401 for ex in variants)
    assert len(outcome.exchanges) <= 9


def test_a_public_key_is_refused_in_one_line(tmp_path: Path):
    public = tmp_path / "public.pem"
    public.write_bytes(
        ED_KEY.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    with pytest.raises(KeyLoadError) as info:
        signing_key(str(public))
    assert "not a private key" in info.value.one_line()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "jwtscope",
            "replay",
            "http://127.0.0.1:9/todos",
            "--token",
            token(ED_KEY, "EdDSA", "k1"),
            "--signing-key",
            str(public),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "not a private key" in proc.stderr
