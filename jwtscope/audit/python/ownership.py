"""What an endpoint does with a record it loads by id: the ownership check.

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
from jwtscope.audit.python.endpoint import args_with_defaults
from jwtscope.audit.python.summary import OwnershipFacts, Piece

__all__ = ["ownership_facts"]

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
#: the user a middleware put on the request: ``request.state.user``, ``request.user``.
_REQUEST_USER = re.compile(
    r"^\w+\.(state\.(user|current_user|user_id|uid|sub|claims|principal|identity|auth|account)|user)$"
)
_NOT_MODELS = frozenset({"HTTPException", "Depends", "Security", "Response", "JSONResponse"})


#: The last element of a :data:`Ref` written as a call: ``Depends(factory())`` depends on
#: what ``factory()`` returns (:data:`CALL`), not on ``factory`` itself.


def _chain(node: ast.Attribute) -> str | None:
    parts = dotted(node)
    return ".".join(parts) if parts else None


def _names(node: ast.AST) -> set[str]:
    """Names, and attribute chains (``payload.todo_id``, ``request.state.user``)."""
    out: set[str] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Name):
            out.add(n.id)
        elif isinstance(n, ast.Attribute):
            chain = _chain(n)
            if chain:
                out.add(chain)
    return out


def _checked_names(node: ast.AST) -> set[str]:
    """Names and attribute chains used in ``node`` outside f-strings (a message is not a
    check)."""
    out: set[str] = set()
    todo = [node]
    while todo:
        current = todo.pop()
        if isinstance(current, ast.JoinedStr):
            continue
        if isinstance(current, ast.Name):
            out.add(current.id)
        elif isinstance(current, ast.Attribute):
            chain = _chain(current)
            if chain:
                out.add(chain)
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


_Assign = ast.Assign | ast.AnnAssign | ast.NamedExpr


def _derived(assigns: list[_Assign], seeds: set[str]) -> set[str]:
    """``seeds`` and the variables assigned from them (``uid = user.id``), three levels."""
    names = set(seeds)
    for _ in range(3):
        for assign in assigns:
            if assign.value is not None and _names(assign.value) & names:
                targets = assign.targets if isinstance(assign, ast.Assign) else [assign.target]
                names.update(t.id for t in targets if isinstance(t, ast.Name))
    return names


def _regions(body: list[ast.AST]) -> list[set[str]]:
    """The names used where a value is checked: comparisons, tests, subscript keys and
    arguments of calls other than logging and formatting (f-strings excepted)."""
    out: list[set[str]] = []
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
        out += [_checked_names(region) for region in regions]
    return out


def _checked(
    body: list[ast.AST], params: set[str], ids: set[str], sure: set[str]
) -> tuple[frozenset[str], bool]:
    """The user parameters used in a check, and whether one check also holds the record
    (or its id) and a ``sure`` user: ``is_authorized(user, "update", hero)``,
    ``hero.owner_id == user.id``."""
    assigns = [n for n in body if isinstance(n, _Assign)]
    derived = {p: _derived(assigns, {p}) for p in params}
    record = _derived(assigns, ids)
    users = set().union(*(derived[p] for p in sure if p in derived))
    checked: set[str] = set()
    owner_check = False
    for used in _regions(body):
        checked.update(p for p, names in derived.items() if used & names)
        owner_check = owner_check or bool(used & users and used & record)
    return frozenset(checked), owner_check


def _gate(args: list[tuple[ast.arg, ast.expr | None]], users: set[str]) -> dict[str, str]:
    """The user parameters whose dependency is written out (``Depends(get_user(roles=[…]))``,
    ``Annotated[User, Depends(…)]``), with it: the role gate they carry. A bare annotation
    is left out: an alias and a body model cannot be told apart here."""
    out = {}
    for arg, default in args:
        written = default if default is not None else arg.annotation
        text = ast.unparse(written) if arg.arg in users and written is not None else ""
        if "Depends(" in text or "Security(" in text:
            out[arg.arg] = text
    return out


def _is_request(arg: ast.arg) -> bool:
    head = dotted(arg.annotation) if arg.annotation is not None else None
    return head is not None and head[-1] in ("Request", "HTTPConnection")


def _names_in(body: list[ast.AST]) -> set[str]:
    return {c for n in body if isinstance(n, ast.Attribute) for c in [_chain(n)] if c}


def _body_ids(
    args: list[tuple[ast.arg, ast.expr | None]], body: list[ast.AST], skip: set[str]
) -> list[str]:
    """Record ids sent in the body: a ``Form()``/``Body()`` parameter named like an id,
    or an id field of a body model parameter (``payload.todo_id``)."""
    out: list[str] = []
    fields = [c for c in _names_in(body) if c.count(".") == 1]
    for arg, default in args:
        head = dotted(default.func) if isinstance(default, ast.Call) else None
        if arg.arg in skip or (head and head[-1] in ("Depends", "Security")):
            continue
        if head and head[-1] in ("Form", "Body") and _ID_NAME.match(arg.arg):
            out.append(arg.arg)
        elif default is None or (head and head[-1] == "Body"):
            prefix = arg.arg + "."
            out += [c for c in fields if c.startswith(prefix) and _ID_NAME.match(c[len(prefix) :])]
    return sorted(set(out))


def _camel(stem: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-]", stem) if part)


def _stems(ids: list[str], template: str) -> set[str]:
    out: set[str] = set()
    for name in (i.rsplit(".", 1)[-1] for i in ids):
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
    args = args_with_defaults(fn)
    arg_names = {a.arg for a, _ in args}
    ids = [p for p in in_path if _ID_NAME.match(p) and p in arg_names]
    ids += _body_ids(args, body, set(in_path))
    requests = {a.arg for a, _ in args if a.arg in ("request", "req") or _is_request(a)}
    request_users = sorted(
        c for c in _names_in(body) if c.split(".")[0] in requests and _REQUEST_USER.match(c)
    )
    users = dep_params | set(request_users)
    if not ids or not users:
        return None
    access = _access(body, set(ids))
    if access is None:
        return None
    line = _line(access)
    models = {
        n.id for n in body if isinstance(n, ast.Name) and n.id[:1].isupper() and not n.id.isupper()
    }
    models = (models - _NOT_MODELS) | _stems(ids, template)
    gate = _gate(args, users)
    checked, owner_check = _checked(body, users, set(ids), {*gate, *request_users})
    return OwnershipFacts(
        id_params=tuple(ids),
        line=line,
        source=lines[line - 1] if 0 < line <= len(lines) else "",
        models=tuple(sorted(models)),
        checked=checked,
        request_users=tuple(request_users),
        owner_check=owner_check,
        gate=tuple(sorted(gate.values())),
    )
