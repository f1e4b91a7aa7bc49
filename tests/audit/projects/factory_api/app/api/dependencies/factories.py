import os
from collections.abc import Callable

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/login")
REGISTRY: dict[str, Callable] = {}


def make_auth(required: bool = True) -> Callable:
    async def dependency(token: str = Depends(oauth2_scheme)) -> dict:
        try:
            return jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"])
        except jwt.PyJWTError as error:
            raise HTTPException(status_code=401, detail="bad token") from error

    return dependency


def get_repository(repo_type: type) -> Callable:
    def _get_repo() -> object:
        return repo_type()

    return _get_repo


def lookup_dependency(name: str) -> Callable:
    return REGISTRY[name]
