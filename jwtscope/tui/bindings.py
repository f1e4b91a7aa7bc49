"""Every key binding of the app and its screens, in one place (the keymap's map).

Each :class:`~textual.binding.Binding` has an id (users and tests refer to it, so an id
and its key never change), a short description for the footer and a tooltip. Classes
take their ``BINDINGS`` from here; :data:`BY_ID` finds any binding by its id.
"""

from __future__ import annotations

from textual.binding import Binding

__all__ = [
    "APP",
    "AUDIT",
    "BY_ID",
    "CONFIRM",
    "HAR",
    "HELP",
    "KEYS",
    "PROBE",
    "REPLAY",
    "RESIGN",
    "SAVE",
    "TIME_TRAVEL",
]


def _back(id_: str, tooltip: str) -> Binding:
    """Escape on a full screen: the screen's ``back`` action (cancel a run, else go back)."""
    return Binding("escape", "back", "Back", id=id_, tooltip=tooltip)


def _cancel(id_: str, tooltip: str, key: str = "escape", description: str = "Cancel") -> Binding:
    """Escape in a dialog: the dialog's ``cancel`` action (close it, changing nothing)."""
    return Binding(key, "cancel", description, id=id_, tooltip=tooltip)


def _export(id_: str, tooltip: str, *, show: bool = True) -> Binding:
    """Ctrl+E: write the review report (Markdown) of everything run so far (asks where)."""
    return Binding(
        "ctrl+e",
        "export",
        "Export report",
        show=show,
        id=id_,
        priority=True,  # inputs bind ctrl+e (end of line); End still does that
        tooltip=tooltip,
    )


#: The main screen's keys (bound on the app).
APP: tuple[Binding, ...] = (
    Binding("f1", "help", "Help", id="help", tooltip="Explain every finding code and key"),
    Binding(
        "f2",
        "keys",
        "Keys",
        id="keys",
        tooltip="Choose the secret, .env files, a key file or a JWKS URL",
    ),
    Binding(
        "f3",
        "time_travel",
        "Time",
        id="time_travel",
        tooltip="Judge the token as of another time (incident triage)",
    ),
    Binding(
        "f4",
        "copy_note",
        "Copy note",
        id="copy_note",
        tooltip="Copy a redacted triage note (Markdown) to the clipboard",
    ),
    Binding(
        "f5",
        "copy_payload",
        "Copy JSON",
        id="copy_payload",
        tooltip="Copy the decoded payload (JSON) to the clipboard",
    ),
    Binding(
        "f6",
        "replay",
        "Replay",
        id="replay",
        priority=True,  # the token editor binds F6 itself; check_action guards dialogs
        tooltip="Replay the failing request and name the root cause",
    ),
    Binding(
        "f7",
        "probe",
        "Probe",
        id="probe",
        priority=True,  # the token editor binds F7 itself; check_action guards dialogs
        tooltip="Run the auth test suite against an endpoint; export the review report",
    ),
    Binding(
        "f8",
        "audit",
        "Audit",
        id="audit",
        priority=True,  # like F6/F7: reachable from the token editor; check_action guards
        tooltip="Audit the project's source: routes, JWT mistakes, the code behind each",
    ),
    Binding(
        "f9",
        "har",
        "HAR",
        id="har",
        show=False,
        priority=True,  # like F6-F8: reachable from the token editor; check_action guards
        tooltip="Triage a HAR file: the session's timeline and the first failure's cause",
    ),
    _export(
        "export",
        "Write the review report (Markdown) of the token and everything run",
        show=False,  # the footer is full at 80 columns; F1 and the palette list it
    ),
    Binding(
        "ctrl+r",
        "resign",
        "Re-sign",
        id="resign",
        show=False,  # the footer is full at 80 columns; F1 and the palette list it
        tooltip="Edit the header or payload and re-sign with a key you hold (a new token)",
    ),
    Binding("ctrl+l", "clear", "Clear", id="clear", show=False, tooltip="Clear the token editor"),
    Binding("ctrl+o", "keys", "Keys", id="keys_alt", show=False, tooltip="Open the keys dialog"),
    Binding(
        "ctrl+t",
        "time_travel",
        "Time",
        id="time_alt",
        show=False,
        tooltip="Open the time-travel dialog",
    ),
)

#: F6, the Replay screen.
REPLAY: tuple[Binding, ...] = (
    _back("replay_back", "Cancel a running replay, or go back to the token"),
    Binding("ctrl+s", "send", "Send", id="replay_send", tooltip="Send the request"),
)

#: F7, the Probe screen.
PROBE: tuple[Binding, ...] = (
    _back("probe_back", "Stop a running route probe (and clean up), or go back to the token"),
    Binding("ctrl+s", "start", "Start", id="probe_start", tooltip="Start the probe"),
    Binding(
        "ctrl+c",
        "stop",
        "Stop",
        id="probe_stop",
        show=False,
        priority=True,  # inputs bind ctrl+c (copy); only while a route probe runs
        tooltip="Stop the running route probe; what it created is deleted",
    ),
    _export("probe_export", "Write the review report (Markdown) of everything run"),
    Binding(
        "ctrl+g",
        "export_tests",
        "Export tests",
        id="probe_export_tests",
        tooltip="Write the last probe as the project's own pytest suite (asks where)",
    ),
)

#: The route plan the Probe screen shows before a route probe sends anything.
ROUTE_PICK: tuple[Binding, ...] = (
    _cancel("pick_cancel", "Send nothing"),
    Binding("a", "toggle_all", "All/none", id="pick_all", tooltip="Pick every route, or none"),
    Binding("ctrl+s", "run", "Run", id="pick_run", tooltip="Probe the routes picked"),
)

#: The question the Probe screen asks before it sends anything.
CONFIRM: tuple[Binding, ...] = (_cancel("confirm_no", "Do not send anything"),)

#: F8, the Audit screen.
AUDIT: tuple[Binding, ...] = (
    _back("audit_back", "Cancel a running audit, or go back to the token"),
    Binding("ctrl+s", "run", "Run", id="audit_run", tooltip="Audit the folder"),
    _export(
        "audit_export",
        "Write the review report (Markdown) of everything run, this audit included",
    ),
)

#: F9, the HAR screen.
HAR: tuple[Binding, ...] = (
    _back("har_back", "Cancel a running read, or go back to the token"),
    Binding("ctrl+s", "read", "Read", id="har_read", tooltip="Read the HAR file"),
)

#: F2 / Ctrl+O, the keys dialog.
KEYS: tuple[Binding, ...] = (
    _cancel("keys_cancel", "Close without changes"),
    Binding("ctrl+s", "apply", "Apply", id="keys_apply", tooltip="Use these key sources"),
)

#: F3 / Ctrl+T, the time-travel dialog.
TIME_TRAVEL: tuple[Binding, ...] = (_cancel("time_cancel", "Close without changes"),)

#: Ctrl+R, edit and re-sign.
RESIGN: tuple[Binding, ...] = (
    _cancel("resign_cancel", "Close; the pasted token stays as it is"),
    Binding(
        "ctrl+s",
        "sign",
        "Sign",
        id="resign_sign",
        tooltip="Sign the edited header and payload with the chosen key",
    ),
)

#: Ctrl+E's question: where to write the report.
SAVE: tuple[Binding, ...] = (_cancel("save_cancel", "Do not write anything"),)

#: F1, the help.
HELP: tuple[Binding, ...] = (
    _cancel("help_close", "Close the help", key="escape,f1,q", description="Close"),
)

#: Every binding above by its id (ids are unique across the app).
BY_ID: dict[str, Binding] = {
    b.id: b
    for b in (
        *APP,
        *REPLAY,
        *PROBE,
        *ROUTE_PICK,
        *CONFIRM,
        *AUDIT,
        *HAR,
        *KEYS,
        *TIME_TRAVEL,
        *RESIGN,
        *SAVE,
        *HELP,
    )
    if b.id is not None
}
