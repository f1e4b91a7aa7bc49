"""The user's config file as data: parse its TOML text into :class:`UserSettings`.

Pure: the text comes in (read by :mod:`jwtscope.local.user_config`), settings and one
problem line per bad value come out. A bad value is reported and skipped, never fatal;
whether a binding id, a key or a theme exists is checked by the app
(:mod:`jwtscope.tui.user_keymap`), which knows them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TEMPLATE", "UserSettings", "parse_settings"]

#: What ``jwtscope config init`` writes: every setting, commented out.
TEMPLATE = """\
# jwtscope user config (TOML). Every line is optional; a bad value is reported and ignored.
# Check it with: jwtscope config show

# A Textual theme for the app, e.g. "textual-dark", "nord", "gruvbox", "dracula".
# theme = "nord"

# .env files the app and the commands read, like --env-file (flags given win).
# env_files = [".env.local", "~/secrets/dev.env"]

# Key overrides, by binding id (jwtscope config show lists the ids).
# Several keys: "f12,ctrl+h".
[keys]
# help = "f12"
# replay = "ctrl+y"
"""

_KNOWN = ("theme", "env_files", "keys")


@dataclass(frozen=True)
class UserSettings:
    """The settings read from the config file.

    Args:
        source: the file, as shown in messages ("" when there is none).
        keys: binding id → key string, as written (checked by the app).
        theme: the theme's name, or None.
        env_files: ``.env`` files to read, in priority order.
        problems: one line per bad value: the file, the key and the fix.
    """

    source: str = ""
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    env_files: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()

    def with_problems(self, *lines: str) -> UserSettings:
        """These settings with more problem lines."""
        return UserSettings(
            self.source, dict(self.keys), self.theme, self.env_files, (*self.problems, *lines)
        )


def parse_settings(text: str, source: str) -> UserSettings:
    """The settings in ``text`` (the file ``source``); every bad value is a problem line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return UserSettings(
            source=source,
            problems=(
                f"{source}: not valid TOML ({exc}); nothing in it was applied — fix that "
                'line (strings need quotes: theme = "nord")',
            ),
        )
    problems: list[str] = []
    for key in data:
        if key not in _KNOWN:
            problems.append(
                f"{source}: {key}: unknown setting, ignored; the settings are {', '.join(_KNOWN)}"
            )
    return UserSettings(
        source=source,
        keys=_keys(data.get("keys", {}), source, problems),
        theme=_theme(data.get("theme"), source, problems),
        env_files=_env_files(data.get("env_files", []), source, problems),
        problems=tuple(problems),
    )


def _theme(value: Any, source: str, problems: list[str]) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    problems.append(f'{source}: theme: not a string, ignored; write theme = "nord"')
    return None


def _env_files(value: Any, source: str, problems: list[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(
            f'{source}: env_files: not a list, ignored; write env_files = [".env.local"]'
        )
        return ()
    files = []
    for item in value:
        if isinstance(item, str) and item:
            files.append(item)
        else:
            problems.append(
                f"{source}: env_files: {item!r} is not a file path, ignored; "
                "write each file as a quoted string"
            )
    return tuple(files)


def _keys(value: Any, source: str, problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(
            f'{source}: keys: not a table, ignored; write [keys] then lines like help = "f12"'
        )
        return {}
    keys = {}
    for binding_id, key in value.items():
        if isinstance(key, str) and key.strip():
            keys[binding_id] = key.strip()
        else:
            problems.append(
                f"{source}: keys.{binding_id}: not a key string, ignored; "
                f'write {binding_id} = "f12" (several: "f12,ctrl+h")'
            )
    return keys
