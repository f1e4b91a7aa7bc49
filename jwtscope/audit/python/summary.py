"""What one Python module says about routes and auth, kept after its syntax tree is dropped.

The extractor (:mod:`jwtscope.audit.python.extract`) turns each file into a
:class:`ModuleSummary`; cross-module questions (which router does ``todos.router`` name?
does ``get_current_user`` check a token?) are answered later from the summaries alone.
Summaries keep names, lines and one source line per record, so the memory an audit holds
grows with the number of routes and dependencies, not with the size of the tree.

A reference to a symbol is a :data:`Ref`, the dotted name as written (``("deps",
"get_current_user")``). A path or prefix is a tuple of :data:`Piece`: literal text, or a
:data:`Ref` to a string constant resolved at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Bypass",
    "ClassInfo",
    "Cond",
    "CorsDecl",
    "DecodeCall",
    "FuncInfo",
    "IncludeDecl",
    "MiddlewareDecl",
    "ModuleSummary",
    "ObjInfo",
    "OpenGate",
    "OwnershipFacts",
    "ParamDep",
    "Piece",
    "Ref",
    "RouteDecl",
]

Ref = tuple[str, ...]
Piece = str | Ref


@dataclass(frozen=True, slots=True)
class OpenGate:
    """An early ``return`` in an auth dependency that lets a request in unchecked.

    Args:
        line: the ``if`` line.
        kind: ``path`` (a path whitelist) or ``config`` (auth off until configured).
        text: the condition as written.
        names: for ``path``, the settings attributes or names the whitelist comes from;
            for ``config``, the names the condition tests.
    """

    line: int
    kind: str
    text: str
    names: tuple[str, ...]


@dataclass(slots=True)
class FuncInfo:
    """A function that may take part in authentication.

    Args:
        name: its name.
        line: the ``def`` line.
        marker: the credential check seen in its body (``jwt.decode``, ``HTTPBearer``,
            ``raises 401``, …) or ``""``.
        deps: ``Depends``/``Security`` targets anywhere in it (nested factories too).
        annots: parameter annotations that may be ``Annotated`` aliases.
        calls: calls in its body whose names suggest authentication.
        returns: for a dependency factory (``Depends(factory())``), the names it returns.
        opaque: whether some value it returns cannot be followed.
    """

    name: str
    line: int
    marker: str
    deps: tuple[Ref, ...]
    annots: tuple[Ref, ...]
    calls: tuple[Ref, ...]
    returns: tuple[Ref, ...] = ()
    opaque: bool = False
    #: early returns that let a request in unchecked (see :mod:`.open_gates`).
    gates: tuple[OpenGate, ...] = ()


@dataclass(frozen=True, slots=True)
class Cond:
    """One node of a pass-through condition.

    Args:
        kind: ``or``/``and``/``not`` (over ``parts``), ``eq``/``prefix`` (the path),
            ``method``, or ``unread`` (``why`` says what could not be read).
        values: for a leaf, literal text or references to constants, or
            ``("self", attr)`` for a middleware option.
    """

    kind: str
    values: tuple[Piece, ...] = ()
    parts: tuple[Cond, ...] = ()
    why: str = ""


@dataclass(frozen=True, slots=True)
class Bypass:
    """The pass-through conditions of one middleware, OR-ed, with the line of the first;
    ``options`` maps ``self.<attr>`` to the ``__init__`` parameter it was set from."""

    conds: tuple[Cond, ...]
    line: int
    options: tuple[tuple[str, str], ...] = ()
    #: ``self.<attr>`` → the values it falls back to (``excluded or PUBLIC_ROUTES``).
    defaults: tuple[tuple[str, tuple[Piece, ...]], ...] = ()


@dataclass(slots=True)
class ClassInfo:
    """A class that may be a dependency (``Depends(JWTBearer())``) or a middleware (with
    the requests it lets through unchecked)."""

    name: str
    line: int
    bases: tuple[Ref, ...]
    marker: str
    deps: tuple[Ref, ...]
    annots: tuple[Ref, ...]
    calls: tuple[Ref, ...]
    bypass: Bypass | None = None


@dataclass(slots=True)
class ObjInfo:
    """A module-level object: a FastAPI app, an APIRouter, a security scheme or an instance.

    Args:
        kind: ``app``, ``router``, ``scheme`` (HTTPBearer & co.) or ``instance``.
        cls: the class as written.
        prefix: the router's own ``prefix=``.
        deps: its ``dependencies=[...]``.
        auto_error: for a scheme, False when created with ``auto_error=False``.
    """

    name: str
    kind: str
    cls: Ref
    line: int
    prefix: tuple[Piece, ...] = ()
    deps: tuple[Ref, ...] = ()
    auto_error: bool = True


@dataclass(slots=True)
class ParamDep:
    """An endpoint parameter fed by a dependency (``user: CurrentUser``)."""

    name: str
    ref: Ref
    annotation_only: bool


@dataclass(slots=True)
class OwnershipFacts:
    """What an endpoint with a path id does with the record, for the ownership check.

    Args:
        id_params: the path parameters that are record ids.
        line: the first line that loads, changes or deletes the record by id.
        source: that line.
        models: candidate model class names (``Todo``) for that record.
        checked: endpoint parameters whose value is compared or used to filter.
        request_users: where the endpoint reads the user a middleware put on the request
            (``request.state.user``, ``request.user``): the current user when a
            middleware protects the route.
        owner_check: a test or call puts the user and the loaded record (or its id)
            side by side (``is_authorized(user, "update", hero)``, ``hero.owner_id ==
            user.id``): the record's owner is checked, evidence for sibling routes.
        gate: the user parameters' dependencies as written (``Depends(get_user(roles=…))``).
    """

    id_params: tuple[str, ...]
    line: int
    source: str
    models: tuple[str, ...]
    checked: frozenset[str]
    request_users: tuple[str, ...] = ()
    owner_check: bool = False
    gate: tuple[str, ...] = ()


@dataclass(slots=True)
class RouteDecl:
    """One route as declared (``@router.get("/{todo_id}")`` or ``add_api_route``)."""

    owner: Ref
    methods: tuple[str, ...]
    path: tuple[Piece, ...]
    line: int
    source: str
    endpoint: str
    deps: tuple[Ref, ...]
    params: tuple[ParamDep, ...]
    inline: str
    calls: tuple[Ref, ...]
    login_form: bool
    ownership: OwnershipFacts | None
    #: the library that generated it (``fastapi_users.get_users_router``), if any.
    library: str = ""
    #: methods called on objects in the body (``Authorize.jwt_required()``), for
    #: dependencies that authenticate only when told to (fastapi-jwt-auth's AuthJWT).
    method_calls: frozenset[str] = frozenset()
    #: a GET that serves a page, a file or a redirect (docs, the web UI): public by nature.
    page: bool = False
    #: verifies a token its caller sends in the body or query (a refresh token) and
    #: issues a new one: the token endpoint, public like a login.
    exchange: bool = False


@dataclass(slots=True)
class IncludeDecl:
    """``target.include_router(child, prefix=…, dependencies=…)`` or ``target.mount``."""

    target: Ref
    child: Ref
    prefix: tuple[Piece, ...]
    deps: tuple[Ref, ...]
    line: int
    mount: bool
    #: for a router a library generates (``fastapi_users.get_auth_router(…)``): its
    #: generator, whose routes come from :mod:`jwtscope.audit.python.library_routes`.
    library: str = ""


@dataclass(slots=True)
class MiddlewareDecl:
    """``target.add_middleware(Cls)`` or ``@target.middleware("http")``."""

    target: Ref
    ref: Ref | None
    marker: str
    line: int
    bypass: Bypass | None = None
    #: keyword arguments given as string lists (``exclude_paths=["/health"]``).
    options: tuple[tuple[str, tuple[Piece, ...]], ...] = ()


@dataclass(slots=True)
class CorsDecl:
    """A CORSMiddleware configuration; ``None`` where the value is not a literal."""

    line: int
    source: str
    origins: tuple[str, ...] | None
    origin_regex: str | None
    credentials: bool | None
    headers: tuple[str, ...] | None
    #: ``allow_origins=settings.allowed_hosts``: the name, resolved once every file is read.
    origins_ref: Ref | None = None


@dataclass(slots=True)
class DecodeCall:
    """A ``jwt.decode`` call (PyJWT or python-jose) and what its arguments say.

    Args:
        lib: ``pyjwt`` or ``jose``.
        algorithms: the algorithms as pieces, ``None`` when not a literal list.
        algorithms_given: whether ``algorithms`` was passed at all.
        key_names: names the key expression mentions (``BETTER_AUTH_SECRET``).
        key_src, token_src: the source of the key and token arguments, for the fix
            (``key_src`` is empty when the key is missing or a literal: never shown).
        audience, issuer: the ``audience=``/``issuer=`` arguments as pieces, when literal.
        peek: an unverified decode whose result is only read for ``kid``/``alg``/``iss``
            or logged, before a verifying decode in the same function (harmless).
    """

    line: int
    source: str
    lib: str
    algorithms: tuple[Piece, ...] | None
    algorithms_given: bool
    verify_off: bool
    exp_off: bool
    aud_off: bool
    audience_given: bool
    splat: bool
    key_names: tuple[str, ...]
    key_src: str
    token_src: str
    in_function: str
    audience: tuple[Piece, ...] | None = None
    issuer: tuple[Piece, ...] | None = None
    peek: bool = False
    #: whether its function reads a token type claim or deals with refresh tokens.
    type_checked: bool = True


@dataclass(slots=True)
class ModuleSummary:
    """Everything the audit keeps about one module."""

    name: str
    path: str
    is_package: bool
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    star_imports: list[str] = field(default_factory=list)
    functions: dict[str, FuncInfo] = field(default_factory=dict)
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    objects: dict[str, ObjInfo] = field(default_factory=dict)
    aliases: dict[str, tuple[Ref, ...]] = field(default_factory=dict)
    strings: dict[str, str] = field(default_factory=dict)
    lists: dict[str, tuple[Piece, ...]] = field(default_factory=dict)
    #: module-level names bound to environment reads (``SECRET = os.environ["X"]``).
    env_refs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: module-level functions that check nothing (kept by name only, so that a
    #: dependency on one is known not to authenticate rather than unknown).
    plain: set[str] = field(default_factory=set)
    routes: list[RouteDecl] = field(default_factory=list)
    includes: list[IncludeDecl] = field(default_factory=list)
    middleware: list[MiddlewareDecl] = field(default_factory=list)
    cors: list[CorsDecl] = field(default_factory=list)
    decodes: list[DecodeCall] = field(default_factory=list)
    sign_algorithms: list[Ref] = field(default_factory=list)
    owner_keys: bool = False
    #: the paths of ``mount(path, StaticFiles(…))`` calls, as written, with their lines.
    static_mounts: list[tuple[tuple[Piece, ...], int]] = field(default_factory=list)
    #: functions and classes whose code speaks of roles or permissions (``astutil.role_word``).
    role_defs: set[str] = field(default_factory=set)

    def worth_keeping(self) -> bool:
        """False for modules that cannot matter to routes or auth (models, utilities)."""
        return bool(
            self.functions
            or self.classes
            or self.objects
            or self.aliases
            or self.routes
            or self.includes
            or self.middleware
            or self.cors
            or self.decodes
            or self.sign_algorithms
            or self.strings
            or self.lists
            or self.env_refs
            or self.plain
            or (self.is_package and (self.imports or self.star_imports))
        )
