"""Parse one Python file and keep what matters: routes, routers, dependencies, JWT calls.

The import table is read first (:mod:`jwtscope.audit.python.import_table`), then one
:class:`ast.NodeVisitor` pass fills a :class:`ModuleSummary`, feeds :class:`ProjectFacts`
and emits the findings that need no other file. Nothing of the user's code is run.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from typing import Any

from jwtscope.audit.codes import make
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.python import endpoint
from jwtscope.audit.python.astutil import (
    AUTH_CLASSES,
    MARKS,
    SECRETISH,
    dotted,
    fake_function,
    function_nodes,
    is_authish,
    literal_str,
    marker_of,
    pieces,
    returns_callable,
    walk,
)
from jwtscope.audit.python.bypass import read_bypass
from jwtscope.audit.python.declarations import Declarations, FuncNode, authish_calls
from jwtscope.audit.python.decode_use import only_peeks
from jwtscope.audit.python.facts import OWNER_FIELD, ProjectFacts, class_fields, model_like
from jwtscope.audit.python.import_table import module_name, record_import, top_level_defs
from jwtscope.audit.python.jwtcalls import JwtChecker
from jwtscope.audit.python.library_routes import read_strategy
from jwtscope.audit.python.local_names import local_calls
from jwtscope.audit.python.open_gates import env_default, follow_gates, read_gates
from jwtscope.audit.python.pyparse import PARSE_FAILURES, parse_error, parse_python
from jwtscope.audit.python.summary import ClassInfo, DecodeCall, FuncInfo, ModuleSummary
from jwtscope.core.findings import Severity

__all__ = ["extract_module"]

_ALG_VALUE = re.compile(r"^((HS|RS|PS|ES)\d{3}|ES256K|EdDSA|none)$", re.IGNORECASE)


class _Findings:
    """Collects one file's findings, one per (code, line); no reference back to the tree."""

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path = path
        self.lines = lines
        self.found: dict[tuple[str, int], AuditFinding] = {}

    def __call__(
        self,
        code: str,
        line: int,
        detail: str,
        fix: str,
        *,
        severity: Severity | None = None,
        source: str | None = None,
    ) -> None:
        if (code, line) in self.found:
            return
        if source is None:
            source = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        self.found[(code, line)] = make(
            code,
            path=self.path,
            line=line,
            source_line=source,
            detail=detail,
            fix=fix,
            severity=severity,
        )


_DISPATCH: dict[type[ast.AST], Callable[[_Extractor, Any], None]] = {}
#: Nodes no visitor reads and whose children none does either (a ``Name`` only holds its
#: ``Load()`` context): not dispatched at all, a third of every tree.
_LEAVES = frozenset({ast.Name, ast.alias, ast.Pass, ast.Break, ast.Continue}) | MARKS


class _Extractor(ast.NodeVisitor):
    def __init__(
        self, summary: ModuleSummary, text: str, lines: list[str], facts: ProjectFacts
    ) -> None:
        self.s = summary
        self.lines = lines
        self.facts = facts
        self.findings = _Findings(summary.path, lines)
        self.jwt = JwtChecker(summary.imports, text, lines, facts, self.findings, summary.path)
        self.scope: list[tuple[str, str, bool]] = []  # (kind, name, settings class)
        self.defs: dict[str, FuncNode] = {}
        self.fa = Declarations(summary, lines, facts, self.defs, self.scope)
        self.web = False

    # --- plumbing --------------------------------------------------------------------

    def visit(self, node: ast.AST) -> None:
        """Dispatch by node type through a per-class cache (NodeVisitor builds a string)."""
        method = _DISPATCH.get(type(node))
        if method is None:
            name = "visit_" + type(node).__name__
            found: Callable[[_Extractor, Any], None] = getattr(_Extractor, name, _generic)
            _DISPATCH[type(node)] = method = found
        method(self, node)

    def generic_visit(self, node: ast.AST) -> None:
        """Visit the children (the same order as :class:`ast.NodeVisitor`)."""
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST) and type(item) not in _LEAVES:
                        self.visit(item)
            elif isinstance(value, ast.AST) and type(value) not in _LEAVES:
                self.visit(value)

    def line(self, lineno: int) -> str:
        return self.lines[lineno - 1] if 0 < lineno <= len(self.lines) else ""

    def collect_imports(self, tree: ast.Module) -> None:
        """Module-level imports and functions (also under if/try/with), before the visit."""
        for node in top_level_defs(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                self.visit_Import(node)
            else:
                self.defs.setdefault(node.name, node)

    def visit_Import(self, node: ast.Import | ast.ImportFrom) -> None:
        self.web = record_import(self.s, node) or self.web

    visit_ImportFrom = visit_Import

    def function_name(self) -> str:
        for kind, name, _ in reversed(self.scope):
            if kind == "def":
                return name
        return ""

    # --- definitions -----------------------------------------------------------------

    def visit_FunctionDef(self, node: FuncNode) -> None:
        self.defs.setdefault(node.name, node)
        nodes = list(function_nodes(node))  # walked once, shared by every check below
        self.fa.decorators(node, nodes)
        in_class = bool(self.scope) and self.scope[-1][0] == "class"
        if not in_class:
            self.function_info(node, nodes)
        self.jwt.on_function(node, nodes)
        self.scope.append(("def", node.name, False))
        self.fa.frames.append(local_calls(node))
        self.generic_visit(node)
        self.fa.frames.pop()
        self.scope.pop()
        self.judge_peeks(node)

    def judge_peeks(self, node: FuncNode) -> None:
        """Mark this function's unverified decodes that only peek before verifying."""
        end = getattr(node, "end_lineno", None) or node.lineno
        mine = [
            d for d in self.s.decodes if d.in_function == node.name and node.lineno <= d.line <= end
        ]
        verified = [d.line for d in mine if not d.verify_off]
        for call in mine:
            if call.verify_off and not call.peek:
                call.peek = only_peeks(node, call.line, verified)

    visit_AsyncFunctionDef = visit_FunctionDef

    def function_info(self, node: FuncNode, nodes: list[ast.AST]) -> None:
        marker = marker_of(iter(nodes))
        deps = tuple(endpoint.nested_deps(nodes))
        annots = tuple(p.ref for p in endpoint.own_params(node) if p.annotation_only)
        calls = authish_calls(nodes)
        callable_ = returns_callable(node)
        inner = any(isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) for n in nodes)
        returns, opaque, nested = (
            endpoint.returned(node)
            if inner or callable_ or is_authish(node.name)
            else ((), False, False)
        )
        factory = nested or callable_
        keep = marker or deps or calls or is_authish(node.name) or (self.web and annots) or factory
        if keep and node.name not in self.s.functions:
            self.s.functions[node.name] = FuncInfo(
                node.name,
                node.lineno,
                marker,
                deps,
                annots if self.web else (),
                calls,
                returns[:8] if factory or is_authish(node.name) else (),
                opaque,
                read_gates(node, self.defs) if marker or deps or calls else (),
            )

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        bases = tuple(b for b in (dotted(x) for x in node.bases) if b)
        # read from the environment (BaseSettings and its subclasses): a field is a default
        env = any(
            b[-1].endswith(("Settings", "Config")) or b[-1] in self.facts.settings_classes
            for b in bases
        )
        if env and len(self.facts.settings_classes) < 1_000:
            self.facts.settings_classes.add(node.name)  # its subclasses are settings too
        settings = env or node.name.endswith(("Settings", "Config"))
        fields = class_fields(node, settings, self.facts, self.s.path)
        if model_like(node, bases, fields) and len(self.facts.model_classes) < 20_000:
            self.facts.model_classes.add(node.name)
        if any(OWNER_FIELD.match(f) for f in fields):
            self.facts.owned_models.add(node.name)
            self.s.owner_keys = True
        nodes = [n for stmt in node.body for n in walk(stmt)]
        marker = next((f"subclass of {b[-1]}" for b in bases if b[-1] in AUTH_CLASSES), "")
        marker = marker or marker_of(iter(nodes))
        deps = tuple(endpoint.nested_deps(nodes))
        annots = tuple(
            p.ref
            for stmt in node.body
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef)
            for p in endpoint.own_params(stmt)
            if p.annotation_only
        )
        calls = authish_calls(nodes)
        if any(b[-1] == "Strategy" for b in bases) and len(self.facts.strategies) < 20:
            self.facts.strategies += read_strategy(node, self.s.path)
        middleware = any("Middleware" in b[-1] for b in bases)
        if marker or deps or calls or middleware or is_authish(node.name) or (self.web and annots):
            info = ClassInfo(node.name, node.lineno, bases, marker, deps, annots, calls)
            info.bypass = read_bypass(nodes) if marker or middleware else None
            self.s.classes.setdefault(node.name, info)
        self.scope.append(("class", node.name, env))
        self.generic_visit(node)
        self.scope.pop()

    # --- assignments -----------------------------------------------------------------

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            self.assignment(target, node.value, node.lineno)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.assignment(node.target, node.value, node.lineno)
        self.generic_visit(node)

    def assignment(self, target: ast.expr, value: ast.expr, line: int) -> None:
        settings = bool(self.scope) and self.scope[-1][0] == "class" and self.scope[-1][2]
        name: str | None = None
        if isinstance(target, ast.Name):
            name = target.id
        elif isinstance(target, ast.Attribute):
            name = target.attr
        elif isinstance(target, ast.Subscript):
            name = literal_str(target.slice)
        if name is None:
            return
        self.jwt.on_assign(name, value, settings)
        if isinstance(value, ast.Call) and (read := env_default(value)) is not None:
            self.facts.note_config_default(name, (*read, f"{self.s.path}:{line}", self.line(line)))
        owner = dotted(target)
        if owner is not None and len(owner) == 2 and isinstance(value, ast.Call):
            mapped = self.fa.names.rewrite(owner)  # self.router = APIRouter(…) in a method
            if mapped != owner:
                self.fa.object(".".join(mapped), value, line, False)
        if not isinstance(target, ast.Name):
            return
        if not self.scope and name in self.jwt.env_refs:
            self.s.env_refs[name] = self.jwt.env_refs[name]
        top = not self.scope
        if isinstance(value, ast.Call):
            self.fa.object(name, value, line, top)
        elif isinstance(value, ast.Subscript):
            head = dotted(value.value)
            if head and head[-1] == "Annotated":
                refs = tuple(p.ref for p in endpoint.own_params(fake_function(value)))
                if refs:
                    self.s.aliases[name] = refs
        elif top:
            text = literal_str(value)
            if text is not None and len(text) < 200:
                public = not SECRETISH.search(name)
                if public and (name.isupper() or text.startswith("/") or _ALG_VALUE.match(text)):
                    self.s.strings[name] = text
            elif isinstance(value, ast.List | ast.Tuple | ast.Set) and 0 < len(value.elts) <= 64:
                parts = [pieces(e) for e in value.elts]
                if all(p is not None and len(p) == 1 for p in parts):
                    self.s.lists[name] = tuple(p[0] for p in parts if p)

    # --- calls -----------------------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Attribute):
            target = dotted(func.value)
            if target == ("self",):
                cls = next((n for kind, n, _ in reversed(self.scope) if kind == "class"), None)
                target = self.fa.self_router(cls, func.attr, node.lineno)
            elif target is not None:
                target = self.fa.names.rewrite(target)
            if target is not None:
                self.fa.method_call(target, func.attr, node)
        decode = self.jwt.on_call(node, self.function_name())
        if isinstance(decode, DecodeCall):
            self.s.decodes.append(decode)
        elif decode is not None:
            self.s.sign_algorithms.append(decode)
        if any(kw.arg and OWNER_FIELD.match(kw.arg) for kw in node.keywords):
            self.s.owner_keys = True
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        self.jwt.config.on_compare(node)
        self.generic_visit(node)

    def visit_For(self, node: ast.For) -> None:
        self.fa.loop_includes(node)
        self.generic_visit(node)

    # --- everything else -------------------------------------------------------------

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        self.jwt.on_bool_or(node)
        self.generic_visit(node)

    def visit_Try(self, node: ast.Try) -> None:
        self.jwt.on_try(node)
        self.generic_visit(node)

    def visit_TryStar(self, node: ast.TryStar) -> None:
        self.jwt.on_try(node)
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            self.facts.note_string(node.value, f"{self.s.path}:{node.lineno}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if OWNER_FIELD.match(node.attr):
            self.s.owner_keys = True
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        key = literal_str(node.slice)
        if key and OWNER_FIELD.match(key):
            self.s.owner_keys = True
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        if any(OWNER_FIELD.match(literal_str(k) or "") for k in node.keys if k is not None):
            self.s.owner_keys = True
        self.generic_visit(node)


def _generic(extractor: _Extractor, node: ast.AST) -> None:
    extractor.generic_visit(node)


def extract_module(
    text: str, rel: str, facts: ProjectFacts
) -> tuple[ModuleSummary | None, list[AuditFinding]]:
    """Parse one file; return its summary (None when nothing in it matters) and findings.

    A file that does not parse yields one AUDIT-PARSE-ERROR finding and no summary.
    """
    name, is_package = module_name(rel)
    lines = text.splitlines()
    try:
        tree = parse_python(text, rel)
    except PARSE_FAILURES as exc:
        return None, [parse_error(rel, lines, exc)]
    summary = ModuleSummary(name=name, path=rel, is_package=is_package)
    extractor = _Extractor(summary, text, lines, facts)
    try:
        extractor.collect_imports(tree)
        extractor.visit(tree)
    except RecursionError:
        return None, [
            make(
                "AUDIT-PARSE-ERROR",
                path=rel,
                line=1,
                source_line="",
                detail="Not audited: the code is nested too deeply to analyse. Routes "
                "declared in it or depending on its names are reported unknown.",
                fix="Nothing to do unless this file defines routes or authentication.",
            )
        ]
    findings = list(extractor.findings.found.values())
    follow_gates(summary.functions.values(), tree)
    summary.plain = {n for n in extractor.defs if n not in summary.functions}
    return (summary if summary.worth_keeping() else None), findings
