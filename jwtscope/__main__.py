"""``python -m jwtscope``."""

from __future__ import annotations

from jwtscope.cli import main

raise SystemExit(main())
