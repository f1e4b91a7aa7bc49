"""Settings read from the environment."""

import os

from pydantic_settings import BaseSettings

JWT_SECRET = os.getenv("JWT_SECRET", "dev-secret-change-me")
LEGACY_SECRET = "s3cr3t-legacy-key-2023"
ALGORITHM = "HS256"


class Settings(BaseSettings):
    API_PREFIX: str = "/api/v1"
    jwt_secret_key: str = "supersecret"
    access_token_minutes: int = 30


settings = Settings()
