from fastapi import FastAPI

from app.api.routes import admin, items, legacy, reports, users

app = FastAPI(title="newsyntax")
app.include_router(users.router, prefix="/api/v1")
app.include_router(items.router, prefix="/api/v1")
app.include_router(admin.router, prefix="/api/v1")
app.include_router(legacy.router, prefix="/api/v1")
app.include_router(reports.router, prefix="/api/v1")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
