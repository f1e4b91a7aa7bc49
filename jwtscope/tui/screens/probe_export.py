"""The Probe screen's "Export as tests" (Ctrl+G): the last probe as the project's own pytest
suite, written where the user says (the save dialog, as Ctrl+E's review)."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.services.pytest_emit import suite_text
from jwtscope.tui.screens.save import SaveScreen

if TYPE_CHECKING:
    from jwtscope.core.probe.probe_suite import ProbeResult
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.core.request.replay_request import ReplayRequest
    from jwtscope.tui.app import JwtscopeApp

__all__ = ["SUITE_NAME", "export_tests"]

#: The file name the save dialog proposes (in the working folder).
SUITE_NAME = "test_jwtscope_auth.py"


def _command(request: ReplayRequest, create_body: bytes | None, routes: bool) -> str:
    """The CLI command that makes the same suite (no token, no secret in it)."""
    words = ["jwtscope", "probe", str(request.redacted()["url"])]
    if routes:
        words.append("--all-routes")
    if create_body is not None:
        words += ["--allow-writes", "--create", create_body.decode("utf-8", "replace")]
    return shlex.join([*words, "--emit-pytest", SUITE_NAME]) + " (or Ctrl+G on the Probe screen)"


def export_tests(
    app: JwtscopeApp,
    result: ProbeResult | RouteProbeResult,
    *,
    request: ReplayRequest,
    token_b: str | None = None,
    resource: str | None = None,
    resource_id: str | None = None,
    create_body: bytes | None = None,
) -> None:
    """Ask where to write ``result`` as a pytest module, and write it (asking before
    replacing a file)."""
    from jwtscope.core.probe.route_judge import RouteProbeResult
    from jwtscope.services.inputs import token_from_text

    text = suite_text(
        result,
        request,
        env=app.env,
        keys=app.explicit_keys,
        now=int(app.config.clock()),
        command=_command(request, create_body, isinstance(result, RouteProbeResult)),
        clean=app.output_guard().text,
        token_b=token_from_text(token_b) if token_b else None,
        resource=resource,
        resource_id=resource_id,
        create_body=create_body,
    )

    def written(path: Path | None) -> None:
        if path is not None:
            app.notify(f"Tests written to {path}: run them with pytest {path.name}.", timeout=6)

    title = "Export the probe as a pytest suite"
    dialog = SaveScreen(title, app.config.report_dir / SUITE_NAME, text, app.config.write_report)
    app.push_screen(dialog, written)
