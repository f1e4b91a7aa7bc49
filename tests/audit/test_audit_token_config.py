"""Token settings in the source: lifetimes, cookie flags, self-granted scopes, refresh
tokens accepted as access tokens, credentials compared with literals — each with a near
miss that must stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
from audit.test_audit_snippets import at, found, run

CASES = {
    "fastapi-users strategy without a lifetime": (
        """
        from fastapi_users.authentication import JWTStrategy
        def get_jwt_strategy():
            return JWTStrategy(secret=SECRET, lifetime_seconds=None)
        """,
        {at("AUDIT-TOKEN-NO-EXPIRY", 3)},
    ),
    "near miss: a strategy with a lifetime": (
        """
        from fastapi_users.authentication import JWTStrategy
        def get_jwt_strategy():
            return JWTStrategy(secret=SECRET, lifetime_seconds=3600)
        """,
        set(),
    ),
    "cookie_secure off as a settings default and as an option": (
        """
        from pydantic_settings import BaseSettings
        class AuthConfig(BaseSettings):
            cookie_secure: bool = False
        transport = CookieTransport(cookie_name="auth", cookie_secure=False)
        def out(response):
            response.set_cookie("session", "x", secure=False, httponly=True)
        """,
        {
            at("AUDIT-COOKIE-INSECURE", 3),
            at("AUDIT-COOKIE-INSECURE", 4),
            at("AUDIT-COOKIE-INSECURE", 6),
        },
    ),
    "near miss: secure=False on something that is not a cookie": (
        """
        client = Client(secure=False)
        transport = CookieTransport(cookie_secure=True)
        """,
        set(),
    ),
    "scopes granted as the login form asks": (
        """
        from fastapi.security import OAuth2PasswordRequestForm
        def login(form_data: OAuth2PasswordRequestForm = Depends()):
            return create_access_token(
                data={"sub": form_data.username, "scope": " ".join(form_data.scopes)}
            )
        """,
        {at("AUDIT-SCOPE-SELF-GRANTED", 4)},
    ),
    "near miss: scopes filtered by what the user holds": (
        """
        from fastapi.security import OAuth2PasswordRequestForm
        def login(form_data: OAuth2PasswordRequestForm = Depends()):
            user = get_user(form_data.username)
            return create_access_token(data={"sub": user.name, "scope": " ".join(user.scopes)})
        """,
        set(),
    ),
    "a credential compared with a literal": (
        """
        def check(api_key: str, user):
            if api_key == "JonasIsCool":
                return True
            if user.password != "hunter2":
                raise HTTPException(401)
        """,
        {at("AUDIT-SECRET-LITERAL", 2), at("AUDIT-SECRET-LITERAL", 4)},
    ),
    "near miss: a password compared with an empty string or a variable": (
        """
        def check(password: str, stored: str):
            if password == "":
                return False
            return password == stored
        """,
        set(),
    ),
}


@pytest.mark.parametrize(("files", "expected"), CASES.values(), ids=CASES.keys())
def test_token_settings(tmp_path: Path, files: str, expected: set[tuple[str, str, int]]) -> None:
    assert found(run(tmp_path, files)) == expected


SECURITY = """
import jwt
def create_access_token(sub):
    return jwt.encode({"sub": sub, "type": "access"}, KEY, algorithm="HS256")
def create_refresh_token(sub):
    return jwt.encode({"sub": sub, "type": "refresh"}, KEY, algorithm="HS256")
"""


def test_refresh_tokens_accepted_where_access_tokens_are_expected(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        {
            "app/security.py": SECURITY,
            "app/deps.py": """
            import jwt
            def current_user(token):
                payload = jwt.decode(token, KEY, algorithms=["HS256"])
                return payload["sub"]
            def checked_user(token):
                payload = jwt.decode(token, KEY, algorithms=["HS256"])
                if payload.get("type") != "access":
                    raise HTTPException(401)
                return payload["sub"]
            def refresh(token):
                payload = jwt.decode(token, KEY, algorithms=["HS256"])
                return create_access_token(payload["sub"])
            """,
        },
    )
    assert found(result) == {at("AUDIT-TOKEN-TYPE-UNCHECKED", 3, "app/deps.py")}


def test_no_refresh_tokens_no_type_check_needed(tmp_path: Path) -> None:
    result = run(
        tmp_path,
        """
        import jwt
        def mint(sub):
            return jwt.encode({"sub": sub}, KEY, algorithm="HS256")
        def current_user(token):
            return jwt.decode(token, KEY, algorithms=["HS256"])["sub"]
        """,
    )
    assert found(result) == set()
