"""Copies say where they went, Ctrl+E asks where to write, every key is in F1 and F5 in the
footer; the token keeps jwt.io's colours and the findings list keeps its rows."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from testdata import BA_IAT
from textual.app import App
from textual.widgets import Input, OptionList
from tui_support import STRONG_A, env_with, hs256, make_app, pilot_test, screen_text, started

from jwtscope.tui import bindings
from jwtscope.tui.clipboard import ClipboardSystem, copy_outcome, local_tool
from jwtscope.tui.screens.help import help_markdown, key_label
from jwtscope.tui.screens.save import SaveScreen
from jwtscope.tui.widgets.token_editor import PART_STYLES, TokenEditor

WEAK = hs256("secret", lifetime=900)
WEAK_NOW = BA_IAT + 3600


class Machine:
    """A ClipboardSystem's parts: which tools exist, what running one does, what ran."""

    def __init__(self, tools: Sequence[str] = (), *, fail: bool = False, tmux: str = "") -> None:
        self.tools, self.fail, self.tmux = set(tools), fail, tmux
        self.ran: list[tuple[tuple[str, ...], str]] = []

    def system(self, **env: str) -> ClipboardSystem:
        return ClipboardSystem(env=env, platform="linux", which=self.which, run=self.run)

    def which(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.tools else None

    def run(self, command: Sequence[str], text: str) -> str:
        self.ran.append((tuple(command), text))
        if command[0] == "tmux":
            return self.tmux
        if self.fail:
            raise OSError("Can't open display")
        return ""


# --- what a copy can claim ---------------------------------------------------------------


def test_a_local_tool_that_took_the_text_is_a_confirmed_copy() -> None:
    machine = Machine(["xclip"])
    outcome = copy_outcome("hello", machine.system(DISPLAY=":0", TERM="xterm"))
    assert outcome.confirmed and not outcome.warn
    assert outcome.message == "copied to the clipboard (xclip)."
    assert machine.ran == [(("xclip", "-selection", "clipboard"), "hello")]


def test_a_tool_that_fails_leaves_only_osc52_and_says_so() -> None:
    machine = Machine(["wl-copy"], fail=True)
    outcome = copy_outcome("hello", machine.system(WAYLAND_DISPLAY="wayland-0", TERM="foot"))
    assert not outcome.confirmed
    assert "sent to the terminal clipboard (OSC 52)" in outcome.message
    assert "if your terminal ignores OSC 52 nothing was copied" in outcome.message
    assert "Ctrl+E saves the review report to a file instead" in outcome.message


def test_over_ssh_no_local_tool_is_used_and_the_toast_says_ssh() -> None:
    machine = Machine(["pbcopy"])
    system = ClipboardSystem(
        env={"SSH_TTY": "/dev/pts/1", "TERM": "xterm-256color"},
        platform="darwin",
        which=machine.which,
        run=machine.run,
    )
    assert local_tool(system) is None  # pbcopy would fill the remote Mac's clipboard
    outcome = copy_outcome("hello", system)
    assert not outcome.confirmed and machine.ran == []
    assert outcome.message.startswith("sent to your terminal over SSH (OSC 52)")


@pytest.mark.parametrize(
    ("setting", "warn", "start"),
    [
        ("external", True, "NOT copied: tmux drops OSC 52 unless `set -g set-clipboard on`"),
        ("", True, "NOT copied: tmux drops OSC 52"),
        ("on", False, "sent to tmux's clipboard (OSC 52, set-clipboard on)"),
    ],
)
def test_tmux_is_asked_whether_it_takes_osc52(setting: str, warn: bool, start: str) -> None:
    machine = Machine(tmux=setting)
    outcome = copy_outcome("hello", machine.system(TMUX="/tmp/tmux-0/default,1,0", TERM="tmux"))
    assert not outcome.confirmed and outcome.warn is warn
    assert outcome.message.startswith(start)
    assert machine.ran == [(("tmux", "show-options", "-gv", "set-clipboard"), "")]


def test_the_linux_console_cannot_take_osc52() -> None:
    outcome = copy_outcome("hello", Machine().system(TERM="linux"))
    assert outcome.warn and outcome.message.startswith("NOT copied: this terminal (linux)")


@pilot_test
async def test_f5_says_where_the_payload_went(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[str] = []  # what went out as OSC 52
    monkeypatch.setattr(App, "copy_to_clipboard", lambda _app, text: sent.append(text))
    for env, tools, expected, severity in (
        (
            {"DISPLAY": ":0", "TERM": "xterm"},
            ["xsel"],
            "copied to the clipboard (xsel).",
            "information",
        ),
        ({"TERM": "xterm-256color"}, [], "sent to the terminal clipboard (OSC 52)", "information"),
        ({"TERM": "linux"}, ["xclip"], "NOT copied: this terminal (linux)", "warning"),
    ):
        machine = Machine(tools)
        app = make_app(WEAK, now=WEAK_NOW, clipboard=machine.system(**env))
        sent.clear()
        async with app.run_test(size=(100, 32)) as pilot:
            await started(pilot)
            await pilot.press("f5")
            await pilot.pause()
            [note] = [n for n in app._notifications if n.message.startswith("Decoded payload:")]
            assert expected in note.message and note.severity == severity, (env, note.message)
            assert app.report is not None
            assert json.loads(sent[0]) == app.report.token.payload  # OSC 52 is always sent
            assert [text for _, text in machine.ran] == (sent if tools and "DISPLAY" in env else [])


# --- Ctrl+E asks where -------------------------------------------------------------------


async def _export_dialog(app, pilot) -> SaveScreen:  # type: ignore[no-untyped-def]
    await started(pilot)
    await pilot.press("ctrl+e")
    await pilot.pause()
    assert isinstance(app.screen, SaveScreen)
    return app.screen


@pilot_test
async def test_ctrl_e_proposes_the_working_folder_and_enter_writes(tmp_path: Path) -> None:
    app = make_app(WEAK, now=WEAK_NOW, env=env_with(JWT_SECRET="secret"), report_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _export_dialog(app, pilot)
        proposed = Path(dialog.query_one("#save-path", Input).value)
        assert proposed.parent == tmp_path and proposed.name.startswith("jwtscope-review-")
        assert "jwtscope-review-" in screen_text(app)  # the path is on screen at 80x24
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SaveScreen)
        text = proposed.read_text()
        assert "SECRET-COMMON" in text and WEAK.split(".")[2] not in text
        assert any(f"Review written to {proposed}" in n.message for n in app._notifications)


@pilot_test
async def test_an_existing_file_is_replaced_only_on_a_second_enter(tmp_path: Path) -> None:
    app = make_app(WEAK, now=WEAK_NOW, report_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _export_dialog(app, pilot)
        target = tmp_path / "review.md"
        target.write_text("keep me")
        dialog.query_one("#save-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and target.read_text() == "keep me"
        assert "review.md exists: Enter again replaces it" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not dialog and "# JWT authentication review" in target.read_text()


@pilot_test
async def test_a_folder_that_cannot_be_written_is_one_line_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    app = make_app(WEAK, now=WEAK_NOW, report_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _export_dialog(app, pilot)
        path_input = dialog.query_one("#save-path", Input)
        path_input.value = str(tmp_path / "missing" / "r.md")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        shown = screen_text(app)
        assert "Could not write" in shown and "No such file or directory" in shown
        path_input.value = str(tmp_path / "r.md")  # the same text, another place
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "r.md").read_text().startswith("# JWT authentication review")


@pilot_test
async def test_escape_writes_nothing(tmp_path: Path) -> None:
    app = make_app(WEAK, now=WEAK_NOW, report_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _export_dialog(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SaveScreen) and list(tmp_path.iterdir()) == []


# --- keys --------------------------------------------------------------------------------


def test_f1_help_names_every_binding_with_its_description() -> None:
    text = help_markdown()
    for binding in bindings.BY_ID.values():
        assert f"**{key_label(binding.key)}**" in text, binding.id
        assert binding.tooltip.split("(")[0].strip() in text.replace("\\", ""), binding.id


@pilot_test
async def test_f5_is_in_the_footer_at_80_columns() -> None:
    app = make_app(WEAK, now=WEAK_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        footer = screen_text(app).splitlines()[-1]
        for key, label in (
            ("f1", "Help"),
            ("f4", "Copy note"),
            ("f5", "Copy JSON"),
            ("f8", "Audit"),
        ):
            assert f"{key} {label}" in footer or f"{key}{label}" in footer, footer


# --- the editor's colours and the findings list's rows ------------------------------------


@pilot_test
async def test_the_token_parts_keep_jwt_io_colours() -> None:
    token = hs256(STRONG_A)
    app = make_app(f"Bearer {token}", env=env_with(JWT_SECRET=STRONG_A))
    assert "_build_highlight_map" not in vars(TokenEditor)  # no private Textual method
    async with app.run_test(size=(200, 24)) as pilot:
        await started(pilot)
        editor = app.query_one(TokenEditor)
        segments = [s for s in editor.render_line(0) if s.text]
        text = "".join(s.text for s in segments)
        header, payload, signature = token.split(".")
        start = text.index(header)
        parts = [(header, "jwt.header"), (payload, "jwt.payload"), (signature, "jwt.signature")]

        def colour_at(index: int) -> str:
            seen = 0
            for segment in segments:
                if seen + len(segment.text) > index:
                    style = segment.style
                    return style.color.name if style and style.color else ""
                seen += len(segment.text)
            raise AssertionError(index)

        for part, name in parts:
            begin = text.index(part, start)
            wanted = PART_STYLES[name].color
            assert wanted is not None
            assert {colour_at(i) for i in range(begin, begin + len(part))} == {wanted.name}
        assert colour_at(text.index("Bearer")) not in {
            s.color.name for s in PART_STYLES.values() if s.color
        }


@pilot_test
async def test_a_keystroke_reuses_the_rows_whose_finding_did_not_change() -> None:
    app = make_app(WEAK, now=WEAK_NOW, env=env_with(JWT_SECRET="secret"))
    async with app.run_test(size=(100, 32)) as pilot:
        await started(pilot)
        findings = app.query_one("#findings", OptionList)
        before = app.report.findings if app.report else ()
        prompts = [findings.get_option_at_index(i).prompt for i in range(findings.option_count)]
        app.at = BA_IAT + 60  # judged before it expired: EXP-PAST goes, the rest stays
        app.recompute()
        await pilot.pause()
        after = app.report.findings if app.report else ()
        assert after != before
        kept = [i for i in range(min(len(before), len(after))) if before[i] == after[i]]
        assert kept, (before, after)
        assert findings.option_count == len(after)
        assert max(len(f.code) for f in after) == max(len(f.code) for f in before)
        for i in range(min(len(prompts), len(after))):  # a row is redrawn only if it changed
            assert (findings.get_option_at_index(i).prompt is prompts[i]) == (i in kept), i
        labels = [str(findings.get_option_at_index(i).prompt) for i in range(len(after))]
        assert [f.code for f in after] == [label.split()[1] for label in labels]
