from fastapi import APIRouter

from app.api.deps import CurrentUser
from app.api.perms import AdminUser
from app.models import User

router = APIRouter(prefix="/admin", tags=["admin"])


@router.get("/users")
def list_users(admin: AdminUser) -> list[User]:
    return [admin]


@router.get("/whoami")
def whoami(admin: AdminUser, current_user: CurrentUser) -> User:
    return current_user
