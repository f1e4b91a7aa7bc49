"""What an endpoint's signature and body say: its dependencies and its ownership check.

Ownership heuristic (conservative: a false positive is a defect). For a route whose path
holds a record id (``{todo_id}``, ``{id}``, ``{pk}``, ``{…_uuid}``) that the endpoint takes:

1. *Record access* — the first line where the id is passed to a data-access call
   (``db.get(Todo, todo_id)``, ``.filter(Todo.id == todo_id)``, ``crud.delete_todo(…)``,
   ``TODOS.get(todo_id)``: callee names starting with get/find/query/filter/select/update/
   delete/remove/fetch/load/read/…), used as a subscript (``TODOS[todo_id]``) or compared
   with an attribute or item (``t.id == todo_id``). No access, no finding.
2. *Check* — the current-user parameter (or a variable derived from it, ``uid = user.id``)
   appears in a comparison, an ``if``/``assert``/``while`` test, a subscript key
   (``store[user.id]``) or an argument of any call other than logging/printing/str()/
   ``HTTPException`` (``.filter(Todo.owner_id == user.id)``, ``filter_by(owner_id=uid)``,
   ``crud.get_todo(db, todo_id, user)``), f-strings excepted. Any such use counts. A role
   check on the user (``if not user.is_superuser``) counts too, and so does a dependency
   chain naming admin/superuser/staff/role/permission/scope: those may see every record.
3. The record must be ownable (decided later, project-wide): the candidate model names
   (capitalised names in the body, ``Todo`` from ``todo_id`` or ``/todos/{id}``) include a
   project class with an owner field (``owner_id``, ``user_id``, ``author_id``, …); when no
   candidate is a project class (dict stores, opaque CRUD helpers), the endpoint's module
   must use an owner field name somewhere.
"""

from __future__ import annotations

import ast
import re

from jwtscope.audit.python.astutil import call_name, dotted
from jwtscope.audit.python.summary import OwnershipFacts, ParamDep, Piece, Ref

__all__ = [
    "CALL",
    "depends_target",
    "is_call",
    "is_optional_call",
    "login_form",
    "nested_deps",
    "own_params",
    "ownership_facts",
    "returned",
]

_ID_NAME = re.compile(r"^(id|pk|uuid|\w+_id|\w+Id|\w+_uuid|\w+_pk)$")
_ACCESS = re.compile(
    r"(?i)^(get|one|first|scalar|query|filter|where|find|select|delete|remove|update|pop|"
    r"exec|fetch|load|read|retrieve|merge|patch|put|replace|destroy|upsert|by_id|aggregate)"
)
_NOT_A_CHECK = frozenset(
    {
        "str",
        "int",
        "float",
        "repr",
        "print",
        "len",
        "format",
        "bool",
        "dict",
        "list",
        "tuple",
        "isinstance",
        "hasattr",
        "getattr",
        "type",
        "hash",
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "log",
        "HTTPException",
    }
)
_BUILTIN_TYPES = frozenset(
    {"str", "int", "float", "bool", "bytes", "dict", "list", "Any", "object", "UUID", "None"}
)
_NOT_MODELS = frozenset({"HTTPException", "Depends", "Security", "Response", "JSONResponse"})


#: The last element of a :data:`Ref` written as a call: ``Depends(factory())`` depends on
#: what ``factory()`` returns (:data:`CALL`), not on ``factory`` itself.
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


def _args_with_defaults(
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
    for arg, default in _args_with_defaults(fn):
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


def login_form(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """True when the endpoint takes ``OAuth2PasswordRequestForm``: a login endpoint."""
    for arg, default in _args_with_defaults(fn):
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


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _checked_names(node: ast.AST) -> set[str]:
    """Names used in ``node`` outside f-strings (a message is not a check)."""
    out: set[str] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, ast.JoinedStr):
            continue
        if isinstance(current, ast.Name):
            out.add(current.id)
        todo.extend(ast.iter_child_nodes(current))
    return out


def _access(body: list[ast.AST], ids: set[str]) -> ast.AST | None:
    best: ast.AST | None = None
    for node in body:
        hit = False
        if isinstance(node, ast.Call) and _ACCESS.match(call_name(node)):
            regions = [*node.args, *(kw.value for kw in node.keywords)]
            hit = any(_names(r) & ids for r in regions)
        elif isinstance(node, ast.Subscript):
            hit = bool(_names(node.slice) & ids)
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            hit = any(_names(s) & ids for s in sides) and any(
                isinstance(s, ast.Attribute | ast.Subscript) for s in sides
            )
        if hit and (best is None or _line(node) < _line(best)):
            best = node
    return best


def _line(node: ast.AST) -> int:
    return getattr(node, "lineno", 0)


def _checked(body: list[ast.AST], params: set[str]) -> frozenset[str]:
    derived = {p: {p} for p in params}
    assigns = [n for n in body if isinstance(n, ast.Assign | ast.AnnAssign | ast.NamedExpr)]
    for _ in range(3):
        for assign in assigns:
            value = assign.value
            if value is None:
                continue
            used = _names(value)
            targets = assign.targets if isinstance(assign, ast.Assign) else [assign.target]
            for names in derived.values():
                if used & names:
                    names.update(t.id for t in targets if isinstance(t, ast.Name))
    checked: set[str] = set()
    for node in body:
        regions: list[ast.AST] = []
        if isinstance(node, ast.Compare):
            regions.append(node)
        elif isinstance(node, ast.If | ast.While | ast.IfExp | ast.Assert):
            regions.append(node.test)
        elif isinstance(node, ast.Call):
            name = call_name(node)
            if name not in _NOT_A_CHECK and not name.endswith("Response"):
                regions += [*node.args, *(kw.value for kw in node.keywords)]
        elif isinstance(node, ast.Subscript):
            regions.append(node.slice)
        for region in regions:
            used = _checked_names(region)
            checked.update(p for p, names in derived.items() if used & names)
    return frozenset(checked)


def _camel(stem: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-]", stem) if part)


def _stems(ids: list[str], template: str) -> set[str]:
    out: set[str] = set()
    for name in ids:
        stem = re.sub(r"(_id|Id|_uuid|_pk)$", "", name)
        if stem and stem not in ("id", "pk", "uuid"):
            out.add(_camel(stem))
            continue
        before = template.split("{" + name)[0].rstrip("/").rsplit("/", 1)[-1]
        if before and "{" not in before:
            out.add(_camel(before))
            for suffix in ("es", "s"):
                if before.endswith(suffix):
                    out.add(_camel(before[: -len(suffix)]))
    return out


def ownership_facts(
    fn: ast.FunctionDef | ast.AsyncFunctionDef,
    body: list[ast.AST],
    path: tuple[Piece, ...],
    dep_params: set[str],
    lines: list[str],
) -> OwnershipFacts | None:
    """The ownership facts of an endpoint, or None when it touches no record by path id.

    Args:
        fn: the endpoint.
        body: every node of its parameters and body (:func:`function_nodes`).
        path: its path as declared.
        dep_params: its parameters fed by dependencies (candidates for the current user).
        lines: the module's source lines.
    """
    template = "".join(p for p in path if isinstance(p, str))
    in_path = re.findall(r"\{(\w+)(?::\w+)?\}", template)
    arg_names = {a.arg for a, _ in _args_with_defaults(fn)}
    ids = [p for p in in_path if _ID_NAME.match(p) and p in arg_names]
    if not ids or not dep_params:
        return None
    access = _access(body, set(ids))
    if access is None:
        return None
    line = _line(access)
    models = {
        n.id for n in body if isinstance(n, ast.Name) and n.id[:1].isupper() and not n.id.isupper()
    }
    models = (models - _NOT_MODELS) | _stems(ids, template)
    return OwnershipFacts(
        id_params=tuple(ids),
        line=line,
        source=lines[line - 1] if 0 < line <= len(lines) else "",
        models=tuple(sorted(models)),
        checked=_checked(body, dep_params),
    )
