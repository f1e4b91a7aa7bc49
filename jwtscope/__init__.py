"""jwtscope: why does my JWT-protected API say 401, and is my JWT setup safe?"""

from __future__ import annotations

__version__ = "0.1.0"
