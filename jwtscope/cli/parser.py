"""The argument parser: one function per sub-command, shared option groups from
:mod:`jwtscope.cli.options`. Each command's module is imported only when it runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn, cast

from jwtscope import __version__
from jwtscope.cli.lazy import Command, LazyCommand
from jwtscope.cli.options import (
    endpoint_options,
    har_arguments,
    hashcat_options,
    judgement_options,
    key_options,
    output_options,
    probe_options,
    route_options,
    secret_options,
    serve_apps,
    serve_options,
    token_arguments,
    with_default_command,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

__all__ = ["Command", "LazyCommand", "build_parser", "with_default_command"]


class _Groups:
    """The shared option groups, as parent parsers."""

    __slots__ = ("judge", "keys", "output", "probe", "routes", "secrets", "target")

    def __init__(self) -> None:
        self.secrets = secret_options()
        self.keys = key_options()
        self.judge = judgement_options()
        self.output = output_options()
        self.target = endpoint_options()
        self.probe = probe_options()
        self.routes = route_options()


class GuardedParser(argparse.ArgumentParser):
    """An argument parser whose error lines pass the output guard: an option typed with
    a token or a secret in it is never echoed whole ("invalid choice: 'eyJ…'")."""

    def error(self, message: str) -> NoReturn:
        """Print the usage and the guarded error line; exit 2."""
        from jwtscope.cli.output import guard

        self.print_usage(sys.stderr)
        self.exit(2, guard().text(f"{self.prog}: error: {message}\n"))


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = GuardedParser(
        prog="jwtscope",
        description="Why does my JWT-protected API say 401, and is my JWT setup safe?",
        epilog="Exit codes: 0 ok, 1 error/critical findings, 2 unusable input or options.",
    )
    parser.add_argument("--version", action="version", version=f"jwtscope {__version__}")
    sub = cast("Subcommands", parser.add_subparsers(dest="command", metavar="COMMAND"))
    groups = _Groups()
    for add in (
        _add_inspect,
        _add_tui,
        _add_demo,
        _add_replay,
        _add_probe,
        _add_report,
        _add_audit,
        _add_crack,
        _add_mint,
        _add_har,
        _add_serve,
        _add_codes,
        _add_config,
    ):
        add(sub, groups)
    return parser


def _add_inspect(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "inspect",
        parents=[groups.keys, groups.judge, groups.output],
        help="decode, verify and check a token (default command for a pasted token)",
        description="Decode a token, verify it against the secret/JWKS found, and report "
        "every finding with a fix. TOKEN may be a raw token, 'Bearer …', an Authorization, "
        "Cookie or Set-Cookie line, a Better Auth session cookie, or '-' for stdin.",
    )
    p.add_argument(
        "token", nargs="?", metavar="TOKEN|-", help="the token or pasted text; - reads stdin"
    )
    p.add_argument("-f", "--file", metavar="PATH", help="read the token from a file")
    p.set_defaults(run=LazyCommand("inspect", "cmd_inspect"))


def _add_tui(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "tui",
        parents=[groups.keys, groups.judge],
        help="open the interactive app (the default when no command is given)",
        description="Open the app in the current folder, with keys found as 'inspect' finds them.",
    )
    token_arguments(p)
    p.set_defaults(run=LazyCommand("app", "cmd_tui"))


def _add_demo(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "demo",
        parents=[groups.output],
        help="open the app on the built-in demo",
        description="Open the app on the built-in demo token and demo .env, at a fixed time. "
        "Needs no setup. With --text or --json (or without a terminal) print the analysis.",
    )
    p.add_argument("--text", action="store_true", help="print the analysis instead of the app")
    p.set_defaults(run=LazyCommand("app", "cmd_demo"))


def _add_replay(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "replay",
        parents=[groups.keys, groups.target],
        help="replay the failing request and name the root cause of the 401",
        description="Send the failing request (a URL + token, or the browser's 'Copy as cURL', "
        "a raw HTTP request or a HAR file), run the few extra requests that separate one "
        "hypothesis from another, and rank the causes with evidence and a fix. Every request "
        "goes only to the origin you give. Exit: 0 succeeded, 1 auth problem diagnosed, "
        "2 unusable input, 3 server unreachable.",
    )
    p.add_argument(
        "--origin",
        metavar="ORIGIN",
        help="the browser origin, for the CORS preflight (default: the curl's Origin or Referer)",
    )
    p.add_argument("--only-original", action="store_true", help="send just the given request")
    p.add_argument(
        "--signing-key",
        metavar="PEM|JWK",
        help="a private key file (RSA, EC or Ed25519; PEM or JWK with 'd') to sign the test "
        "variants of an RS*/PS*/ES*/EdDSA token with; never shown",
    )
    p.add_argument(
        "--guess-server-secret",
        action="store_true",
        help='also try a short list of published default secrets ("secret", docs '
        "examples …) as the server's HS* key: local servers (localhost, 127.0.0.1, ::1) only, "
        "one at a time, at most 50 requests in all",
    )
    p.add_argument(
        "--auth-url",
        metavar="URL",
        help="the auth server's get-session URL (Better Auth: …/api/auth/get-session): when "
        "the request sends 'Bearer null', one GET from --origin checks that its CORS answer "
        "exposes set-auth-jwt",
    )
    p.add_argument("--aud", metavar="AUDIENCE", help="expected audience")
    p.add_argument("--iss", metavar="ISSUER", help="expected issuer")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=LazyCommand("replay", "cmd_replay"))


def _add_probe(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "probe",
        parents=[groups.keys, groups.target, groups.probe, groups.routes],
        help="run the classic auth test suite against an endpoint (or every route)",
        description="Run, against one protected endpoint: valid token, no header, malformed, "
        "expired, tampered payload, alg:none, wrong key / blank signature, and cross-user "
        "isolation — each with its expected answer, PASS/FAIL, what a FAIL means and its "
        "severity. With --all-routes (or --openapi), tests 2-7 on every route of the API's "
        "OpenAPI document, as a matrix. Requests are paced and go only to the given origin; "
        "writes need --allow-writes. Exit: 0 all pass, 1 a test failed, 2 unusable input, "
        "3 unreachable.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=LazyCommand("probe", "cmd_probe"))


def _add_report(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "report",
        parents=[groups.keys, groups.target, groups.probe, groups.routes],
        help="write the JWT authentication review report (Markdown or JSON)",
        description="Run what the options ask for — the token analysis (--token), a replay "
        "of the failing request (URL or --curl), the test suite (--probe), tests 2-7 on every "
        "route (--all-routes, --openapi, --project: a matrix, each route's tests, and where "
        "the source audit and the server disagree), a source audit "
        "(--audit PATH) — and write the review: summary, findings grouped "
        "Critical/High/Medium/Low with impact, evidence and fix, the source audit's routes "
        "and findings (file:line, the line, the fix), test results, recommendations and a "
        "sign-off checklist. Any one of --token, URL/--curl or --audit is enough. Always "
        "redacted: no secret, no full token, no absolute path; personal data in claims masked "
        "unless --no-redact. Exit: 0 no critical/high issue, 1 otherwise, 2 unusable input, "
        "3 server unreachable.",
    )
    group = p.add_argument_group("the source audit")
    group.add_argument(
        "--audit",
        metavar="PATH",
        help="also audit the project folder PATH (statically: nothing is imported or run) "
        "and add its routes and findings; alone, it makes an audit-only review",
    )
    group.add_argument(
        "--public",
        metavar="'/health,/docs'",
        default="",
        help="with --audit: routes meant to be public (also [tool.jwtscope] public = [...])",
    )
    p.add_argument("--probe", action="store_true", help="also run the test suite")
    p.add_argument(
        "--system",
        metavar="NAME",
        help="the system under review (default: the URL, else the audited folder's name)",
    )
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--no-redact", action="store_true", help="do not mask personal data")
    p.add_argument("--json", action="store_true", help="the same content as JSON")
    p.set_defaults(run=LazyCommand("report", "cmd_report"))


def _add_audit(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "audit",
        help="audit a project's source for the JWT mistakes behind 401s and holes",
        description="Read a project folder (a FastAPI backend, a Next.js + Better Auth "
        "frontend, or a monorepo with both) statically — never importing or running it — and "
        "report unprotected routes, missing ownership checks, PyJWT/python-jose misuse, "
        "CORS/redirect configuration, the Better Auth config against the backend's jwt.decode "
        "(algorithm, audience, issuer, JWKS URL), tokens in Web Storage, unguarded "
        "'Bearer ${token}', API fetches without credentials, weak/mismatched/tracked .env "
        "secrets and JWTs or secrets committed in source, fixtures and logs (redacted); each "
        "with file:line, the line and a fix, plus a table of every route. Respects "
        ".gitignore; skips node_modules, virtualenvs and build folders. Exit codes as 'inspect'.",
    )
    p.add_argument(
        "path", nargs="?", default=".", metavar="PATH", help="the project folder (or one file)"
    )
    p.add_argument(
        "--public",
        metavar="'/health,/docs'",
        default="",
        help="routes meant to be public (also [tool.jwtscope] public = [...])",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--format", choices=("text", "md"), default="text", help="text or Markdown")
    p.add_argument(
        "--no-git",
        action="store_true",
        help="do not ask git which .env files it tracks (otherwise 'git ls-files' runs if git "
        "is installed)",
    )
    p.set_defaults(run=LazyCommand("audit", "cmd_audit"))


def _add_crack(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "crack",
        help="dictionary search for an HS256/384/512 token's key",
        description="Search a wordlist for the HMAC key of an HS* token, on all cores. "
        "Prints the key it finds (the one place jwtscope shows a secret).",
    )
    p.add_argument("token", nargs="?", metavar="TOKEN|-", help="the token; - reads stdin")
    p.add_argument(
        "-w",
        "--wordlist",
        metavar="FILE",
        help="candidate keys, one per line (streamed; any size)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="processes to use (default: all cores)",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object, no progress")
    hashcat_options(p)
    p.set_defaults(run=LazyCommand("crack", "cmd_crack"))


def _add_mint(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "mint",
        parents=[groups.secrets],
        help="sign a test token with the environment's secret",
        description="Sign a test token (e.g. USER1_TOKEN / USER2_TOKEN for a review) with the "
        "HMAC secret found like 'inspect' finds it. Prints the token.",
    )
    p.add_argument("--sub", required=True, metavar="ID", help="the subject (user id), a string")
    p.add_argument(
        "--exp",
        default="15m",
        metavar="DURATION",
        help="lifetime, e.g. 15m, 2h, 7d; 'none' for no exp (default 15m)",
    )
    p.add_argument(
        "--claim",
        action="append",
        default=[],
        metavar="K=V",
        help="extra claim; V is parsed as JSON when it can be (n=5, admin=true, "
        "'roles=[\"a\"]'), else kept as a string (repeatable)",
    )
    p.add_argument("--alg", default="HS256", choices=("HS256", "HS384", "HS512"))
    p.add_argument("--aud", metavar="AUDIENCE", help="set aud")
    p.add_argument("--iss", metavar="ISSUER", help="set iss")
    p.add_argument("--kid", metavar="KID", help="set the header kid")
    p.add_argument("--at", metavar="TIME", help="issue as of this time (default now)")
    p.add_argument("--json", action="store_true", help="print token, header and payload as JSON")
    p.set_defaults(run=LazyCommand("mint", "cmd_mint"), key=[], jwks=[], timeout=5.0)


def _add_har(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "har",
        parents=[groups.keys],
        help="triage a browser session's HAR file, or sanitize it for a ticket",
        description="Read a HAR export (DevTools: Save all as HAR) as a timeline: every "
        "request carrying or receiving a token, grouped by token (fingerprints, never the "
        "token), each token judged at the time of its request with the keys 'inspect' "
        "finds; the failing requests and the first failure's root cause. With --sanitize, "
        "write a copy safe to attach (signatures cut, cookies and Authorization replaced by "
        "fingerprints, passwords and form values removed, personal data masked). The file "
        "is streamed: any size. Exit: 0 nothing failed, 1 a failure was found, 2 unusable "
        "input.",
    )
    har_arguments(p)
    p.set_defaults(run=LazyCommand("har", "cmd_har"))


def _add_serve(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "serve",
        parents=[serve_options()],
        help="run the app in a browser, on 127.0.0.1 only (textual-serve)",
        description="Serve the app to your browser on 127.0.0.1 (never another host): the "
        "demo by default, or 'tui' with what 'jwtscope tui' takes. Open the URL it prints "
        "(it holds a key of this run); what you paste there crosses your browser and a local "
        "websocket. The token never appears in a command line. Ctrl+C stops it.",
    )
    serve_apps(p, groups.keys, groups.judge)
    p.set_defaults(run=LazyCommand("serve", "cmd_serve"))


def _add_codes(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser("codes", help="list every finding code and what it means")
    p.add_argument("--markdown", action="store_true", help="print the Markdown reference")
    p.add_argument("--json", action="store_true", help="print the codes as JSON")
    p.set_defaults(run=LazyCommand("codes", "cmd_codes"))


def _add_config(sub: Subcommands, groups: _Groups) -> None:
    p = sub.add_parser(
        "config",
        help="the user config file: its path, what applies from it, a template",
        description="The user config (TOML): key overrides by binding id, the app's theme, "
        "default .env files. $JWTSCOPE_CONFIG, else $XDG_CONFIG_HOME/jwtscope/config.toml, "
        "else ~/.config/jwtscope/config.toml. A bad value is reported and ignored.",
    )
    p.add_argument(
        "action",
        choices=("path", "show", "init"),
        help="path: print where it is; show: what applies and every problem (exit 1 if "
        "any); init: write a commented template (never over an existing file)",
    )
    p.set_defaults(run=LazyCommand("config", "cmd_config"))
