"""The decoded token: header and payload as highlighted JSON, and a claims table in words."""

from __future__ import annotations

import json
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import DataTable, Static

from jwtscope.core.output_guard import SCREEN_GUARD, OutputGuard
from jwtscope.core.timefmt import epoch_seconds, relative

if TYPE_CHECKING:
    from jwtscope.core.analysis import Report

__all__ = ["CLAIM_MEANINGS", "ClaimsTable", "JsonView"]

CLAIM_MEANINGS = {
    "iss": "issuer: who created and signed the token",
    "sub": "subject: the user (or client) the token is about",
    "aud": "audience: who the token is meant for; PyJWT needs audience= to accept it",
    "exp": "expires: rejected at or after this time",
    "nbf": "not before: rejected before this time",
    "iat": "issued at: when the token was created",
    "jti": "token id: a unique id, for revocation or replay checks",
    "sid": "session id",
    "azp": "authorized party: the client the token was issued to",
    "scope": "scopes / permissions granted",
    "role": "role used for authorisation decisions",
    "email": "e-mail address (personal data)",
    "name": "display name (personal data)",
    "auth_time": "when the user authenticated",
}
_TIMES = ("exp", "nbf", "iat", "auth_time")
#: A header whose one-line JSON is at most this long is shown on one line.
_COMPACT_HEADER = 48


def _guard(widget: Widget) -> OutputGuard:
    """The app's guard (it knows the secrets the app holds), else the screen guard."""
    make = getattr(widget.app, "output_guard", None)
    return make() if callable(make) else SCREEN_GUARD


class JsonView(Static):
    """Header and payload, highlighted: a short header on one line, the payload pretty-printed."""

    report: var[Report | None] = var(None)  # a var: the watcher repaints only on change
    _shown: Any = ()

    def on_mount(self) -> None:
        self.report = getattr(self.app, "report", None)  # mounted lazily

    def watch_report(self, report: Report | None) -> None:
        key = (report.token.header, report.token.payload) if report else None
        if key == self._shown and report is not None:
            return  # typing in the signature changes neither header nor payload
        self._shown = key
        if report is None or report.token.header is None:
            why = " (not a JWT): Enter on a finding shows why." if report else " yet."
            self.update(Text("Nothing decoded" + why, style="dim"))
            return
        from rich.console import Group
        from rich.syntax import Syntax  # pygments loads on the first decoded token

        guard = _guard(self)
        parts: list[Any] = []
        for title, data in (("Header", report.token.header), ("Payload", report.token.payload)):
            line = Text(title, style="bold")
            if data is None:
                parts.append(line.append("  (not decodable)", style="dim"))
                continue
            shown = guard.data(data)
            compact = json.dumps(shown, ensure_ascii=False, default=str)
            if title == "Header" and len(compact) <= _COMPACT_HEADER:
                # A short header on its title's line: the payload then starts on line 2 of
                # a pane only eight lines tall at 80x24.
                syntax = Syntax("", "json", theme="ansi_dark", background_color="default")
                highlighted = syntax.highlight(compact)
                highlighted.rstrip()
                parts.append(line.append("  ").append_text(highlighted))
                continue
            text = json.dumps(shown, indent=2, ensure_ascii=False, default=str)
            parts.append(line)
            parts.append(
                Syntax(text, "json", theme="ansi_dark", background_color="default", word_wrap=True)
            )
        self.update(Group(*parts))


class ClaimsTable(DataTable[Text]):
    """One row per claim: name, value, and what it means (times in UTC, local, relative)."""

    report: var[Report | None] = var(None)  # a var: the watcher repaints only on change

    def __init__(self, *, local_tz: tzinfo | None = None, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self._local_tz = local_tz
        self._shown: Any = ()
        self._rows: dict[str, tuple[Text, Text, Text]] = {}  # by claim name
        self._laid_out = -1  # the width the columns were last fitted to

    def on_mount(self) -> None:
        self.add_columns(*_COLUMNS)
        self.report = getattr(
            self.app, "report", None
        )  # mounted lazily, after the app's first report

    def on_resize(self) -> None:
        if self.size.width != self._laid_out:
            self._fill()

    def watch_report(self, report: Report | None) -> None:
        key = (report.token.payload, report.now) if report else None
        if key == self._shown and report is not None:
            return
        self._shown = key
        self._rows = {}
        payload = report.token.payload if report else None
        if payload and report is not None:
            guard = _guard(self)
            for name, value in payload.items():
                shown = json.dumps(value, ensure_ascii=False, default=str)
                meaning = CLAIM_MEANINGS.get(name, "")
                ts = epoch_seconds(value) if name in _TIMES else None
                if ts is not None:
                    shown, meaning = self._time_cells(name, ts, report.now)
                code_style = "bold" if name in CLAIM_MEANINGS else ""
                self._rows[name] = (
                    Text(guard.text(name)[:40], style=code_style),
                    Text(guard.text(shown)[:80]),
                    Text(meaning),
                )
        self._fill()

    def _fill(self) -> None:
        """The rows, in columns fitted to the width: when a row is wider, the value and
        meaning columns share the width and wrap (the meaning keeps at least half)."""
        self._laid_out = self.size.width
        widths = _fitted_widths(list(self._rows.values()), self.size.width)
        self.clear(columns=True)
        for label, width in zip(_COLUMNS, widths, strict=True):
            self.add_column(label, width=width)
        height = 1 if widths[1] is None else None  # None: as tall as the wrapped cells
        for name, row in self._rows.items():
            self.add_row(*row, key=name, height=height)

    def _time_cells(self, name: str, ts: int, now: int) -> tuple[str, str]:
        """The value and meaning cells of a time claim: UTC, relative, local."""
        utc = datetime.fromtimestamp(ts, UTC)
        try:
            local = utc.astimezone(self._local_tz) if self._local_tz else utc.astimezone()
        except (OverflowError, OSError, ValueError):
            local = utc  # the first and last days a calendar holds
        shown = f"{utc:%Y-%m-%d %H:%M:%S} UTC ({relative(ts, now)})"
        return shown, f"local {local:%Y-%m-%d %H:%M %Z} · " + CLAIM_MEANINGS.get(name, "")


_COLUMNS = ("claim", "value", "meaning")


def _fitted_widths(rows: list[tuple[Text, Text, Text]], width: int) -> tuple[int | None, ...]:
    """Column widths for ``rows`` in a table ``width`` cells wide: all None (each column
    as wide as its content) when that fits, else value and meaning share what is left."""
    natural = [
        max([len(label), *(row[i].cell_len for row in rows)]) for i, label in enumerate(_COLUMNS)
    ]
    # Two cells of padding per column, and room for a vertical scrollbar.
    room = width - 2 * len(_COLUMNS) - 2 - natural[0]
    if width <= 0 or natural[1] + natural[2] <= room:
        return (None, None, None)
    meaning = max(min(natural[2], max(room - natural[1], room // 2)), 8)
    return (natural[0], max(room - meaning, 8), meaning)
