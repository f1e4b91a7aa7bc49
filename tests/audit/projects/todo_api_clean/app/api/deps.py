"""Request dependencies: the current user, roles, the optional user."""

from typing import Annotated

import jwt
from fastapi import Depends, HTTPException, status
from fastapi.security import OAuth2PasswordBearer

from app.core.config import settings
from app.core.security import decode_token
from app.db import SessionDep
from app.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl=f"{settings.API_V1_STR}/login/access-token")
optional_scheme = OAuth2PasswordBearer(
    tokenUrl=f"{settings.API_V1_STR}/login/access-token", auto_error=False
)

TokenDep = Annotated[str, Depends(oauth2_scheme)]


def get_current_user(token: TokenDep, db: SessionDep) -> User:
    try:
        payload = decode_token(token)
    except jwt.InvalidTokenError as exc:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "Could not validate credentials",
            headers={"WWW-Authenticate": "Bearer"},
        ) from exc
    user = db.get(User, payload["sub"])
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Unknown user")
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def get_current_active_user(user: CurrentUser) -> User:
    if not user.is_active:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Inactive user")
    return user


ActiveUser = Annotated[User, Depends(get_current_active_user)]


class RoleChecker:
    """Depends(RoleChecker("admin")): the active user must have the role."""

    def __init__(self, role: str) -> None:
        self.role = role

    def __call__(self, user: ActiveUser) -> User:
        if user.role != self.role:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "Not allowed")
        return user


def get_optional_user(
    token: Annotated[str | None, Depends(optional_scheme)], db: SessionDep
) -> User | None:
    if token is None:
        return None
    try:
        payload = decode_token(token)
    except jwt.InvalidTokenError:
        return None
    return db.get(User, payload["sub"])
