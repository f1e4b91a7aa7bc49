"""Backends that verify with REAL auth libraries at their defaults, nothing of ours in the
token path: flask-jwt-extended (a Flask app served through a2wsgi) and
djangorestframework-simplejwt (a minimal in-file Django project, ASGI). Each library
answers with its own status codes and bodies; only the route and the secrets are ours.
These servers read the wall clock (the libraries have no clock parameter): cases mint
their tokens relative to the time the case runs.
"""

from __future__ import annotations

from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = [
    "AUDIENCE",
    "DJANGO_SECRET",
    "FLASK_SECRET",
    "ISSUER",
    "drf_simplejwt",
    "flask_jwt",
    "with_lifespan",
]

FLASK_SECRET = "flask-api-jwt-secret-key-5b0c1f8e2d7a4936-9e8d7c6b5a4f3e2d1c0b9a8f7e6d"
DJANGO_SECRET = "django-insecure-test-secret-key-0d6e2b9a7c41f5e3-a1b2c3d4e5f60718293a4b5c"
AUDIENCE = "todo-api"
ISSUER = "https://auth.example.com"


def with_lifespan(app: Any) -> ASGIApp:
    """Answer uvicorn's lifespan messages for an app that has none (a2wsgi, Django):
    test plumbing around the app, not part of it."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        await app(scope, receive, send)

    return wrapped


def flask_jwt(**config: Any) -> ASGIApp:
    """A Flask API whose ``GET /todos`` is ``@jwt_required()``, flask-jwt-extended's
    defaults (HS256, the ``Authorization: Bearer`` header, 401/422 ``{"msg": …}``) plus
    the ``JWT_*`` settings given (audience, issuer, token location)."""
    from a2wsgi import WSGIMiddleware
    from flask import Flask, jsonify
    from flask_jwt_extended import JWTManager, get_jwt_identity, jwt_required

    app = Flask("todos")
    app.config["JWT_SECRET_KEY"] = FLASK_SECRET
    app.config.update(config)
    JWTManager(app)

    @app.get("/todos")
    @jwt_required()
    def todos() -> Any:
        return jsonify(owner=get_jwt_identity(), todos=[])

    return with_lifespan(WSGIMiddleware(app))  # type: ignore[arg-type]


urlpatterns: list[Any] = []


def drf_simplejwt() -> ASGIApp:
    """A Django REST framework API whose ``GET /todos`` needs ``IsAuthenticated`` through
    simplejwt's ``JWTStatelessUserAuthentication`` (no user table), simplejwt's defaults
    (HS256 with ``SECRET_KEY``, ``Bearer``, ``user_id``/``token_type``/``jti`` claims)
    plus an ``AUDIENCE`` and an ``ISSUER``. Django is configured once per process."""
    import django
    from django.conf import settings

    if not settings.configured:
        settings.configure(
            DEBUG=False,
            SECRET_KEY=DJANGO_SECRET,
            ALLOWED_HOSTS=["127.0.0.1", "localhost"],
            ROOT_URLCONF=__name__,
            INSTALLED_APPS=[
                "django.contrib.contenttypes",
                "django.contrib.auth",
                "rest_framework",
            ],
            DATABASES={},
            USE_TZ=True,
            REST_FRAMEWORK={
                "DEFAULT_AUTHENTICATION_CLASSES": [
                    "rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication"
                ],
                "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
                "UNAUTHENTICATED_USER": None,
            },
            SIMPLE_JWT={"AUDIENCE": AUDIENCE, "ISSUER": ISSUER},
        )
        django.setup()
    from django.core.asgi import get_asgi_application
    from django.urls import path
    from rest_framework.response import Response
    from rest_framework.views import APIView

    class Todos(APIView):
        def get(self, request: Any) -> Response:
            return Response({"owner": request.user.id, "todos": []})

    urlpatterns[:] = [path("todos", Todos.as_view())]
    return with_lifespan(get_asgi_application())
