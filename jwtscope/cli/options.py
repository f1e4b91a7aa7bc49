"""The option groups several sub-commands share, as argparse parent parsers: keys and
environment, judgement, output, the endpoint, the probe, and where ``serve`` listens;
and the list of commands (a first word that is none of them and looks like a token
means ``inspect``).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

__all__ = [
    "COMMANDS",
    "endpoint_options",
    "har_arguments",
    "hashcat_options",
    "judgement_options",
    "key_options",
    "output_options",
    "probe_options",
    "serve_apps",
    "serve_options",
    "token_arguments",
    "with_default_command",
]

#: ``jwtscope serve``'s default port: JWT is RFC 7519.
SERVE_PORT = 7519


def secret_options() -> argparse.ArgumentParser:
    """``--env-file``, ``--no-dotenv``, ``--secret-env``, ``--secret``, ``--secret-encoding``:
    where the HMAC secret comes from (all ``mint`` needs)."""
    keys = argparse.ArgumentParser(add_help=False)
    _add_secret_arguments(keys.add_argument_group("keys and environment"))
    return keys


def _add_secret_arguments(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--env-file",
        action="append",
        default=[],
        metavar="PATH",
        help="read secrets from this .env file too (repeatable; compared "
        "with the others for SECRET-MISMATCH)",
    )
    group.add_argument(
        "--no-dotenv", action="store_true", help="do not pick up .env* files in the current folder"
    )
    group.add_argument(
        "--secret-env",
        metavar="NAME",
        help="the variable that holds the secret (default: BETTER_AUTH_SECRET, "
        "AUTH_SECRET, JWT_SECRET, JWT_SECRET_KEY, SECRET_KEY, NEXTAUTH_SECRET)",
    )
    group.add_argument(
        "--secret",
        metavar="VALUE",
        help="the HMAC secret itself (stays in your shell history: prefer "
        "--secret-env or a .env file)",
    )
    group.add_argument(
        "--secret-encoding",
        choices=("utf8", "base64", "hex"),
        default="utf8",
        help="how the secret text becomes key bytes (default utf8)",
    )


def key_options() -> argparse.ArgumentParser:
    """The secret options, then ``--key``, ``--jwks`` and ``--timeout``: every key source."""
    keys = argparse.ArgumentParser(add_help=False)
    group = keys.add_argument_group("keys and environment")
    _add_secret_arguments(group)
    group.add_argument(
        "--key",
        action="append",
        default=[],
        metavar="FILE",
        help="a PEM public key/certificate, JWK or JWKS file (repeatable)",
    )
    group.add_argument(
        "--jwks",
        action="append",
        default=[],
        metavar="FILE|URL",
        help="a JWKS file or URL, e.g. http://localhost:3000/api/auth/jwks",
    )
    group.add_argument(
        "--timeout",
        type=float,
        default=5.0,
        metavar="S",
        help="deadline of each request, body included: --jwks URL, replay, probe (default 5 s)",
    )
    return keys


def judgement_options() -> argparse.ArgumentParser:
    """``--at``, ``--leeway``, ``--aud``, ``--iss``."""
    judge = argparse.ArgumentParser(add_help=False)
    group = judge.add_argument_group("judgement")
    group.add_argument(
        "--at",
        metavar="TIME",
        help="judge at this time: ISO-8601, epoch seconds, '2h ago', 'in 15m'",
    )
    group.add_argument(
        "--leeway",
        type=int,
        default=0,
        metavar="SECONDS",
        help="clock tolerance, like PyJWT's leeway= (default 0)",
    )
    group.add_argument(
        "--aud", metavar="AUDIENCE", help="expected audience (default: origin of BETTER_AUTH_URL)"
    )
    group.add_argument(
        "--iss", metavar="ISSUER", help="expected issuer (default: origin of BETTER_AUTH_URL)"
    )
    return judge


def output_options() -> argparse.ArgumentParser:
    """``--json``, ``--color``, ``--verbose``."""
    output = argparse.ArgumentParser(add_help=False)
    group = output.add_argument_group("output")
    group.add_argument("--json", action="store_true", help="print one JSON object")
    group.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default auto; NO_COLOR is honoured)",
    )
    group.add_argument("-v", "--verbose", action="store_true", help="show ok findings too")
    return output


def endpoint_options() -> argparse.ArgumentParser:
    """``URL``, ``--token``, ``--curl``, ``--curl-file``, ``-X``, ``-H``, ``--cookie``…"""
    target = argparse.ArgumentParser(add_help=False)
    group = target.add_argument_group("the endpoint")
    group.add_argument("url", nargs="?", metavar="URL", help="the protected endpoint")
    group.add_argument(
        "--token", metavar="T", help="the token (user A's, for a probe): raw, 'Bearer …', or -"
    )
    group.add_argument("--curl", metavar="TEXT", help="a 'Copy as cURL' command instead of URL")
    group.add_argument(
        "--curl-file", metavar="PATH", help="a file with a curl command, raw HTTP request or HAR"
    )
    group.add_argument("-X", "--request", dest="method", default="GET", metavar="METHOD")
    group.add_argument("-H", "--header", action="append", default=[], metavar="'K: V'")
    group.add_argument("--cookie", action="append", default=[], metavar="'a=b'")
    group.add_argument("--data", metavar="BODY", help="request body")
    group.add_argument("--insecure", action="store_true", help="do not verify TLS (flagged)")
    return target


def probe_options() -> argparse.ArgumentParser:
    """``--token-b``, ``--resource``, ``--resource-id``, ``--create``, ``--allow-writes``."""
    probe = argparse.ArgumentParser(add_help=False)
    group = probe.add_argument_group("the probe")
    group.add_argument("--token-b", metavar="T2", help="a second user's token (cross-user tests)")
    group.add_argument(
        "--resource",
        metavar="URL",
        help="a resource of user A, as a template with {id} (with --resource-id)",
    )
    group.add_argument("--resource-id", metavar="ID", help="the id to put into --resource")
    group.add_argument(
        "--create",
        metavar="JSON",
        help="create A's resource by POSTing this body to the URL (a write)",
    )
    group.add_argument(
        "--allow-writes",
        action="store_true",
        help="allow POST/PUT/PATCH/DELETE requests (off by default)",
    )
    emit = probe.add_argument_group("export the probe as the project's pytest suite")
    emit.add_argument(
        "--emit-pytest",
        metavar="FILE",
        help="write what the probe ran as a self-contained pytest module (one test per route "
        "and check, its known holes as xfail(strict=True)); tokens are minted or read from the "
        "environment at test time, never written; run it with JWTSCOPE_BASE_URL (default: this "
        "URL)",
    )
    emit.add_argument(
        "--app",
        metavar="MODULE:ATTR",
        help="with --emit-pytest: the tests reach the FastAPI app in-process through "
        "TestClient (no server in CI), e.g. 'app.main:app'",
    )
    return probe


def _positive(text: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def route_options() -> argparse.ArgumentParser:
    """``--all-routes``, ``--openapi``, ``--project``, ``--route``, ``--dry-run``, ``--budget``."""
    parent = argparse.ArgumentParser(add_help=False)
    routes = parent.add_argument_group("every route (from the OpenAPI document)")
    routes.add_argument(
        "--all-routes",
        action="store_true",
        help="run tests 2-7 on every route of the API (routes from <origin>/openapi.json)",
    )
    routes.add_argument(
        "--openapi",
        metavar="FILE|URL",
        help="the OpenAPI document to read the routes from (implies --all-routes)",
    )
    routes.add_argument(
        "--project",
        metavar="PATH",
        help="also take the routes from the static audit of the project folder PATH (merged "
        "with the OpenAPI document when there is one; implies --all-routes); where the audit "
        "and the server disagree is reported",
    )
    routes.add_argument(
        "--route",
        action="append",
        default=[],
        metavar="PATTERN",
        help="probe only the routes matching this glob ('/todos*', 'GET /admin/*'); repeatable",
    )
    routes.add_argument(
        "--dry-run", action="store_true", help="print the plan of routes and tests, send nothing"
    )
    routes.add_argument(
        "--budget",
        type=_positive,
        default=300,
        metavar="N",
        help="send at most N requests with --all-routes (default 300)",
    )
    return parent


def hashcat_options(p: argparse.ArgumentParser) -> None:
    """``crack``'s hand-over to hashcat (mode 16500): run it, print its command, read it back."""
    hc = p.add_argument_group("hashcat (GPUs, rules, masks, other machines)")
    engine = hc.add_mutually_exclusive_group()
    engine.add_argument(
        "--hashcat",
        action="store_true",
        help="search with hashcat -m 16500 (by default: for lists over 200 MB when hashcat "
        "sees a GPU)",
    )
    engine.add_argument("--no-hashcat", action="store_true", help="always use the built-in search")
    hc.add_argument("--rules", metavar="FILE", help="hashcat rules file (-r); implies --hashcat")
    hc.add_argument(
        "--mask",
        metavar="MASK",
        help="hashcat mask attack (-a 3), e.g. '?l?l?l?l?d?d'; implies --hashcat, no wordlist",
    )
    hc.add_argument(
        "--hashcat-cmd",
        action="store_true",
        help="print the hashcat commands for another machine instead (they contain the token)",
    )
    hc.add_argument(
        "--import-potfile",
        metavar="FILE",
        help="read this token's key from a hashcat potfile ('<jwt>:<key>' lines)",
    )


def token_arguments(p: argparse.ArgumentParser) -> None:
    """``TOKEN|-`` and ``-f/--file``: the token the app starts with (``tui``, ``serve tui``)."""
    p.add_argument(
        "token", nargs="?", metavar="TOKEN|-", help="a token to start with; - reads stdin"
    )
    p.add_argument("-f", "--file", metavar="PATH", help="read the token from a file")


def serve_options(*, inner: bool = False) -> argparse.ArgumentParser:
    """``--host`` and ``--port`` of ``serve``. ``inner``: for its ``demo`` and ``tui``, so
    the options may also follow the app's name without resetting what came before."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("where the page is served")
    group.add_argument(
        "--host",
        default=argparse.SUPPRESS if inner else "127.0.0.1",
        metavar="127.0.0.1",
        help="127.0.0.1 only ('localhost' is the same); any other host is refused",
    )
    group.add_argument(
        "--port",
        type=int,
        default=argparse.SUPPRESS if inner else SERVE_PORT,
        metavar="N",
        help=f"the TCP port on 127.0.0.1 (default {SERVE_PORT})",
    )
    return parent


def serve_apps(
    p: argparse.ArgumentParser, keys: argparse.ArgumentParser, judge: argparse.ArgumentParser
) -> None:
    """What ``serve`` serves: ``demo`` (the default) or ``tui`` with the options of
    ``jwtscope tui`` (``keys`` and ``judge``: their parent parsers)."""
    apps = p.add_subparsers(dest="serve_app", metavar="[demo | tui [TOKEN] [OPTIONS]]")
    apps.add_parser("demo", parents=[serve_options(inner=True)], help="the demo (the default)")
    token_arguments(
        apps.add_parser(
            "tui",
            parents=[keys, judge, serve_options(inner=True)],
            help="the app as 'jwtscope tui' opens it: a token, keys, judgement options",
            description="Serve the app as 'jwtscope tui' opens it, in the current folder.",
        )
    )


def har_arguments(p: argparse.ArgumentParser) -> None:
    """``har``'s file and options: the output (--json, --markdown), --sanitize with -o,
    --leeway and --progress."""
    p.add_argument("file", metavar="FILE.har", help="the HAR file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--markdown", action="store_true", help="print a redacted triage note")
    p.add_argument("--sanitize", action="store_true", help="write a sanitized copy (with -o)")
    p.add_argument("-o", "--out", metavar="OUT.har", help="where --sanitize writes")
    p.add_argument(
        "--leeway", type=int, default=0, metavar="SECONDS", help="clock tolerance (default 0)"
    )
    p.add_argument(
        "--progress", action="store_true", help="show progress on stderr even without a terminal"
    )


#: The sub-commands, for telling a command from pasted token text.
COMMANDS = (
    "inspect",
    "tui",
    "demo",
    "replay",
    "probe",
    "report",
    "audit",
    "crack",
    "mint",
    "har",
    "serve",
    "config",
)


def with_default_command(argv: Sequence[str]) -> list[str]:
    """``argv`` with ``inspect`` put first when it starts with pasted token text.

    ``jwtscope eyJ…`` and ``jwtscope 'Bearer eyJ…'`` inspect the token. A word that is
    not a command and does not look like a token (a typo such as ``inpsect``) is left
    for argparse to refuse.
    """
    args = list(argv)
    if not args or args[0].startswith("-") or args[0] in (*COMMANDS, "codes"):
        return args
    head = args[0].strip()
    looks_pasted = "." in head or " " in head or ":" in head or len(head) >= 20
    return ["inspect", *args] if looks_pasted else args
