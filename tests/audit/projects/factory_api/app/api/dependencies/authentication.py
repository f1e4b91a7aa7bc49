import os
from collections.abc import Callable

import jwt
from fastapi import Depends, HTTPException, Security
from fastapi.security import APIKeyHeader
from starlette.requests import Request

HEADER_KEY = "Authorization"
JWT_TOKEN_PREFIX = "Token"


class RWAPIKeyHeader(APIKeyHeader):
    async def __call__(self, request: Request) -> str | None:
        try:
            return await super().__call__(request)
        except HTTPException as original:
            raise HTTPException(status_code=403, detail="no token") from original


def get_current_user_authorizer(*, required: bool = True) -> Callable:
    return _get_current_user if required else _get_current_user_optional


def _get_authorization_header_retriever(*, required: bool = True) -> Callable:
    return _get_authorization_header if required else _get_authorization_header_optional


def _get_authorization_header(
    api_key: str = Security(RWAPIKeyHeader(name=HEADER_KEY)),
) -> str:
    token_prefix, token = api_key.split(" ")
    if token_prefix != JWT_TOKEN_PREFIX:
        raise HTTPException(status_code=403, detail="wrong prefix")
    return token


def _get_authorization_header_optional(request: Request) -> str:
    return request.headers.get(HEADER_KEY, "")


async def _get_current_user(
    token: str = Depends(_get_authorization_header_retriever()),
) -> dict:
    try:
        return jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"])
    except jwt.PyJWTError as error:
        raise HTTPException(status_code=403, detail="malformed token") from error


async def _get_current_user_optional(request: Request) -> dict | None:
    return None
