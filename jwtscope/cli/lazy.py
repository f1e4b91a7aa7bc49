"""A sub-command's function named by module and attribute, imported only when it runs (the
parser loads on every start, the commands' modules only when chosen)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from importlib import import_module

__all__ = ["Command", "LazyCommand"]

#: A command: the parsed arguments in, the exit code out.
Command = Callable[[argparse.Namespace], int]


class LazyCommand:
    """``jwtscope.cli.<module>.<name>``, imported when the command runs, not at start-up.

    A plain class, not a dataclass: building a dataclass costs about a millisecond at
    import, and this module loads on every start.
    """

    __slots__ = ("module", "name")

    def __init__(self, module: str, name: str) -> None:
        self.module = module
        self.name = name

    def __repr__(self) -> str:
        return f"LazyCommand({self.module!r}, {self.name!r})"

    def resolve(self) -> Command:
        """The command function itself."""
        command: Command = getattr(import_module(f"jwtscope.cli.{self.module}"), self.name)
        return command

    def __call__(self, args: argparse.Namespace) -> int:
        return self.resolve()(args)
