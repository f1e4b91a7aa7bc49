"""Which requests the probe sends: a pure plan of tests 1–8.

The tests themselves are in :mod:`jwtscope.core.probe.probe_suite`.

Token A is the request's token, or one minted with the secret (``sub`` ``user-a``);
token B is ``token_b``, or minted (``sub`` ``user-b``). Minted tokens carry ``sub``,
``iat``, ``exp`` (15 minutes) and the given token's ``iss``/``aud`` — never its other
claims: a role copied to user B would make B an admin and the isolation test would
wrongly fail. The secret is used only when it verifies the given token; otherwise
tokens signed with it would be refused for the wrong reason (a Better Auth EdDSA token
and ``BETTER_AUTH_SECRET``), so the tests that need it are skipped with that reason.

Forged tokens start from token A, whose claims the server accepts (test 1), so each
differs in one dimension only: the signature (5, 6, 7) or ``exp`` (4).

Everything goes to the request's origin. Writes need ``allow_writes``: creating A's
resource, B's PUT/PATCH/DELETE, and tests 1–7 when the endpoint itself is not a GET.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urlsplit

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.replay_plan import PlannedRequest
from jwtscope.core.keys.keyset import HMAC_ALGS, KeySet, Secret
from jwtscope.core.keys.verify_signature import SigStatus, verify_signature
from jwtscope.core.probe.probe_suite import (
    ID_PLACEHOLDER,
    P1,
    P2,
    P3,
    P4,
    P5,
    P6,
    P7,
    P8_CLEANUP,
    P8_CREATE,
    P8_DELETE,
    P8_LIST,
    P8_READ,
    P8_UPDATE,
    ProbeCase,
    ProbeTest,
    bind_url,
)
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.core.token.minting import sign_claims
from jwtscope.core.token.parsing import DecodedToken, TokenKind, decode
from jwtscope.errors import UsageError

__all__ = ["ALG_NONE_CASINGS", "LIFETIME", "USER_A", "USER_B", "plan_probe", "plan_token_tests"]

#: The casings of ``none`` attackers try (filters often compare case-sensitively).
ALG_NONE_CASINGS = ("none", "None", "NONE", "nOnE")
#: Lifetime of minted tokens, seconds.
LIFETIME = 900
USER_A, USER_B = "user-a", "user-b"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_WRITE_NOTE = "a write: run with --allow-writes to try it as user B"

#: ``(probe key, purpose, token)``: one request of tests 1–7, sent with that token.
_Shot = tuple[str, str, str]


@dataclass(frozen=True)
class _Signer:
    """Mints HS* tokens with the secret, shaped like the given token (alg, kid, iss, aud)."""

    secret: Secret
    alg: str
    kid: str | None
    claims: tuple[tuple[str, Any], ...]

    def sign(self, payload: dict[str, Any]) -> str:
        minted = sign_claims(secret=self.secret.value, alg=self.alg, payload=payload, kid=self.kid)
        return minted.token

    def mint(self, sub: str, now: int) -> str:
        return self.sign({**dict(self.claims), "sub": sub, "iat": now, "exp": now + LIFETIME})


def plan_probe(
    request: ReplayRequest,
    *,
    report: Report | None,
    secret: Secret | None,
    now: int,
    token_b: str | None = None,
    resource: str | None = None,
    create_body: bytes | None = None,
    resource_id: str | None = None,
    allow_writes: bool = False,
    wrong_key: bytes | None = None,
) -> list[ProbeCase]:
    """The cases of tests 1–8 (and test 8's setup/cleanup), in the order to run them.

    Args:
        request: the protected endpoint; its token, if any, is token A.
        report: the analysis of that token (its decoded form is reused), or None.
        secret: the HMAC secret to mint and re-sign with, or None.
        now: local time (epoch seconds) for minted ``iat``/``exp``.
        token_b: a second user's token; else one is minted when the secret allows.
        resource: URL template of one of A's resources, with ``{id}``; default: the
            request URL (without query) + ``/{id}``.
        create_body: a JSON body user A POSTs on the request URL to create the resource.
        resource_id: the id of an existing resource of user A (nothing is created then).
        allow_writes: allow creating, PUT, PATCH and DELETE (and a non-GET endpoint).
        wrong_key: test 7's "different key" (the runner passes fresh random bytes; the
            default is derived from ``now`` so that the plan stays reproducible).

    Returns:
        One case per test (SKIP cases carry the reason), setup/cleanup where needed.

    Raises:
        UsageError: the resource URL has no ``{id}`` or is not on the request's origin.
    """
    ids = _identities(request, report, secret, now, token_b)
    method = request.method.upper()
    blocked = None
    if method not in _SAFE_METHODS and not allow_writes:
        blocked = f"the endpoint is a {method} (a write): run with --allow-writes, or probe a GET"
    return [
        *_single_user_cases(request, ids, secret, now, wrong_key, blocked),
        *_cross_user(
            request,
            ids.token_a,
            ids.token_b,
            ids.no_a or ids.no_signer,
            resource=resource,
            create_body=create_body,
            resource_id=resource_id,
            allow_writes=allow_writes,
        ),
    ]


def plan_token_tests(
    request: ReplayRequest,
    *,
    report: Report | None,
    secret: Secret | None,
    now: int,
    wrong_key: bytes | None = None,
) -> tuple[str | None, list[ProbeCase]]:
    """Token A and the cases of tests 2–7 for ``request`` (the route probe's per-route suite).

    The method is not checked here: the route plan decides which routes may be sent.

    Returns:
        Token A (given or minted; None when neither) and the cases of tests 2–7.
    """
    ids = _identities(request, report, secret, now, None)
    cases = _single_user_cases(request, ids, secret, now, wrong_key, None)
    return ids.token_a, cases[1:]


@dataclass(frozen=True)
class _Identities:
    """Tokens A and B, and what can be minted.

    Args:
        token_a: the request's token, or one minted for ``user-a``; None when neither.
        a: token A decoded.
        token_b: the given second token, or one minted for ``other_sub``.
        other_sub: user B's ``sub`` (from token B, else one that differs from A's).
        signer: mints tokens shaped like token A, or None.
        no_signer: why there is no signer ("" when there is one).
        no_a: why token A cannot be tampered with (tests 1, 4-7), or None.
    """

    token_a: str | None
    a: DecodedToken | None
    token_b: str | None
    other_sub: str
    signer: _Signer | None
    no_signer: str
    no_a: str | None


def _identities(
    request: ReplayRequest,
    report: Report | None,
    secret: Secret | None,
    now: int,
    token_b: str | None,
) -> _Identities:
    """Token A (given or minted), token B (given or minted) and the signer."""
    given = request.token
    given_decoded: DecodedToken | None = None
    if given:
        reuse = report is not None and report.token.raw == given
        given_decoded = report.token if report is not None and reuse else decode(given)
    signer, no_signer = _signer(secret, given_decoded)
    token_a = given or (signer.mint(USER_A, now) if signer else None)
    a = decode(token_a) if token_a else None
    sub_b = (decode(token_b).payload or {}).get("sub") if token_b else None
    a_sub = (a.payload or {}).get("sub") if a else None
    other_sub = str(sub_b) if sub_b is not None else (USER_B if a_sub != USER_B else "user-b2")
    if token_b is None and signer is not None:
        token_b = signer.mint(other_sub, now)
    if token_a is None:
        no_a: str | None = f"no token given, and {no_signer}"
    elif a is None or a.kind is not TokenKind.JWS:
        no_a = "token A is not a JWT, so there is nothing to tamper with"
    else:
        no_a = None
    return _Identities(token_a, a, token_b, other_sub, signer, no_signer, no_a)


def _single_user_cases(
    request: ReplayRequest,
    ids: _Identities,
    secret: Secret | None,
    now: int,
    wrong_key: bytes | None,
    blocked: str | None,
) -> list[ProbeCase]:
    """Tests 1–7: token A as given, no credentials, garbage, expired, forged."""

    def case(test: ProbeTest, reason: str | None, shots: list[_Shot]) -> ProbeCase:
        if blocked or reason:
            return ProbeCase(test, skip_reason=blocked or reason)
        return ProbeCase(
            test, tuple(PlannedRequest(k, p, request.with_token(t)) for k, p, t in shots)
        )

    a, no_a, signer, no_signer = ids.a, ids.no_a, ids.signer, ids.no_signer
    forged = [] if a is None or no_a else _forged(a, ids.other_sub, now, wrong_key)
    expired = [] if a is None or no_a or signer is None else [_expired(a, signer, now)]
    if request.token:
        a_what = "the token given (token A)"
    else:
        a_what = f"token A, minted with {secret.label if secret else '?'}: sub {USER_A!r}"
    no_auth = ProbeCase(P2, (PlannedRequest(P2.id, "no credentials", request.without_auth()),))
    return [
        case(P1, None if ids.token_a else no_a, [(P1.id, a_what, ids.token_a or "")]),
        ProbeCase(P2, skip_reason=blocked) if blocked else no_auth,
        case(P3, None, [(P3.id, "the token 'invalid-token'", "invalid-token")]),
        case(P4, no_a or (None if signer else no_signer), expired),
        case(P5, no_a, forged[:1]),
        case(P6, no_a, forged[1:5]),
        case(P7, no_a, forged[5:]),
    ]


def _signer(secret: Secret | None, given: DecodedToken | None) -> tuple[_Signer | None, str]:
    """A signer shaped like the given token, or None and why not."""
    if secret is None:
        return None, "no secret is known to sign tokens with"
    if given is None:
        return _Signer(secret, "HS256", None, ()), ""
    if given.kind is not TokenKind.JWS or given.payload is None:
        return None, f"the given token is not a JWT that {secret.label} could have signed"
    if verify_signature(given, KeySet(secrets=(secret,))).status is not SigStatus.VALID:
        return None, (
            f"{secret.label} does not verify the given token (alg {given.alg}): tokens"
            " signed with it would be refused for the wrong reason"
        )
    claims = tuple((k, given.payload[k]) for k in ("iss", "aud") if k in given.payload)
    kid = (given.header or {}).get("kid")
    return _Signer(secret, given.alg or "HS256", kid if isinstance(kid, str) else None, claims), ""


def _segment(obj: dict[str, Any]) -> str:
    raw = json.dumps(obj, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _forged(a: DecodedToken, other_sub: str, now: int, wrong_key: bytes | None) -> list[_Shot]:
    """Tests 5, 6 (one per casing) and 7 (other key, blank signature), from token A."""
    head, body, signature = a.segments
    payload, header = a.payload or {}, a.header or {}
    tampered = f"{head}.{_segment({**payload, 'sub': other_sub})}.{signature}"
    shots = [(P5.id, f"token A with sub {other_sub!r}, its signature kept", tampered)]
    for casing in ALG_NONE_CASINGS:
        unsigned = f"{_segment({**header, 'alg': casing})}.{body}."
        shots.append((f"{P6.id}:{casing}", f"token A, alg {casing!r}, no signature", unsigned))
    key = wrong_key or hashlib.sha256(b"jwtscope probe: not your key %d" % now).digest()
    alg = a.alg if a.alg in HMAC_ALGS else "HS256"
    kid = header.get("kid")
    other = sign_claims(
        secret=key, alg=alg, payload=payload, kid=kid if isinstance(kid, str) else None
    )
    shots.append(
        (f"{P7.id}:other-key", f"token A's claims signed {alg} with a random key", other.token)
    )
    shots.append((f"{P7.id}:blank", "token A with an empty signature", f"{head}.{body}."))
    return shots


def _expired(a: DecodedToken, signer: _Signer, now: int) -> _Shot:
    claims = {**(a.payload or {}), "iat": now - 7200, "exp": now - 3600}
    if "nbf" in claims:
        claims["nbf"] = now - 7200
    purpose = f"token A's claims, expired an hour ago, signed with {signer.secret.label}"
    return (P4.id, purpose, signer.sign(claims))


def _resource_template(request: ReplayRequest, resource: str | None) -> str:
    template = resource or request.url.split("?", 1)[0].rstrip("/") + "/" + ID_PLACEHOLDER
    if ID_PLACEHOLDER not in template:
        raise UsageError(
            f"the resource URL has no {ID_PLACEHOLDER}", "write it like https://api/todos/{id}"
        )
    sample = replace(request, url=template.replace(ID_PLACEHOLDER, "1"))
    if (
        urlsplit(template).scheme.lower() not in ("http", "https")
        or sample.origin != request.origin
    ):
        raise UsageError(
            f"the resource URL is not on {request.origin}",
            "the probe sends requests only to the endpoint's own origin",
        )
    return template


def _cross_user(
    request: ReplayRequest,
    token_a: str | None,
    token_b: str | None,
    no_identity: str,
    *,
    resource: str | None,
    create_body: bytes | None,
    resource_id: str | None,
    allow_writes: bool,
) -> list[ProbeCase]:
    """Test 8: user B reads, lists, updates and deletes user A's resource."""
    template = _resource_template(request, resource)
    parts = (P8_READ, P8_LIST, P8_UPDATE, P8_DELETE)
    skip = None
    if token_a is None or token_b is None:
        skip = f"needs two identities: give --token-b, or a secret to mint both ({no_identity})"
    elif token_a == token_b:
        skip = "token B is token A: give a token of another user"
    elif resource_id is None and create_body is None:
        skip = "needs a resource of user A: --resource URL/{id} with --resource-id, or --create"
    elif resource_id is None and not allow_writes:
        skip = "creating user A's resource is a write: run with --allow-writes (or name one)"
    if skip or token_a is None or token_b is None:
        return [ProbeCase(t, skip_reason=skip) for t in parts]

    def as_user(token: str, method: str, url: str, body: bytes | None = None) -> ReplayRequest:
        sent = request.with_token(token)
        drop = ("content-type", "content-length")
        headers = tuple((k, v) for k, v in sent.headers if k.lower() not in drop)
        if body is not None:
            headers += (("Content-Type", "application/json"),)
        return replace(sent, method=method, url=url, headers=headers, body=body)

    a, b = token_a, token_b

    def probe(
        key: str, purpose: str, token: str, method: str, url: str, body: bytes | None = None
    ) -> PlannedRequest:
        return PlannedRequest(key, purpose, as_user(token, method, url, body))

    item = template if resource_id is None else bind_url(template, resource_id)
    body = create_body or b"{}"
    collection = request.url
    rid = resource_id
    cases: list[ProbeCase] = []
    if rid is None:
        create = probe(P8_CREATE.id, "user A creates a resource", a, "POST", collection, body)
        cases.append(ProbeCase(P8_CREATE, (create,), stage="setup"))
    read = (
        probe(f"{P8_READ.id}:A", "user A reads its resource", a, "GET", item),
        probe(f"{P8_READ.id}:B", "user B reads A's resource", b, "GET", item),
    )
    listing = (
        probe(f"{P8_LIST.id}:A", "user A lists the collection", a, "GET", collection),
        probe(f"{P8_LIST.id}:B", "user B lists the collection", b, "GET", collection),
    )
    update = tuple(
        probe(f"{P8_UPDATE.id}:{m}", f"user B sends {m} to A's resource", b, m, item, body)
        for m in ("PUT", "PATCH")
    )
    delete = (probe(f"{P8_DELETE.id}:DELETE", "user B deletes A's resource", b, "DELETE", item),)
    no_writes = None if allow_writes else _WRITE_NOTE
    cases += [
        ProbeCase(P8_READ, read, resource_id=rid),
        ProbeCase(P8_LIST, listing, resource_id=rid),
        ProbeCase(P8_UPDATE, () if no_writes else update, no_writes, resource_id=rid),
        ProbeCase(P8_DELETE, () if no_writes else delete, no_writes, resource_id=rid),
    ]
    if rid is None:
        cleanup = probe(P8_CLEANUP.id, "user A deletes the resource it created", a, "DELETE", item)
        cases.append(ProbeCase(P8_CLEANUP, (cleanup,), stage="cleanup"))
    return cases
