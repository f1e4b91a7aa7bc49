"""Login: trade a username and password for an access token."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm

from app import crud
from app.core.config import settings
from app.core.security import create_access_token
from app.db import SessionDep

router = APIRouter(tags=["login"])


@router.post("/login/access-token")
def login_access_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], db: SessionDep
) -> dict[str, str]:
    user = crud.authenticate(db, form.username, form.password)
    if user is None:
        raise HTTPException(400, "Incorrect email or password")
    expires = timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    return {"access_token": create_access_token(user.id, expires), "token_type": "bearer"}
