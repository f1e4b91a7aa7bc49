"""The exported pytest suite's docstring: how it was made, how to regenerate and run it,
where its tokens come from (the secret's discovery rules), what it checks, and which
claims were left out because they could name a person
(:mod:`jwtscope.core.probe.suite_claims`)."""

from __future__ import annotations

import textwrap

from jwtscope.core.probe.suite_model import SuiteExport
from jwtscope.local.dotenv_reader import DISCOVERY_ORDER
from jwtscope.services.pytest_emit_layout import WIDTH, shell_lines

__all__ = ["header_lines"]


def _counts(suite: SuiteExport) -> str:
    holes = sum(
        1
        for c in suite.checks
        if (c.mark is not None and c.mark.kind == "xfail")
        or any(m is not None and m.kind == "xfail" for _, m in c.variants)
    )
    skipped = sum(1 for c in suite.checks if c.mark is not None and c.mark.kind == "skip")
    return (
        f"{len(suite.checks)} test functions on {len(suite.routes)} routes: {holes} with a"
        f" known hole (xfail), {skipped} skipped as the probe skipped them."
    )


def _transport(suite: SuiteExport) -> list[str]:
    if suite.app is not None:
        return [
            f"In-process: the app {suite.app} through FastAPI's TestClient (no server",
            "needed; run pytest where that module imports, e.g. with PYTHONPATH set).",
        ]
    return [
        "A live server: JWTSCOPE_BASE_URL (default below: the URL the probe ran against),",
        "reached with httpx; start the app before running the tests.",
    ]


def _tokens(suite: SuiteExport) -> list[str]:
    auth = suite.auth
    if not auth.mint:
        return [
            "User A's and user B's tokens are read from JWTSCOPE_TOKEN_A and JWTSCOPE_TOKEN_B"
            " (the app signs them with a key jwtscope does not hold, e.g. Better Auth's EdDSA"
            " JWKS). Tests that need one are skipped, saying so, while it is missing; the"
            " forged tokens (tampered, alg none, wrong key, blank signature) are made from A's.",
            *_personal(suite),
        ]
    claims = ", ".join(k for k, _ in auth.claims)
    copied = f", with token A's {claims}" if claims else ""
    if auth.claims_a:
        copied += f" (A also with token A's {', '.join(k for k, _ in auth.claims_a)})"
    return [
        f"Minted at test time with PyJWT ({auth.alg}): user A is sub {auth.sub_a!r}"
        f" (JWTSCOPE_SUB_A), user B sub {auth.sub_b!r} (JWTSCOPE_SUB_B), valid 15"
        f" minutes{copied}. The secret is found the way jwtscope finds it: the first of"
        f" these variables that is set, {', '.join(auth.secret_names)}, in the process"
        " environment first, then in the .env files of the working folder, in this order:"
        f" {', '.join(DISCOVERY_ORDER)} (its text read as {auth.encoding})."
        " JWTSCOPE_TOKEN_A / JWTSCOPE_TOKEN_B, when set, are used instead of minting."
        " Without a secret the tests that need it are skipped, saying which variable to"
        " set.",
        *_personal(suite),
    ]


def _personal(suite: SuiteExport) -> list[str]:
    """What was left out so that no person is named in this file."""
    auth = suite.auth
    out = [
        "No claim value that could name a person is written here (e-mail, name, phone,"
        " picture, address, username, IP; any value shaped like one): a claim token A"
        " carried keeps its name with a stand-in of the same shape (user-a@example.com),"
        " or the value of its variable when set; sub is written only when it is an"
        " opaque id."
    ]
    if auth.personal_a:
        given = ", ".join(f"{c.name} from {c.variable}" for c in auth.personal_a)
        out[0] += f" Token A's: {given}."
    for user in auth.hidden_subs:
        out.append(
            f"User {user}'s sub was not an opaque id (it could name a person): the stand-in"
            f" above is used; set JWTSCOPE_SUB_{user} to the real one if the app needs it."
        )
    return out


def _wrapped(paragraphs: list[str], indent: str = "  ") -> list[str]:
    out: list[str] = []
    for i, text in enumerate(paragraphs):
        out += [""] if i else []
        out += textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent)
    return out


def header_lines(suite: SuiteExport, *, version: str, command: str, made_at: str) -> list[str]:
    """The docstring's lines (no secret: the command line comes redacted)."""
    lines = [
        f"Auth regression tests for {suite.base_url}, exported from a jwtscope probe.",
        "",
        f"Made by jwtscope {version} on {made_at} with:",
        "",
        *shell_lines(command, 4),
        "",
        "Regenerate it after fixing a hole or changing routes by running that command",
        "again (give tokens and secrets as then: none of them is written in this file).",
        "",
        *_wrapped(
            [
                "Each test re-runs one check of the probe with the probe's own expectation:"
                " no token, a malformed, expired, tampered, alg-none, wrong-key or"
                " blank-signature token is refused with 401; user B cannot read, list,"
                " change or delete user A's resource. The holes the probe found are"
                " xfail(strict=True): once one is fixed its test passes and fails the run"
                " as XPASS(strict) - regenerate the file then. " + _counts(suite)
            ],
            "",
        ),
        "",
        "How the tests reach the app:",
        *(f"  {line}" for line in _transport(suite)),
        "",
        "Tokens (never written here):",
        *_wrapped(_tokens(suite)),
    ]
    if suite.public:
        lines += [
            "",
            "Answered without a token and declare no security (public?), not tested:",
            *(f"  {label}" for label in suite.public),
        ]
    needs = "pytest, httpx and PyJWT" + (" (and FastAPI's TestClient)" if suite.app else "")
    return [*lines, "", f"Needs {needs}."]
