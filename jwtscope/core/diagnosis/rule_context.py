"""What every diagnosis rule reads: the token's report, the answers by probe key, and small
readers of one answer (refused, accepted, what it says, its one-line summary).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from jwtscope.core.analysis import Report
from jwtscope.core.diagnosis.causes import CauseCollector, Evidence
from jwtscope.core.pyjwt_fix import pyjwt_call
from jwtscope.core.request.exchange import Exchange

__all__ = [
    "ROUND_ONE",
    "RuleContext",
    "accepted",
    "answer_line",
    "login_redirect",
    "lower",
    "optional",
    "past_auth",
    "refused",
    "same_answer",
    "says",
    "words",
]

#: The probes of round 1 (and the auth server's CORS answer); every other probe is a
#: minted variant.
ROUND_ONE = ("original", "no-token", "preflight", "auth-cors")
#: Words of a login page's path: a redirect there refuses the request.
_LOGIN_WORDS = ("login", "signin", "sign-in", "sign_in", "logon")
#: The JSON fields servers put their words in (FastAPI, Express, OAuth, problem+json).
_FIELDS = ("detail", "message", "error", "error_description", "title", "msg")
#: Words of a refusal of the token itself (not of the authenticated user).
_TOKEN_FAULT_SAYS = (
    "not authenticated",
    "invalid token",
    "credentials",
    "signature",
    "expired",
    "audience",
    "issuer",
    "not yet valid",
    "jwt",
    # PyJWT's own texts, as flask-jwt-extended forwards them with its 422.
    "token",
    "claim",
    "subject must",
    "alg value",
    "algorithm",
    "not enough segments",
    "authorization header",
)
#: The fields of a nested error object (``{"detail": {"code": …, "description": …}}``).
_NESTED = (*_FIELDS, "description", "code")
#: The fields holding a list of error objects.
_LISTS = ("messages", "errors")
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)


def lower(text: str | None) -> str:
    """``text`` in lower case ("" for None)."""
    return (text or "").lower()


def words(ex: Exchange) -> str:
    """Everything the answer says, in lower case: its JSON message fields (``detail``,
    ``message``, ``error``, ``error_description`` …), a plain-text or HTML body (tags
    dropped), and the RFC 6750 ``error`` / ``error_description`` of ``WWW-Authenticate``."""
    parts = [lower(ex.detail)]
    data = ex.json()
    if isinstance(data, dict):
        parts += [lower(v) for k in _FIELDS if isinstance(v := data.get(k), str)]
        for outer in ("error", "detail"):
            nested = data.get(outer)
            if isinstance(nested, dict):
                parts += [lower(v) for k in _NESTED if isinstance(v := nested.get(k), str)]
        # A list of error objects (simplejwt's ``messages``, JSON:API / GraphQL ``errors``):
        # the generic ``detail`` beside it often names no cause, the items do.
        for outer in _LISTS:
            items = data.get(outer)
            if isinstance(items, list):
                parts += [
                    lower(v)
                    for item in items[:5]
                    if isinstance(item, dict)
                    for k in _NESTED
                    if isinstance(v := item.get(k), str)
                ]
    elif data is None and ex.text.lstrip().startswith("<"):
        parts.append(" ".join(html.unescape(_TAG.sub(" ", ex.text[:20_000])).lower().split()))
    challenge = ex.challenge
    if challenge is not None:
        parts += [lower(challenge.get("error")), lower(challenge.get("error_description"))]
    return " ".join(p for p in dict.fromkeys(parts) if p)


def says(ex: Exchange | None, *needles: str) -> bool:
    """What the answer says (:func:`words`) contains a needle.

    Args:
        ex: the answer, or None (then nothing is said).
        needles: lower-case fragments, any of which counts.
    """
    if ex is None:
        return False
    text = words(ex)
    return any(n in text for n in needles)


def same_answer(a: Exchange | None, b: Exchange | None) -> bool:
    """Both answers have the same status and say the same words."""
    return a is not None and b is not None and a.status == b.status and words(a) == words(b)


def refused(ex: Exchange | None) -> bool:
    """The answer is 401 or 403, a redirect to a login page (a web app's refusal), or a
    400/422 whose words name a fault of the token (Starlette's AuthenticationMiddleware
    answers an ``AuthenticationError`` with 400 and its message by default;
    flask-jwt-extended answers every undecodable token with 422 ``{"msg": …}``)."""
    if ex is None:
        return False
    if ex.status in (401, 403) or login_redirect(ex):
        return True
    return ex.status in (400, 422) and says(ex, *_TOKEN_FAULT_SAYS)


def login_redirect(ex: Exchange) -> bool:
    """A 3xx whose ``Location`` is a login page (``/login``, ``/signin``, ``/sign-in`` …)."""
    if ex.status is None or not 300 <= ex.status < 400:
        return False
    path = urlsplit(ex.header("location") or "").path.lower()
    return any(word in path for word in _LOGIN_WORDS)


def accepted(ex: Exchange | None) -> bool:
    """Authentication passed: anything but 401/403, 3xx, 5xx and a 400/422 refusing the
    token (:func:`refused`)."""
    return (
        ex is not None
        and ex.status is not None
        and ex.status < 500
        and (ex.status not in (401, 403) and not 300 <= ex.status < 400)
        and not refused(ex)
    )


def past_auth(ex: Exchange | None, no_token: Exchange | None) -> bool:
    """Authentication passed: the answer is accepted (:func:`accepted`), or a 403 in other
    words than the answer without a token that names no token fault (the application
    refused an authenticated user: role, scope, ownership)."""
    if accepted(ex):
        return True
    if ex is None or ex.status != 403 or same_answer(ex, no_token):
        return False
    return not says(ex, *_TOKEN_FAULT_SAYS)


def answer_line(ex: Exchange) -> str:
    """``GET /todos → 401 Invalid token`` (the query cut; a login redirect's target too)."""
    line = f"{ex.request.method} {_path(ex.request.url)} → {ex.summary()}"
    return line + f" to {_path(ex.header('location') or '')}" if login_redirect(ex) else line


def _path(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + ("?…" if parts.query else "")


def optional(item: Evidence | None) -> list[Evidence]:
    """``[item]``, or nothing for None."""
    return [item] if item is not None else []


@dataclass
class RuleContext:
    """One diagnosis in progress.

    Args:
        report: the analysis of the token the request carries.
        ex: every answer, by probe key (``original``, ``no-token``, ``fresh`` …).
        original: the answer to the request as given.
        jwks_url: the JWKS URL the user named, if any (used in fixes).
        secret_name: the variable holding the HMAC secret (used in fixes).
        found: the causes named so far.
        signer_private: the variants were signed with the user's private key (only
            ``hs256-env`` is signed with the secret).
        guessed_key: the variants were signed with the default secret a guess found.
        reached: the latest stage (an index in ``STAGES``) the original's own words show
            the token reached (the stages before it passed); -1 when they show none.
    """

    report: Report
    ex: dict[str, Exchange]
    original: Exchange
    jwks_url: str | None
    secret_name: str
    found: CauseCollector
    reached: int = -1
    signer_private: bool = False
    guessed_key: bool = False

    @property
    def variants(self) -> list[Exchange]:
        """The answers to the minted variants (rounds 2–4), in the order sent; the guesses
        of ``--guess-server-secret`` (``guess-N``) are not variants."""
        return [
            ex
            for key, ex in self.ex.items()
            if key not in ROUND_ONE and not key.startswith("guess-")
        ]

    def ev(self, key: str, line: str | None = None) -> Evidence:
        """Evidence from the answer to probe ``key`` (its summary line unless ``line``)."""
        ex = self.ex[key]
        return Evidence(key, line or answer_line(ex))

    def token_ev(self, code: str) -> Evidence | None:
        """Evidence from the token's finding ``code``, or None when it was not found."""
        finding = self.report.finding(code)
        return Evidence("token", f"{code}: {finding.detail}") if finding else None

    def call(self, alg: str | None = None) -> str:
        """The PyJWT call that verifies this token (``alg`` overrides the token's)."""
        configured = self.report.issuer or self.report.audience
        return pyjwt_call(
            self.report.token.payload,
            alg or self.report.token.alg or "HS256",
            jwks_url=self.jwks_url,
            secret_name=self.secret_name,
            base_url=configured.value if configured else None,
        )
