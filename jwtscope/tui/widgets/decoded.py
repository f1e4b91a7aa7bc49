"""The decoded token: header and payload as highlighted JSON, and a claims table in words."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from rich.style import Style as RichStyle
from rich.text import Text
from textual.content import Content, Span
from textual.geometry import Size
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import DataTable

from jwtscope.core.output_guard import SCREEN_GUARD, OutputGuard
from jwtscope.core.timefmt import epoch_seconds, iso_utc, relative

if TYPE_CHECKING:
    from jwtscope.core.analysis import Report
    from jwtscope.core.token.parsing import DecodedToken

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
_TOP_LEVEL_KEY = re.compile(r'^  "([a-z_]+)": -?[0-9]')  # a number under a top-level key
#: A header whose one-line JSON is at most this long is shown on one line.
_COMPACT_HEADER = 48


def _guard(widget: Widget) -> OutputGuard:
    """The app's guard (it knows the secrets the app holds), else the screen guard."""
    make = getattr(widget.app, "output_guard", None)
    return make() if callable(make) else SCREEN_GUARD


class JsonView(ScrollView):
    """Header and payload, highlighted: a short header on one line, the payload pretty-printed.

    A line-API view: the JSON is highlighted once per header/payload and wrapped once per
    width, and a repaint renders only the rows on screen — a large payload costs a few
    milliseconds per keystroke, not a re-layout of every line.
    """

    report: var[Report | None] = var(None)  # a var: the watcher repaints only on change
    _shown: Any = ()

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._content = Content("")
        self._lines: list[Content] = []
        self._strips: dict[tuple[int, bool], Strip] = {}  # by (row, stale)
        self._wrapped: tuple[int, int] = (-1, -1)  # the size the lines were wrapped for
        self._width = 0  # the lines' width (the scrollbar's columns left out when shown)
        # (header segment, header, payload, time notes) of the lines shown, when decoded
        self._decoded: tuple[Any, ...] | None = None
        self._stale = False  # the payload stopped decoding: the last decoded one is dimmed
        self._payload_row = -1  # the line "Payload" (its title) among the wrapped lines
        self._notes: dict[str, tuple[str, str]] = {}  # time claim → (note, shorter note)
        self._note_rows: dict[int, tuple[str, str]] = {}  # wrapped row → its claim's notes

    def on_mount(self) -> None:
        self.report = getattr(self.app, "report", None)  # mounted lazily

    def on_resize(self) -> None:
        if self.size != self._wrapped:
            self._wrap()

    def watch_report(self, report: Report | None) -> None:
        token = report.token if report else None
        notes = time_notes(token.payload, report.now) if token and report else ()
        key = (token.header, token.payload, notes) if token else None
        if key == self._shown and report is not None:
            return  # typing in the signature changes neither header nor payload
        self._shown = key
        if token is not None and self._decoded is not None:
            # Typing inside the payload makes it undecodable at every other keystroke:
            # the last decoded payload stays, dimmed under a notice, and coming back to
            # it costs a repaint, not a new highlight and a re-layout.
            stale = _payload_broke(token, self._decoded[0])
            if stale or key == self._decoded[1:]:
                self._set_stale(stale)
                return
        self._stale = False
        if token is None or token.header is None:
            self._decoded = None
            why = " (not a JWT): Enter on a finding shows why." if report else " yet."
            self._show(Text("Nothing decoded" + why, style="dim"))
            return
        decoded = token.payload is not None
        self._decoded = (
            (token.segments[:1], token.header, token.payload, notes) if decoded else None
        )
        self._notes = {name: (full, short) for name, full, short in notes}
        self._show(decoded_text(_guard(self), token.header, token.payload))

    @property
    def plain(self) -> str:
        """What the view shows, as plain text."""
        if self._stale:
            return self._content.plain.replace("Payload", _STALE_TITLE.plain, 1)
        return self._content.plain

    @property
    def stale(self) -> bool:
        """Whether the payload shown is the last decoded one (the current one does not decode)."""
        return self._stale

    def _set_stale(self, stale: bool) -> None:
        if stale != self._stale:
            self._stale = stale
            self.refresh()

    def _show(self, text: Text) -> None:
        self._content = _content(text, getattr(self.app, "ansi_theme", None))
        self._wrap()

    def _wrap(self) -> None:
        """The lines at the view's width, less the scrollbar's when they overflow."""
        width, height = self._wrapped = self.size
        width -= 1  # a blank column on the right, before the scrollbar (the CSS pads the left)
        scrollbar = self.styles.scrollbar_size_vertical if self.styles.overflow_y == "auto" else 0
        if self._content.plain.count("\n") >= height:  # overflows before wrapping: wrap once
            width -= scrollbar
            scrollbar = 0
        lines = self._content.wrap(max(width, 1))
        if len(lines) > height and scrollbar:
            width -= scrollbar
            lines = self._content.wrap(max(width, 1))
        self._lines, self._width = lines, width + 1
        self._payload_row = next(
            (row for row, line in enumerate(lines) if line.plain == "Payload"), -1
        )
        self._note_rows = {}
        for row, line in enumerate(lines[self._payload_row + 1 :] if self._notes else ()):
            match = _TOP_LEVEL_KEY.match(line.plain)
            if match and match.group(1) in self._notes:
                self._note_rows[self._payload_row + 1 + row] = self._notes[match.group(1)]
        self._strips.clear()
        self.virtual_size = Size(width + 1, len(lines))
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        strip = self._strips.get((index, self._stale))
        if strip is None:
            if index < len(self._lines):
                line = self._lines[index]
                if self._stale and index == self._payload_row:
                    line = _stale_title(getattr(self.app, "ansi_theme", None))
                elif index in self._note_rows:
                    line = _noted(line, self._note_rows[index], self._width - 1)
                strip = Strip(line.render_segments(self.visual_style), line.cell_length)
                if self._stale and index > self._payload_row >= 0:
                    strip = strip.apply_style(RichStyle(dim=True))
            else:
                strip = Strip.blank(0)
            strip = self._strips[index, self._stale] = strip.extend_cell_length(
                self._width, self.rich_style
            ).crop(0, self._width)
        return strip


def _noted(line: Content, notes: tuple[str, str], width: int) -> Content:
    """A time claim's line with its note when it fits, else the shorter one, else none."""
    for note in notes:
        if line.cell_length + len(note) + 4 <= width:
            return line + Content.styled(f"  // {note}", "dim italic")
    return line


def _payload_broke(token: DecodedToken, header_segment: tuple[str, ...]) -> bool:
    """Whether only the payload stopped decoding (the header segment is the one shown)."""
    problem = token.problem
    return (
        problem is not None
        and problem.segment == "payload"
        and token.segments[:1] == header_segment
    )


_STALE_TITLE = Text.assemble(("Payload", "bold"), ("  ⚠ stale: does not decode now", "yellow"))


def _stale_title(ansi_theme: Any) -> Content:
    return _content(_STALE_TITLE, ansi_theme)


def _content(text: Text, ansi_theme: Any) -> Content:
    """Rich ``text`` as Textual Content (each distinct style converted once)."""
    styles: dict[Any, Style] = {}

    def convert(style: str | RichStyle) -> Style:
        converted = styles.get(style)
        if converted is None:
            rich_style = RichStyle.parse(style) if isinstance(style, str) else style
            converted = styles[style] = Style.from_rich_style(rich_style, ansi_theme)
        return converted

    content = Content(text.plain, [Span(s, e, convert(style)) for s, e, style in text.spans])
    return content.stylize_before(convert(text.style)) if text.style else content


def time_notes(payload: Any, now: float) -> tuple[tuple[str, str, str], ...]:
    """``(claim, "in 30 d (2026-12-24T23:40:00Z)", "in 30 d")`` per top-level time claim:
    the note shown after the claim's value, and the shorter one for a narrow pane."""
    if not isinstance(payload, dict):
        return ()
    notes = []
    for name in _TIMES:
        ts = epoch_seconds(payload.get(name))
        if ts is not None:
            when = relative(ts, now)
            notes.append((name, f"{when} ({iso_utc(ts)})", when))
    return tuple(notes)


def decoded_text(guard: OutputGuard, header: Any, payload: Any) -> Text:
    """Header and payload as highlighted JSON text (a short header on its title's line)."""
    from rich.syntax import Syntax  # pygments loads on the first decoded token

    syntax = Syntax("", "json", theme="ansi_dark", background_color="default")
    lines: list[Text] = []
    for title, data in (("Header", header), ("Payload", payload)):
        line = Text(title, style="bold")
        if data is None:
            lines.append(line.append("  (not decodable)", style="dim"))
            continue
        shown = guard.data(data)
        compact = json.dumps(shown, ensure_ascii=False, default=str)
        if title == "Header" and len(compact) <= _COMPACT_HEADER:
            # A short header on its title's line: the payload then starts on line 2 of
            # a pane only eight lines tall at 80x24.
            lines.append(line.append("  ").append_text(_highlighted(syntax, compact)))
            continue
        lines.append(line)
        text = json.dumps(shown, indent=2, ensure_ascii=False, default=str)
        lines.append(_highlighted(syntax, text))
    return Text("\n").join(lines)


def _highlighted(syntax: Any, code: str) -> Text:
    highlighted: Text = syntax.highlight(code)
    highlighted.rstrip()
    return highlighted


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
