"""A HAR made safe to attach to a ticket: only the fields of the HAR format are kept,
and every value that could carry a credential or personal data is scrubbed.

Kept for triage: times, methods, statuses, header names, the values of harmless
headers (``Date``, ``Content-Type``, ``Access-Control-*``, ``WWW-Authenticate`` …),
cookie attributes, and each token's header and claims' times (see
:mod:`jwtscope.core.har.har_scrub`). Removed or replaced: ``Authorization``, cookies,
``Set-Cookie`` and token header values (by fingerprints), query and form values,
passwords, bodies (JSON keeps its keys; other text is dropped), custom fields
(``_initiator`` …), comments. ``jwtscope har`` on the result gives the same timeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jwtscope.core.har.har_credentials import is_token_key
from jwtscope.core.har.har_entry import obj, text
from jwtscope.core.har.har_scrub import (
    MASKED,
    scrub_form_text,
    scrub_json_text,
    scrub_text_tokens,
    scrub_token,
    scrub_url,
    scrub_value,
)
from jwtscope.core.token.carriers import (
    TOKEN_HEADER_NAMES,
    cookie_text,
    parse_cookie_string,
    split_authorization,
)

__all__ = ["sanitize_entry", "sanitize_har", "sanitize_log_fields"]

#: Headers whose values are kept (tokens in them still scrubbed); every other value goes.
_KEPT_TEXT = """
content-type content-length content-encoding date cache-control pragma expires vary
accept accept-encoding accept-language connection keep-alive transfer-encoding server
www-authenticate age last-modified user-agent :method :scheme :authority host
upgrade-insecure-requests strict-transport-security x-content-type-options
x-frame-options referrer-policy timing-allow-origin priority dnt te via alt-svc
access-control-request-method access-control-request-headers sec-fetch-mode
sec-fetch-site sec-fetch-dest sec-fetch-user
"""
_KEPT_VALUES = frozenset(_KEPT_TEXT.split())
_URL_HEADERS = frozenset({"origin", "referer", "location", "content-location", ":path"})
#: Every header the token reader takes a token from, and a few more secrets.
_TOKEN_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "set-auth-token",
        "set-auth-jwt",
        "x-csrf-token",
        "x-xsrf-token",
        "x-api-key",
        *TOKEN_HEADER_NAMES,
    }
)
_ENTRY_KEYS = ("pageref", "startedDateTime", "time", "timings", "serverIPAddress", "connection")
_ENTRY_CUSTOM = ("_error", "_resourceType", "_fromCache", "_transferSize", "_priority")
_REQUEST_KEYS = ("method", "httpVersion", "headersSize", "bodySize")
_RESPONSE_KEYS = (
    "status",
    "statusText",
    "httpVersion",
    "headersSize",
    "bodySize",
    "_error",
    "_failureText",
)
_REMOVED_NOTE = re.compile(r"removed \(\d+ (base64 )?characters\)")
_COOKIE_KEYS = ("name", "path", "domain", "expires", "httpOnly", "secure", "sameSite")


def _header_value(name: str, value: str) -> str:
    lower = name.lower()
    if lower.startswith("access-control-") or lower in _KEPT_VALUES:
        return scrub_text_tokens(value)
    if lower in _URL_HEADERS:
        return (
            value
            if value == "null"
            else scrub_url(value)
            if lower != ":path"
            else scrub_url("http://h" + value).removeprefix("http://h")
        )
    if lower in ("authorization", "proxy-authorization"):
        scheme, token = split_authorization(value)
        return f"{scheme} {scrub_token(token)}".strip() if token else value
    if lower == "cookie":
        return "; ".join(
            f"{k}={scrub_token(cookie_text(v))}" for k, v in parse_cookie_string(value)[0]
        )
    if lower == "set-cookie":
        return "\n".join(_set_cookie(line) for line in value.splitlines())
    if lower in _TOKEN_HEADERS or is_token_key(lower.replace("-", "_")):
        return scrub_token(value.strip())
    return MASKED


def _set_cookie(line: str) -> str:
    first, sep, attributes = line.partition(";")
    name, eq, value = first.partition("=")
    if not eq:
        return MASKED
    kept = [a.strip() for a in attributes.split(";") if a.strip()]
    safe = [a for a in kept if a.split("=", 1)[0].strip().lower() in _COOKIE_ATTRIBUTES]
    tail = "; ".join(safe)
    return f"{name.strip()}={scrub_token(cookie_text(value.strip()))}" + (
        f"; {tail}" if sep and tail else ""
    )


_COOKIE_ATTRIBUTES = frozenset(
    {
        "path",
        "domain",
        "expires",
        "max-age",
        "samesite",
        "secure",
        "httponly",
        "priority",
        "partitioned",
    }
)


def _headers(items: Any) -> list[dict[str, Any]]:
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(
                {
                    "name": item["name"],
                    "value": _header_value(item["name"], text(item.get("value"))),
                }
            )
    return out


def _cookies(items: Any) -> list[dict[str, Any]]:
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            kept = {k: item[k] for k in _COOKIE_KEYS if k in item}
            value = text(item.get("value"))
            kept["value"] = scrub_token(cookie_text(value)) if value else ""
            out.append(kept)
    return out


def _pairs(items: Any, scrub: Callable[[str, str], str]) -> list[dict[str, str]]:
    out = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(
                {"name": item["name"], "value": scrub(item["name"], text(item.get("value")))}
            )
    return out


def _body_text(body: str, mime: str, keep_errors: bool) -> str:
    if not body or _REMOVED_NOTE.fullmatch(body):
        return body
    as_json = scrub_json_text(body, keep_errors=keep_errors)
    if as_json is not None:
        return as_json
    if "x-www-form-urlencoded" in mime:
        return scrub_form_text(body)
    return f"removed ({len(body)} characters)"


def _post_data(post: Any) -> dict[str, Any] | None:
    if not isinstance(post, dict):
        return None
    mime = text(post.get("mimeType"))
    out: dict[str, Any] = {"mimeType": mime}
    if isinstance(post.get("params"), list):
        out["params"] = _pairs(post["params"], scrub_value)
    if isinstance(post.get("text"), str):
        out["text"] = _body_text(post["text"], mime, keep_errors=False)
    return out


def _content(content: Any, failed: bool) -> dict[str, Any]:
    if not isinstance(content, dict):
        return {"size": 0, "mimeType": ""}
    out = {k: content[k] for k in ("size", "compression", "mimeType") if k in content}
    body = content.get("text")
    if isinstance(body, str) and content.get("encoding") != "base64":
        out["text"] = _body_text(body, text(content.get("mimeType")), keep_errors=failed)
    elif isinstance(body, str):
        out["text"] = f"removed ({len(body)} base64 characters)"
    return out


def sanitize_entry(raw: Any) -> dict[str, Any]:
    """One HAR entry, sanitized."""
    entry = obj(raw)
    request, response = obj(entry.get("request")), obj(entry.get("response"))
    out: dict[str, Any] = {k: entry[k] for k in (*_ENTRY_KEYS, *_ENTRY_CUSTOM) if k in entry}
    out["cache"] = {}
    req: dict[str, Any] = {k: request[k] for k in _REQUEST_KEYS if k in request}
    req["url"] = scrub_url(request["url"]) if isinstance(request.get("url"), str) else ""
    req["headers"] = _headers(request.get("headers"))
    req["cookies"] = _cookies(request.get("cookies"))
    req["queryString"] = _pairs(request.get("queryString"), scrub_value)
    post = _post_data(request.get("postData"))
    if post is not None:
        req["postData"] = post
    status = response.get("status")
    failed = isinstance(status, int) and (status >= 400 or status <= 0)
    resp: dict[str, Any] = {k: response[k] for k in _RESPONSE_KEYS if k in response}
    resp["headers"] = _headers(response.get("headers"))
    resp["cookies"] = _cookies(response.get("cookies"))
    resp["content"] = _content(response.get("content"), failed)
    redirect = response.get("redirectURL")
    resp["redirectURL"] = scrub_url(redirect) if isinstance(redirect, str) and redirect else ""
    out["request"], out["response"] = req, resp
    return out


def sanitize_log_fields(log: Any) -> dict[str, Any]:
    """The ``log`` object without its entries: version, creator, browser, pages."""
    log = obj(log)
    out: dict[str, Any] = {"version": log.get("version", "1.2")}
    for key in ("creator", "browser"):
        if isinstance(log.get(key), dict):
            out[key] = {
                k: log[key][k] for k in ("name", "version") if isinstance(log[key].get(k), str)
            }
    pages = []
    for page in log.get("pages") if isinstance(log.get("pages"), list) else []:
        if isinstance(page, dict):
            kept = {k: page[k] for k in ("startedDateTime", "id", "pageTimings") if k in page}
            title = page.get("title")
            kept["title"] = (
                scrub_url(title) if isinstance(title, str) and "://" in title else MASKED
            )
            pages.append(kept)
    out["pages"] = pages
    return out


def sanitize_har(data: Any) -> dict[str, Any]:
    """A whole parsed HAR, sanitized."""
    log = data.get("log") if isinstance(data, dict) else None
    out = sanitize_log_fields(log)
    entries = log.get("entries") if isinstance(log, dict) else None
    out["entries"] = [sanitize_entry(e) for e in entries] if isinstance(entries, list) else []
    return {"log": out}
