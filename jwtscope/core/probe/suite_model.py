"""The exported pytest suite's vocabulary: routes, test functions, marks and identities.

:mod:`jwtscope.core.probe.suite_export` fills it from a probe's result;
:mod:`jwtscope.services.pytest_emit` writes it as a module. Nothing here holds a secret
or a token: :class:`ExportAuth` says how tokens are made at test time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from jwtscope.core.keys.keyset import HMAC_ALGS, KeySet, Secret
from jwtscope.core.keys.verify_signature import SigStatus, verify_signature
from jwtscope.core.probe.probe_plan import USER_A, USER_B
from jwtscope.core.probe.route_plan import IdOrigin
from jwtscope.core.probe.suite_claims import PersonalClaim, opaque_id, split_claims
from jwtscope.core.request.replay_request import ReplayRequest
from jwtscope.core.token.parsing import TokenKind, decode

#: Claims minted fresh (or per user), never copied from token A.
_NOT_COPIED = frozenset({"iss", "aud", "sub", "iat", "exp", "nbf", "jti"})

__all__ = [
    "ExportAuth",
    "ExportCheck",
    "ExportRoute",
    "IdSource",
    "Mark",
    "SuiteExport",
    "export_auth",
]


@dataclass(frozen=True)
class Mark:
    """``xfail`` (strict, a known hole) or ``skip``, with the reason shown by pytest."""

    kind: Literal["xfail", "skip"]
    reason: str


@dataclass(frozen=True)
class IdSource:
    """How a path parameter is filled at test time: the way the probe filled it.

    Args:
        name: the parameter (``todo_id``).
        origin: where the probe's id came from, as the probe recorded it when it chose
            the id (:class:`~jwtscope.core.probe.route_plan.IdOrigin`).
        value: the id the probe used, or None.
    """

    name: str
    origin: IdOrigin
    value: str | None = None

    @property
    def how(self) -> Literal["created", "listed", "known"]:
        """What the tests do: ``created`` (user A POSTs to the collection, deleted
        afterwards), ``listed`` (the first item of the collection's list as user A;
        ``value`` if none), or ``known`` (``value`` as is: the document's example, or
        the id given)."""
        if self.origin is IdOrigin.CREATED:
            return "created"
        return "listed" if self.origin is IdOrigin.LISTED else "known"


@dataclass(frozen=True)
class ExportRoute:
    """A route the tests send to: method, path template, how its ids are filled, body."""

    method: str
    path: str
    params: tuple[IdSource, ...] = ()
    body: str | None = None

    @property
    def label(self) -> str:
        """``GET /todos/{todo_id}``: the key of the generated ``ROUTES`` table."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class ExportCheck:
    """One generated test function.

    Args:
        name: the function name.
        call: the ``Api`` method it calls (``refuses``, ``accepts``, ``isolates``, ``hides``).
        args: that call's literal arguments after the route label.
        route: the route label.
        mark: the function's mark, or None.
        variants: for ``alg_none``: each casing and its own mark.
    """

    name: str
    call: str
    route: str
    args: tuple[str, ...] = ()
    mark: Mark | None = None
    variants: tuple[tuple[str, Mark | None], ...] = ()


@dataclass(frozen=True)
class ExportAuth:
    """Who the tests are, with no secret and no token in it.

    Args:
        mint: HS* tokens are minted at test time from the secret (else user A's and B's
            tokens are read from the environment).
        secret_names: the variables the secret is looked up under, in order.
        encoding: how the secret's text becomes key bytes (utf8, base64, hex).
        alg: the HS* algorithm minted with.
        kid: the ``kid`` header of token A, or None.
        claims: the claims copied from token A into both minted tokens (``iss``, ``aud``).
        claims_a: token A's other claims, for minted token A only (as the probe sent
            token A itself; never to B: a role copied to B would fail isolation wrongly),
            with no personal value (:func:`~jwtscope.core.probe.suite_claims.split_claims`).
        sub_a: user A's ``sub`` (a stand-in when it was not an opaque id); sub_b: user B's.
        place: where the token travels: ``(kind, name, scheme)``.
        personal_a: token A's personal claims: names, variables and stand-ins only.
        hidden_subs: the users (``A``, ``B``) whose ``sub`` is a stand-in.
    """

    mint: bool
    secret_names: tuple[str, ...]
    encoding: str
    alg: str
    kid: str | None
    claims: tuple[tuple[str, Any], ...]
    sub_a: str
    sub_b: str
    place: tuple[str, str, str]
    claims_a: tuple[tuple[str, Any], ...] = ()
    personal_a: tuple[PersonalClaim, ...] = ()
    hidden_subs: tuple[str, ...] = ()


@dataclass(frozen=True)
class SuiteExport:
    """Everything the generated module holds, besides its header."""

    base_url: str
    auth: ExportAuth
    routes: tuple[ExportRoute, ...]
    checks: tuple[ExportCheck, ...]
    create_body: str | None = None
    app: str | None = None
    public: tuple[str, ...] = ()


def export_auth(
    request: ReplayRequest,
    *,
    secret: Secret | None,
    secret_names: Sequence[str],
    encoding: str,
    token_b: str | None = None,
) -> ExportAuth:
    """The identities: minted with the secret when it signs token A (as the probe did)."""
    a = decode(request.token) if request.token else None
    payload = a.payload if a is not None and a.kind is TokenKind.JWS and a.payload else {}
    header = (a.header or {}) if a is not None else {}
    mint = secret is not None and (
        a is None or verify_signature(a, KeySet(secrets=(secret,))).status is SigStatus.VALID
    )
    sub_a = str(payload.get("sub", USER_A))
    b_payload = decode(token_b).payload if token_b else None
    sub_b = str((b_payload or {}).get("sub", USER_B if sub_a != USER_B else "user-b2"))
    hidden = tuple(u for u, sub in (("A", sub_a), ("B", sub_b)) if not opaque_id(sub))
    sub_a = sub_a if "A" not in hidden else USER_A
    sub_b = sub_b if "B" not in hidden else (USER_B if sub_a != USER_B else "user-b2")
    claims_a, personal_a = split_claims(
        {k: v for k, v in payload.items() if k not in _NOT_COPIED}, "a"
    )
    names = [secret.name] if secret is not None and secret.name.isidentifier() else []
    kid = header.get("kid")
    loc = request.location
    place = (
        (loc.kind, loc.name, loc.scheme)
        if loc.kind != "none"
        else ("authorization", "Authorization", "Bearer")
    )
    return ExportAuth(
        mint=mint,
        secret_names=tuple(dict.fromkeys(["JWTSCOPE_SECRET", *names, *secret_names])),
        encoding=encoding,
        alg=a.alg if a is not None and a.alg in HMAC_ALGS else "HS256",
        kid=kid if isinstance(kid, str) else None,
        claims=tuple((k, payload[k]) for k in ("iss", "aud") if k in payload),
        claims_a=claims_a,
        sub_a=sub_a,
        sub_b=sub_b,
        place=place,
        personal_a=personal_a,
        hidden_subs=hidden,
    )
