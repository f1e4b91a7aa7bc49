"""Checks on the secrets in the environment, and a dictionary search of HS* tokens."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from jwtscope.core.catalog import make
from jwtscope.core.checks.registry import check
from jwtscope.core.context import CheckContext
from jwtscope.core.findings import Finding, Severity
from jwtscope.core.keys import common_secrets
from jwtscope.core.keys.env_snapshot import strip_secret_text
from jwtscope.core.keys.hmac_dictionary import HmacTarget, search
from jwtscope.core.keys.keyset import HMAC_ALGS, Secret, fingerprint
from jwtscope.core.keys.secret_strength import strength
from jwtscope.core.keys.typed_secret import typed_key_kind
from jwtscope.core.token.parsing import TokenKind

_GENERATE = (
    "Generate a new one: `openssl rand -base64 32` (Better Auth: `npx @better-auth/cli secret`)"
)


def _hmac_token(ctx: CheckContext) -> bool:
    return ctx.token.kind is TokenKind.JWS and ctx.token.alg in HMAC_ALGS


def _configured(ctx: CheckContext) -> list[Secret]:
    """Distinct configured secrets (no derived variants), first occurrence kept.

    A "secret" that is really a key (PEM, certificate, OpenSSH, JWK) is left out: it is no
    HMAC secret, so its strength and quoting mean nothing (ALG-KEY-MISMATCH reports it).
    """
    seen: set[bytes] = set()
    out: list[Secret] = []
    for secret in ctx.keys.secrets:
        if secret.variant or secret.value in seen or typed_key_kind(secret.value):
            continue
        seen.add(secret.value)
        out.append(secret)
    return out


def _effective(ctx: CheckContext) -> list[tuple[Secret, bytes]]:
    """Each configured secret with the key it really amounts to once quotes/whitespace are
    stripped (the value most loaders end up using), one entry per distinct key."""
    seen: set[bytes] = set()
    out: list[tuple[Secret, bytes]] = []
    for secret in _configured(ctx):
        clean = strip_secret_text(secret.text)
        key = (
            secret.value
            if clean == secret.text
            else (
                next(
                    (
                        v.value
                        for v in ctx.keys.secrets
                        if v.variant and v.name == secret.name and v.source == secret.source
                    ),
                    clean.encode(),
                )
            )
        )
        if key in seen:
            continue
        seen.add(key)
        out.append((secret, key))
    return out


@check("secrets", "SECRET-MISSING", "SECRET-EMPTY")
def presence(ctx: CheckContext) -> Iterator[Finding]:
    """No secret where an HS* or session token needs one; empty secret variables."""
    empty = ctx.env.empty_secret_names()
    if empty:
        where = ", ".join(f"{name} in {source}" for name, source in empty)
        yield make(
            "SECRET-EMPTY",
            f"Set but empty: {where}.",
            f"{_GENERATE} and set it on every service that signs or verifies.",
            evidence={"variables": where},
        )
    needs_secret = _hmac_token(ctx) or ctx.token.kind is TokenKind.SESSION
    keys_only = [s for s in ctx.keys.secrets if typed_key_kind(s.value)]
    if needs_secret and len(keys_only) == len(ctx.keys.secrets):
        names = ", ".join(ctx.env.secret_names)
        looked = ", ".join(s.label for s in ctx.env.sources) or "nowhere"
        held = ""
        if keys_only:
            shown = [s for s in keys_only if not s.variant] or keys_only
            held = (
                " "
                + "; ".join(
                    f"{s.label} holds {typed_key_kind(s.value)}, not an HMAC secret" for s in shown
                )
                + " (see ALG-KEY-MISMATCH)."
            )
        yield make(
            "SECRET-MISSING",
            f"No secret found under {names} (looked in: {looked}).{held}",
            "Run jwtscope where the API's .env lives, or pass --env-file PATH, "
            "--secret-env NAME (any variable name) or --secret (kept in shell history).",
            evidence={"looked": looked},
        )


@check("secrets", "SECRET-SHORT", "SECRET-LOW-ENTROPY", "SECRET-COMMON")
def secret_strength(ctx: CheckContext) -> Iterator[Finding]:
    """Length, guessability and well-known values of each configured secret."""
    alg = ctx.token.alg if _hmac_token(ctx) else None
    for secret, key in _effective(ctx):
        judged = strength(strip_secret_text(secret.text), key, alg)
        who = secret.describe()
        if judged.common:
            yield make(
                "SECRET-COMMON",
                f"{who} is a published default or sample value: anyone can sign tokens with it.",
                f"{_GENERATE}, set it everywhere, and invalidate sessions signed with the old one.",
                evidence={"secret": who},
            )
        if judged.short:
            yield make(
                "SECRET-SHORT",
                f"{who} is {judged.length} bytes; at least {judged.required} are needed"
                + (f" for {alg}" if alg in ("HS384", "HS512") else "")
                + ". A short HMAC key can be brute-forced offline from a single token.",
                _GENERATE + ".",
                evidence={"secret": who, "required": str(judged.required)},
            )
        elif judged.guessable and not judged.common:
            why = {
                "repeats": "it repeats a short pattern",
                "sequence": "it is built from runs and sequences (abc…, 123…, aaa…)",
                "words": "it is made of words",
            }.get(judged.reason, "its characters are predictable")
            yield make(
                "SECRET-LOW-ENTROPY",
                f"{who} is long enough but guessable: {why} (about {int(judged.bits)} bits "
                f"of randomness; aim for 128+).",
                _GENERATE + ".",
                evidence={"secret": who, "bits": str(int(judged.bits))},
            )


@check("secrets", "SECRET-CRACKED")
def cracked(ctx: CheckContext) -> Iterator[Finding]:
    """Search the built-in list of common secrets for an HS* token's key."""
    if not _hmac_token(ctx):
        return
    configured = ctx.signature.matched_secret
    if configured is not None:
        # The key is known: HMAC keys that verify the same token are the same key (up to
        # RFC 2104 padding), so the list holds it exactly when it holds this value.
        key = configured.value if configured.value in _common_keys() else None
    else:
        key = _search(ctx.token.signing_input, ctx.token.signature, ctx.token.alg or "")
    if key is None:
        return
    same = f" It is the value of {configured.label}." if configured else ""
    yield make(
        "SECRET-CRACKED",
        f"The token's HMAC key is in jwtscope's list of common secrets "
        f"({fingerprint(key)}).{same} Anyone can forge tokens for this service.",
        f"{_GENERATE}, set it on the issuer and the API, and revoke existing tokens. "
        "`jwtscope crack TOKEN --wordlist FILE` shows the key.",
        evidence={"key": fingerprint(key)},
    )


@lru_cache(maxsize=1)
def _common_keys() -> frozenset[bytes]:
    return frozenset(common_secrets.candidates())


@lru_cache(maxsize=64)
def _search(signing_input: bytes, signature: bytes, alg: str) -> bytes | None:
    """The dictionary search, remembered per token (the app re-analyses every second)."""
    try:
        target = HmacTarget(signing_input, signature, alg)
    except ValueError:
        return None  # a signature of the wrong size cannot be produced by any key
    return search(target, common_secrets.candidates())


@check("secrets", "SECRET-QUOTED", "SECRET-MISMATCH")
def consistency(ctx: CheckContext) -> Iterator[Finding]:
    """Quotes/whitespace in values, and one variable with different values in two places."""
    for secret in _configured(ctx):
        if strip_secret_text(secret.text) != secret.text:
            what = _what_is_stuck(secret.text)
            yield make(
                "SECRET-QUOTED",
                f"{secret.describe()} carries {what}. Loaders differ on stripping it, so the "
                "issuer and the API can end up with different keys.",
                'Write the value bare in .env (NAME=value, or NAME="value" with the quotes as '
                "syntax only), with no trailing spaces or newline.",
                evidence={"secret": secret.describe()},
            )
    for name in ctx.env.secret_names:
        values: dict[str, list[str]] = {}
        for source in ctx.env.sources:
            present, text = source.get(name)
            if present and text:
                values.setdefault(text, []).append(source.label)
        if len(values) > 1:
            parts = [
                f"{', '.join(labels)}: {fingerprint(text.encode(), len(text))}"
                for text, labels in values.items()
            ]
            yield make(
                "SECRET-MISMATCH",
                f"{name} differs between sources — " + "; ".join(parts) + ".",
                f"Use one value of {name} for every service; the process environment "
                "overrides .env in most loaders, so check `env | grep SECRET` too.",
                severity=Severity.ERROR,
                evidence={"variable": name, "sources": " | ".join(parts)},
            )


def _what_is_stuck(text: str) -> str:
    things = []
    if text[:1] in "\"'`" or text[-1:] in "\"'`":
        things.append("quote characters")
    if text != text.strip():
        if text.rstrip("\r\n") != text:
            things.append("a trailing newline")
        if text.strip(" \t") != text:
            things.append("surrounding spaces")
    return " and ".join(things) or "surrounding characters"
