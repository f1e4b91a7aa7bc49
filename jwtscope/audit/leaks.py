"""Credentials committed in the repository: JWTs, Better Auth session cookies, and secrets in
logs and fixtures.

Every file the audit reads is scanned line by line (test files and fixtures too: that is
where tokens get pasted). A JWT is decoded (header and payload only) to tell its ``alg``,
``sub``, ``iss`` and ``exp`` — whether it still works is what makes it urgent. Nothing is
ever shown whole: the token becomes its first characters and a fingerprint, a secret its
length and fingerprint.

Secrets in Python and TypeScript source are the business of the code checks
(``AUDIT-SECRET-LITERAL``); here only logs and data files are searched for them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.redact import (
    SESSION_COOKIE,
    find_jwts,
    near_keywords,
    redact_jwt,
    redact_line,
)
from jwtscope.core.findings import Severity
from jwtscope.core.keys.common_secrets import is_common
from jwtscope.core.keys.keyset import fingerprint
from jwtscope.core.keys.secret_strength import estimate_bits
from jwtscope.core.token.parsing import b64url_decode

__all__ = ["LeakScanner"]

_SECRET_LINE = re.compile(
    r"""(?ix)
    (?P<name>(?<![A-Za-z0-9_])[A-Za-z0-9_.-]{0,64}?(?:secret|private_?key|api_?key|signing_?key)
        [A-Za-z0-9_]{0,64})["']?
    \s*(?::=|=|:)\s*
    (?P<quote>["']?)(?P<value>[^"'\s,;}{]{12,})
    """
)
_SECRET_WORDS = re.compile(r"(?i)secret|private_?key|api_?key|signing_?key")
_PLACEHOLDER = re.compile(
    r"(?i)(your|change|replace|example|placeholder|dummy|sample|xxxx|\*\*\*|<|\$\{|\$[A-Z_]|"
    r"process\.env|os\.environ|getenv|settings\.|redacted|todo|secret_?here)"
)
#: jwt.io's sample token: the one in every tutorial.
_SAMPLE_SUBJECTS = frozenset({"1234567890"})
_MAX_PER_FILE = 20


def _b64json(segment: str) -> dict[str, Any] | None:
    try:
        data = json.loads(b64url_decode(segment))
    except ValueError:  # bad base64, bad UTF-8 or bad JSON
        return None
    return data if isinstance(data, dict) else None


def _when(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, UTC).strftime("%Y-%m-%d %H:%M UTC")
        except (OverflowError, OSError, ValueError):
            return repr(value)
    return repr(value)[:30]


@dataclass
class LeakScanner:
    """Scans files one at a time; keeps nothing of a file but its findings.

    Args:
        now: epoch seconds to compare ``exp`` with; None leaves expiry undecided.
    """

    now: float | None = None
    findings: list[AuditFinding] = field(default_factory=list)

    def scan(self, rel: str, lines: str | Iterable[str], *, secrets: bool) -> None:
        """Scan one file's lines.

        Args:
            rel: the file, relative to the audited folder.
            lines: its text, or its lines (streamed for large logs).
            secrets: also look for ``NAME=secret`` assignments (logs and data files).
        """
        if isinstance(lines, str):
            if "eyJ" not in lines and "session_token" not in lines and not secrets:
                return  # the common case: nothing that could be a credential
            lines = lines.splitlines()
        seen: dict[str, int] = {}
        first: dict[str, AuditFinding] = {}
        found = 0
        for number, line in enumerate(lines, 1):
            if found >= _MAX_PER_FILE:
                break
            if "eyJ" in line:
                for start, end in find_jwts(line):
                    token = line[start:end]
                    if token in seen:
                        seen[token] += 1
                        continue
                    finding = self._jwt(rel, number, line, token)
                    if finding is not None:
                        seen[token] = 1
                        first[token] = finding
                        found += 1
            if "session_token" in line:
                for _ in SESSION_COOKIE.finditer(line):
                    found += 1
                    self.findings.append(
                        make(
                            "AUDIT-LEAKED-SESSION",
                            path=rel,
                            line=number,
                            source_line=redact_line(line)[:300],
                            detail="A Better Auth session cookie value is written here: "
                            "whoever reads the file can act as that user until the session "
                            "expires or is revoked.",
                            fix="Revoke the session (sign the user out everywhere / delete the "
                            "session row), remove the value, and keep cookies out of logs.",
                        )
                    )
            if secrets:
                found += self._secrets(rel, number, line)
        for token, finding in first.items():
            if seen[token] > 1:
                finding = _more(finding, seen[token])
            self.findings.append(finding)

    def _jwt(self, rel: str, number: int, line: str, token: str) -> AuditFinding | None:
        head_b64, payload_b64, _ = token.split(".", 2)
        header = _b64json(head_b64)
        payload = _b64json(payload_b64)
        if header is None or payload is None:
            return None
        alg = str(header.get("alg", "?"))[:20]
        parts = [f"alg {alg}"]
        sub = payload.get("sub")
        if sub is not None:
            parts.append(f"sub {str(sub)[:40]!r}")
        if "iss" in payload:
            parts.append(f"iss {str(payload['iss'])[:60]!r}")
        exp = payload.get("exp")
        severity: Severity | None = None
        if exp is None:
            state = "no exp: it never expires"
        else:
            state = f"exp {_when(exp)}"
            if self.now is not None and isinstance(exp, int | float) and exp < self.now:
                state += " (expired)"
                severity = Severity.WARNING
            elif self.now is not None:
                state += " (still valid)"
        sample = str(sub) in _SAMPLE_SUBJECTS and payload.get("name") == "John Doe"
        if sample:
            severity = Severity.INFO
        parts.append(state)
        hmac = alg.upper().startswith("HS")
        detail = (
            f"A JWT ({redact_jwt(token)}; {', '.join(parts)}) is written here"
            + (" — jwt.io's well-known sample token" if sample else "")
            + "."
            + (
                " It is HMAC-signed: anyone can try to brute-force the secret offline from it."
                if hmac and not sample
                else ""
            )
        )
        return make(
            "AUDIT-LEAKED-JWT",
            path=rel,
            line=number,
            source_line=redact_line(line)[:300],
            detail=detail,
            fix="Remove it (and from git history if it still works: git filter-repo), revoke "
            "the session it came from, and mint test tokens at test time "
            "(jwtscope mint, or jwt.encode in a fixture) instead of committing them.",
            severity=severity,
        )

    def _secrets(self, rel: str, number: int, line: str) -> int:
        m = next(near_keywords(_SECRET_LINE, _SECRET_WORDS, line), None)
        if m is None:
            return 0
        value = m.group("value")
        if _PLACEHOLDER.search(value) or value.startswith("eyJ") or is_common(value):
            return 0
        bits, _ = estimate_bits(value)
        if bits < 56:
            return 0
        self.findings.append(
            make(
                "AUDIT-LEAKED-SECRET",
                path=rel,
                line=number,
                source_line=redact_line(line)[:300],
                detail=f"{m.group('name')} ({fingerprint(value.encode(), len(value))}) is written "
                f"in {rel}.",
                fix="Rotate it (it is in the repository history now), remove it, and keep "
                "secrets out of logs and fixtures (generate test secrets at test time).",
            )
        )
        return 1


def _more(finding: AuditFinding, count: int) -> AuditFinding:
    return replace(finding, detail=f"{finding.detail} Seen {count} times in this file.")
