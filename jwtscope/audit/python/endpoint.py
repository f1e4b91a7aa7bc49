"""What an endpoint's signature says: its dependencies, optional-auth calls, login forms.

Its ownership check is read by :mod:`jwtscope.audit.python.ownership`.
"""

from __future__ import annotations

import ast
import re

from jwtscope.audit.python.astutil import call_name, dotted
from jwtscope.audit.python.summary import ParamDep, Ref

__all__ = [
    "CALL",
    "args_with_defaults",
    "depends_target",
    "is_call",
    "is_optional_call",
    "login_form",
    "nested_deps",
    "own_params",
    "returned",
    "serves_page",
    "token_exchange",
]

_BUILTIN_TYPES = frozenset(
    {"str", "int", "float", "bool", "bytes", "dict", "list", "Any", "object", "UUID", "None"}
)
CALL = "()"
#: Keyword arguments that make a dependency factory's auth optional: the dependency then
#: answers without a token (``get_current_user_authorizer(required=False)``). Such a call
#: ends its :data:`Ref` with the keyword as written, ``"(required=False)"``, not :data:`CALL`.
_OPTIONAL_KEYWORDS = {"required": False, "auto_error": False, "optional": True}


def is_call(ref: Ref) -> bool:
    """Whether ``ref`` is written as a call (``factory()``, ``factory(required=False)``)."""
    return bool(ref) and ref[-1].startswith("(")


def is_optional_call(ref: Ref) -> bool:
    """Whether ``ref`` is a call that makes its auth optional (``factory(required=False)``)."""
    return is_call(ref) and ref[-1] != CALL


def _call_marker(call: ast.Call) -> str:
    for kw in call.keywords:
        if (
            kw.arg in _OPTIONAL_KEYWORDS
            and isinstance(kw.value, ast.Constant)
            and kw.value.value is _OPTIONAL_KEYWORDS[kw.arg]
        ):
            return f"({kw.arg}={kw.value.value})"
    return CALL


def depends_target(call: ast.Call, annotation: ast.expr | None = None) -> Ref | None:
    """What ``Depends(x)``/``Security(x)`` depends on: ``x``, ``(*callee, CALL)`` for a
    call (a factory or a class instance; ``(*callee, "(required=False)")`` when a keyword
    makes its auth optional), or the annotation."""
    if call_name(call) not in ("Depends", "Security"):
        return None
    arg = call.args[0] if call.args else None
    if arg is None:
        for kw in call.keywords:
            if kw.arg == "dependency":
                arg = kw.value
    if arg is None:
        return dotted(annotation) if annotation is not None else None
    if isinstance(arg, ast.Call):
        callee = dotted(arg.func)
        return (*callee, _call_marker(arg)) if callee else None
    return dotted(arg)


def returned(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> tuple[tuple[Ref, ...], bool, bool]:
    """What a possible dependency factory returns, for ``Depends(factory())``.

    Returns:
        The returned names (``_get_current_user``; ``(*Cls, CALL)`` for ``Cls(…)``),
        whether some returned value cannot be followed (a lambda, a subscript…), and
        whether it returns a function it defines itself (judged with its body).
    """
    inner = {n.name for n in ast.walk(fn) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)}
    inner.discard(fn.name)
    refs: list[Ref] = []
    opaque = nested = False
    for node in _own_nodes(fn):
        if not isinstance(node, ast.Return) or node.value is None:
            continue
        todo = [node.value]
        while todo:
            value = todo.pop()
            if isinstance(value, ast.IfExp | ast.BoolOp):
                todo += [value.body, value.orelse] if isinstance(value, ast.IfExp) else value.values
            elif isinstance(value, ast.Constant) and value.value is None:
                continue
            elif isinstance(value, ast.Name) and value.id in inner:
                nested = True
            elif isinstance(value, ast.Call) and dotted(value.func):
                refs.append((*(dotted(value.func) or ()), CALL))
            elif dotted(value):
                refs.append(dotted(value) or ())
            else:
                opaque = True
    return tuple(dict.fromkeys(refs)), opaque, nested


def _own_nodes(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    """The nodes of ``fn``'s body, not of functions, classes or lambdas it defines."""
    out: list[ast.AST] = []
    todo: list[ast.AST] = list(fn.body)
    while todo:
        node = todo.pop()
        out.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            todo.extend(ast.iter_child_nodes(node))
    return out


def _annotated_deps(annotation: ast.expr) -> list[Ref]:
    if not isinstance(annotation, ast.Subscript):
        return []
    head = dotted(annotation.value)
    if not head or head[-1] != "Annotated" or not isinstance(annotation.slice, ast.Tuple):
        return []
    out: list[Ref] = []
    for extra in annotation.slice.elts[1:]:
        if isinstance(extra, ast.Call):
            ref = depends_target(extra, annotation.slice.elts[0])
            if ref:
                out.append(ref)
    return out


def _unwrap_optional(annotation: ast.expr) -> ast.expr:
    if (
        isinstance(annotation, ast.BinOp)
        and isinstance(annotation.op, ast.BitOr)
        and isinstance(annotation.right, ast.Constant)
        and annotation.right.value is None
    ):
        return annotation.left
    if isinstance(annotation, ast.Subscript):
        head = dotted(annotation.value)
        if head and head[-1] == "Optional":
            return annotation.slice
    return annotation


def args_with_defaults(
    fn: ast.FunctionDef | ast.AsyncFunctionDef,
) -> list[tuple[ast.arg, ast.expr | None]]:
    positional = [*fn.args.posonlyargs, *fn.args.args]
    defaults: list[ast.expr | None] = [None] * (len(positional) - len(fn.args.defaults))
    defaults += fn.args.defaults
    return [
        *zip(positional, defaults, strict=True),
        *zip(fn.args.kwonlyargs, fn.args.kw_defaults, strict=False),
    ]


def own_params(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ParamDep]:
    """The function's parameters fed by dependencies, and alias-candidate annotations."""
    out: list[ParamDep] = []
    for arg, default in args_with_defaults(fn):
        annotation = arg.annotation
        if isinstance(default, ast.Call):
            ref = depends_target(default, annotation)
            if ref:
                out.append(ParamDep(arg.arg, ref, False))
                continue
        if annotation is None:
            continue
        found = _annotated_deps(annotation)
        if found:
            out.extend(ParamDep(arg.arg, ref, False) for ref in found)
            continue
        plain = dotted(_unwrap_optional(annotation))
        if plain and plain[-1] not in _BUILTIN_TYPES:
            out.append(ParamDep(arg.arg, plain, True))
    return out


def nested_deps(nodes: list[ast.AST]) -> list[Ref]:
    """``Depends``/``Security`` targets anywhere among ``nodes`` (a factory's inner function)."""
    out: list[Ref] = []
    for node in nodes:
        if isinstance(node, ast.Call):
            ref = depends_target(node)
            if ref and ref not in out:
                out.append(ref)
        elif isinstance(node, ast.Subscript):
            out.extend(r for r in _annotated_deps(node) if r not in out)
    return out


_PAGES = frozenset(
    {
        "FileResponse",
        "HTMLResponse",
        "RedirectResponse",
        "get_swagger_ui_html",
        "get_redoc_html",
        "get_swagger_ui_oauth2_redirect_html",
    }
)


def serves_page(
    fn: ast.FunctionDef | ast.AsyncFunctionDef, call: ast.Call, nodes: list[ast.AST]
) -> bool:
    """A route that serves a page, a file or a redirect and takes no dependency: every
    ``return`` builds one of :data:`_PAGES`, or the decorator says ``response_class=``
    one of them."""
    if own_params(fn):
        return False
    cls = next((kw.value for kw in call.keywords if kw.arg == "response_class"), None)
    head = dotted(cls) if cls is not None else None
    if head and head[-1] in _PAGES:
        return True
    returns = [n.value for n in nodes if isinstance(n, ast.Return) and n.value is not None]
    names = [dotted(r.func) if isinstance(r, ast.Call) else None for r in returns]
    return bool(names) and all(n is not None and n[-1] in _PAGES for n in names)


def login_form(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """True when the endpoint takes ``OAuth2PasswordRequestForm``: a login endpoint."""
    for arg, default in args_with_defaults(fn):
        for node in (arg.annotation, default):
            if node is not None and any(
                isinstance(n, ast.Name | ast.Attribute)
                and (n.id if isinstance(n, ast.Name) else n.attr).startswith(
                    "OAuth2PasswordRequestForm"
                )
                for n in ast.walk(node)
            ):
                return True
    return False


_MINTS = re.compile(r"(?i)^(encode|sign|mint\w*|(create|make|issue|generate|new)_\w*token\w*)$")
_CLIENT_INPUT = frozenset({"Body", "Form", "Query"})


def token_exchange(fn: ast.FunctionDef | ast.AsyncFunctionDef, nodes: list[ast.AST]) -> bool:
    """Whether the endpoint decodes a token read from its own body, form or query
    parameters (``jwt.decode(body.refresh_token, …)``) and issues a token
    (``create_access_token(…)``, ``jwt.encode``): a refresh or exchange endpoint. Its
    decode checks the credential it trades, like a login checks a password."""
    inputs = set()
    for arg, default in args_with_defaults(fn):
        head = call_name(default) if isinstance(default, ast.Call) else ""
        if default is None or head in _CLIENT_INPUT:
            inputs.add(arg.arg)
    calls = [n for n in nodes if isinstance(n, ast.Call)]
    decodes = [c for c in calls if call_name(c) in ("decode", "decode_complete") and c.args]
    reads = any((dotted(c.args[0]) or ("",))[0] in inputs for c in decodes)
    return reads and any(_MINTS.match(call_name(c)) for c in calls)
