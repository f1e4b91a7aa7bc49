"""Table tests: every finding code in the catalogue, emitted and narrowly not emitted.

Each case builds a token (PyJWT for asymmetric keys, hand-made HMAC/JSON otherwise),
an environment and keys, runs :func:`analyze` at a fixed ``now`` and asserts that the
code is (or is not) in the report, plus what its detail/fix/severity must say.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from jwt.algorithms import ECAlgorithm, OKPAlgorithm, RSAAlgorithm
from testdata import BETTERAUTH, ba_text

from jwtscope.core.analysis import Report, analyze
from jwtscope.core.catalog import CODES
from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES, Environment, EnvSource
from jwtscope.core.keys.keyset import KeySet, load_jwks, load_key_file, load_pem
from jwtscope.core.keys.verify_signature import SigStatus
from jwtscope.core.token.parsing import decode, normalize

NOW = 1_700_000_000
DAY = 86_400

# Fixed random-looking secrets (made once with secrets.token_urlsafe / token_hex /
# openssl rand -base64 32); no runtime randomness in the tests.
RAND_A = "_IXMiqR3ImTeSiVvpbEZ_Jy06vhh4SWCjLvAGfkv-iY"
RAND_B = "zho5bAV5gonu4tckoKjmylei6S--FnZq8K8K6QuEd9Q"
RAND_HEX_A = "04d74e50a70fd614f2ac1fa5119726ade71dd31442efbb7366568f256ed6d886"
RAND_HEX_B = "df599db01a63ee6d5b7b74910dc94659464aa4519fe8eba476535b7ba424d504"
RAND_B64 = "R5KwJdbDVdT3uadujLWFGOf23srT6vd/BlDcVl4l1cs="
RAND_64 = "jJpZenyxL6GgC4VtUWfNgsm4OaqwFTh4CEHJmrSJiFBekSsFViUqOVwv-M_PCVHE"
RAND_86 = "_Zw3Fm7wbLoY-qZMwUzgUOXdzb6MpinQPo6enlhCIZbVn45VxkQMPQssj0h1p00Qb96bdTC3ftSp6d81_SvaKA"
BA_DEV_SECRET = "xxxxxxxx0123456789abcdefghijklmnopqrstuvwxyz"
JWTIO_SECRET = "your-256-bit-secret"
BA_USER = {
    "name": "Alice",
    "email": "a@example.com",
    "emailVerified": False,
    "image": None,
    "createdAt": "2026-11-24T23:32:50.897Z",
    "updatedAt": "2026-11-24T23:32:50.897Z",
    "id": "KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy",
    "sub": "KV6O4K275kJ07HHeOCYcxmhzL6Xb3hwy",
}
_HASH = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}


# --- token and environment builders --------------------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64json(value: Any) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode())


def hs(
    payload: dict[str, Any],
    secret: str | bytes = RAND_A,
    alg: str = "HS256",
    **header: Any,
) -> str:
    """An HMAC token signed by hand (PyJWT refuses short keys and PEM keys)."""
    key = secret.encode() if isinstance(secret, str) else secret
    signing_input = f"{b64json({'alg': alg, 'typ': 'JWT', **header})}.{b64json(payload)}"
    mac = hmac.new(key, signing_input.encode(), _HASH.get(alg, hashlib.sha256)).digest()
    return f"{signing_input}.{b64url(mac)}"


def unsigned(header: dict[str, Any], payload: dict[str, Any], sig: str = "") -> str:
    return f"{b64json(header)}.{b64json(payload)}.{sig}"


def claims(**extra: Any) -> dict[str, Any]:
    """A clean payload at NOW: sub, iat, exp 15 minutes on; ``None`` removes a claim."""
    base: dict[str, Any] = {"sub": "user-1", "iat": NOW - 60, "exp": NOW + 900}
    base.update(extra)
    return {k: v for k, v in base.items() if v is not None}


def env(*pairs: tuple[str, str | None], label: str = "./.env") -> Environment:
    return Environment(sources=(EnvSource(label, tuple(pairs)),))


def session_token(secret: str, token_part: str = "FSTmZ2jF5Bozu2wqoCBlE4Ll8BD67sie") -> str:
    mac = hmac.new(secret.encode(), token_part.encode(), hashlib.sha256).digest()
    return f"{token_part}.{base64.b64encode(mac).decode()}"


def token_of_length(n: int) -> str:
    """A well-formed HS256 token of exactly ``n`` characters."""
    for extra in range(4):
        header_pad = "h" * extra
        for pad in range(max(0, n * 3 // 4 - 200), n * 3 // 4 + 8):
            t = hs({"sub": "u", "pad": "p" * pad}, RAND_A, x=header_pad)
            if len(t) == n:
                return t
            if len(t) > n:
                break
    raise AssertionError(f"no token of length {n}")


# --- keys -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    """Private keys made once per module, and helpers to publish them."""

    ed: ed25519.Ed25519PrivateKey
    ed_other: ed25519.Ed25519PrivateKey
    p256: ec.EllipticCurvePrivateKey
    p256_other: ec.EllipticCurvePrivateKey
    p384: ec.EllipticCurvePrivateKey
    p384_other: ec.EllipticCurvePrivateKey
    p521: ec.EllipticCurvePrivateKey
    p521_other: ec.EllipticCurvePrivateKey
    rsa: rsa.RSAPrivateKey
    rsa_other: rsa.RSAPrivateKey

    def jwks(self, *entries: tuple[Any, str]) -> KeySet:
        """A JWKS KeySet from ``(private key, kid)`` pairs, built as a dict like a server."""
        out = []
        for private, kid in entries:
            public = private.public_key()
            if isinstance(public, ed25519.Ed25519PublicKey):
                jwk = OKPAlgorithm.to_jwk(public, as_dict=True)
            elif isinstance(public, ec.EllipticCurvePublicKey):
                jwk = ECAlgorithm.to_jwk(public, as_dict=True)
            else:
                jwk = RSAAlgorithm.to_jwk(public, as_dict=True)
            out.append({**jwk, "kid": kid})
        return load_jwks({"keys": out}, "JWKS test")

    @staticmethod
    def pem(private: Any) -> bytes:
        return private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def pem_keys(self, private: Any) -> KeySet:
        return KeySet(public_keys=(load_pem(self.pem(private), "PEM test"),))


@pytest.fixture(scope="module")
def keys() -> Keys:
    return Keys(
        ed=ed25519.Ed25519PrivateKey.generate(),
        ed_other=ed25519.Ed25519PrivateKey.generate(),
        p256=ec.generate_private_key(ec.SECP256R1()),
        p256_other=ec.generate_private_key(ec.SECP256R1()),
        p384=ec.generate_private_key(ec.SECP384R1()),
        p384_other=ec.generate_private_key(ec.SECP384R1()),
        p521=ec.generate_private_key(ec.SECP521R1()),
        p521_other=ec.generate_private_key(ec.SECP521R1()),
        rsa=rsa.generate_private_key(public_exponent=65537, key_size=2048),
        rsa_other=rsa.generate_private_key(public_exponent=65537, key_size=2048),
    )


# --- scenarios, cases and assertions ---------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    text: str
    env: Environment | None = None
    keys: KeySet | None = None
    leeway: int = 0
    audience: str | None = None
    issuer: str | None = None
    now: int = NOW
    #: secret values that must not appear in any finding (env/key secrets are added).
    secrets: tuple[str, ...] = ()

    def run(self) -> Report:
        return analyze(
            self.text,
            now=self.now,
            env=self.env,
            keys=self.keys,
            leeway=self.leeway,
            audience=self.audience,
            issuer=self.issuer,
        )

    def secret_values(self) -> set[str]:
        values = set(self.secrets)
        for source in (self.env or Environment()).sources:
            values.update(v for n, v in source.values if v and n in KNOWN_SECRET_NAMES)
        values.update(s.text for s in (self.keys or KeySet()).secrets)
        stripped = {v.strip().strip("\"'`").strip() for v in values}
        return {v for v in values | stripped if len(v) >= 8}


Check = Callable[[Report], None]


@dataclass(frozen=True)
class Case:
    code: str
    emitted: bool
    name: str
    build: Callable[[Keys], Scenario]
    checks: tuple[Check, ...] = field(default=())


def yes(code: str, name: str, build: Callable[[Keys], Scenario], *checks: Check) -> Case:
    return Case(code, True, name, build, checks)


def regression(reason: str, case: Case) -> Case:
    """A case that once showed a bug, now fixed; ``reason`` documents what went wrong."""
    del reason
    return case


def no(code: str, name: str, build: Callable[[Keys], Scenario], *checks: Check) -> Case:
    return Case(code, False, name, build, checks)


def plain(text: str, **kw: Any) -> Callable[[Keys], Scenario]:
    return lambda _k: Scenario(text, **kw)


def _finding(report: Report, code: str) -> Any:
    found = report.finding(code)
    assert found is not None, f"{code} missing from {report.codes}"
    return found


def detail_has(code: str, *parts: str) -> Check:
    """The detail holds every part (case-insensitively: sentences may be capitalised)."""

    def check(report: Report) -> None:
        detail = _finding(report, code).detail
        for part in parts:
            assert part.lower() in detail.lower(), f"{part!r} not in {code} detail: {detail!r}"

    return check


def fix_has(code: str, *parts: str) -> Check:
    def check(report: Report) -> None:
        fix = _finding(report, code).fix
        for part in parts:
            assert part in fix, f"{part!r} not in {code} fix: {fix!r}"

    return check


def severity(code: str, expected: str) -> Check:
    def check(report: Report) -> None:
        assert _finding(report, code).severity.value == expected

    return check


def evidence(code: str, key: str, expected: str) -> Check:
    def check(report: Report) -> None:
        assert dict(_finding(report, code).evidence).get(key) == expected

    return check


def sig_status(expected: SigStatus) -> Check:
    def check(report: Report) -> None:
        assert report.signature.status is expected

    return check


def has_codes(*codes: str) -> Check:
    def check(report: Report) -> None:
        for code in codes:
            assert code in report.codes, f"{code} missing from {report.codes}"

    return check


def lacks_codes(*codes: str) -> Check:
    def check(report: Report) -> None:
        for code in codes:
            assert code not in report.codes, f"{code} unexpectedly in {report.codes}"

    return check


BA_URL_ENV = env(("BETTER_AUTH_URL", "http://localhost:3000"))
JWE = ".".join(
    [b64json({"alg": "dir", "enc": "A256GCM"}), "", b64url(b"iv" * 6), b64url(b"ct"), "tag"]
)


def _ed_ba_secret(k: Keys) -> Scenario:
    token = jwt.encode(
        claims(iss="https://auth.example.com", aud="https://auth.example.com"),
        k.ed,
        algorithm="EdDSA",
        headers={"kid": "ba-key"},
    )
    return Scenario(token, env=env(("BETTER_AUTH_SECRET", RAND_A)))


def _confusion(k: Keys) -> Scenario:
    return Scenario(hs(claims(), k.pem(k.rsa)), keys=k.pem_keys(k.rsa))


def _kid_scenario(token_kid: str, published_kid: str, same_key: bool = True) -> Any:
    def build(k: Keys) -> Scenario:
        token = jwt.encode(claims(), k.ed, algorithm="EdDSA", headers={"kid": token_kid})
        key = k.ed if same_key else k.ed_other
        return Scenario(token, keys=k.jwks((key, published_kid)))

    return build


def _ba(scenario: str, name: str, after: int, *, jwks: bool = False, url: str = "") -> Scenario:
    """A real Better Auth artefact judged ``after`` seconds after its own iat/issue time."""
    text = ba_text(scenario, name)
    normalized = normalize(text).token
    payload = decode(normalized).payload or {}
    issued = payload.get("iat") or (payload["expiresAt"] // 1000 - 300)
    keys = load_key_file((BETTERAUTH / scenario / "jwks.json").read_bytes(), "jwks.json")
    return Scenario(
        text,
        now=issued + after,
        keys=keys if jwks else None,
        env=env(("BETTER_AUTH_URL", url)) if url else None,
    )


CASES: list[Case] = [
    # --- input -------------------------------------------------------------------------
    yes(
        "INPUT-NORMALIZED",
        "bearer",
        plain("Bearer " + hs(claims())),
        evidence("INPUT-NORMALIZED", "carrier", "authorization"),
        detail_has("INPUT-NORMALIZED", '"Bearer" scheme prefix removed'),
        severity("INPUT-NORMALIZED", "info"),
    ),
    no("INPUT-NORMALIZED", "raw-token", plain(hs(claims()))),
    *[
        yes(
            "TOKEN-JUNK",
            name,
            plain(text),
            detail_has("TOKEN-JUNK", shown),
            lacks_codes("TOKEN-MALFORMED"),
        )
        for name, text, shown in [
            ("undefined", "undefined", "'undefined'"),
            ("null", "null", "'null'"),
            ("bearer-undefined", "Bearer undefined", "'undefined'"),
            ("bearer-null", "Authorization: Bearer null", "'null'"),
            ("quoted-undefined", '"undefined"', "'undefined'"),
            ("empty", "", "(empty)"),
        ]
    ],
    *[
        regression(
            "normalize() removes the inner space before the junk check, so "
            f"{text!r} ends up as {squeezed!r} and is TOKEN-MALFORMED, not TOKEN-JUNK",
            yes(
                "TOKEN-JUNK",
                name,
                plain(text),
                detail_has("TOKEN-JUNK", "[object "),
                lacks_codes("TOKEN-MALFORMED"),
            ),
        )
        for name, text, squeezed in [
            ("object", "[object Object]", "[objectObject]"),
            ("promise", "[object Promise]", "[objectPromise]"),
            ("bearer-object", "Bearer [object Object]", "[objectObject]"),
        ]
    ],
    no("TOKEN-JUNK", "word-prefix", plain("undefinedx"), has_codes("TOKEN-MALFORMED")),
    no("TOKEN-JUNK", "jwt", plain(hs(claims()))),
    yes(
        "TOKEN-MALFORMED",
        "plus-in-payload",
        plain("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi+iJ4In0.c2ln"),
        detail_has("TOKEN-MALFORMED", "payload", "'+'", "base64url", "position 29"),
        evidence("TOKEN-MALFORMED", "position", "29"),
        fix_has("TOKEN-MALFORMED", "base64url"),
    ),
    yes(
        "TOKEN-MALFORMED",
        "plus-in-header",
        plain("eyJhbGci+iJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"),
        evidence("TOKEN-MALFORMED", "segment", "header"),
        evidence("TOKEN-MALFORMED", "position", "8"),
        detail_has("TOKEN-MALFORMED", "standard base64"),
    ),
    *[
        regression(
            "a standard-base64 character in the signature makes normalize() keep only the "
            "JWT-shaped prefix ('token found inside surrounding text'): the signature is "
            "silently truncated and the token is judged as a JWS instead of TOKEN-MALFORMED",
            yes(
                "TOKEN-MALFORMED",
                f"{name}-in-signature",
                plain(text),
                evidence("TOKEN-MALFORMED", "segment", "signature"),
                evidence("TOKEN-MALFORMED", "position", "39"),
            ),
        )
        for name, text in [
            ("slash", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.ab/cd"),
            ("plus", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.ab+cd"),
        ]
    ],
    yes(
        "TOKEN-MALFORMED",
        "two-segments",
        plain("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0"),
        detail_has("TOKEN-MALFORMED", "token:", "2 segments"),
        severity("TOKEN-MALFORMED", "error"),
    ),
    yes(
        "TOKEN-MALFORMED",
        "payload-not-json",
        plain(f"{b64json({'alg': 'HS256'})}.{b64url(b'not json')}.c2ln"),
        detail_has("TOKEN-MALFORMED", "payload", "not valid JSON"),
        evidence("TOKEN-MALFORMED", "segment", "payload"),
    ),
    yes(
        "TOKEN-MALFORMED",
        "header-array",
        plain(f"{b64json(['alg', 'HS256'])}.{b64json(claims())}.c2ln"),
        detail_has("TOKEN-MALFORMED", "header", "not an object"),
        evidence("TOKEN-MALFORMED", "segment", "header"),
    ),
    no("TOKEN-MALFORMED", "well-formed", plain(hs(claims()))),
    no("TOKEN-MALFORMED", "jwe-five-parts", plain(JWE), has_codes("TOKEN-JWE")),
    yes(
        "TOKEN-JWE",
        "dir-a256gcm",
        plain(JWE),
        detail_has("TOKEN-JWE", "'dir'", "'A256GCM'"),
        severity("TOKEN-JWE", "warning"),
        lacks_codes("SIG-VALID", "SIG-INVALID"),
    ),
    no("TOKEN-JWE", "four-parts", plain(JWE.rsplit(".", 1)[0]), has_codes("TOKEN-MALFORMED")),
    no("TOKEN-JWE", "jws", plain(hs(claims()))),
    yes(
        "BA-SESSION-TOKEN",
        "hmac-matches",
        plain(session_token(RAND_A), env=env(("BETTER_AUTH_SECRET", RAND_A))),
        detail_has("BA-SESSION-TOKEN", "HMAC matches BETTER_AUTH_SECRET"),
        evidence("BA-SESSION-TOKEN", "hmac", "matches"),
    ),
    yes(
        "BA-SESSION-TOKEN",
        "hmac-other-secret",
        plain(session_token(RAND_A), env=env(("BETTER_AUTH_SECRET", RAND_B))),
        detail_has("BA-SESSION-TOKEN", "matches none"),
        evidence("BA-SESSION-TOKEN", "hmac", "no match"),
    ),
    yes(
        "BA-SESSION-TOKEN",
        "no-secret",
        plain(session_token(RAND_A)),
        evidence("BA-SESSION-TOKEN", "hmac", "unchecked"),
        has_codes("SECRET-MISSING"),
    ),
    no("BA-SESSION-TOKEN", "jwt", plain(hs(claims()))),
    no(
        "BA-SESSION-TOKEN",
        "31-char-token-part",
        plain(session_token(RAND_A, "FSTmZ2jF5Bozu2wqoCBlE4Ll8BD67si")),
    ),
    yes(
        "TOKEN-OVERSIZE",
        "header-7001",
        plain(token_of_length(7001)),
        evidence("TOKEN-OVERSIZE", "length", "7001"),
        severity("TOKEN-OVERSIZE", "warning"),
    ),
    no("TOKEN-OVERSIZE", "header-7000", plain(token_of_length(7000))),
    yes(
        "TOKEN-OVERSIZE",
        "cookie-4001",
        plain(f"Cookie: a=1; better-auth.session_token={token_of_length(4001)}; b=2"),
        evidence("TOKEN-OVERSIZE", "length", "4001"),
        detail_has("TOKEN-OVERSIZE", "cookie"),
    ),
    no(
        "TOKEN-OVERSIZE",
        "cookie-4000",
        plain(f"Cookie: a=1; better-auth.session_token={token_of_length(4000)}; b=2"),
    ),
    no("TOKEN-OVERSIZE", "bearer-4001", plain("Bearer " + token_of_length(4001))),
    # --- header ------------------------------------------------------------------------
    *[
        yes(
            "ALG-NONE",
            f"alg-{alg}",
            plain(unsigned({"alg": alg}, claims()), env=env(("JWT_SECRET", RAND_A))),
            severity("ALG-NONE", "critical"),
            sig_status(SigStatus.INVALID),
            lacks_codes("SIG-VALID"),
        )
        for alg in ("none", "None", "NONE", "nOnE")
    ],
    no("ALG-NONE", "hs256", plain(hs(claims()))),
    no("ALG-NONE", "alg-nonex", plain(unsigned({"alg": "nonex"}, claims()))),
    yes(
        "ALG-KEY-MISMATCH",
        "eddsa-vs-better-auth-secret",
        _ed_ba_secret,
        fix_has("ALG-KEY-MISMATCH", "https://auth.example.com/api/auth/jwks"),
        detail_has("ALG-KEY-MISMATCH", "BETTER_AUTH_SECRET"),
        severity("ALG-KEY-MISMATCH", "error"),
        has_codes("SIG-UNVERIFIED"),
    ),
    yes(
        "ALG-KEY-MISMATCH",
        "hs256-forged-with-rsa-public-pem",
        _confusion,
        severity("ALG-KEY-MISMATCH", "critical"),
        lacks_codes("SIG-VALID"),
    ),
    yes(
        "ALG-KEY-MISMATCH",
        "hs256-vs-ec-key-only",
        lambda k: Scenario(hs(claims()), keys=k.pem_keys(k.p256)),
        severity("ALG-KEY-MISMATCH", "error"),
        detail_has("ALG-KEY-MISMATCH", "only public keys"),
    ),
    yes(
        "ALG-KEY-MISMATCH",
        "es256-vs-rsa-key",
        lambda k: Scenario(jwt.encode(claims(), k.p256, algorithm="ES256"), keys=k.pem_keys(k.rsa)),
        detail_has("ALG-KEY-MISMATCH", "ES256", "RSA 2048"),
    ),
    no(
        "ALG-KEY-MISMATCH",
        "eddsa-with-jwks",
        lambda k: Scenario(
            jwt.encode(claims(), k.ed, algorithm="EdDSA", headers={"kid": "a"}),
            keys=k.jwks((k.ed, "a")),
            env=env(("BETTER_AUTH_SECRET", RAND_A)),
        ),
        has_codes("SIG-VALID"),
    ),
    no(
        "ALG-KEY-MISMATCH",
        "hs256-with-secret",
        plain(hs(claims()), env=env(("JWT_SECRET", RAND_A))),
    ),
    *[
        yes(
            "HEADER-KEY-REF",
            f"header-{name}",
            plain(hs(claims(), **{name: value})),
            detail_has("HEADER-KEY-REF", name),
            severity("HEADER-KEY-REF", "warning"),
        )
        for name, value in [
            ("jku", "https://evil.example/jwks.json"),
            ("x5u", "https://evil.example/cert.pem"),
            ("jwk", {"kty": "oct", "k": "AAAA"}),
        ]
    ],
    yes(
        "HEADER-KEY-REF",
        "kid-path-traversal",
        plain(hs(claims(), kid="../../etc/passwd")),
        severity("HEADER-KEY-REF", "error"),
        evidence("HEADER-KEY-REF", "kid", "../../etc/passwd"),
    ),
    yes(
        "HEADER-KEY-REF",
        "kid-sql",
        plain(hs(claims(), kid="x' UNION SELECT 'secret")),
        severity("HEADER-KEY-REF", "error"),
    ),
    no("HEADER-KEY-REF", "kid-plain", plain(hs(claims(), kid="TcXl9gojN3A0ePCByybDYqICGSAtgcuD"))),
    no("HEADER-KEY-REF", "kid-dated", plain(hs(claims(), kid="key-2024-01.v2"))),
    yes(
        "KID-UNKNOWN",
        "other-kid-other-key",
        _kid_scenario("rotated-away", "current", same_key=False),
        evidence("KID-UNKNOWN", "available", "current"),
        detail_has("KID-UNKNOWN", "'rotated-away'", "no key for this kid"),
        lacks_codes("SIG-INVALID", "SIG-UNVERIFIED"),
        sig_status(SigStatus.NO_KEY),
    ),
    yes(
        "KID-UNKNOWN",
        "other-kid-same-key",
        _kid_scenario("old-name", "new-name"),
        detail_has("KID-UNKNOWN", "still verifies"),
        has_codes("SIG-VALID"),
    ),
    no("KID-UNKNOWN", "kid-published", _kid_scenario("current", "current"), has_codes("SIG-VALID")),
    no(
        "KID-UNKNOWN",
        "no-jwks-offered",
        lambda k: Scenario(jwt.encode(claims(), k.ed, algorithm="EdDSA", headers={"kid": "x"})),
    ),
    # --- signature ---------------------------------------------------------------------
    yes(
        "SIG-VALID",
        "hs256-right-secret",
        plain(hs(claims()), env=env(("JWT_SECRET", RAND_A))),
        detail_has("SIG-VALID", "JWT_SECRET from ./.env"),
        severity("SIG-VALID", "ok"),
        sig_status(SigStatus.VALID),
    ),
    no("SIG-VALID", "hs256-wrong-secret", plain(hs(claims()), env=env(("JWT_SECRET", RAND_B)))),
    yes(
        "SIG-INVALID",
        "hs256-wrong-secret",
        plain(hs(claims()), env=env(("JWT_SECRET", RAND_B))),
        severity("SIG-INVALID", "error"),
        sig_status(SigStatus.INVALID),
    ),
    no("SIG-INVALID", "hs256-right-secret", plain(hs(claims()), env=env(("JWT_SECRET", RAND_A)))),
    no("SIG-INVALID", "hs256-no-secret", plain(hs(claims())), has_codes("SIG-UNVERIFIED")),
    yes(
        "SIG-UNVERIFIED",
        "eddsa-no-key",
        lambda k: Scenario(
            jwt.encode(claims(iss="https://auth.example.com"), k.ed, algorithm="EdDSA")
        ),
        fix_has("SIG-UNVERIFIED", "--jwks https://auth.example.com/api/auth/jwks"),
        sig_status(SigStatus.UNVERIFIED),
    ),
    no("SIG-UNVERIFIED", "hs256-secret", plain(hs(claims()), env=env(("JWT_SECRET", RAND_A)))),
    # --- time --------------------------------------------------------------------------
    yes("EXP-MISSING", "no-exp", plain(hs(claims(exp=None)))),
    no("EXP-MISSING", "exp-present", plain(hs(claims()))),
    yes(
        "EXP-PAST",
        "exp-equals-now",
        plain(hs(claims(exp=NOW))),
        evidence("EXP-PAST", "exp", "2023-11-14T22:13:20Z"),
    ),
    no("EXP-PAST", "exp-now-plus-1", plain(hs(claims(exp=NOW + 1)))),
    yes("EXP-PAST", "exp-equals-now-minus-leeway", plain(hs(claims(exp=NOW - 30)), leeway=30)),
    no("EXP-PAST", "exp-now-minus-leeway-plus-1", plain(hs(claims(exp=NOW - 29)), leeway=30)),
    yes(
        "EXP-PAST",
        "expired-long-ago",
        plain(hs(claims(iat=NOW - 2 * DAY, exp=NOW - DAY))),
        detail_has("EXP-PAST", "ago"),
    ),
    yes("NBF-FUTURE", "nbf-now-plus-1", plain(hs(claims(nbf=NOW + 1)))),
    no("NBF-FUTURE", "nbf-equals-now", plain(hs(claims(nbf=NOW)))),
    yes(
        "NBF-FUTURE",
        "nbf-now-plus-leeway-plus-1",
        plain(hs(claims(nbf=NOW + 31)), leeway=30),
        fix_has("NBF-FUTURE", "leeway="),
    ),
    no("NBF-FUTURE", "nbf-now-plus-leeway", plain(hs(claims(nbf=NOW + 30)), leeway=30)),
    yes("IAT-FUTURE", "iat-now-plus-leeway-plus-1", plain(hs(claims(iat=NOW + 11)), leeway=10)),
    no("IAT-FUTURE", "iat-now-plus-leeway", plain(hs(claims(iat=NOW + 10)), leeway=10)),
    yes(
        "CLAIM-TYPE",
        "exp-tomorrow",
        plain(hs(claims(exp="tomorrow"))),
        severity("CLAIM-TYPE", "error"),
        detail_has("CLAIM-TYPE", "'exp'", "'tomorrow'"),
        lacks_codes("EXP-MISSING", "EXP-PAST"),
    ),
    yes(
        "CLAIM-TYPE",
        "exp-numeric-string",
        plain(hs(claims(exp=str(NOW + 900)))),
        severity("CLAIM-TYPE", "warning"),
    ),
    yes("CLAIM-TYPE", "jti-int", plain(hs(claims(jti=42))), evidence("CLAIM-TYPE", "claim", "jti")),
    no("CLAIM-TYPE", "exp-int", plain(hs(claims()))),
    no("CLAIM-TYPE", "exp-float", plain(hs(claims(exp=NOW + 900.5)))),
    yes(
        "LIFETIME-LONG",
        "seven-days-plus-1s",
        plain(hs(claims(iat=NOW - 60, exp=NOW - 60 + 7 * DAY + 1))),
        evidence("LIFETIME-LONG", "lifetime_s", str(7 * DAY + 1)),
    ),
    no("LIFETIME-LONG", "seven-days", plain(hs(claims(iat=NOW - 60, exp=NOW - 60 + 7 * DAY)))),
    # --- claims ------------------------------------------------------------------------
    yes("SUB-MISSING", "no-sub", plain(hs(claims(sub=None)))),
    no("SUB-MISSING", "sub-string", plain(hs(claims()))),
    yes(
        "SUB-NOT-STRING",
        "sub-int",
        plain(hs(claims(sub=123))),
        fix_has("SUB-NOT-STRING", '"sub": "123"'),
        lacks_codes("SUB-MISSING"),
    ),
    no("SUB-NOT-STRING", "sub-numeric-string", plain(hs(claims(sub="123")))),
    yes(
        "AUD-PRESENT",
        "aud-string",
        plain(hs(claims(aud="https://api.example.com"))),
        fix_has("AUD-PRESENT", 'audience="https://api.example.com"', 'algorithms=["HS256"]'),
        severity("AUD-PRESENT", "info"),
    ),
    yes(
        "AUD-PRESENT",
        "aud-list",
        plain(hs(claims(aud=["https://a.example", "https://b.example"]))),
        fix_has("AUD-PRESENT", 'audience="https://a.example"'),
    ),
    no("AUD-PRESENT", "no-aud", plain(hs(claims()))),
    no("AUD-PRESENT", "empty-aud", plain(hs(claims(aud="")))),
    yes(
        "AUD-MISMATCH",
        "explicit",
        plain(hs(claims(aud="https://a.example")), audience="https://b.example"),
        evidence("AUD-MISMATCH", "source", "--aud"),
    ),
    yes(
        "AUD-MISMATCH",
        "explicit-token-lacks-aud",
        plain(hs(claims()), audience="https://b.example"),
        detail_has("AUD-MISMATCH", "no 'aud'"),
    ),
    yes(
        "AUD-MISMATCH",
        "derived-trailing-slash",
        plain(hs(claims(aud="http://localhost:3000/")), env=BA_URL_ENV),
        detail_has("AUD-MISMATCH", "trailing slash"),
        evidence("AUD-MISMATCH", "source", "BETTER_AUTH_URL from ./.env"),
    ),
    yes(
        "AUD-MISMATCH",
        "derived-other-port",
        plain(hs(claims(aud="http://localhost:4000")), env=BA_URL_ENV),
        evidence("AUD-MISMATCH", "expected", "http://localhost:3000"),
        lacks_codes("ISS-MISMATCH"),
    ),
    no("AUD-MISMATCH", "derived-token-lacks-aud", plain(hs(claims()), env=BA_URL_ENV)),
    no(
        "AUD-MISMATCH",
        "derived-matches",
        plain(
            hs(claims(aud="http://localhost:3000")),
            env=env(("BETTER_AUTH_URL", "http://localhost:3000/api/auth")),
        ),
    ),
    no(
        "AUD-MISMATCH",
        "explicit-in-list",
        plain(
            hs(claims(aud=["https://a.example", "https://b.example"])), audience="https://b.example"
        ),
    ),
    yes(
        "ISS-MISMATCH",
        "explicit",
        plain(hs(claims(iss="https://a.example")), issuer="https://b.example"),
        evidence("ISS-MISMATCH", "expected", "https://b.example"),
    ),
    yes(
        "ISS-MISMATCH",
        "explicit-token-lacks-iss",
        plain(hs(claims()), issuer="https://b.example"),
        detail_has("ISS-MISMATCH", "no 'iss'"),
    ),
    yes(
        "ISS-MISMATCH",
        "derived",
        plain(hs(claims(iss="https://staging.example.com")), env=BA_URL_ENV),
        evidence("ISS-MISMATCH", "source", "BETTER_AUTH_URL from ./.env"),
    ),
    no("ISS-MISMATCH", "derived-token-lacks-iss", plain(hs(claims()), env=BA_URL_ENV)),
    no(
        "ISS-MISMATCH",
        "derived-matches",
        plain(hs(claims(iss="http://localhost:3000")), env=BA_URL_ENV),
    ),
    *[
        yes(
            "CLAIM-SENSITIVE",
            name,
            plain(hs(claims(**extra))),
            detail_has("CLAIM-SENSITIVE", path),
            severity("CLAIM-SENSITIVE", "error"),
        )
        for name, extra, path in [
            ("password", {"password": "hunter2!"}, "password"),
            ("api-key", {"api_key": "k-123456"}, "api_key"),
            ("card", {"note": "4111111111111111"}, "note"),
            ("card-spaced", {"billing": {"pan": "4111 1111 1111 1111"}}, "billing.pan"),
            ("ssn", {"memo": "123-45-6789"}, "memo"),
            ("nested-secret", {"user": {"clientSecret": "abc"}}, "user.clientSecret"),
        ]
    ],
    no("CLAIM-SENSITIVE", "better-auth-user", plain(hs({**BA_USER, "iat": NOW, "exp": NOW + 900}))),
    no("CLAIM-SENSITIVE", "non-luhn-16-digits", plain(hs(claims(note="4111111111111112")))),
    no("CLAIM-SENSITIVE", "empty-password", plain(hs(claims(password="")))),
    # --- secrets -----------------------------------------------------------------------
    yes(
        "SECRET-MISSING",
        "hs256-no-secret",
        plain(hs(claims()), env=env(("OTHER", "x"))),
        detail_has("SECRET-MISSING", "BETTER_AUTH_SECRET", "JWT_SECRET", "./.env"),
    ),
    no(
        "SECRET-MISSING",
        "eddsa-no-secret",
        lambda k: Scenario(jwt.encode(claims(), k.ed, algorithm="EdDSA")),
    ),
    no("SECRET-MISSING", "hs256-secret", plain(hs(claims()), env=env(("JWT_SECRET", RAND_A)))),
    yes(
        "SECRET-EMPTY",
        "empty-string",
        plain(hs(claims()), env=env(("JWT_SECRET", ""))),
        detail_has("SECRET-EMPTY", "JWT_SECRET in ./.env"),
        severity("SECRET-EMPTY", "error"),
    ),
    yes(
        "SECRET-EMPTY",
        "name-without-value",
        plain(hs(claims()), env=env(("JWT_SECRET", None))),
        detail_has("SECRET-EMPTY", "JWT_SECRET"),
    ),
    no("SECRET-EMPTY", "set", plain(hs(claims()), env=env(("JWT_SECRET", RAND_A)))),
    *[
        case
        for alg, required in [("HS256", 32), ("HS384", 48), ("HS512", 64)]
        for case in (
            yes(
                "SECRET-SHORT",
                f"{alg}-{required - 1}-bytes",
                plain(
                    hs(claims(), RAND_64[: required - 1], alg),
                    env=env(("JWT_SECRET", RAND_64[: required - 1])),
                ),
                evidence("SECRET-SHORT", "required", str(required)),
                detail_has("SECRET-SHORT", f"{required - 1} bytes"),
                has_codes("SIG-VALID"),
            ),
            no(
                "SECRET-SHORT",
                f"{alg}-{required}-bytes",
                plain(
                    hs(claims(), RAND_64[:required], alg),
                    env=env(("JWT_SECRET", RAND_64[:required])),
                ),
                has_codes("SIG-VALID"),
            ),
        )
    ],
    *[
        yes(
            "SECRET-LOW-ENTROPY",
            name,
            plain(hs(claims(), value), env=env(("JWT_SECRET", value))),
            detail_has("SECRET-LOW-ENTROPY", reason),
            lacks_codes("SECRET-SHORT", "SECRET-COMMON"),
        )
        for name, value, reason in [
            ("better-auth-test-secret", BA_DEV_SECRET, "runs and sequences"),
            ("repeats", "Ab3$" * 10, "repeats a short pattern"),
            ("words", "correct-horse-battery-staple-orange-42", "made of words"),
        ]
    ],
    *[
        no("SECRET-LOW-ENTROPY", name, plain(hs(claims(), value), env=env(("JWT_SECRET", value))))
        for name, value in [
            ("urlsafe-a", RAND_A),
            ("urlsafe-b", RAND_B),
            ("hex-a", RAND_HEX_A),
            ("hex-b", RAND_HEX_B),
            ("base64", RAND_B64),
            ("urlsafe-64", RAND_64),
            ("urlsafe-86", RAND_86),
        ]
    ],
    yes(
        "SECRET-COMMON",
        "changeme",
        plain(hs(claims(), "changeme"), env=env(("JWT_SECRET", "changeme"))),
        severity("SECRET-COMMON", "critical"),
        has_codes("SECRET-SHORT"),
    ),
    yes(
        "SECRET-COMMON",
        "better-auth-default",
        plain(
            hs(claims()),
            env=env(("BETTER_AUTH_SECRET", "better-auth-secret-12345678901234567890")),
        ),
        lacks_codes("SECRET-LOW-ENTROPY"),
    ),
    no("SECRET-COMMON", "random", plain(hs(claims()), env=env(("JWT_SECRET", RAND_A)))),
    yes(
        "SECRET-CRACKED",
        "jwtio-secret-no-env",
        plain(hs(claims(), JWTIO_SECRET), secrets=(JWTIO_SECRET,)),
        severity("SECRET-CRACKED", "critical"),
        detail_has("SECRET-CRACKED", "19 bytes"),
        has_codes("SECRET-MISSING", "SIG-UNVERIFIED"),
    ),
    no("SECRET-CRACKED", "random-32-byte-secret", plain(hs(claims(), RAND_64[:32]))),
    *[
        yes(
            "SECRET-QUOTED",
            name,
            plain(hs(claims(), RAND_A), env=env(("JWT_SECRET", value))),
            detail_has("SECRET-QUOTED", what),
            has_codes("SIG-VALID"),
        )
        for name, value, what in [
            ("double-quotes", f'"{RAND_A}"', "quote characters"),
            ("single-quotes", f"'{RAND_A}'", "quote characters"),
            ("trailing-newline", RAND_A + "\n", "a trailing newline"),
            ("crlf", RAND_A + "\r\n", "a trailing newline"),
            ("spaces", f"  {RAND_A} ", "surrounding spaces"),
        ]
    ],
    no("SECRET-QUOTED", "bare", plain(hs(claims()), env=env(("JWT_SECRET", RAND_A)))),
    no(
        "SECRET-QUOTED",
        "inner-quote",
        plain(hs(claims(), "ab'" + RAND_A), env=env(("JWT_SECRET", "ab'" + RAND_A))),
    ),
    yes(
        "SECRET-MISMATCH",
        "frontend-vs-backend",
        lambda _k: Scenario(
            hs(claims(), RAND_A),
            env=Environment(
                sources=(
                    EnvSource("web/.env.local", (("BETTER_AUTH_SECRET", RAND_A),)),
                    EnvSource("api/.env", (("BETTER_AUTH_SECRET", RAND_B),)),
                )
            ),
        ),
        detail_has("SECRET-MISMATCH", "BETTER_AUTH_SECRET", "web/.env.local", "api/.env", "sha256"),
        evidence("SECRET-MISMATCH", "variable", "BETTER_AUTH_SECRET"),
        severity("SECRET-MISMATCH", "error"),
    ),
    no(
        "SECRET-MISMATCH",
        "same-value-twice",
        lambda _k: Scenario(
            hs(claims(), RAND_A),
            env=Environment(
                sources=(
                    EnvSource("environment", (("JWT_SECRET", RAND_A),)),
                    EnvSource("./.env", (("JWT_SECRET", RAND_A),)),
                )
            ),
        ),
    ),
    no(
        "SECRET-MISMATCH",
        "different-names",
        lambda _k: Scenario(
            hs(claims(), RAND_A),
            env=Environment(
                sources=(
                    EnvSource("environment", (("JWT_SECRET", RAND_A),)),
                    EnvSource("./.env", (("SECRET_KEY", RAND_B),)),
                )
            ),
        ),
    ),
    # --- Better Auth (real 1.7.25 output, tests/data/betterauth) ----------------------
    yes(
        "BA-SESSION-CACHE",
        "plugin-signed-cache",
        lambda _k: _ba("cache_jwt_plugin", "session_data.txt", 60, jwks=True),
        evidence("BA-SESSION-CACHE", "strategy", "jwt-plugin"),
        lacks_codes("AUD-PRESENT"),
    ),
    no(
        "BA-SESSION-CACHE",
        "plugin-jwt",
        lambda _k: _ba("cache_jwt_plugin", "token.jwt", 60, jwks=True),
        sig_status(SigStatus.VALID),
    ),
    yes(
        "BA-CACHE-STALE",
        "compact-cache-live",
        lambda _k: _ba("cache_compact", "session_data.txt", 60),
        evidence("BA-CACHE-STALE", "remaining_s", "240"),
    ),
    no(
        "BA-CACHE-STALE",
        "compact-cache-expired",
        lambda _k: _ba("cache_compact", "session_data.txt", 300),
    ),
    yes(
        "BA-JWT-EXPIRED",
        "plugin-jwt-after-900s",
        lambda _k: _ba("plugin_default", "token.jwt", 900, jwks=True),
        fix_has("BA-JWT-EXPIRED", "/api/auth/token", "set-auth-jwt"),
    ),
    no(
        "BA-JWT-EXPIRED",
        "plugin-jwt-fresh",
        lambda _k: _ba("plugin_default", "token.jwt", 899, jwks=True),
    ),
    yes(
        "BA-URL-MISMATCH",
        "http-vs-https",
        lambda _k: _ba("plugin_default", "token.jwt", 60, jwks=True, url="https://localhost:3000"),
        detail_has("BA-URL-MISMATCH", "http vs https"),
    ),
    no(
        "BA-URL-MISMATCH",
        "same-origin",
        lambda _k: _ba("plugin_default", "token.jwt", 60, jwks=True, url="http://localhost:3000"),
    ),
]


def _case_id(case: Case) -> str:
    return f"{case.code}-{'yes' if case.emitted else 'no'}-{case.name}"


def _param(case: Case) -> Any:
    return pytest.param(case, id=_case_id(case))


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_code_table(case: Case, keys: Keys) -> None:
    scenario = case.build(keys)
    report = scenario.run()
    if case.emitted:
        assert case.code in report.codes, f"{case.code} not in {report.codes}"
    else:
        assert case.code not in report.codes, f"{case.code} unexpectedly in {report.codes}"
    for check in case.checks:
        check(report)
    # Every finding is a registered code, and the report is sorted worst first.
    assert set(report.codes) <= set(CODES)
    ranks = [f.severity.rank for f in report.findings]
    assert ranks == sorted(ranks)
    # Secrets are radioactive: never in a title, detail, fix or evidence.
    for secret in scenario.secret_values():
        for f in report.findings:
            text = " ".join([f.title, f.detail, f.fix, *(v for _, v in f.evidence)])
            assert secret not in text, f"secret leaked in {f.code}"


def test_every_code_is_covered_both_ways() -> None:
    emitted = {c.code for c in CASES if c.emitted}
    near_misses = {c.code for c in CASES if not c.emitted}
    assert emitted == set(CODES)
    assert near_misses == set(CODES)


def test_case_ids_are_unique() -> None:
    ids = [_case_id(c) for c in CASES]
    assert len(ids) == len(set(ids))


# --- signatures by algorithm -----------------------------------------------------------

ASYMMETRIC = [
    ("ES256", "p256", "p256_other"),
    ("ES384", "p384", "p384_other"),
    ("ES512", "p521", "p521_other"),
    ("RS256", "rsa", "rsa_other"),
    ("RS512", "rsa", "rsa_other"),
    ("PS256", "rsa", "rsa_other"),
    ("PS384", "rsa", "rsa_other"),
    ("EdDSA", "ed", "ed_other"),
]


@pytest.mark.parametrize("via", ["jwks", "pem"])
@pytest.mark.parametrize(("alg", "right", "wrong"), ASYMMETRIC)
def test_asymmetric_valid_with_right_key_invalid_with_wrong_key(
    keys: Keys, alg: str, right: str, wrong: str, via: str
) -> None:
    # A PEM key has no kid; the kid only travels with the JWKS variant (see the xfail below).
    headers = {"kid": "k1"} if via == "jwks" else None
    token = jwt.encode(claims(), getattr(keys, right), algorithm=alg, headers=headers)

    def keyset(name: str) -> KeySet:
        private = getattr(keys, name)
        return keys.jwks((private, "k1")) if via == "jwks" else keys.pem_keys(private)

    good = analyze(token, now=NOW, keys=keyset(right))
    assert good.signature.status is SigStatus.VALID
    assert "SIG-VALID" in good.codes
    assert good.exit_code == 0
    bad = analyze(token, now=NOW, keys=keyset(wrong))
    assert bad.signature.status is SigStatus.INVALID
    assert "SIG-INVALID" in bad.codes
    assert "SIG-VALID" not in bad.codes
    assert bad.exit_code == 1


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_hmac_valid_with_right_secret_invalid_with_wrong_secret(alg: str) -> None:
    token = hs(claims(), RAND_86, alg)
    good = analyze(token, now=NOW, env=env(("JWT_SECRET", RAND_86)))
    assert good.signature.status is SigStatus.VALID
    assert good.exit_code == 0, good.codes
    bad = analyze(token, now=NOW, env=env(("JWT_SECRET", RAND_86[::-1])))
    assert bad.signature.status is SigStatus.INVALID
    assert "SIG-INVALID" in bad.codes


def test_tampered_payload_does_not_verify(keys: Keys) -> None:
    token = jwt.encode(claims(role="user"), keys.ed, algorithm="EdDSA")
    header, _, sig = token.split(".")
    forged = f"{header}.{b64json(claims(role='admin'))}.{sig}"
    report = analyze(forged, now=NOW, keys=keys.jwks((keys.ed, "k")))
    assert report.signature.status is SigStatus.INVALID


# --- algorithm confusion and alg: none ----------------------------------------------------


@pytest.mark.parametrize("strip", [False, True], ids=["pem-as-is", "pem-stripped"])
def test_hs256_signed_with_rsa_public_pem_is_alg_confusion(keys: Keys, strip: bool) -> None:
    pem = keys.pem(keys.rsa)
    token = hs(claims(sub="admin"), pem.strip() if strip else pem)
    report = analyze(token, now=NOW, keys=keys.pem_keys(keys.rsa))
    assert report.signature.status is not SigStatus.VALID
    assert "SIG-VALID" not in report.codes
    found = report.finding("ALG-KEY-MISMATCH")
    assert found is not None
    assert found.severity.value == "critical"
    assert "algorithm-confusion" in found.detail
    assert report.exit_code == 1
    # Also with a (wrong) HMAC secret next to the public key: still never valid.
    both = analyze(token, now=NOW, keys=keys.pem_keys(keys.rsa), env=env(("JWT_SECRET", RAND_A)))
    assert both.signature.status is SigStatus.INVALID
    assert both.finding("ALG-KEY-MISMATCH").severity.value == "critical"  # type: ignore[union-attr]


def test_hs256_signed_with_another_rsa_pem_is_not_called_confusion(keys: Keys) -> None:
    token = hs(claims(), keys.pem(keys.rsa_other))
    found = analyze(token, now=NOW, keys=keys.pem_keys(keys.rsa)).finding("ALG-KEY-MISMATCH")
    assert found is not None
    assert found.severity.value == "error"


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_alg_none_is_never_valid_whatever_keys(keys: Keys, alg: str) -> None:
    token = unsigned({"alg": alg, "typ": "JWT"}, claims())
    forged_sig = unsigned({"alg": alg}, claims(), b64url(b"x" * 32))
    for text in (token, forged_sig):
        for kw in (
            {},
            {"env": env(("JWT_SECRET", RAND_A))},
            {"keys": keys.jwks((keys.ed, "k"))},
        ):
            report = analyze(text, now=NOW, **kw)  # type: ignore[arg-type]
            assert report.signature.status is SigStatus.INVALID
            assert "SIG-VALID" not in report.codes
            none = report.finding("ALG-NONE")
            assert none is not None and none.severity.value == "critical"
            assert report.exit_code == 1


def test_eddsa_against_better_auth_secret_points_at_jwks(keys: Keys) -> None:
    token = jwt.encode(claims(), keys.ed, algorithm="EdDSA", headers={"kid": "k"})
    report = analyze(token, now=NOW, env=env(("BETTER_AUTH_SECRET", RAND_A)))
    found = report.finding("ALG-KEY-MISMATCH")
    assert found is not None
    assert "/api/auth/jwks" in found.fix
    assert "never signs JWTs with it" in found.detail
    assert report.signature.status is SigStatus.UNVERIFIED


def test_quoted_secret_verifies_through_the_stripped_variant() -> None:
    report = analyze(hs(claims(), RAND_A), now=NOW, env=env(("JWT_SECRET", f'"{RAND_A}"')))
    assert report.signature.status is SigStatus.VALID
    assert report.signature.matched_secret is not None
    assert report.signature.matched_secret.variant
    valid = report.finding("SIG-VALID")
    assert valid is not None
    assert "quotes/whitespace stripped" in valid.detail
    assert "SECRET-QUOTED" in valid.detail
    assert "SECRET-QUOTED" in report.codes


def test_secret_cracked_absent_when_secret_is_configured_but_random() -> None:
    report = analyze(hs(claims(), RAND_A), now=NOW, env=env(("JWT_SECRET", RAND_A)))
    assert "SECRET-CRACKED" not in report.codes
    assert report.exit_code == 0, report.codes


def test_secret_cracked_names_the_configured_variable_without_its_value() -> None:
    report = analyze(hs(claims(), JWTIO_SECRET), now=NOW, env=env(("JWT_SECRET", JWTIO_SECRET)))
    found = report.finding("SECRET-CRACKED")
    assert found is not None
    assert "JWT_SECRET" in found.detail
    assert JWTIO_SECRET not in found.detail + found.fix
    assert "SECRET-COMMON" in report.codes


# --- regressions (bugs found while writing these tests, now fixed) ---


@pytest.mark.parametrize(
    "value",
    [f'"{RAND_64[:30]}"', RAND_64[:31] + "\n"],
    ids=["quoted-30", "newline-31"],
)
def test_short_secret_hidden_by_quotes_is_still_short(value: str) -> None:
    stripped = value.strip().strip('"')
    report = analyze(hs(claims(), stripped), now=NOW, env=env(("JWT_SECRET", value)))
    assert report.signature.status is SigStatus.VALID
    assert "SECRET-SHORT" in report.codes


def test_snowflake_sub_is_not_a_card_number() -> None:
    report = analyze(hs(claims(sub="779950871687682644")), now=NOW)
    assert "CLAIM-SENSITIVE" not in report.codes


@pytest.mark.parametrize("claim", ["exp", "nbf", "iat"])
def test_huge_time_claim_does_not_crash(claim: str) -> None:
    payload = {"sub": "x", "iat": NOW, "exp": NOW + 900, claim: 10**400}
    report = analyze(hs(payload), now=NOW)
    assert isinstance(report, Report)


def test_kid_is_not_unknown_when_only_a_pem_key_is_offered(keys: Keys) -> None:
    token = jwt.encode(claims(), keys.ed, algorithm="EdDSA", headers={"kid": "k1"})
    report = analyze(token, now=NOW, keys=keys.pem_keys(keys.ed))
    assert report.signature.status is SigStatus.VALID
    assert "KID-UNKNOWN" not in report.codes
    assert report.exit_code == 0
