"""The user's config file on disk: where it is, reading it, writing the template.

``$JWTSCOPE_CONFIG`` names the file; else ``$XDG_CONFIG_HOME/jwtscope/config.toml``;
else ``~/.config/jwtscope/config.toml``. A missing file is no settings; an unreadable
one is a problem line, never an error (:mod:`jwtscope.core.user_settings` parses it).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from jwtscope.core.user_settings import TEMPLATE, UserSettings, parse_settings

__all__ = ["config_path", "read_settings", "usable_env_files", "write_template"]


def config_path(environ: Mapping[str, str], home: Path | None = None) -> Path:
    """The config file's path (it may not exist)."""
    if environ.get("JWTSCOPE_CONFIG"):
        return Path(environ["JWTSCOPE_CONFIG"]).expanduser()
    xdg = environ.get("XDG_CONFIG_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else (home or Path.home()) / ".config"
    return base / "jwtscope" / "config.toml"


def read_settings(environ: Mapping[str, str], home: Path | None = None) -> UserSettings:
    """The settings of the config file; none when it does not exist."""
    path = config_path(environ, home)
    source = str(path)
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return UserSettings(source=source)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not UTF-8 text"
        return UserSettings(
            source=source,
            problems=(
                f"{source}: cannot be read ({reason}); nothing in it was applied — fix "
                "the file, or point JWTSCOPE_CONFIG at another one",
            ),
        )
    return parse_settings(text, source)


def usable_env_files(settings: UserSettings, cwd: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The settings' ``env_files`` that exist (``~`` expanded, relative to ``cwd``), and
    a problem line for each that does not."""
    files: list[str] = []
    problems: list[str] = []
    for name in settings.env_files:
        path = Path(name).expanduser()
        if (cwd / path).is_file():
            files.append(str(path))
        else:
            problems.append(
                f"{settings.source}: env_files: {name} is not a file, skipped; "
                "fix the path or remove it"
            )
    return tuple(files), tuple(problems)


def write_template(path: Path) -> Path:
    """Write the commented template to ``path``; FileExistsError if there is a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:
        out.write(TEMPLATE)
    return path
