"""The command line: ``jwtscope inspect | demo | crack | mint | codes``.

Only argparse and the pure core are imported at start-up; httpx (``--jwks URL``), the
crack workers and the TUI are imported when a command needs them, so ``jwtscope
inspect`` starts about as fast as ``import jwt``.

Exit codes: 0 no error/critical finding (crack: key found), 1 an error/critical finding
(crack: key not found), 2 unusable input or options, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from jwtscope import __version__
from jwtscope.errors import InputError, JwtscopeError, KeyLoadError, NetworkError, UsageError

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
MAX_INPUT_BYTES = 100_000


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (never raises for user errors)."""
    parser = build_parser()
    args = parser.parse_args(["tui"] if argv is not None and not argv else argv)
    if not getattr(args, "command", None):
        args = parser.parse_args(["tui"])
    try:
        return int(args.run(args))
    except JwtscopeError as exc:
        _error(exc)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\njwtscope: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="jwtscope",
        description="Why does my JWT-protected API say 401, and is my JWT setup safe?",
        epilog="Exit codes: 0 ok, 1 error/critical findings, 2 unusable input or options.",
    )
    parser.add_argument("--version", action="version", version=f"jwtscope {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    keys = argparse.ArgumentParser(add_help=False)
    group = keys.add_argument_group("keys and environment")
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
        help="network timeout for --jwks URL (default 5 s)",
    )

    judge = argparse.ArgumentParser(add_help=False)
    jgroup = judge.add_argument_group("judgement")
    jgroup.add_argument(
        "--at",
        metavar="TIME",
        help="judge at this time: ISO-8601, epoch seconds, '2h ago', 'in 15m'",
    )
    jgroup.add_argument(
        "--leeway",
        type=int,
        default=0,
        metavar="SECONDS",
        help="clock tolerance, like PyJWT's leeway= (default 0)",
    )
    jgroup.add_argument(
        "--aud", metavar="AUDIENCE", help="expected audience (default: origin of BETTER_AUTH_URL)"
    )
    jgroup.add_argument(
        "--iss", metavar="ISSUER", help="expected issuer (default: origin of BETTER_AUTH_URL)"
    )

    output = argparse.ArgumentParser(add_help=False)
    ogroup = output.add_argument_group("output")
    ogroup.add_argument("--json", action="store_true", help="print one JSON object")
    ogroup.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default auto; NO_COLOR is honoured)",
    )
    ogroup.add_argument("-v", "--verbose", action="store_true", help="show ok findings too")

    p = sub.add_parser(
        "inspect",
        parents=[keys, judge, output],
        help="decode, verify and check a token (default command for a pasted token)",
        description="Decode a token, verify it against the secret/JWKS found, and report "
        "every finding with a fix. TOKEN may be a raw token, 'Bearer …', an Authorization, "
        "Cookie or Set-Cookie line, a Better Auth session cookie, or '-' for stdin.",
    )
    p.add_argument(
        "token", nargs="?", metavar="TOKEN|-", help="the token or pasted text; - reads stdin"
    )
    p.add_argument("-f", "--file", metavar="PATH", help="read the token from a file")
    p.set_defaults(run=cmd_inspect)

    p = sub.add_parser(
        "tui",
        parents=[keys, judge],
        help="open the interactive app (the default when no command is given)",
        description="Open the app in the current folder, with keys found as 'inspect' finds them.",
    )
    p.add_argument(
        "token", nargs="?", metavar="TOKEN|-", help="a token to start with; - reads stdin"
    )
    p.add_argument("-f", "--file", metavar="PATH", help="read the token from a file")
    p.set_defaults(run=cmd_tui)

    p = sub.add_parser(
        "demo",
        parents=[output],
        help="open the app on the built-in demo",
        description="Open the app on the built-in demo token and demo .env, at a fixed time. "
        "Needs no setup. With --text or --json (or without a terminal) print the analysis.",
    )
    p.add_argument("--text", action="store_true", help="print the analysis instead of the app")
    p.set_defaults(run=cmd_demo)

    target = argparse.ArgumentParser(add_help=False)
    tgroup = target.add_argument_group("the endpoint")
    tgroup.add_argument("url", nargs="?", metavar="URL", help="the protected endpoint")
    tgroup.add_argument(
        "--token", metavar="T", help="the token (user A's, for a probe): raw, 'Bearer …', or -"
    )
    tgroup.add_argument("--curl", metavar="TEXT", help="a 'Copy as cURL' command instead of URL")
    tgroup.add_argument(
        "--curl-file", metavar="PATH", help="a file with a curl command, raw HTTP request or HAR"
    )
    tgroup.add_argument("-X", "--request", dest="method", default="GET", metavar="METHOD")
    tgroup.add_argument("-H", "--header", action="append", default=[], metavar="'K: V'")
    tgroup.add_argument("--cookie", action="append", default=[], metavar="'a=b'")
    tgroup.add_argument("--data", metavar="BODY", help="request body")
    tgroup.add_argument("--insecure", action="store_true", help="do not verify TLS (flagged)")

    p = sub.add_parser(
        "replay",
        parents=[keys, target],
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
    p.add_argument("--aud", metavar="AUDIENCE", help="expected audience")
    p.add_argument("--iss", metavar="ISSUER", help="expected issuer")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=cmd_replay)

    probe_opts = argparse.ArgumentParser(add_help=False)
    pgroup = probe_opts.add_argument_group("the probe")
    pgroup.add_argument("--token-b", metavar="T2", help="a second user's token (cross-user tests)")
    pgroup.add_argument(
        "--resource",
        metavar="URL",
        help="a resource of user A, as a template with {id} (with --resource-id)",
    )
    pgroup.add_argument("--resource-id", metavar="ID", help="the id to put into --resource")
    pgroup.add_argument(
        "--create",
        metavar="JSON",
        help="create A's resource by POSTing this body to the URL (a write)",
    )
    pgroup.add_argument(
        "--allow-writes",
        action="store_true",
        help="allow POST/PUT/PATCH/DELETE requests (off by default)",
    )

    p = sub.add_parser(
        "probe",
        parents=[keys, target, probe_opts],
        help="run the classic auth test suite against an endpoint",
        description="Run, against one protected endpoint: valid token, no header, malformed, "
        "expired, tampered payload, alg:none, wrong key / blank signature, and cross-user "
        "isolation — each with its expected answer, PASS/FAIL, what a FAIL means and its "
        "severity. Requests are paced and go only to the given origin; writes need "
        "--allow-writes. Exit: 0 all pass, 1 a test failed, 2 unusable input, 3 unreachable.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(run=cmd_probe)

    p = sub.add_parser(
        "report",
        parents=[keys, target, probe_opts],
        help="write the JWT authentication review report (Markdown or JSON)",
        description="Run what the options ask for — the token analysis (--token), a replay "
        "of the failing request (URL or --curl), the test suite (--probe), a source audit "
        "(--audit PATH) — and write the review: summary, findings grouped "
        "Critical/High/Medium/Low with impact, evidence and fix, the source audit's routes "
        "and findings (file:line, the line, the fix), test results, recommendations and a "
        "sign-off checklist. Any one of --token, URL/--curl or --audit is enough. Always "
        "redacted: no secret, no full token, no absolute path; personal data in claims masked "
        "unless --no-redact. Exit: 0 no critical/high issue, 1 otherwise, 2 unusable input, "
        "3 server unreachable.",
    )
    agroup = p.add_argument_group("the source audit")
    agroup.add_argument(
        "--audit",
        metavar="PATH",
        help="also audit the project folder PATH (statically: nothing is imported or run) "
        "and add its routes and findings; alone, it makes an audit-only review",
    )
    agroup.add_argument(
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
    p.set_defaults(run=cmd_report)

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
    p.set_defaults(run=cmd_audit)

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
        required=True,
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
    p.set_defaults(run=cmd_crack)

    p = sub.add_parser(
        "mint",
        parents=[keys],
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
    p.set_defaults(run=cmd_mint)

    p = sub.add_parser("codes", help="list every finding code and what it means")
    p.add_argument("--markdown", action="store_true", help="print the Markdown reference")
    p.add_argument("--json", action="store_true", help="print the codes as JSON")
    p.set_defaults(run=cmd_codes)
    return parser


# ---------------------------------------------------------------- commands


def cmd_inspect(args: argparse.Namespace) -> int:
    """``jwtscope inspect``."""
    from jwtscope.core.analysis import analyze
    from jwtscope.core.timefmt import parse_at

    text = read_token_text(args.token, args.file)
    real_now = int(time.time())
    now = parse_at(args.at, real_now) if args.at else real_now
    if args.leeway < 0:
        raise UsageError("--leeway cannot be negative", "pass seconds, e.g. --leeway 30")
    env = _environment(args)
    keys = _explicit_keys(args)
    report = analyze(
        text,
        now=now,
        env=env,
        keys=keys,
        leeway=args.leeway,
        audience=args.aud,
        issuer=args.iss,
        now_is_real=not args.at,
    )
    _print_report(report, args)
    malformed = report.finding("TOKEN-MALFORMED")
    if malformed is not None and not args.json:
        print(
            f"jwtscope: error: not a decodable token: {malformed.detail} — fix: {malformed.fix}",
            file=sys.stderr,
        )
    return report.exit_code


def cmd_tui(args: argparse.Namespace) -> int:
    """``jwtscope`` / ``jwtscope tui``: the interactive app in the current folder."""
    text = ""
    if args.token is not None or args.file:
        text = read_token_text(args.token, args.file)
        if args.token == "-":
            _reattach_terminal()
    return _run_app(_app_config(args, text))


def cmd_demo(args: argparse.Namespace) -> int:
    """``jwtscope demo``: the built-in token against the built-in ``.env``."""
    from jwtscope.core.analysis import analyze
    from jwtscope.demo import DEMO_NOW, DEMO_TOKEN, demo_environment
    from jwtscope.tui.demo_config import demo_config

    if not (args.text or args.json) and sys.stdin.isatty() and sys.stdout.isatty():
        return _run_app(demo_config())
    report = analyze(DEMO_TOKEN, now=DEMO_NOW, env=demo_environment(), now_is_real=False)
    if not args.json:
        print(
            "Demo: a token from a ticket, checked against the demo backend's .env "
            "(JWT_SECRET, BETTER_AUTH_URL).\n"
        )
    _print_report(report, args)
    return report.exit_code


def cmd_replay(args: argparse.Namespace) -> int:
    """``jwtscope replay``: send, bisect, diagnose."""
    from jwtscope.core.diagnosis.replay_text import replay_to_dict, replay_to_text
    from jwtscope.core.keys.env_snapshot import origin_of
    from jwtscope.services.replay_run import run_replay

    request = _target_request(args)
    origin = (
        args.origin
        or request.header("Origin")
        or (origin_of(request.header("Referer") or "") if request.header("Referer") else None)
    )
    jwks_url = next((j for j in args.jwks if j.startswith(("http://", "https://"))), None)
    outcome = run_replay(
        request,
        env=_environment(args),
        keys=_explicit_keys(args),
        origin=origin,
        only_original=args.only_original,
        timeout=args.timeout,
        audience=args.aud,
        issuer=args.iss,
        jwks_url=jwks_url,
    )
    if args.json:
        print(
            json.dumps(
                replay_to_dict(
                    request, outcome.probes, outcome.exchanges, outcome.diagnosis, outcome.exit_code
                ),
                indent=2,
            )
        )
    else:
        print(replay_to_text(request, outcome.probes, outcome.exchanges, outcome.diagnosis))
    if outcome.unreachable:
        original = outcome.exchanges[0]
        print(
            f"jwtscope: error: {original.error} — fix: check the URL and that the server "
            "is running",
            file=sys.stderr,
        )
    return outcome.exit_code


def _replay_request(args: argparse.Namespace) -> Any:
    from jwtscope.core.request.curl_import import parse_curl
    from jwtscope.core.request.importers import parse_request_text
    from jwtscope.core.request.replay_request import build_request

    if args.curl is not None:
        request = parse_curl(args.curl)
    elif args.curl_file:
        data = _read_file(Path(args.curl_file), "the request file")
        request = parse_request_text(data.decode("utf-8", errors="replace"))
    elif args.url:
        token = normalize_token(read_token_text(args.token, None)) if args.token else None
        body = args.data.encode() if args.data is not None else None
        request = build_request(
            args.url,
            token=token,
            method=args.method.upper(),
            headers=args.header,
            cookies=args.cookie,
            body=body,
        )
    elif not sys.stdin.isatty():
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES * 10)
        request = parse_request_text(data.decode("utf-8", errors="replace"))
    else:
        raise InputError(
            "nothing to replay",
            "pass URL --token T, --curl '…', --curl-file PATH, or pipe a curl command",
        )
    if args.url and (args.curl is not None or args.curl_file) and args.token:
        raise UsageError(
            "--token goes with URL, not with a curl command", "the curl carries its own token"
        )
    return request


def cmd_probe(args: argparse.Namespace) -> int:
    """``jwtscope probe``: the auth test suite, with live progress on a terminal."""
    from jwtscope.core.probe.probe_text import probe_to_dict, probe_to_text, verdict_line

    request = _target_request(args)
    show = not args.json and sys.stderr.isatty()

    def progress(verdict: Any) -> None:
        print(verdict_line(verdict), file=sys.stderr, flush=True)

    result = _run_probe(args, request, progress if show else None)
    if args.json:
        print(json.dumps(probe_to_dict(result, request), indent=2))
    else:
        print(probe_to_text(result, request))
    return int(result.exit_code)


def cmd_report(args: argparse.Namespace) -> int:
    """``jwtscope report``: run what was asked and write the review."""
    from jwtscope.core.analysis import analyze
    from jwtscope.services.replay_run import run_replay
    from jwtscope.services.review_report import build_review, review_markdown

    audit_root = _report_audit_root(args)
    env, keys = _environment(args), _explicit_keys(args)
    clock = time.time()
    now = int(clock)
    request = _target_request(args) if (args.url or args.curl or args.curl_file) else None
    token_text = (
        request.token
        if request is not None
        else (normalize_token(read_token_text(args.token, None)) if args.token else None)
    )
    report = analyze(token_text, now=now, env=env, keys=keys) if token_text else None
    diagnosis = probe = None
    if request is not None:
        outcome = run_replay(request, env=env, keys=keys, timeout=args.timeout)
        if outcome.unreachable:
            _error(
                NetworkError(
                    outcome.exchanges[0].error or "the server could not be reached",
                    "check the URL and that the server is running",
                )
            )
            return 3
        diagnosis = outcome.diagnosis
        if args.probe:
            probe = _run_probe(args, request, None)
    elif args.probe:
        raise UsageError("--probe needs the endpoint", "pass URL (or --curl) with --probe")
    if report is None and request is None and audit_root is None:
        raise InputError(
            "nothing to review",
            "pass --token T, a URL (or --curl), --audit PATH, or several of them",
        )
    audit = _report_audit(audit_root, args.public, clock) if audit_root is not None else None
    default_system = (
        request.url if request else audit_root.name if audit_root is not None else "token"
    )
    review = build_review(
        date=now,
        system=args.system or default_system,
        report=report,
        diagnosis=diagnosis,
        probe=probe,
        redact=not args.no_redact,
        audit=audit,
    )
    text = (
        json.dumps(review.to_dict(), indent=2, ensure_ascii=False)
        if args.json
        else review_markdown(review)
    )
    if args.out:
        try:
            Path(args.out).write_text(text if text.endswith("\n") else text + "\n")
        except OSError as exc:
            raise UsageError(
                f"cannot write {args.out} ({exc.strerror})", "choose another --out path"
            ) from exc
        print(f"review written to {args.out}", file=sys.stderr)
    else:
        print(text)
    counts = review.severity_counts()
    return 1 if counts["critical"] or counts["high"] else 0


def _report_audit_root(args: argparse.Namespace) -> Path | None:
    """``report --audit PATH``'s folder, checked before anything is sent or read."""
    if args.audit is None:
        if args.public:
            raise UsageError("--public goes with --audit", "add --audit PATH, or drop --public")
        return None
    root = Path(args.audit).resolve()
    if not root.is_dir():
        raise UsageError(f"{args.audit} is not a folder", "pass the project folder to --audit")
    return root


def _report_audit(root: Path, public: str, clock: float) -> Any:
    """Run the source audit of ``report --audit`` (progress on a terminal's stderr)."""
    from jwtscope.audit import audit_project

    show = sys.stderr.isatty()

    def progress(files: int) -> None:
        print(f"\raudited {files} files…", end="", file=sys.stderr, flush=True)

    patterns = [p.strip() for p in public.split(",") if p.strip()]
    result = audit_project(root, public=patterns, progress=progress if show else None, now=clock)
    if show:
        print(file=sys.stderr)
    return result


def normalize_token(text: str) -> str:
    """The token in pasted text (``Bearer …`` and friends stripped)."""
    from jwtscope.core.token.parsing import normalize

    return normalize(text).token


def _target_request(args: argparse.Namespace) -> Any:
    from dataclasses import replace as dc_replace

    request = _replay_request(args)
    if args.insecure:
        request = dc_replace(request, insecure=True)
    if not request.url.startswith(("http://", "https://")):
        raise UsageError("the URL must start with http:// or https://", "pass the full URL")
    return request


def _run_probe(args: argparse.Namespace, request: Any, progress: Any) -> Any:
    from jwtscope.core.analysis import analyze
    from jwtscope.services.inputs import choose_secret
    from jwtscope.services.probe_run import run_probe

    env, keys = _environment(args), _explicit_keys(args)
    report = (
        analyze(request.token, now=int(time.time()), env=env, keys=keys) if request.token else None
    )
    secret = choose_secret(report, env)
    token_b = normalize_token(read_token_text(args.token_b, None)) if args.token_b else None
    create = args.create.encode() if args.create is not None else None
    return run_probe(
        request,
        report=report,
        secret=secret,
        token_b=token_b,
        resource=args.resource,
        resource_id=args.resource_id,
        create_body=create,
        allow_writes=args.allow_writes,
        timeout=args.timeout,
        on_progress=progress,
    )


def cmd_audit(args: argparse.Namespace) -> int:
    """``jwtscope audit PATH``."""
    from jwtscope.audit import audit_project
    from jwtscope.audit.audit_text import audit_to_dict, audit_to_markdown, audit_to_text

    root = Path(args.path)
    if not root.exists():
        raise UsageError(f"{args.path} does not exist", "pass the project folder to audit")
    if not root.is_dir() and not root.is_file():
        raise UsageError(f"{args.path} is not a folder", "pass the project folder to audit")
    public = [p.strip() for p in args.public.split(",") if p.strip()]
    show = not args.json and sys.stderr.isatty()

    def progress(files: int) -> None:
        print(f"\raudited {files} files…", end="", file=sys.stderr, flush=True)

    result = audit_project(
        root,
        public=public,
        progress=progress if show else None,
        now=time.time(),
        git=not args.no_git,
    )
    if show:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps(audit_to_dict(result), indent=2, ensure_ascii=False))
    elif args.format == "md":
        print(audit_to_markdown(result, str(root)))
    else:
        print(audit_to_text(result, str(root)))
    return 1 if any(f.severity.fails for f in result.findings) else 0


def cmd_crack(args: argparse.Namespace) -> int:
    """``jwtscope crack``: stream a wordlist through all cores."""
    from jwtscope.core.keys.hmac_dictionary import HmacTarget
    from jwtscope.core.token.parsing import normalize
    from jwtscope.local.crack_search import crack_file, format_progress

    text = read_token_text(args.token, None)
    token = normalize(text).token
    try:
        target = HmacTarget.from_token(token)
    except ValueError as exc:
        raise InputError(f"cannot crack this token: {exc}", "pass an HS256/384/512 JWT") from exc
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1", "omit it to use all cores")
    show = not args.json and sys.stderr.isatty()

    def progress(p: Any) -> None:
        print("\r" + format_progress(p), end="", file=sys.stderr, flush=True)

    result = crack_file(
        target, Path(args.wordlist), workers=args.workers, progress=progress if show else None
    )
    if show:
        print(file=sys.stderr)
    key_text = None
    if result.key is not None:
        key_text = result.key.decode("utf-8", errors="backslashreplace")
    if args.json:
        print(
            json.dumps(
                {
                    "found": result.key is not None,
                    "key": key_text,
                    "tried": result.tried,
                    "elapsed_s": round(result.elapsed, 3),
                    "interrupted": result.interrupted,
                    "rate_per_s": round(result.tried / result.elapsed) if result.elapsed else None,
                }
            )
        )
    elif result.key is not None:
        print(f"Key found after {result.tried:,} candidates in {result.elapsed:.1f} s: {key_text}")
    elif result.interrupted:
        print(f"Stopped after {result.tried:,} candidates; key not found.", file=sys.stderr)
    else:
        print(f"Key not found in {result.tried:,} candidates ({result.elapsed:.1f} s).")
    if result.interrupted:
        return EXIT_INTERRUPTED
    return EXIT_OK if result.key is not None else EXIT_FINDINGS


def cmd_mint(args: argparse.Namespace) -> int:
    """``jwtscope mint``: sign a test token with the environment's secret."""
    from jwtscope.core.timefmt import parse_at, parse_duration
    from jwtscope.core.token.minting import mint_token, parse_claims

    now = parse_at(args.at, int(time.time())) if args.at else int(time.time())
    lifetime = None if args.exp.lower() == "none" else parse_duration(args.exp)
    keys = _explicit_keys(args).merged(_secret_keyset(_environment(args)))
    if not keys.secrets:
        raise KeyLoadError(
            "no HMAC secret found to sign with",
            "put JWT_SECRET/BETTER_AUTH_SECRET in .env, or pass --env-file, --secret-env NAME "
            "or --secret",
        )
    secret = keys.secrets[0]
    minted = mint_token(
        secret=secret.value,
        alg=args.alg,
        sub=args.sub,
        now=now,
        lifetime=lifetime,
        claims=parse_claims(args.claim),
        aud=args.aud,
        iss=args.iss,
        kid=args.kid,
    )
    print(f"signed with {secret.describe()}", file=sys.stderr)
    if args.json:
        print(
            json.dumps(
                {
                    "token": minted.token,
                    "header": minted.header,
                    "payload": minted.payload,
                    "key": secret.describe(),
                },
                indent=2,
            )
        )
    else:
        print(minted.token)
    return EXIT_OK


def cmd_codes(args: argparse.Namespace) -> int:
    """``jwtscope codes``: the finding-code reference."""
    from jwtscope.services.code_reference import codes_markdown, codes_table

    if args.markdown:
        print(codes_markdown(), end="")
    elif args.json:
        from jwtscope.core.catalog import CODES

        print(
            json.dumps(
                [
                    {
                        "code": c.code,
                        "severity": c.severity.value,
                        "title": c.title,
                        "family": c.family,
                        "explain": c.explain,
                    }
                    for c in CODES.values()
                ],
                indent=2,
            )
        )
    else:
        print(codes_table())
    return EXIT_OK


# ---------------------------------------------------------------- helpers


def _app_config(args: argparse.Namespace, text: str) -> Any:
    from jwtscope.core.timefmt import parse_at
    from jwtscope.local.dotenv_reader import discover_env_files, load_environment
    from jwtscope.tui.config import AppConfig, EnvChoice

    cwd = Path.cwd()
    if args.leeway < 0:
        raise UsageError("--leeway cannot be negative", "pass seconds, e.g. --leeway 30")

    def load_env(choice: EnvChoice) -> Any:
        return load_environment(
            environ=os.environ,
            cwd=cwd,
            env_files=choice.env_files,
            discover=choice.discover,
            secret_env=choice.secret_env,
            encoding=choice.encoding,
        )

    def fetch(url: str) -> tuple[str, dict[str, Any]]:
        from jwtscope.net.jwks_fetch import fetch_jwks

        fetched = fetch_jwks(url, timeout=args.timeout)
        return fetched.url, fetched.document

    def read_file(path: str) -> bytes:
        return _read_key(path)

    return AppConfig(
        text=text,
        clock=time.time,
        load_env=load_env,
        env_choice=EnvChoice(
            args.secret_env, tuple(args.env_file), not args.no_dotenv, args.secret_encoding
        ),
        list_env_files=lambda: [f"./{p.name}" for p in discover_env_files(cwd)],
        explicit_keys=_explicit_keys(args),
        fetch_jwks=fetch,
        read_file=read_file,
        at=parse_at(args.at, time.time()) if args.at else None,
        leeway=args.leeway,
        audience=args.aud,
        issuer=args.iss,
    )


def _run_app(config: Any) -> int:
    from jwtscope.tui.app import JwtscopeApp

    JwtscopeApp(config).run()
    return EXIT_OK


def _reattach_terminal() -> None:
    """After reading a piped token, give the app the terminal back as its input."""
    try:
        fd = os.open("/dev/tty", os.O_RDWR)
    except OSError as exc:
        raise InputError(
            "no terminal to run the app in after reading stdin",
            "pass the token as an argument or with --file",
        ) from exc
    os.dup2(fd, 0)
    os.close(fd)
    sys.stdin = open(0, closefd=False)  # noqa: SIM115 - fd 0 lives as long as the process


def read_token_text(arg: str | None, file: str | None, stdin: TextIO | None = None) -> str:
    """The pasted text from the argument, ``-``/piped stdin, or ``--file``.

    Raises:
        InputError: empty, binary, too large, or unreadable input.
    """
    stdin = stdin or sys.stdin
    if file:
        data = _read_file(Path(file), "the token file")
        source = file
    elif arg is None or arg == "-":
        if arg is None and stdin.isatty():
            raise InputError("no token given", "pass TOKEN, '-' to read stdin, or --file PATH")
        data = (
            stdin.buffer.read(MAX_INPUT_BYTES + 1)
            if hasattr(stdin, "buffer")
            else (stdin.read(MAX_INPUT_BYTES + 1).encode("utf-8", "surrogateescape"))
        )
        source = "stdin"
    else:
        data = arg.encode("utf-8", "surrogateescape")
        source = "the argument"
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"{source} is over {MAX_INPUT_BYTES // 1000} KB; no real token is that large",
            "paste only the token (or the Authorization/Cookie line)",
        )
    if b"\x00" in data:
        raise InputError(f"{source} is binary data, not text", "pass the token as text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source} is not UTF-8 text (byte {exc.start})", "pass the token as text"
        ) from exc
    if text.endswith("\n") and source != "the argument":
        text = text.removesuffix("\n").removesuffix("\r")
    if not text.strip():
        raise InputError(f"{source} is empty", "paste a token, e.g. jwtscope inspect eyJhbGciOi…")
    return text


def _read_file(path: Path, what: str) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError as exc:
        raise InputError(f"{what} {path} does not exist", "check the path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{what} {path} is a folder", "pass a file") from exc
    except OSError as exc:
        raise InputError(
            f"{what} {path} cannot be read ({exc.strerror})", "check the path"
        ) from exc


def _environment(args: argparse.Namespace) -> Any:
    from jwtscope.local.dotenv_reader import load_environment

    return load_environment(
        environ=os.environ,
        cwd=Path.cwd(),
        env_files=args.env_file,
        discover=not args.no_dotenv,
        secret_env=args.secret_env,
        encoding=args.secret_encoding,
    )


def _secret_keyset(env: Any) -> Any:
    from jwtscope.core.keys.keyset import KeySet

    return KeySet(secrets=env.secrets())


def _explicit_keys(args: argparse.Namespace) -> Any:
    from jwtscope.core.keys.keyset import KeySet, Secret, decode_secret, load_jwks, load_key_file

    keys = KeySet()
    if args.secret is not None:
        print(
            "warning: --secret stays in your shell history; prefer --secret-env NAME or a "
            ".env file",
            file=sys.stderr,
        )
        if not args.secret:
            raise UsageError("--secret is empty", "pass the secret value, or use --secret-env")
        value = decode_secret(args.secret, args.secret_encoding)
        keys = keys.merged(KeySet(secrets=(Secret("--secret", "--secret", args.secret, value),)))
    for path in args.key:
        keys = keys.merged(load_key_file(_read_key(path), f"key {path}"))
    for ref in args.jwks:
        if ref.startswith(("http://", "https://")):
            from jwtscope.net.jwks_fetch import fetch_jwks

            fetched = fetch_jwks(ref, timeout=args.timeout)
            keys = keys.merged(load_jwks(fetched.document, f"JWKS {fetched.url}"))
        else:
            keys = keys.merged(load_key_file(_read_key(ref), f"JWKS {ref}"))
    return keys


def _read_key(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise KeyLoadError(f"key file {path} does not exist", "check the path") from exc
    except OSError as exc:
        raise KeyLoadError(
            f"key file {path} cannot be read ({exc.strerror})", "check the path"
        ) from exc


def _print_report(report: Any, args: argparse.Namespace) -> None:
    from jwtscope.core.report_text import report_to_dict, report_to_text

    if args.json:
        print(json.dumps(report_to_dict(report), indent=2, ensure_ascii=False, default=str))
        return
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    print(report_to_text(report, color=color, verbose=args.verbose))


def _error(exc: JwtscopeError) -> None:
    fix = f" — fix: {exc.fix}" if exc.fix else ""
    print(f"jwtscope: error: {exc.message}{fix}", file=sys.stderr)
