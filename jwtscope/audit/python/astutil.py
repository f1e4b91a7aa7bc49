"""Small helpers over :mod:`ast` nodes shared by the extractors, and the name heuristics.

Everything here reads syntax only: no user code is imported or executed.
"""

from __future__ import annotations

import ast
import re
from collections import deque
from collections.abc import Iterator

from jwtscope.audit.python.summary import Piece, Ref

__all__ = [
    "AUTHISH",
    "AUTH_CLASSES",
    "BODY_AUTHISH",
    "MARKS",
    "NOT_AUTH_MIDDLEWARE",
    "ROLE_TEXT",
    "SECRETISH",
    "call_name",
    "dotted",
    "fake_function",
    "field_default",
    "fstring_text",
    "function_nodes",
    "is_authish",
    "keyword",
    "literal_bool",
    "literal_str",
    "literal_strs",
    "marker_of",
    "names_roles",
    "pieces",
    "returns_callable",
    "role_word",
    "walk",
]

#: Middleware classes that never authenticate (a class named like auth still may).
NOT_AUTH_MIDDLEWARE = frozenset(
    {
        "CORSMiddleware",
        "GZipMiddleware",
        "TrustedHostMiddleware",
        "HTTPSRedirectMiddleware",
        "SessionMiddleware",
        "AuthenticationMiddleware",
        "ProxyHeadersMiddleware",
        "BaseHTTPMiddleware",
    }
)
#: FastAPI/Starlette security schemes: a dependency on one means credentials are required.
AUTH_CLASSES = frozenset(
    {
        "HTTPBearer",
        "HTTPBasic",
        "HTTPDigest",
        "OAuth2PasswordBearer",
        "OAuth2AuthorizationCodeBearer",
        "OAuth2",
        "OpenIdConnect",
        "APIKeyHeader",
        "APIKeyCookie",
        "APIKeyQuery",
        "PyJWKClient",
    }
)

#: Names of dependencies that, unresolved (a third-party package), count as authentication.
AUTHISH = re.compile(
    r"(?i)(auth|user|token|jwt|verif|login|principal|permission|require|admin|scope|bearer|"
    r"api_?key|credential|secur|protect|guard|identity|claims)"
)
_NOT_AUTH = re.compile(r"(?i)(optional|maybe|^get_db$|_db$|repo|service|password|session)")
#: Calls in a dependency's body that, unresolved, count as a credential check.
BODY_AUTHISH = re.compile(
    r"(?i)(auth|verif|decode|jwt|token|login|current_user|credential|bearer|api_?key|"
    r"principal|claims)"
)
_AUTH_EXCEPTION = re.compile(
    r"(?i)(unauthori[sz]ed|forbidden|notauthenticated|permissiondenied|autherror|"
    r"authenticationerror|invalidcredentials|credentials_?exception|invalidtoken)"
)
#: Names that hold a signing secret.
SECRETISH = re.compile(r"(?i)(secret|signing_?key|jwt_?key|private_?key|hmac_?key)")


#: Words of a name that speak of authorization by role or permission.
_ROLE_WORDS = frozenset(
    {"role", "roles", "admin", "admins", "superuser", "superusers", "staff", "permission"}
    | {"permissions", "scopes", "privilege", "privileges", "rbac", "casbin", "acl", "perms"}
)
#: Lower-case text that a module speaking of roles contains (a cheap test before the walk).
ROLE_TEXT = (
    "role",
    "admin",
    "superuser",
    "staff",
    "permission",
    "scopes",
    "privilege",
    "rbac",
    "casbin",
    "acl",
    "perms",
)


def role_word(name: str) -> bool:
    """Whether a name speaks of roles or permissions (``require_admin``, ``SecurityScopes``,
    ``is_superuser``, ``user.role``), by its words (snake_case and camelCase split)."""
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name)
    return any(word.lower() in _ROLE_WORDS for word in words)


def names_roles(nodes: list[ast.AST]) -> bool:
    """Whether a name, attribute, keyword or string key among ``nodes`` speaks of roles."""
    for node in nodes:
        if isinstance(node, ast.Name):
            text = node.id
        elif isinstance(node, ast.Attribute):
            text = node.attr
        elif isinstance(node, ast.keyword):
            text = node.arg or ""
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value if len(node.value) < 40 else ""
        else:
            continue
        if role_word(text):
            return True
    return False


def is_authish(name: str, pattern: re.Pattern[str] = AUTHISH) -> bool:
    """Whether a name suggests authentication (and not an optional or DB dependency)."""
    return bool(pattern.search(name)) and not _NOT_AUTH.search(name)


def dotted(node: ast.expr) -> Ref | None:
    """``a.b.c`` as ``("a", "b", "c")``; a call's callee for ``a.b()``; else None."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return tuple(reversed(parts))
    return None


def call_name(node: ast.Call) -> str:
    """The last name of a call's callee (``decode`` for ``jwt.decode(...)``)."""
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def keyword(node: ast.Call, name: str) -> ast.expr | None:
    """The value of keyword argument ``name``, if given."""
    for kw in node.keywords:
        if kw.arg == name:
            return kw.value
    return None


def literal_str(node: ast.expr | None) -> str | None:
    """The value of a string constant."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def literal_bool(node: ast.expr | None) -> bool | None:
    """The value of ``True``/``False``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, bool):
        return node.value
    return None


def literal_strs(node: ast.expr | None) -> tuple[str, ...] | None:
    """The strings of a list/tuple/set of string constants; None if anything else."""
    if not isinstance(node, ast.List | ast.Tuple | ast.Set):
        return None
    out: list[str] = []
    for elt in node.elts:
        value = literal_str(elt)
        if value is None:
            return None
        out.append(value)
    return tuple(out)


def fstring_text(node: ast.JoinedStr, known: dict[str, str]) -> str | None:
    """``f"/api/{API_VERSION}"`` with the names it uses taken from ``known``; None when a
    part is anything else (a call, a format spec, an unknown name)."""
    out: list[str] = []
    for part in node.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            out.append(part.value)
        elif (
            isinstance(part, ast.FormattedValue)
            and part.conversion == -1
            and part.format_spec is None
            and isinstance(part.value, ast.Name)
            and part.value.id in known
        ):
            out.append(known[part.value.id])
        else:
            return None
    return "".join(out)


def field_default(node: ast.expr) -> ast.expr | None:
    """The default of a class field: the value itself, or ``Field(default=…)``'s /
    ``Field(…)``'s first argument."""
    if isinstance(node, ast.Call):
        head = dotted(node.func)
        if head and head[-1] == "Field":
            return keyword(node, "default") or (node.args[0] if node.args else None)
        return None
    return node


def pieces(node: ast.expr | None) -> tuple[Piece, ...] | None:
    """A path or prefix as literal text and references to constants; None if opaque."""
    if node is None:
        return ()
    text = literal_str(node)
    if text is not None:
        return (text,)
    ref = dotted(node)
    if ref is not None:
        return (ref,)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = pieces(node.left), pieces(node.right)
        if left is not None and right is not None:
            return (*left, *right)
        return None
    if isinstance(node, ast.JoinedStr):
        out: list[Piece] = []
        for value in node.values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                out.append(value.value)
            elif isinstance(value, ast.FormattedValue):
                inner = dotted(value.value)
                if inner is None:
                    return None
                out.append(inner)
        return tuple(out)
    return None


#: Nodes that only say how another node acts (``Load()``, ``+``, ``==``, ``not``): never
#: yielded by :func:`walk`, every reader looks at them through their parent (``node.op``).
MARKS = frozenset(
    t
    for base in (ast.expr_context, ast.operator, ast.cmpop, ast.unaryop, ast.boolop)
    for t in base.__subclasses__()
)


def walk(node: ast.AST) -> Iterator[ast.AST]:
    """:func:`ast.walk` (the same breadth-first order) without the :data:`MARKS` nodes, and
    reading ``_fields`` directly: a third fewer nodes, twice as fast."""
    todo = deque([node])
    while todo:
        current = todo.popleft()
        for field in current._fields:
            value = getattr(current, field, None)
            if isinstance(value, list):
                todo.extend(v for v in value if isinstance(v, ast.AST) and type(v) not in MARKS)
            elif isinstance(value, ast.AST) and type(value) not in MARKS:
                todo.append(value)
        yield current


def function_nodes(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[ast.AST]:
    """Every node of a function's parameters and body, not of its decorators."""
    for node in (*fn.args.defaults, *fn.args.kw_defaults, *fn.body):
        if node is not None:
            yield from walk(node)
    for arg in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs):
        if arg.annotation is not None:
            yield from walk(arg.annotation)


def _status(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value in (401, 403)


def _jwt_decode(node: ast.Call) -> bool:
    func = node.func
    if not isinstance(func, ast.Attribute) or func.attr not in ("decode", "decode_complete"):
        return False
    owner = dotted(func.value)
    return owner is not None and any(p.lower() in ("jwt", "jose", "jws", "pyjwt") for p in owner)


_PRIORITY = ("jwt.decode", "Better Auth get-session", "scheme", "401", "raise")


def marker_of(nodes: Iterator[ast.AST]) -> str:
    """The strongest sign of a credential check among ``nodes``, or ``""``.

    Signs, strongest first: a ``jwt.decode`` call; a Better Auth ``/api/auth/get-session``
    request; a FastAPI security scheme (``HTTPBearer``, ``OAuth2PasswordBearer``,
    ``APIKeyHeader``, …); a 401/403 status; raising an exception named like
    ``Unauthorized``/``CredentialsException``. A scheme made with ``auto_error=False``
    lets a request without credentials through, so it is no sign of a check.
    """
    found: dict[str, str] = {}
    optional_schemes: set[int] = set()  # the callee nodes of HTTPBearer(auto_error=False)
    for node in nodes:
        if isinstance(node, ast.Call):
            if call_name(node) in AUTH_CLASSES and _lets_anonymous_through(node):
                optional_schemes.add(id(node.func))
            elif _jwt_decode(node):
                found.setdefault("jwt.decode", "jwt.decode")
            elif any(_status(kw.value) for kw in node.keywords if kw.arg == "status_code") or (
                call_name(node) == "HTTPException" and node.args and _status(node.args[0])
            ):
                found.setdefault("401", "raises 401/403")
        elif id(node) in optional_schemes:
            continue
        elif isinstance(node, ast.Name) and node.id in AUTH_CLASSES:
            found.setdefault("scheme", node.id)
        elif isinstance(node, ast.Attribute):
            if node.attr in AUTH_CLASSES:
                found.setdefault("scheme", node.attr)
            elif node.attr in ("HTTP_401_UNAUTHORIZED", "HTTP_403_FORBIDDEN"):
                found.setdefault("401", "raises 401/403")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if "/api/auth/get-session" in node.value:
                found.setdefault("Better Auth get-session", "Better Auth /api/auth/get-session")
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = dotted(exc)
            if name and _AUTH_EXCEPTION.search(name[-1]):
                found.setdefault("raise", f"raises {name[-1]}")
    for key in _PRIORITY:
        if key in found:
            return found[key]
    return ""


def _lets_anonymous_through(scheme: ast.Call) -> bool:
    """``HTTPBearer(auto_error=False)``: no credentials → ``None``, not a 401/403."""
    return literal_bool(keyword(scheme, "auto_error")) is False


def returns_callable(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """``def factory(…) -> Callable[…]``: returns a function (a dependency factory)."""
    return node.returns is not None and any(
        isinstance(n, ast.Name | ast.Attribute)
        and (n.id if isinstance(n, ast.Name) else n.attr) == "Callable"
        for n in ast.walk(node.returns)
    )


def fake_function(annotation: ast.expr) -> ast.FunctionDef:
    """A one-parameter function annotated with ``annotation`` (to reuse own_params)."""
    arg = ast.arg(arg="_", annotation=annotation)
    args = ast.arguments(posonlyargs=[], args=[arg], kwonlyargs=[], kw_defaults=[], defaults=[])
    return ast.FunctionDef(name="_", args=args, body=[], decorator_list=[])
