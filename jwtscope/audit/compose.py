"""docker-compose files: a backend service whose JWKS URL points at ``localhost`` while the
auth server is another service (AUDIT-JWKS-LOCALHOST-CONTAINER).

The files are read line by line (no YAML library): ``services:``, each service's
``environment`` (list or map), ``env_file`` (the project's ``.env*`` files it names;
``environment`` overrides them), ``ports`` (short syntax) and ``network_mode``. A URL
with ``${…}`` interpolation, a service on the host network (or sharing another's), or an
auth service that cannot be told (no other service publishes the URL's port nor holds
``BETTER_AUTH_*`` variables) gives no finding.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from jwtscope.audit.codes import make
from jwtscope.audit.envfiles import EnvFiles
from jwtscope.audit.model import AuditFinding
from jwtscope.audit.redact import redact_line

__all__ = ["ComposeFiles", "is_compose_file"]

_NAME = re.compile(r"(?i)^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$")
_LOCAL = frozenset({"localhost", "127.0.0.1", "0.0.0.0", "::1"})
_KEY = re.compile(r"^( *)([\w.-]+|\"[^\"]+\"|'[^']+')\s*:\s*(.*)$")
_ITEM = re.compile(r"^( *)-\s*(.*)$")


def is_compose_file(name: str) -> bool:
    """``docker-compose.yml``, ``compose.yaml``, ``docker-compose.prod.yml``…"""
    return bool(_NAME.match(name))


def _scalar(text: str) -> str:
    text = re.sub(r"\s+#.*$", "", text).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


@dataclass
class _Service:
    name: str
    env: list[tuple[str, str, int, str]] = field(default_factory=list)  # name, value, line, src
    ports: list[tuple[str, str]] = field(default_factory=list)  # (published, target)
    network_mode: str = ""
    env_files: list[str] = field(default_factory=list)  # as written, relative to the file


def _services(text: str) -> list[_Service]:
    services: list[_Service] = []
    indent_services = svc_indent = -1
    current: _Service | None = None
    section, section_indent = "", -1
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        key = _KEY.match(raw)
        if indent_services < 0:
            if key and indent == 0 and key.group(2) == "services":
                indent_services = 0
            continue
        if indent == 0:
            indent_services = -1 if not (key and key.group(2) == "services") else 0
            current = None
            continue
        if key and (svc_indent < 0 or indent == svc_indent):
            svc_indent = indent
            current = _Service(_scalar(key.group(2)))
            services.append(current)
            section = ""
            continue
        if current is None:
            continue
        if (key and indent <= section_indent) or section_indent < 0 or (key and not section):
            if key:
                section, section_indent = key.group(2), indent
                if section == "network_mode":
                    current.network_mode = _scalar(key.group(3))
                elif section == "env_file" and _scalar(key.group(3)):
                    current.env_files.append(_scalar(key.group(3)))
                elif section == "ports" and key.group(3).strip().startswith("["):
                    for port in key.group(3).strip().strip("[]").split(","):
                        _port(current, _scalar(port))
            continue
        item = _ITEM.match(raw)
        value = _scalar(item.group(2)) if item else ""
        if section == "environment":
            if item and "=" in value:
                name, val = value.split("=", 1)
                current.env.append((name.strip(), val.strip(), number, raw.strip()))
            elif key and not item:
                current.env.append(
                    (_scalar(key.group(2)), _scalar(key.group(3)), number, raw.strip())
                )
        elif section == "env_file" and item:
            current.env_files.append(value)
        elif section == "ports" and item:
            _port(current, value)
    return services


def _port(service: _Service, value: str) -> None:
    """``"3001:3000"``, ``127.0.0.1:3001:3000/tcp`` or ``3000``: (published, container)."""
    parts = value.split("/")[0].split(":")
    if len(parts) >= 2:
        service.ports.append((parts[-2], parts[-1]))
    elif parts and parts[0]:
        service.ports.append((parts[0], parts[0]))


@dataclass
class ComposeFiles:
    """Every compose file of the project."""

    findings: list[AuditFinding] = field(default_factory=list)
    files: list[tuple[str, list[_Service]]] = field(default_factory=list)

    def add(self, rel: str, text: str) -> None:
        """Read one compose file (judged by :meth:`judge`, once the ``.env`` files are read)."""
        if "services" in text:
            self.files.append((rel, _services(text)))

    def judge(self, env: EnvFiles) -> list[AuditFinding]:
        """The findings of every compose file: inline ``environment`` and ``env_file``."""
        for rel, services in self.files:
            folder = posixpath.dirname(rel)
            for svc in services:
                if svc.network_mode == "host" or svc.network_mode.startswith(
                    ("service:", "container:")
                ):
                    continue
                for name, value, line, source in svc.env:
                    self._judge(rel, svc, services, name, value, line, source)
                for written in svc.env_files:
                    target = posixpath.normpath(posixpath.join(folder, written))
                    for file in env.files:
                        if file.rel != target:
                            continue
                        inline = {n for n, *_ in svc.env}  # environment: wins
                        for var, raw in file.values.items():
                            if var in inline:
                                continue
                            at = file.lines.get(var, (1, ""))
                            self._judge(file.rel, svc, services, var, raw or "", *at)
        return self.findings

    def _judge(
        self,
        rel: str,
        svc: _Service,
        services: list[_Service],
        name: str,
        value: str,
        line: int,
        source: str,
    ) -> None:
        if "${" in value or not ("jwks" in value.lower() or "JWKS" in name.upper()):
            return
        url = urlsplit(value)
        if url.scheme not in ("http", "https") or (url.hostname or "") not in _LOCAL:
            return
        port = str(url.port or (443 if url.scheme == "https" else 80))
        others = [s for s in services if s is not svc]
        target = next(
            ((s, t) for s in others for published, t in s.ports if published == port), None
        )
        if target is None:
            auth = [s for s in others if any(n.startswith("BETTER_AUTH_") for n, *_ in s.env)]
            if len(auth) != 1:
                return  # the auth server cannot be told: say nothing
            target = (auth[0], port)
        auth_svc, container_port = target
        fixed = url._replace(netloc=f"{auth_svc.name}:{container_port}").geturl()
        self.findings.append(
            make(
                "AUDIT-JWKS-LOCALHOST-CONTAINER",
                path=rel,
                line=line,
                source_line=redact_line(source),
                detail=f"Service {svc.name!r} fetches the JWKS from {value}, but inside its "
                f"container {url.hostname} is {svc.name!r} itself; the auth server is "
                f"service {auth_svc.name!r}"
                + (
                    f" (it publishes port {port})"
                    if any(p == port for p, _ in auth_svc.ports)
                    else ""
                )
                + ": fetching keys fails and every token is rejected.",
                fix=f"{name}={fixed}  (the service name and its container port; "
                "the browser keeps using the public URL)",
            )
        )
