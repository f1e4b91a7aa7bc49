"""``jwtscope report``: run what the options ask for and write the review (Markdown or JSON).

The running lives in :func:`jwtscope.services.review_run.run_review`; this module checks
the options, reads the inputs, prints progress and writes the file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.cli.audit import print_audit_progress
from jwtscope.cli.common import (
    EXIT_UNREACHABLE,
    endpoint_request,
    load_env,
    load_keys,
    print_error,
    public_patterns,
    read_token_text,
)
from jwtscope.cli.emit_pytest import check_emit_options, emit_suite
from jwtscope.cli.output import emit, guard, remember_secrets
from jwtscope.errors import InputError, NetworkError, UsageError

if TYPE_CHECKING:
    from jwtscope.services.probe_session import RouteOptions
    from jwtscope.services.review_report import ReviewReport
    from jwtscope.services.review_run import ReviewInputs

__all__ = ["cmd_report"]


def cmd_report(args: argparse.Namespace) -> int:
    """``jwtscope report``: run what was asked and write the review."""
    from jwtscope.services.review_run import run_review

    check_emit_options(args)
    if args.emit_pytest and not (args.probe or args.all_routes or args.openapi or args.project):
        raise UsageError(
            "--emit-pytest exports the probe", "add --probe (or --all-routes) to the report"
        )
    inputs = _review_inputs(args)
    show = inputs.audit_root is not None and sys.stderr.isatty()
    run = run_review(inputs, audit_progress=print_audit_progress if show else None)
    remember_secrets(run.secrets)
    if run.review is None:
        print_error(
            NetworkError(
                run.unreachable or "the server could not be reached",
                "check the URL and that the server is running",
            )
        )
        return EXIT_UNREACHABLE
    if show:
        emit(err=True)
    tested = run.routes or run.probe
    if tested is not None and inputs.request is not None:
        emit_suite(args, inputs.request, tested, env=inputs.env, keys=inputs.keys)
    _write(run.review, args)
    return run.exit_code


def _review_inputs(args: argparse.Namespace) -> ReviewInputs:
    """The options read and checked, in the order the errors are reported.

    Raises:
        UsageError: ``--public`` without ``--audit``, ``--audit`` not a folder, ``--probe``
            without an endpoint.
        InputError: nothing to review, or an unreadable token or request.
    """
    from jwtscope.cli.probe import probe_options
    from jwtscope.services.inputs import token_from_text
    from jwtscope.services.review_run import ReviewInputs

    audit_root = _audit_root(args)
    env, keys = load_env(args), load_keys(args)
    request = endpoint_request(args) if (args.url or args.curl or args.curl_file) else None
    token = None
    if request is None and args.token:
        token = token_from_text(read_token_text(args.token, None))
    if request is None and args.probe:
        raise UsageError("--probe needs the endpoint", "pass URL (or --curl) with --probe")
    if request is None and not token and audit_root is None:
        raise InputError(
            "nothing to review",
            "pass --token T, a URL (or --curl), --audit PATH, or several of them",
        )
    return ReviewInputs(
        env=env,
        keys=keys,
        request=request,
        token=token,
        probe=probe_options(args) if args.probe else None,
        routes=_route_options(args, request),
        route_patterns=tuple(args.route),
        audit_root=audit_root,
        public=tuple(public_patterns(args.public)),
        system=args.system,
        redact=not args.no_redact,
        timeout=args.timeout,
    )


def _route_options(args: argparse.Namespace, request: object) -> RouteOptions | None:
    """The route probe's options, when ``--all-routes``, ``--openapi`` or ``--project`` ask.

    Raises:
        UsageError: the route probe without an endpoint, or ``--dry-run``.
    """
    from jwtscope.services.probe_session import RouteOptions

    if not (args.all_routes or args.openapi or args.project):
        return None
    if request is None:
        raise UsageError("--all-routes needs the endpoint", "pass the API's URL with it")
    if args.dry_run:
        raise UsageError("report sends what it reviews", "print the plan with probe --dry-run")
    return RouteOptions(
        openapi=args.openapi,
        create_body=args.create.encode() if args.create is not None else None,
        allow_writes=args.allow_writes,
        budget=args.budget,
        timeout=args.timeout,
    )


def _audit_root(args: argparse.Namespace) -> Path | None:
    """``report --audit PATH``'s folder (``--project PATH`` is the same folder, for the route
    probe), checked before anything is sent or read."""
    if args.project and args.audit and Path(args.project) != Path(args.audit):
        raise UsageError("--project and --audit name two folders", "give one of them")
    args.audit = args.audit or args.project
    if args.audit is None:
        if args.public:
            raise UsageError("--public goes with --audit", "add --audit PATH, or drop --public")
        return None
    root = Path(args.audit).resolve()
    if not root.is_dir():
        raise UsageError(f"{args.audit} is not a folder", "pass the project folder to --audit")
    return root


def _write(review: ReviewReport, args: argparse.Namespace) -> None:
    """The review as Markdown or JSON, to ``--out`` or stdout."""
    from jwtscope.services.review_report import review_markdown

    text = (
        json.dumps(guard().data(review.to_dict()), indent=2, ensure_ascii=False, allow_nan=False)
        if args.json
        else guard().text(review_markdown(review))
    )
    if not args.out:
        emit(text)
        return
    try:
        Path(args.out).write_text(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise UsageError(
            f"cannot write {args.out} ({exc.strerror})", "choose another --out path"
        ) from exc
    emit(f"review written to {args.out}", err=True)
