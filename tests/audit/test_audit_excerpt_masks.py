"""The F8 code view never shows a `.env` secret, whatever the line around it looks like.

The line redactor recognises secrets by their shape (``NAME=value``, a JWT); a secret
on a context line of a multi-line call, under an innocent dict key, in a comment, as a
URL password or in a template literal has no such shape. The values of the project's
``.env`` files are masked exactly wherever they appear; URL passwords by pattern too.
"""

from __future__ import annotations

import json
from pathlib import Path

from jwtscope.audit import audit_project
from jwtscope.audit.excerpt import excerpt
from jwtscope.audit.redact import redact_line

PROJECT = Path(__file__).parent / "projects" / "env_excerpt"
JWT_SECRET = "Zr8kQ2vN7xW4pL9sT3mB6yH1cF5dG0aJ"
DB_PASSWORD = "Hunter2Swordfish"
OTHER_PASSWORD = "Tr0ub4dor3xyz"  # not in .env: masked as a URL password by pattern
SECRETS = (JWT_SECRET, DB_PASSWORD, OTHER_PASSWORD)


def _shown(result, rel: str, masks: tuple[str, ...]) -> str:
    lines = excerpt(result.root, rel, 1, 40, masks).lines
    return "\n".join(text for _, text in lines)


def test_code_view_masks_env_secrets_on_every_line():
    result = audit_project(PROJECT)
    for rel in ("api/config.py", "web/client.ts"):
        shown = _shown(result, rel, result.masks)
        assert not any(secret in shown for secret in SECRETS), shown
    # near miss: what is not a secret stays readable
    assert '"http://localhost:3000"' in _shown(result, "web/client.ts", result.masks)
    assert "db.internal:5432" in _shown(result, "api/config.py", result.masks)


def test_without_the_env_values_the_line_patterns_miss_them():
    result = audit_project(PROJECT)
    shown = _shown(result, "api/config.py", ())
    assert JWT_SECRET in shown  # the comment and the dict value: why the masks exist
    assert DB_PASSWORD not in shown  # the URL password pattern alone catches this one


def test_findings_and_results_never_carry_the_secrets():
    result = audit_project(PROJECT)
    assert set(result.masks) == {JWT_SECRET, DB_PASSWORD}
    text = json.dumps(result.to_dict()) + repr(result)
    assert not any(secret in text for secret in SECRETS)
    assert all(JWT_SECRET not in f.source_line for f in result.findings)


def test_url_password_pattern():
    assert DB_PASSWORD not in redact_line(f"x = 'postgres://app:{DB_PASSWORD}@db/app'")
    kept = "see https://example.com/a:b@c and user@example.com"
    assert redact_line(kept) == kept  # no password in userinfo position
