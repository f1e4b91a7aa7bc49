"""Read the environment and ``.env`` files into an :class:`Environment` snapshot.

Files are read with python-dotenv's ``dotenv_values`` (``os.environ`` is never changed);
only the variables jwtscope cares about are kept, so nothing else from the user's
environment travels further into the program.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from dotenv import dotenv_values
from dotenv.parser import parse_stream

from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES, URL_NAMES, Environment, EnvSource
from jwtscope.errors import EnvFileError

__all__ = [
    "DISCOVERY_ORDER",
    "discover_env_files",
    "load_environment",
    "parse_env_text",
    "read_env_file",
]

#: ``.env`` files picked up in the working folder, highest priority first (as Next.js).
DISCOVERY_ORDER = (
    ".env.local",
    ".env.development.local",
    ".env.development",
    ".env",
    ".env.production.local",
    ".env.production",
    ".env.test.local",
    ".env.test",
)
_SKIP_SUFFIXES = (".example", ".sample", ".template", ".dist", ".defaults", ".bak", ".swp")
MAX_ENV_BYTES = 1_000_000


def discover_env_files(folder: Path) -> list[Path]:
    """The ``.env*`` files in ``folder``, known names first, examples/templates skipped."""
    try:
        present = {p.name: p for p in folder.iterdir() if p.name.startswith(".env")}
    except OSError:
        return []
    ordered = [present.pop(name) for name in DISCOVERY_ORDER if name in present]
    extra = sorted(
        p for name, p in present.items() if not name.endswith(_SKIP_SUFFIXES) and p.is_file()
    )
    return [p for p in ordered + extra if p.is_file()]


def read_env_file(path: Path, label: str, names: Sequence[str]) -> EnvSource:
    """Read one ``.env`` file, keeping only ``names``.

    Raises:
        EnvFileError: when the file is missing, unreadable, not UTF-8, too large, or has a
            line python-dotenv cannot parse.
    """
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise EnvFileError(
                f"{label} is not a regular file (a device or a pipe)",
                "pass the .env file itself with --env-file",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_ENV_BYTES + 1)
        if len(data) > MAX_ENV_BYTES:
            raise EnvFileError(
                f"{label} is larger than 1 MB; not a .env file?",
                "pass the right file with --env-file",
            )
        text = data.decode("utf-8")
    except FileNotFoundError as exc:
        raise EnvFileError(f"{label} does not exist", "check the path given to --env-file") from exc
    except IsADirectoryError as exc:
        raise EnvFileError(f"{label} is a folder", "pass the .env file inside it") from exc
    except PermissionError as exc:
        raise EnvFileError(
            f"{label} is not readable (permission denied)", "check its permissions"
        ) from exc
    except UnicodeDecodeError as exc:
        raise EnvFileError(
            f"{label} is not UTF-8 text (byte {exc.start})",
            "save it as UTF-8, or pass another file",
        ) from exc
    except OSError as exc:
        raise EnvFileError(f"{label} cannot be read ({exc.strerror})", "check the path") from exc
    for binding in parse_stream(io.StringIO(text)):
        if binding.error:
            raise EnvFileError(
                f"{label} line {binding.original.line}: python-dotenv cannot parse it",
                "fix the line (NAME=value, quotes closed), or skip discovery with --no-dotenv",
            )
    values = parse_env_text(text)
    kept = tuple((name, values[name]) for name in names if name in values)
    return EnvSource(label=label, values=kept)


def parse_env_text(text: str) -> dict[str, str | None]:
    """Every variable of a ``.env`` file's text, as python-dotenv reads it.

    Lines python-dotenv cannot parse are skipped quietly (its "could not parse statement"
    warning is not printed); :func:`read_env_file` refuses them instead.
    """
    logger = logging.getLogger("dotenv.main")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        return dict(dotenv_values(stream=io.StringIO(text)))
    finally:
        logger.setLevel(level)


def load_environment(
    *,
    environ: Mapping[str, str],
    cwd: Path,
    env_files: Sequence[str] = (),
    discover: bool = True,
    secret_env: str | None = None,
    encoding: str = "utf8",
) -> Environment:
    """Snapshot the process environment and ``.env`` files, in priority order.

    Order: the process environment (it overrides ``.env`` in python-dotenv and Next.js),
    then the files named with ``--env-file`` in the order given, then the files
    discovered in ``cwd``.

    Args:
        environ: the process environment (``os.environ``).
        cwd: the folder to discover ``.env`` files in.
        env_files: paths from ``--env-file``.
        discover: look for ``.env*`` files in ``cwd``.
        secret_env: ``--secret-env NAME``: look for the secret under this name only.
        encoding: ``--secret-encoding``.

    Raises:
        EnvFileError: when a file cannot be read or parsed.
    """
    secret_names = (secret_env,) if secret_env else KNOWN_SECRET_NAMES
    names = tuple(dict.fromkeys((*secret_names, *URL_NAMES)))
    sources: list[EnvSource] = []
    from_env = tuple((n, environ[n]) for n in names if n in environ)
    if from_env:
        sources.append(EnvSource("environment", from_env))
    seen: set[Path] = set()
    explicit = [(Path(p), p) for p in env_files]
    discovered = [(p, f"./{p.name}") for p in discover_env_files(cwd)] if discover else []
    files_read: list[str] = []
    for path, label in explicit + discovered:
        resolved = path.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        sources.append(read_env_file(path, label, names))
        files_read.append(label)
    return Environment(
        sources=tuple(sources),
        secret_names=secret_names,
        encoding=encoding,
        files_read=tuple(files_read),
    )


def process_environment() -> Mapping[str, str]:
    """``os.environ``, for callers that must not import os themselves (the CLI, the app)."""
    return os.environ
