"""``jwtscope config path | show | init``: where the user config is, what applies from
it (and every bad value in it), and a commented template to start from.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from jwtscope.cli.common import EXIT_FINDINGS, EXIT_OK, print_problems
from jwtscope.cli.output import emit
from jwtscope.errors import UsageError

__all__ = ["cmd_config"]


def cmd_config(args: argparse.Namespace) -> int:
    """``jwtscope config ACTION``."""
    from jwtscope.local.user_config import config_path

    path = config_path(os.environ)
    if args.action == "path":
        emit(str(path))
        return EXIT_OK
    if args.action == "init":
        return _init(path)
    return _show()


def _init(path: Path) -> int:
    from jwtscope.local.user_config import write_template

    try:
        write_template(path)
    except FileExistsError:
        raise UsageError(
            f"{path} exists; it was left as it is",
            "edit it, or check it with: jwtscope config show",
        ) from None
    except OSError as exc:
        raise UsageError(
            f"cannot write {path} ({exc.strerror})",
            "set JWTSCOPE_CONFIG to a writable path",
        ) from None
    emit(f"wrote {path}")
    return EXIT_OK


def _show() -> int:
    from jwtscope.local.user_config import read_settings, usable_env_files
    from jwtscope.tui.bindings import BY_ID
    from jwtscope.tui.user_keymap import check_settings

    settings = read_settings(os.environ)
    _, missing = usable_env_files(settings, Path.cwd())
    look = check_settings(settings.with_problems(*missing))
    lines = [f"file: {settings.source}" + ("" if Path(settings.source).is_file() else " (none)")]
    lines.append(f"theme: {look.theme or '(default)'}")
    lines.append(f"env_files: {', '.join(settings.env_files) or '(none)'}")
    lines.append("keys (binding id: key, * = from the config):")
    for binding_id, binding in BY_ID.items():
        key = look.keymap.get(binding_id, binding.key)
        mark = "*" if binding_id in look.keymap else " "
        lines.append(f" {mark} {binding_id:<14} {key:<14} {binding.tooltip}")
    emit("\n".join(lines))
    print_problems(look.problems)
    return EXIT_FINDINGS if look.problems else EXIT_OK
