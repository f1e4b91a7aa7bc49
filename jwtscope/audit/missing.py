"""SECRET-MISSING in the source: code reads a secret that no ``.env`` file next to it sets.

Reported only when the app's folder (or a parent) has ``.env`` files at all — otherwise the
variables come from the deployment, which a static audit cannot see — and then as a
warning: the process environment may still set it.
"""

from __future__ import annotations

from jwtscope.audit.codes import make
from jwtscope.audit.envfiles import EnvFiles
from jwtscope.audit.frontend.scriptfacts import AuthConfig
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.python.resolve import Project
from jwtscope.core.findings import Severity
from jwtscope.core.keys.env_snapshot import KNOWN_SECRET_NAMES

__all__ = ["missing_secrets"]

_BA_NAMES = ("BETTER_AUTH_SECRET", "AUTH_SECRET")
_KNOWN = {n.upper() for n in KNOWN_SECRET_NAMES}


def missing_secrets(
    project: Project, configs: list[AuthConfig], env: EnvFiles
) -> list[AuditFinding]:
    """Backend decodes and Better Auth configs whose secret no nearby ``.env`` file sets."""
    out: list[AuditFinding] = []
    for m in project.modules.values():
        for call in m.decodes:
            names = tuple(n for n in call.key_names if n.upper() in _KNOWN)
            if call.verify_off or not names or env.defines(names, m.path) is not False:
                continue
            out.append(
                make(
                    "SECRET-MISSING",
                    path=m.path,
                    line=call.line,
                    source_line=call.source,
                    detail=f"jwt.decode verifies with {' / '.join(names)}, but no .env file of "
                    f"this app ({_where(env, m.path)}) sets it: unless the process environment "
                    "does, the lookup fails (KeyError/None) and every request is a 401 or 500.",
                    fix=f"Add {names[0].upper()}=<the issuer's secret> to the app's .env (the "
                    "same value the token issuer signs with), or set it in the deployment.",
                    severity=Severity.WARNING,
                )
            )
    for config in configs:
        names = (config.secret_env,) if config.secret_env else _BA_NAMES
        if config.secret_given and not config.secret_env:
            continue  # a literal (reported as such) or an expression the text cannot follow
        if env.defines(names, config.path) is not False:
            continue
        out.append(
            make(
                "SECRET-MISSING",
                path=config.path,
                line=config.line,
                source_line=config.source,
                detail=f"Better Auth reads {' / '.join(names)}, but no .env file of this app "
                f"({_where(env, config.path)}) sets it: in development Better Auth then signs "
                "with its built-in default secret, which is public, and in production it "
                "refuses to start.",
                fix=f"{names[0]}=$(openssl rand -base64 32) in the app's .env (never committed), "
                "and the same value wherever sessions or cookie caches are verified.",
                severity=Severity.WARNING,
            )
        )
    return out


def _where(env: EnvFiles, near: str) -> str:
    files = [e.rel for e in env.chain(near)]
    return ", ".join(files[:3]) + ("…" if len(files) > 3 else "")
