"""What one script file says about the UI's shape, for the role-gap check: the modules it
imports, the API calls it makes (through ``fetch``/``axios`` or a project wrapper such as
``callApi("/jobs", { method: "POST" })``), the wrappers it defines, and the role gate it
holds (a component that renders nothing, or redirects, unless the user has a role).

A **role gate** is a role test that *requires* the role: ``if (!isAdmin) return …``,
``if (user.role !== "admin") redirect("/")``, ``return isAdmin ? children : <Denied/>``,
``{hasRole("admin") && children}`` — through one ``const`` of the file
(``const ok = user?.role === ROLES.ADMIN; if (!ok) return …``). A test that sends the
role *away* (``if (user.role === "admin") router.push("/admin")``) is not a gate: it does
not keep anyone out of the page. A role is ``….role``/``roles`` of something that names
the user or session, or compared with an admin-like value; flags such as ``isAdmin`` and
calls such as ``hasRole(…)`` count too. Only the gates in a function that renders
``children`` (a guard component) or in the file's default export (the page or layout
itself) are kept: a helper that hides one button is not a page gate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tree_sitter import Node

from jwtscope.audit.frontend.scripttree import Script

__all__ = ["ALIASES", "ApiCall", "UiFacts", "read_ui", "ui_imports"]


@dataclass(frozen=True, slots=True)
class ApiCall:
    """A call that sends a request to a path: ``fetch``/``axios`` or a name that may be a
    project wrapper (decided at project level). ``callee`` is the name called (``fetch``,
    ``axios``, ``callApi``, ``api`` for ``api.get``); ``url_path`` the literal path with
    ``{}`` for each expression (``/jobs/{}``)."""

    line: int
    callee: str
    method: str
    url_path: str


@dataclass(frozen=True, slots=True)
class UiFacts:
    """One script file's part of the UI graph (see the module docstring).

    Args:
        specs: every project module it imports or re-exports, as written (``@/lib/api``,
            ``./x``; packages left out).
        names: imported local name → module as written, for the names it calls.
        gate: line of a role gate in its default export (0: none).
        guard: line of a role gate in a function that renders ``children`` (0: none).
        wrappers: functions it defines that send a request to their first parameter.
        clients: ``axios.create(…)`` instances it defines.
        calls: the requests it sends.
    """

    specs: tuple[str, ...]
    names: tuple[tuple[str, str], ...]
    gate: int = 0
    guard: int = 0
    wrappers: tuple[str, ...] = ()
    clients: tuple[str, ...] = ()
    calls: tuple[ApiCall, ...] = ()


_ROLE_WORDS = ("role", "admin", "superuser", "staff", "permission")
_ROLE_END = re.compile(r"(?:^|[.?!\s])roles?$")
_USERISH = re.compile(r"(?i)user|session|account|profile|\bme\b|current|auth|viewer|member")
_ADMINISH = re.compile(r"(?i)admin|superuser|staff|moderator|owner|manager|editor|operator")
_FLAG = re.compile(r"(?i)^(?:is|has)_?(?:super_?)?(?:admin|superuser|staff|moderator)$")
_CHECK_CALL = re.compile(
    r"(?i)^(?:has|check|require|is)_?(?:any_?)?(?:role|roles|admin|permission|permissions)$"
)
_LEAVES = re.compile(
    r"\b(?:return|throw)\b|\b(?:redirect|permanentRedirect|notFound|forbidden|unauthorized|"
    r"navigate)\s*\(|\.(?:push|replace)\s*\("
)
_FUNCTIONS = frozenset(
    {"function_declaration", "arrow_function", "function_expression", "method_definition"}
)
_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_SENDS = re.compile(r"\b(?:fetch|axios)\s*[.(]")
#: The path aliases a project's own modules are imported through (``@/lib/api``).
ALIASES = ("@/", "~/", "#/")
#: How a project's own modules are imported: relative, or through a path alias.
_LOCAL = (".", *ALIASES)
_PATHISH = re.compile(r"(?i)^(?:path|url|uri|endpoint|route|resource|input)")


def read_ui(js: Script) -> UiFacts:
    """The file's UI facts (see :class:`UiFacts`)."""
    names = _imported_names(js)
    gate = guard = 0
    lower = js.text.lower()
    if any(word in lower for word in _ROLE_WORDS):
        gate, guard = _gates(js)
    wrappers, clients = _wrappers(js)
    calls = tuple(_calls(js, set(names) | set(wrappers) | set(clients)))
    callees = {c.callee for c in calls}
    return UiFacts(
        specs=_specs(js),
        names=tuple(sorted((k, v) for k, v in names.items() if k in callees)),
        gate=gate,
        guard=guard,
        wrappers=wrappers,
        clients=clients,
        calls=calls,
    )


def ui_imports(js: Script) -> UiFacts:
    """Only the imports, of a file with a syntax error (what tree-sitter recovered): its
    gates and calls are not read, but it still leads to the modules it imports."""
    return UiFacts(specs=_specs(js), names=())


# -- imports ---------------------------------------------------------------------------
def _specs(js: Script) -> tuple[str, ...]:
    out: list[str] = []
    sources = [n.child_by_field_name("source") for n in js.of("import")]
    sources += [
        n.child_by_field_name("source")
        for n in js.root.named_children
        if n.type == "export_statement"
    ]
    for call in js.of("call") if "import(" in js.text else ():  # import("./x"), lazy pages
        fn = call.child_by_field_name("function")
        if fn is not None and fn.type == "import":
            sources += js.args(call)[:1]
    for node in sources:
        lit = js.literal(node)
        if lit is not None and lit.value.startswith(_LOCAL) and lit.value not in out:
            out.append(lit.value)  # a package (``react``) is never part of the graph
    return tuple(out)


def _imported_names(js: Script) -> dict[str, str]:
    """Local name → module, for named, default and namespace imports."""
    out: dict[str, str] = {}
    for node in js.of("import"):
        source = js.literal(node.child_by_field_name("source"))
        if source is None:
            continue
        stack = list(node.named_children)
        while stack:
            current = stack.pop()
            if current.type == "import_specifier":
                name = current.child_by_field_name("alias") or current.child_by_field_name("name")
                out[js.text_of(name)] = source.value
            elif (
                current.type == "identifier"
                and current.parent is not None
                and (current.parent.type in ("import_clause", "namespace_import"))
            ):
                out[js.text_of(current)] = source.value
            else:
                stack.extend(current.named_children)
    return out


# -- role gates ------------------------------------------------------------------------
def _gates(js: Script) -> tuple[int, int]:
    """(line of a gate in the default export, line of a gate in a children-rendering
    function); 0 when there is none."""
    gate = guard = 0
    stack = [js.root]
    while stack:
        node = stack.pop()
        stack.extend(node.named_children)
        if not _is_gate(js, node):
            continue
        fn = _enclosing_function(node)
        if fn is None:
            continue
        line = js.line_of(node)
        if "children" in js.text_of(fn.child_by_field_name("parameters")):
            guard = min(guard or line, line)
        if _default_export(fn):
            gate = min(gate or line, line)
    return gate, guard


def _is_gate(js: Script, node: Node) -> bool:
    if node.type == "if_statement":
        cond = node.child_by_field_name("condition")
        body = node.child_by_field_name("consequence")
        return _requires(js, cond, 0) and bool(_LEAVES.search(js.code(body)))
    if node.type == "ternary_expression":
        cond = node.child_by_field_name("condition")
        yes = node.child_by_field_name("consequence")
        no = node.child_by_field_name("alternative")
        return (_has_children(js, yes) and _grants(js, cond, 0)) or (
            _has_children(js, no) and _requires(js, cond, 0)
        )
    if node.type == "binary_expression" and _op(js, node) == "&&":
        right = node.child_by_field_name("right")
        return _has_children(js, right) and _grants(js, node.child_by_field_name("left"), 0)
    return False


def _has_children(js: Script, node: Node | None) -> bool:
    return node is not None and re.search(r"\bchildren\b", js.code(node)) is not None


def _op(js: Script, node: Node) -> str:
    return js.text_of(node.child_by_field_name("operator"))


def _requires(js: Script, node: Node | None, depth: int) -> bool:
    """True when ``node`` is true for users *without* the role (``!isAdmin``)."""
    node = js.unwrap(node)
    if node is None or depth > 4:
        return False
    if node.type == "unary_expression" and _op(js, node) == "!":
        return _grants(js, node.child_by_field_name("argument"), depth + 1)
    if node.type == "binary_expression":
        op = _op(js, node)
        if op in ("!==", "!="):
            return _role_compare(js, node)
        if op in ("||", "&&"):
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return _requires(js, left, depth + 1) or _requires(js, right, depth + 1)
    if node.type == "identifier" and js.decls.get(js.text_of(node)) is not None:
        return _requires(js, js.decls[js.text_of(node)], depth + 1)
    return False


def _grants(js: Script, node: Node | None, depth: int) -> bool:
    """True when ``node`` is true only for users *with* the role (``isAdmin``)."""
    node = js.unwrap(node)
    if node is None or depth > 4:
        return False
    kind = node.type
    if kind == "unary_expression" and _op(js, node) == "!":
        return _requires(js, node.child_by_field_name("argument"), depth + 1)
    if kind == "binary_expression":
        op = _op(js, node)
        if op in ("===", "=="):
            return _role_compare(js, node)
        if op == "&&":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return _grants(js, left, depth + 1) or _grants(js, right, depth + 1)
    if kind == "identifier":
        name = js.text_of(node)
        if _FLAG.match(name):
            return True
        value = js.decls.get(name)
        return value is not None and _grants(js, value, depth + 1)
    if kind == "member_expression":
        return bool(_FLAG.match(js.text_of(node.child_by_field_name("property"))))
    if kind == "call_expression":
        fn = js.text_of(node.child_by_field_name("function"))
        last = fn.rsplit(".", 1)[-1]
        if last == "includes":
            return _role_side(fn.rsplit(".", 1)[0]) or any(
                _role_side(js.code(a)) for a in js.args(node)
            )
        return bool(_CHECK_CALL.match(last))
    return False


def _role_side(text: str) -> bool:
    return bool(_ROLE_END.search(text.replace("?.", ".").strip()))


def _role_compare(js: Script, node: Node) -> bool:
    """``user.role === "admin"`` (either order): a role of the user, or an admin value."""
    left = js.code(node.child_by_field_name("left")).strip()
    right = js.code(node.child_by_field_name("right")).strip()
    for role, other in ((left, right), (right, left)):
        if _role_side(role) and (_USERISH.search(role) or _ADMINISH.search(other)):
            return True
    return False


def _enclosing_function(node: Node) -> Node | None:
    current = node.parent
    while current is not None and current.type not in _FUNCTIONS:
        current = current.parent
    return current


def _default_export(fn: Node) -> bool:
    """The function is (or is declared as) the file's ``export default``."""
    current: Node | None = fn
    while current is not None and current.type not in ("export_statement", "program"):
        current = current.parent
        if current is not None and current.type in _FUNCTIONS:
            return False  # a function nested in another one
    if current is None or current.type != "export_statement":
        return False
    return any(child.type == "default" for child in current.children)


# -- requests --------------------------------------------------------------------------
def _wrappers(js: Script) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Functions that send a request to their first parameter; ``axios.create`` instances."""
    wrappers: list[str] = []
    clients: list[str] = []
    if ("fetch" not in js.text and "axios" not in js.text) or not _SENDS.search(js.text):
        return (), ()
    candidates: list[tuple[str, Node]] = []
    for node in js.root.named_children:
        inner = node.child_by_field_name("declaration") if node.type == "export_statement" else node
        if inner is None:
            continue
        if inner.type == "function_declaration":
            candidates.append((js.text_of(inner.child_by_field_name("name")), inner))
    for name, value in js.decls.items():
        if value.type in ("arrow_function", "function_expression"):
            candidates.append((name, value))
        elif value.type == "call_expression" and js.text_of(
            value.child_by_field_name("function")
        ) in ("axios.create", "ky.create", "ky.extend"):
            clients.append(name)
    for name, fn in candidates:
        params = fn.child_by_field_name("parameters") or fn.child_by_field_name("parameter")
        first = _first_param(js, params)
        if not first or not _PATHISH.match(first):
            continue
        body = js.code(fn.child_by_field_name("body"))
        if _SENDS.search(body) and re.search(rf"\b{re.escape(first)}\b", body):
            wrappers.append(name)
    return tuple(wrappers), tuple(clients)


def _first_param(js: Script, params: Node | None) -> str:
    if params is None:
        return ""
    if params.type == "identifier":
        return js.text_of(params)
    for child in params.named_children:
        name = child.child_by_field_name("pattern") if child.type.endswith("parameter") else child
        return js.text_of(name) if name is not None and name.type == "identifier" else ""
    return ""


def _calls(js: Script, known: set[str]) -> list[ApiCall]:
    out: list[ApiCall] = []
    for call in js.of("call"):
        fn = call.child_by_field_name("function")
        if fn is None or fn.type not in ("identifier", "member_expression"):
            continue
        callee = js.text_of(fn)
        base, _, member = callee.rpartition(".")
        if base and ((base not in known and base != "axios") or member.lower() not in _METHODS):
            continue
        if not base and callee not in known and callee not in ("fetch", "axios"):
            continue
        args = js.args(call)
        if not args:
            continue
        if callee in ("fetch", "axios") or (callee in known and not base):
            method = _method_of(js, args[1] if len(args) > 1 else None, callee)
            name = callee
        elif base in known | {"axios"} and member.lower() in _METHODS:
            method, name = member.upper(), base
        else:
            continue
        url_path = _path_of(js, args[0])
        if url_path is None:
            continue
        out.append(ApiCall(js.line_of(call), name, method, url_path))
    return out


def _method_of(js: Script, options: Node | None, callee: str) -> str:
    value = js.pairs(js.resolve(options)).get("method") if options is not None else None
    lit = js.literal(js.resolve(value)) if value is not None else None
    if lit is not None and lit.value.lower() in _METHODS:
        return lit.value.upper()
    if value is not None:
        return "?"  # a method the source does not spell out
    named = re.search(r"(?i)(post|put|patch|delete)", callee)
    return named.group(1).upper() if named and callee not in ("fetch", "axios") else "GET"


def _path_of(js: Script, arg: Node) -> str | None:
    """The literal path a request goes to (``/jobs/{}``), or None when the URL is not a
    literal or template with a path in it."""
    node = js.unwrap(arg)
    if node is None or node.type not in ("string", "template_string"):
        return None
    parts = [
        "{}" if k.type == "template_substitution" else js.text_of(k)
        for k in node.named_children
        if k.type in ("string_fragment", "template_substitution", "escape_sequence")
    ]
    body = re.sub(r"^(?:\{\})+", "", "".join(parts))
    body = re.sub(r"^https?://[^/]+", "", body).split("?", 1)[0].split("#", 1)[0]
    if not body.startswith("/") or not re.search(r"[A-Za-z]", body.replace("{}", "")):
        return None
    return None if body.startswith("/api/auth/") else body  # Better Auth's own routes
