from fastapi import FastAPI

from app.api.routes import articles, profiles

app = FastAPI()
app.include_router(articles.router, prefix="/api")
app.include_router(profiles.router, prefix="/api")
