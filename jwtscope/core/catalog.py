"""The reference of finding codes: one entry per code, in plain words.

Codes never change meaning once released; new ones may be added. The checks create
findings through :func:`make`, so a code can only be emitted if it is listed here, and
``jwtscope codes`` / ``jwtscope/FINDINGS.md`` are generated from this table.
"""

from __future__ import annotations

from dataclasses import dataclass

from jwtscope.core.catalog_betterauth import BETTER_AUTH_ROWS
from jwtscope.core.findings import Finding, Severity

__all__ = ["CODES", "CodeInfo", "make"]


@dataclass(frozen=True)
class CodeInfo:
    """What a code means.

    Args:
        code: the stable code.
        severity: its usual severity (a check may raise or lower it for one case).
        title: a short title.
        explain: what it means and why it matters, for the help screen and reference.
        family: the check family that emits it.
    """

    code: str
    severity: Severity
    title: str
    explain: str
    family: str


C, E, W, INFO, OK = (
    Severity.CRITICAL,
    Severity.ERROR,
    Severity.WARNING,
    Severity.INFO,
    Severity.OK,
)

_ENTRIES = (
    # input
    CodeInfo(
        "INPUT-NORMALIZED",
        INFO,
        "Input was cleaned up",
        "Something was stripped from the pasted text to find the token: a 'Bearer ' "
        "prefix, an 'Authorization:' name, quotes, whitespace, a cookie name or "
        "URL-encoding. Harmless, but a server does not do this for you.",
        "input",
    ),
    CodeInfo(
        "TOKEN-JUNK",
        E,
        "Not a token: a JavaScript artefact",
        "The value is 'undefined', 'null', '[object Object]', '[object Promise]' or "
        "empty: the client sent a variable that did not hold a token (a missing await, "
        "a logged-out state, a wrong property).",
        "input",
    ),
    CodeInfo(
        "TOKEN-MALFORMED",
        E,
        "Malformed token",
        "The text is not a well-formed JWT: wrong number of segments, characters "
        "outside base64url, or a header/payload that is not a JSON object. Any JWT "
        "library rejects it before looking at the signature.",
        "input",
    ),
    CodeInfo(
        "TOKEN-JWE",
        W,
        "Encrypted token (JWE)",
        "A 5-part encrypted JWT. Its payload cannot be read without the decryption "
        "key, and PyJWT cannot decode it at all.",
        "input",
    ),
    CodeInfo(
        "BA-SESSION-TOKEN",
        E,
        "Better Auth session token, not a JWT",
        "This is Better Auth's session token ('<32 chars>.<base64 HMAC>') from the "
        "session cookie or the bearer plugin. A JWT verifier cannot read it; fetch a "
        "JWT from /api/auth/token instead.",
        "input",
    ),
    CodeInfo(
        "TOKEN-OVERSIZE",
        W,
        "Token is very large",
        "Long enough to hit common limits: 4 KB per cookie in browsers, 8 KB header "
        "lines in nginx and many proxies. Requests then fail before your code runs.",
        "input",
    ),
    # header
    CodeInfo(
        "ALG-NONE",
        C,
        "alg is 'none'",
        "The token claims to be unsigned. It must never be accepted; a server that "
        "accepts it lets anyone forge any identity.",
        "header",
    ),
    CodeInfo(
        "ALG-KEY-MISMATCH",
        E,
        "Algorithm does not fit the key",
        "The token's algorithm family does not match the key offered, e.g. an EdDSA "
        "token checked against an HMAC secret. Better Auth's JWT plugin signs with "
        "EdDSA and never with BETTER_AUTH_SECRET: verify against its JWKS. Keys are "
        "typed: a PEM public key, private key or certificate, an OpenSSH public key or a "
        "JWK/JWKS is never used as an HMAC secret, whether it comes with --key/--jwks, "
        "--secret or a variable such as JWT_SECRET (PyJWT refuses it: InvalidKeyError). "
        "Critical when an HS* token verifies with such a key's text as its HMAC secret: "
        "the algorithm-confusion attack. Anyone who knows the public key can sign any "
        "token with it as an HMAC secret, and a verifier that accepts the public key as "
        "an HMAC secret accepts those forged tokens. Fix: pin algorithms=[...] to the "
        "asymmetric alg (RS256, ES256, EdDSA) and pass the key as a key, never as a secret.",
        "header",
    ),
    CodeInfo(
        "HEADER-KEY-REF",
        W,
        "Header points at its own key",
        "The header carries 'jku', 'x5u', an embedded 'jwk' or 'x5c', or a 'kid' with "
        "path or SQL characters. A server that follows these lets the attacker choose "
        "the verification key.",
        "header",
    ),
    CodeInfo(
        "KID-UNKNOWN",
        E,
        "No key for this kid",
        "The token names a key id that the JWKS offered does not contain. A verifier "
        "that looks keys up by kid (PyJWKClient: 'Unable to find a signing key that "
        "matches') rejects it before checking the signature, for every algorithm: the "
        "verdict is 'no key for this kid', not an invalid signature. The keys were rotated, "
        "the JWKS is stale or comes from another URL or environment: refetch it.",
        "header",
    ),
    # signature
    CodeInfo(
        "SIG-VALID",
        OK,
        "Signature valid",
        "The signature verifies over the exact signed bytes with the key shown.",
        "signature",
    ),
    CodeInfo(
        "SIG-INVALID",
        E,
        "Signature invalid",
        "The signature does not verify with any key offered: wrong secret, another "
        "environment's key, or a token that was edited.",
        "signature",
    ),
    CodeInfo(
        "SIG-UNVERIFIED",
        W,
        "Signature not checked",
        "No key that can verify this token was found, so nothing about its "
        "authenticity is known. Offer the secret or the JWKS.",
        "signature",
    ),
    # time
    CodeInfo(
        "EXP-MISSING",
        W,
        "No expiry",
        "The token has no 'exp': it is valid forever once leaked.",
        "time",
    ),
    CodeInfo(
        "EXP-PAST",
        E,
        "Expired",
        "'exp' is in the past at the evaluation time (leeway applied). PyJWT raises "
        "ExpiredSignatureError.",
        "time",
    ),
    CodeInfo(
        "NBF-FUTURE",
        E,
        "Not valid yet (nbf)",
        "'nbf' is in the future: PyJWT raises ImmatureSignatureError. Often clock skew "
        "between the issuer and the API.",
        "time",
    ),
    CodeInfo(
        "IAT-FUTURE",
        E,
        "Issued in the future (iat)",
        "'iat' is in the future: PyJWT 2.6+ raises ImmatureSignatureError. Almost "
        "always clock skew between the issuer and the API.",
        "time",
    ),
    CodeInfo(
        "CLAIM-TYPE",
        E,
        "Registered claim of the wrong type",
        "'exp', 'nbf' or 'iat' is not a number, or 'jti' is not a string: PyJWT "
        "rejects the token with DecodeError.",
        "time",
    ),
    CodeInfo(
        "LIFETIME-LONG",
        W,
        "Long lifetime",
        "exp - iat is longer than 7 days: a leaked token stays useful for a long time.",
        "time",
    ),
    # claims
    CodeInfo(
        "SUB-MISSING",
        W,
        "No subject (sub)",
        "The token has no 'sub', so the API cannot tell who the user is. Better Auth's "
        "session_data cookie JWT has none; use the JWT plugin's token.",
        "claims",
    ),
    CodeInfo(
        "SUB-NOT-STRING",
        E,
        "sub is not a string",
        "PyJWT 2.10+ rejects a non-string 'sub' with InvalidSubjectError.",
        "claims",
    ),
    CodeInfo(
        "AUD-PRESENT",
        INFO,
        "Token has an audience",
        "The token carries 'aud'. PyJWT raises InvalidAudienceError unless audience= "
        "is passed to jwt.decode; the fix shows the exact value.",
        "claims",
    ),
    CodeInfo(
        "AUD-MISMATCH",
        E,
        "Audience mismatch",
        "The token's 'aud' does not contain the expected audience.",
        "claims",
    ),
    CodeInfo(
        "ISS-MISMATCH",
        E,
        "Issuer mismatch",
        "The token's 'iss' is not the expected issuer: another environment or service issued it.",
        "claims",
    ),
    CodeInfo(
        "CLAIM-SENSITIVE",
        E,
        "Sensitive data in the payload",
        "The payload is only base64-encoded: anyone holding the token reads it. It "
        "carries a password, secret, API key, card or ID number.",
        "claims",
    ),
    # secrets
    CodeInfo(
        "SECRET-MISSING",
        W,
        "No secret found",
        "No HMAC secret under the known names (BETTER_AUTH_SECRET, AUTH_SECRET, "
        "JWT_SECRET, JWT_SECRET_KEY, SECRET_KEY, NEXTAUTH_SECRET) in the environment or "
        ".env files, so an HS* token cannot be verified.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-EMPTY",
        E,
        "Secret is empty",
        "A secret variable is set but empty: every signature made with it is forgeable.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-SHORT",
        E,
        "Secret too short",
        "Shorter than 32 characters, or than the hash size for HS384 (48) / HS512 "
        "(64). Short HMAC keys can be brute-forced offline from one token.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-LOW-ENTROPY",
        W,
        "Secret is guessable",
        "Long enough, but built from repeats, sequences or words, so it holds far "
        "fewer random bits than its length suggests.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-COMMON",
        C,
        "Well-known secret",
        "The secret is a published default or sample (Better Auth's dev default, "
        "jwt.io's samples, 'changeme', …). Anyone can forge tokens with it.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-CRACKED",
        C,
        "Token's key found by dictionary search",
        "The HS* token's HMAC key is in jwtscope's list of common secrets: anyone can "
        "forge tokens for this service.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-QUOTED",
        W,
        "Secret carries quotes or whitespace",
        "The configured value starts or ends with a quote, space or newline. One side "
        "usually strips it and the other does not, so signatures stop matching.",
        "secrets",
    ),
    CodeInfo(
        "SECRET-MISMATCH",
        E,
        "Secret differs between sources",
        "The same variable holds different values in two places (e.g. the process "
        "environment and .env, or the frontend's and the backend's .env). Tokens "
        "signed by one side fail on the other. Shown as fingerprints only.",
        "secrets",
    ),
)

CODES: dict[str, CodeInfo] = {
    info.code: info for info in (*_ENTRIES, *(CodeInfo(*row) for row in BETTER_AUTH_ROWS))
}


def make(
    code: str,
    detail: str,
    fix: str = "",
    *,
    severity: Severity | None = None,
    title: str | None = None,
    evidence: dict[str, str] | None = None,
) -> Finding:
    """Build a finding for a registered code.

    Raises:
        KeyError: for a code missing from the reference (a programming error).
    """
    info = CODES[code]
    return Finding(
        code=code,
        severity=severity or info.severity,
        title=title or info.title,
        detail=detail,
        fix=fix,
        evidence=tuple((evidence or {}).items()),
    )
