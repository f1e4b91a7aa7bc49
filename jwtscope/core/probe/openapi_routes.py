"""The routes of an API, read from its OpenAPI document: paths, methods, security, params.

Paths are prefixed with the path of the document's first server (``servers: [{"url":
"/api"}]``, what FastAPI writes for a ``root_path``), so they are the paths to send to.

Pure: the document arrives as parsed JSON (:mod:`jwtscope.net.openapi_fetch` fetches it,
:mod:`jwtscope.services.probe_routes` reads a file). Security follows OpenAPI's rule: an
operation's own ``security`` wins, else the document's top-level ``security``; an empty
list (or none at all) declares the route public. A security requirement that is an
empty object (``{}``) makes authentication optional, so the route counts as public too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Any

__all__ = ["ApiRoute", "PathParam", "routes_from_openapi", "select_routes"]

_METHODS = ("get", "head", "post", "put", "patch", "delete")
_PARAM = re.compile(r"\{([^{}/]+)\}")


@dataclass(frozen=True)
class PathParam:
    """One path parameter of a route.

    Args:
        name: the name in the template (``todo_id``).
        example: an example value from the document (``example``, ``examples`` or the
            schema's), as text; None when it gives none.
    """

    name: str
    example: str | None = None


@dataclass(frozen=True)
class ApiRoute:
    """One operation of the API.

    Args:
        method: upper-case HTTP method.
        path: the path template (``/todos/{todo_id}``).
        secured: the document declares a security requirement for it.
        params: its path parameters, in template order.
        operation_id: the document's ``operationId`` or ``METHOD path``.
    """

    method: str
    path: str
    secured: bool
    params: tuple[PathParam, ...] = ()
    operation_id: str = ""

    @property
    def label(self) -> str:
        """``GET /todos/{todo_id}``."""
        return f"{self.method} {self.path}"


def routes_from_openapi(document: Any) -> list[ApiRoute]:
    """Every operation of an OpenAPI 3 (or Swagger 2) document, in document order.

    Args:
        document: the parsed document.

    Returns:
        The routes; an empty list when the document has no ``paths`` object.
    """
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        return []
    default = _declares(document.get("security"))
    prefix = _server_prefix(document.get("servers"))
    routes: list[ApiRoute] = []
    for template, item in document["paths"].items():
        if not isinstance(template, str) or not template.startswith("/"):
            continue
        if not isinstance(item, dict):
            continue
        path = prefix + template
        shared = item.get("parameters")
        for method in _METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            secured = _declares(operation["security"]) if "security" in operation else default
            params = _path_params(path, [shared, operation.get("parameters")])
            op_id = operation.get("operationId")
            label = op_id if isinstance(op_id, str) and op_id else f"{method.upper()} {path}"
            routes.append(ApiRoute(method.upper(), path, secured, params, label))
    return routes


def _server_prefix(servers: Any) -> str:
    """The path of the first server (FastAPI's ``root_path``: ``/api``), or ""."""
    first = servers[0] if isinstance(servers, list) and servers else None
    url = first.get("url") if isinstance(first, dict) else None
    if not isinstance(url, str) or "{" in url:
        return ""
    if "://" in url:
        url = "/" + url.split("://", 1)[1].partition("/")[2]
    return url.rstrip("/") if url.startswith("/") else ""


def _declares(security: Any) -> bool:
    """A security list that requires credentials: non-empty, with no empty alternative."""
    if not isinstance(security, list) or not security:
        return False
    return all(isinstance(req, dict) and req for req in security)


def _path_params(path: str, lists: list[Any]) -> tuple[PathParam, ...]:
    """The template's parameters, each with the document's example when it has one."""
    examples: dict[str, str] = {}
    for params in lists:
        for param in params if isinstance(params, list) else []:
            if isinstance(param, dict) and param.get("in") == "path":
                example = _example(param)
                if isinstance(param.get("name"), str) and example is not None:
                    examples[param["name"]] = example
    return tuple(PathParam(name, examples.get(name)) for name in _PARAM.findall(path))


def _example(param: dict[str, Any]) -> str | None:
    raw = param.get("schema")
    schema: dict[str, Any] = raw if isinstance(raw, dict) else {}
    candidates = [param.get("example"), schema.get("example"), schema.get("default")]
    for source in (param.get("examples"), schema.get("examples")):
        if isinstance(source, dict):
            candidates += [v.get("value") for v in source.values() if isinstance(v, dict)]
        elif isinstance(source, list):
            candidates += source
    for value in candidates:
        if isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
            return str(value)
    return None


def select_routes(routes: Sequence[ApiRoute], patterns: Sequence[str]) -> list[ApiRoute]:
    """The routes a pattern picks (all of them without patterns).

    A pattern is a shell-style glob matched against ``METHOD /path`` or the path alone,
    case-sensitively: ``/todos*``, ``GET /admin/*``, ``DELETE *``.
    """
    if not patterns:
        return list(routes)
    return [
        r
        for r in routes
        if any(fnmatchcase(r.label, p) or fnmatchcase(r.path, p) for p in patterns)
    ]
