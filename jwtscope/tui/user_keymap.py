"""The user's key overrides and theme, checked against the app's bindings, Textual's
key names and themes, then applied when the app mounts (bad values become toasts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.keys import KEY_ALIASES, KEY_NAME_REPLACEMENTS, Keys, key_to_character
from textual.theme import BUILTIN_THEMES

from jwtscope.core.output_guard import SCREEN_GUARD
from jwtscope.core.user_settings import UserSettings
from jwtscope.tui import bindings
from jwtscope.tui.bindings import BY_ID

if TYPE_CHECKING:
    from textual.app import App

__all__ = ["UserLook", "apply_user_settings", "check_settings", "valid_key"]

_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
_NAMES = frozenset(
    {k.value.rpartition("+")[2] for k in Keys}
    | set(KEY_ALIASES)
    | set(KEY_NAME_REPLACEMENTS.values())
    | {"space"}
)


#: The bindings active together (one screen's, or the main screen's).
_GROUPS = (
    bindings.APP,
    bindings.REPLAY,
    bindings.PROBE,
    bindings.ROUTE_PICK,
    bindings.CONFIRM,
    bindings.AUDIT,
    bindings.HAR,
    bindings.KEYS,
    bindings.TIME_TRAVEL,
    bindings.SAVE,
    bindings.HELP,
)


@dataclass(frozen=True)
class UserLook:
    """What applies: the keymap (binding id → keys), the theme, and the problems."""

    keymap: dict[str, str]
    theme: str | None
    problems: tuple[str, ...]


def valid_key(key: str) -> bool:
    """Whether ``key`` is one key Textual can bind ("f12", "ctrl+r", "question_mark")."""
    *modifiers, name = key.strip().split("+")
    if not name or any(m not in _MODIFIERS for m in modifiers):
        return False
    return (
        (len(name) == 1 and name.isprintable())
        or name in _NAMES
        or (key_to_character(name) is not None)
    )


def check_settings(settings: UserSettings, themes: Iterable[str] = BUILTIN_THEMES) -> UserLook:
    """The settings' keymap and theme that exist; a problem line for each that does not."""
    problems = list(settings.problems)
    keymap: dict[str, str] = {}
    for binding_id, keys in settings.keys.items():
        if binding_id not in BY_ID:
            problems.append(
                f"{settings.source}: keys.{binding_id}: no binding has this id, ignored; "
                "'jwtscope config show' lists the ids (e.g. help, keys, replay)"
            )
        elif not all(valid_key(k) for k in keys.split(",")):
            problems.append(
                f"{settings.source}: keys.{binding_id}: {keys!r} is not a key, ignored; "
                'write a key such as "f12", "ctrl+r" or "f12,ctrl+h"'
            )
        else:
            keymap[binding_id] = ",".join(k.strip() for k in keys.split(","))
    _drop_clashes(keymap, settings.source, problems)
    theme = settings.theme
    names = sorted(themes)
    if theme is not None and theme not in names:
        problems.append(
            f"{settings.source}: theme: {theme!r} is not a theme, ignored; "
            f"use one of {', '.join(names)}"
        )
        theme = None
    return UserLook(keymap, theme, tuple(problems))


def _drop_clashes(keymap: dict[str, str], source: str, problems: list[str]) -> None:
    """Remove (and report) each override whose key another binding of the same screen
    already has, after the overrides (Textual would pick one of the two silently)."""
    for group in _GROUPS:
        owners: dict[str, list[str]] = {}
        for binding in group:
            for key in keymap.get(binding.id or "", binding.key).split(","):
                owners.setdefault(key, []).append(binding.id or "?")
        for binding in group:
            if binding.id not in keymap:
                continue
            for key in keymap[binding.id].split(","):
                other = next((o for o in owners[key] if o != binding.id), None)
                if other is not None:
                    problems.append(
                        f"{source}: keys.{binding.id}: {key} is already the key of "
                        f"{other}, ignored; pick another key or rebind {other} too"
                    )
                    del keymap[binding.id]
                    break


def apply_user_settings(app: App[Any], settings: UserSettings) -> UserLook:
    """Apply the keymap and theme to ``app``; each problem is a warning toast."""
    look = check_settings(settings, app.available_themes)
    if look.keymap:
        app.update_keymap(look.keymap)
    if look.theme:
        app.theme = look.theme
    for line in look.problems:
        app.notify(SCREEN_GUARD.text(line), title="Config", severity="warning", timeout=10)
    return look
