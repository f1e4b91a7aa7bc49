"""Follow names across the project's modules, and decide whether a dependency authenticates.

Imports are resolved by module path (``from app.deps import x`` finds ``app.deps``, or in a
``src/`` or sub-folder layout the module ending ``.app.deps`` under an ancestor package of
the importer); relative imports are made absolute when the file is read.

A dependency *authenticates* when, following ``Depends``/``Security`` targets,
``Annotated`` aliases, nested factories, base classes and calls whose names suggest auth,
it reaches a credential check (``jwt.decode``, a security scheme such as ``HTTPBearer``, a
Better Auth get-session request, a 401/403, raising ``Unauthorized``-like errors). A
name that cannot be followed (a third-party package) counts when it reads like auth
(``current_active_user``, ``verify_token``) and is not ``optional``/a DB session.
A project function that checks nothing does not count, whatever its name.

Some dependencies cannot be judged: a name that resolves into a module that could not be
read or parsed, a factory call (``Depends(get_current_user_authorizer())``) whose returned
callable cannot be followed, a name imported from a package that is neither in the project
nor a known library. Those are :class:`Unknown`, with the reason: the route is then
reported unknown, never unprotected.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from jwtscope.audit.python.astutil import AUTH_CLASSES, NOT_AUTH_MIDDLEWARE, is_authish
from jwtscope.audit.python.endpoint import CALL, is_call, is_optional_call
from jwtscope.audit.python.facts import ProjectFacts
from jwtscope.audit.python.summary import (
    ClassInfo,
    FuncInfo,
    ModuleSummary,
    ObjInfo,
    Piece,
    Ref,
)
from jwtscope.audit.python.unknowns import KNOWN_LIBRARIES, Unknown, Verdict, find_in, shown

__all__ = ["Project", "Sym", "Unknown", "shown"]

_MAX_DEPTH = 16
_MAX_VISITS = 64  # dependencies visited looking for an optional auth
Obj = FuncInfo | ClassInfo | ObjInfo | tuple[Ref, ...] | str | tuple[Piece, ...] | None


@dataclass(frozen=True)
class Sym:
    """A resolved name.

    Args:
        kind: ``func``, ``class``, ``obj``, ``alias``, ``string``, ``list``, ``module``,
            ``member`` (an attribute of a local object) or ``external``.
        module: the module defining it (``""`` for external).
        name: its name there (dotted for external and member).
        obj: the summary record.
    """

    kind: str
    module: str
    name: str
    obj: Obj = None


class Project:
    """The summaries of every module that matters, and name resolution over them."""

    def __init__(
        self,
        modules: dict[str, ModuleSummary],
        facts: ProjectFacts,
        unparsed: dict[str, str] | None = None,
        packages: frozenset[str] = frozenset(),
    ) -> None:
        """Args:
        modules: the summaries kept, by module name.
        facts: the project facts.
        unparsed: modules that could not be read or parsed, with why.
        packages: the top-level names of every project module (kept or not).
        """
        self.modules = modules
        self.facts = facts
        self.unparsed = unparsed or {}
        self.packages = packages | {n.split(".")[0] for n in self.unparsed}
        self._by_last: dict[str, list[str]] = defaultdict(list)
        self._unparsed_by_last: dict[str, list[str]] = defaultdict(list)
        for name in modules:
            self._by_last[name.rsplit(".", 1)[-1]].append(name)
        for name in self.unparsed:
            self._unparsed_by_last[name.rsplit(".", 1)[-1]].append(name)
        self._auth: dict[tuple[str, str, str], Verdict] = {}
        #: every package name on a project module's path (``app`` in ``backend/app/app``):
        #: an import rooted there may be a project module that was not read.
        self.folders: frozenset[str] = frozenset()

    # --- modules and names -------------------------------------------------------------

    def find_module(self, name: str, near: str) -> str | None:
        """The project module called ``name`` when imported from module ``near``."""
        return find_in(self._by_last, self.modules, name, near)

    def resolve(self, module: str, ref: Ref, depth: int = 0) -> Sym | None:
        """What ``ref`` names in ``module``; None for an unknown local name."""
        m = self.modules.get(module)
        if m is None or not ref or depth > _MAX_DEPTH:
            return None
        head, rest = ref[0], ref[1:]
        if len(ref) == 2 and (member := ".".join(ref)) in m.objects:  # Cls.router
            return Sym("obj", module, member, m.objects[member])
        local = _local(m, head)
        if local is not None:
            if not rest:
                return local
            return Sym("member", module, ".".join(ref), local.obj)
        if head in m.imports:
            target, attr = m.imports[head]
            path = (*([attr] if attr else []), *rest)
            return self._in_module(target, path, module, depth)
        for star in m.star_imports:
            found = self.find_module(star, module)
            if found:
                sym = self.resolve(found, ref, depth + 1)
                if sym is not None:
                    return sym
        for star in m.star_imports:
            lost = find_in(self._unparsed_by_last, self.unparsed, star, module)
            if lost:
                why = f"{self.unparsed[lost]} (`{head}` may be defined there)"
                return Sym("unknown", lost, head, why)
        return None

    def _in_module(self, base: str, path: tuple[str, ...], near: str, depth: int) -> Sym:
        for k in range(len(path), -1, -1):
            name = ".".join((base, *path[:k])) if base else ".".join(path[:k])
            found = self.find_module(name, near)
            if found is None:
                lost = find_in(self._unparsed_by_last, self.unparsed, name, near)
                if lost is not None:
                    what = ".".join(path) or lost
                    reason = f"{self.unparsed[lost]} (`{what}` is defined there)"
                    return Sym("unknown", lost, what, reason)
                continue
            rest = path[k:]
            if not rest:
                return Sym("module", found, found)
            sym = self.resolve(found, rest, depth + 1)
            if sym is not None:
                return sym
            break
        return Sym("external", "", ".".join((base, *path)) if base else ".".join(path))

    def text_of(self, module: str, parts: tuple[Piece, ...]) -> str:
        """A path or prefix as text; unresolvable parts shown as ``{expression}``."""
        out: list[str] = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            value = self.string(module, part)
            out.append(value if value is not None else "{" + ".".join(part) + "}")
        return "".join(out)

    def string(self, module: str, ref: Ref) -> str | None:
        """The value of a string constant, or of a Settings field with a literal default."""
        sym = self.resolve(module, ref)
        if sym is not None and sym.kind == "string" and isinstance(sym.obj, str):
            return sym.obj
        if len(ref) > 1:
            return self.facts.settings_strings.get(ref[-1])
        return None

    def strings(self, module: str, parts: tuple[Piece, ...], depth: int = 0) -> list[str] | None:
        """A list of strings (``algorithms=ALGS`` or ``[ALG]``); None when not all known."""
        out: list[str] = []
        for part in parts:
            if isinstance(part, str):
                out.append(part)
                continue
            sym = self.resolve(module, part)
            if sym is not None and sym.kind == "list" and isinstance(sym.obj, tuple) and depth < 4:
                inner = self.strings(sym.module, sym.obj, depth + 1)
                if inner is None:
                    return None
                out += inner
                continue
            value = self.string(module, part)
            if value is None:
                return None
            out.append(value)
        return out

    # --- authentication --------------------------------------------------------------

    def auth_of(
        self, module: str, ref: Ref, alias_only: bool = False, *, by_name: bool = True
    ) -> str | None:
        """How the dependency ``ref`` (used in ``module``) authenticates, or None (also
        when it cannot be judged: see :meth:`judge`)."""
        found = self.judge(module, ref, alias_only, by_name=by_name)
        return found if isinstance(found, str) else None

    def judge(
        self, module: str, ref: Ref, alias_only: bool = False, *, by_name: bool = True
    ) -> Verdict:
        """How the dependency ``ref`` (used in ``module``) authenticates; None when it does
        not; :class:`Unknown` when it cannot be judged.

        Args:
            module: where the reference is written.
            ref: the dotted name as written (ending in :data:`CALL` for ``factory()``).
            alias_only: for a bare annotation (``user: CurrentUser``): count it only
                when it is an ``Annotated`` alias.
            by_name: whether a name that cannot be followed may count by how it reads.
        """
        if not by_name:
            sym = self.resolve(module, _bare(ref))
            if sym is None or sym.kind in ("external", "module", "member", "unknown"):
                return None
        return self._auth_of(module, ref, alias_only, set())

    def _auth_of(self, module: str, ref: Ref, alias_only: bool, seen: set[object]) -> Verdict:
        if is_optional_call(ref):
            return None  # answers without a token: see optional_auth
        if is_call(ref):
            return self._factory(module, ref[:-1], seen)
        sym = self.resolve(module, ref)
        if sym is not None and sym.kind == "unknown":
            return Unknown(str(sym.obj))
        if alias_only and (sym is None or sym.kind != "alias"):
            return None
        if sym is None or sym.kind in ("external", "module"):
            return _by_name(ref) or self._foreign(sym, ref)
        key = (sym.kind, sym.module, sym.name)
        if key in self._auth:
            return self._auth[key]
        if key in seen:
            return None
        seen.add(key)
        result = self._auth_sym(sym, ref, seen)
        self._auth[key] = result
        return result

    def _factory(self, module: str, ref: Ref, seen: set[object]) -> Verdict:
        """``Depends(ref())``: a class instance (the class is judged) or a factory, whose
        body (nested functions included) and then the callables it returns are judged."""
        found = self._auth_of(module, ref, False, seen)
        sym = self.resolve(module, ref)
        if isinstance(found, str | Unknown) or (sym is None and found is None and _by_name(ref)):
            return found
        call = shown((*ref, CALL))
        if sym is None or sym.kind == "member":
            return Unknown(f"could not resolve `{call}`: `{'.'.join(ref)}` is not found")
        obj = sym.obj
        if not isinstance(obj, FuncInfo):
            return found
        unknown: Unknown | None = None
        for item in obj.returns:
            inner = self._auth_of(sym.module, item, False, seen)
            if isinstance(inner, str):
                return f"{call} → {inner}"
            unknown = unknown or inner
        if obj.opaque or unknown is not None:
            why = unknown.reason if unknown else "what it returns cannot be followed"
            return Unknown(f"could not resolve `{call}`: {why}")
        return None

    def _foreign(self, sym: Sym | None, ref: Ref) -> Unknown | None:
        """A name from a package that is neither in the project nor a known library."""
        if sym is None or sym.kind != "external":
            return None
        top = sym.name.split(".")[0]
        if not top or top in KNOWN_LIBRARIES or top in self.packages:
            return None
        return Unknown(
            f"could not resolve `{'.'.join(ref)}`: it comes from `{sym.name}`, "
            "which is neither in the project nor a known library"
        )

    def _auth_sym(self, sym: Sym, ref: Ref, seen: set[object]) -> Verdict:
        obj = sym.obj
        if isinstance(obj, FuncInfo | ClassInfo):
            if "optional" in obj.name.lower():
                return None
            if obj.marker and not obj.marker.startswith("raises"):
                return f"{obj.name} → {obj.marker}"
            follow: list[tuple[Ref, bool]] = [(r, False) for r in (*obj.deps, *obj.calls)]
            follow += [(r, True) for r in obj.annots]
            unknown: Unknown | None = None
            for dep, alias_only in follow:
                found = self._auth_of(sym.module, dep, alias_only, seen)
                if isinstance(found, str):
                    return f"{obj.name} → {found}"
                unknown = unknown or found
            for base in obj.bases if isinstance(obj, ClassInfo) else ():
                parent = self.resolve(sym.module, base)  # a project base class, never by name
                if parent is not None and isinstance(parent.obj, ClassInfo):
                    found = self._auth_of(sym.module, base, False, seen)
                    if isinstance(found, str):
                        return f"{obj.name} → {found}"
            return f"{obj.name} → {obj.marker}" if obj.marker else unknown
        if isinstance(obj, ObjInfo):
            if obj.kind == "scheme":
                return f"{obj.name} ({obj.cls[-1]})" if obj.auto_error else None
            if obj.kind == "instance":
                found = self._auth_of(sym.module, obj.cls, False, seen)
                return f"{obj.name} → {found}" if isinstance(found, str) else found
            return None
        if sym.kind == "alias" and isinstance(obj, tuple):
            unknown = None
            for item in obj:
                if isinstance(item, tuple):
                    found = self._auth_of(sym.module, item, False, seen)
                    if isinstance(found, str):
                        return f"{sym.name} → {found}"
                    unknown = unknown or found
            return unknown
        if sym.kind == "member":
            return _by_name(ref)
        return None

    def optional_auth(self, module: str, ref: Ref, seen: set[object] | None = None) -> str | None:
        """The chain from ``ref``, through project dependencies and aliases, to a factory
        called so that its auth is optional (``required=False``, ``auto_error=False``,
        ``optional=True``) and that authenticates when called plainly; or None. Such a
        route reads a token when one is sent and answers without one: public."""
        seen = set() if seen is None else seen
        if is_optional_call(ref):
            sym = self.resolve(module, ref[:-1])
            plain = self._auth_of(module, (*ref[:-1], CALL), False, set())
            ok = sym is not None and isinstance(sym.obj, FuncInfo) and isinstance(plain, str)
            return shown(ref) if ok else None
        sym = self.resolve(module, _bare(ref))
        if sym is None or (sym.kind, sym.module, sym.name) in seen or len(seen) > _MAX_VISITS:
            return None
        seen.add((sym.kind, sym.module, sym.name))
        obj = sym.obj
        refs: tuple[Piece, ...] = ()
        refs = (*obj.deps, *obj.annots) if isinstance(obj, FuncInfo | ClassInfo) else ()
        refs = obj if sym.kind == "alias" and isinstance(obj, tuple) else refs
        for dep in refs:
            found = self.optional_auth(sym.module, dep, seen) if isinstance(dep, tuple) else None
            if found:
                return f"{sym.name} → {found}"
        return None

    def middleware_auth(self, module: str, ref: Ref) -> str | None:
        """How a middleware class added with ``add_middleware`` authenticates, or None."""
        if ref[-1] in NOT_AUTH_MIDDLEWARE:
            return None
        sym = self.resolve(module, ref)
        if sym is not None and sym.kind == "unknown":
            return None  # cannot be judged, not even by its name: see middleware_unknown
        if sym is not None and isinstance(sym.obj, ClassInfo):
            found = self._auth_of(module, ref, False, set())
            return found if isinstance(found, str) else None
        return _by_name(ref)

    def middleware_unknown(self, module: str, ref: Ref) -> str | None:
        """Why a middleware class cannot be judged (defined in an unparsed module), or None."""
        sym = self.resolve(module, ref)
        return str(sym.obj) if sym is not None and sym.kind == "unknown" else None


def _local(m: ModuleSummary, name: str) -> Sym | None:
    if name in m.functions:
        return Sym("func", m.name, name, m.functions[name])
    if name in m.classes:
        return Sym("class", m.name, name, m.classes[name])
    if name in m.objects:
        return Sym("obj", m.name, name, m.objects[name])
    if name in m.aliases:
        return Sym("alias", m.name, name, m.aliases[name])
    if name in m.strings:
        return Sym("string", m.name, name, m.strings[name])
    if name in m.lists:
        return Sym("list", m.name, name, m.lists[name])
    if name in m.env_refs:
        return Sym("env", m.name, name, m.env_refs[name])
    if name in m.plain:
        return Sym("plain", m.name, name)
    return None


def _bare(ref: Ref) -> Ref:
    return ref[:-1] if is_call(ref) else ref


def _by_name(ref: Ref) -> str | None:
    last = ref[-1]
    if last in AUTH_CLASSES:
        return last
    if is_authish(last):
        return f"{'.'.join(ref)} (by its name: not defined in the project)"
    return None
