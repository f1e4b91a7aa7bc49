"""All API routers under /api/v1."""

from fastapi import APIRouter, Security

from app.api.deps import get_current_user
from app.api.routes import admin, auth, feed, products, projects, tags, todos, users
from app.core.config import settings

api_router = APIRouter(prefix=settings.API_V1_STR)
for module_router in (auth.router, todos.router, tags.router, products.router, feed.router):
    api_router.include_router(module_router)
api_router.include_router(
    projects.router,
    prefix="/projects",
    dependencies=[Security(get_current_user, scopes=["projects"])],
)
api_router.include_router(admin.router)
api_router.include_router(users.router)
