"""The request model and its importers: "Copy as cURL", raw HTTP, HAR, URL + token.

The commands below are written the way the browsers write them: Chrome on Linux (one
option per line, ``\\`` continuations, ``$'…'`` bodies, ``-b`` cookies, lower-case
HTTP/2 header names), Chrome's "Copy as cURL (cmd)" (``^`` escapes), Firefox (one line,
``--compressed`` first, ``Cookie:`` as a header) and Safari (``-X 'GET'``, capitalised
names, ``\\[`` glob escapes in the URL). Hypothesis checks that nothing but InputError
ever escapes the parsers, and that what shlex or Chrome quote comes back unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import shlex
import string
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from testdata import BETTERAUTH_EDDSA

from jwtscope.core.request.curl_import import parse_curl
from jwtscope.core.request.har_import import parse_har_entry
from jwtscope.core.request.importers import parse_request_text, sniff_request_format
from jwtscope.core.request.raw_import import parse_raw_request
from jwtscope.core.request.replay_request import (
    ReplayRequest,
    TokenLocation,
    build_request,
    check_url,
)
from jwtscope.core.request.shellwords import split_cmd, split_posix
from jwtscope.core.token.carriers import detect_token, looks_like_jwt, split_authorization
from jwtscope.errors import InputError, UsageError


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def make_token(sub: str = "u1") -> str:
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"sub": sub, "exp": 1_700_000_900}).encode())
    mac = hmac.new(b"not-a-real-secret", f"{header}.{payload}".encode(), hashlib.sha256)
    return f"{header}.{payload}.{b64url(mac.digest())}"


T = make_token()
T2 = make_token("u2")
SIG = T.rsplit(".", 1)[1]
BA_COOKIE = (BETTERAUTH_EDDSA / "session_cookie.txt").read_text().strip()
BA_NAME, BA_RAW = BA_COOKIE.split("=", 1)
BA_SESSION = (BETTERAUTH_EDDSA / "set_auth_token.txt").read_text().strip()
BA_JWT = (BETTERAUTH_EDDSA / "alice.jwt").read_text().strip()

CHROME_POST = f"""curl 'http://localhost:8000/todos' \\
  -H 'accept: */*' \\
  -H 'accept-language: en-GB,en;q=0.9,de;q=0.8' \\
  -H 'authorization: Bearer {T}' \\
  -H 'content-type: application/json' \\
  -b '{BA_NAME}={BA_RAW}; theme=dark' \\
  -H 'origin: http://localhost:3000' \\
  -H 'priority: u=1, i' \\
  -H 'referer: http://localhost:3000/' \\
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \\
  -H 'sec-ch-ua-mobile: ?0' \\
  -H 'sec-ch-ua-platform: "Linux"' \\
  -H 'sec-fetch-dest: empty' \\
  -H 'sec-fetch-mode: cors' \\
  -H 'sec-fetch-site: same-site' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' \\
  --data-raw $'{{"title":"it\\'s done\\u0021","note":"line1\\nline2"}}'"""  # noqa: E501

CHROME_SESSION_ONLY = f"""curl 'https://app.example.com/api/auth/token' \\
  -H 'accept: */*' \\
  -b '_ga=GA1.1.123456789.1700000000; {BA_NAME}={BA_RAW}' \\
  -H 'sec-fetch-mode: cors' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36'"""

FIREFOX_PATCH = (
    "curl 'https://api.example.com/todos/7' --compressed -X PATCH -H 'User-Agent: Mozilla/5.0 "
    "(X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: */*' "
    "-H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' "
    "-H 'Content-Type: application/json' "
    f"-H 'Authorization: Bearer {T}' -H 'Origin: https://app.example.com' "
    "-H 'Connection: keep-alive' -H 'Referer: https://app.example.com/' "
    f"-H 'Cookie: theme=dark; {BA_NAME}={BA_RAW}' -H 'Sec-Fetch-Dest: empty' "
    "-H 'Sec-Fetch-Mode: cors' -H 'Sec-Fetch-Site: same-site' -H 'Priority: u=0' "
    "-H 'TE: trailers' --data-raw '{\"done\":true}'"
)

SAFARI_GET = f"""curl 'https://api.example.com/todos?filter\\[status\\]=open' \\
-X 'GET' \\
-H 'Accept: application/json' \\
-H 'Authorization: Token {T}' \\
-H 'Sec-Fetch-Site: same-site' \\
-H 'Accept-Language: en-GB,en;q=0.9' \\
-H 'Sec-Fetch-Mode: cors' \\
-H 'Origin: https://app.example.com' \\
-H 'User-Agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15' \\
-H 'Referer: https://app.example.com/' \\
-H 'Sec-Fetch-Dest: empty' \\
-H 'Cookie: {BA_NAME}={BA_RAW}'"""  # noqa: E501

CHROME_CMD = (
    'curl ^"http://localhost:8000/todos?q=a^&b^" ^\r\n'
    '  -H ^"accept: */*^" ^\r\n'
    f'  -H ^"authorization: Bearer {T}^" ^\r\n'
    '  -H ^"content-type: application/json^" ^\r\n'
    f'  -b ^"{BA_NAME}={BA_RAW.replace("%", "^%^")}; theme=dark^" ^\r\n'
    '  -H ^"sec-ch-ua: ^\\^"Chromium^\\^";v=^\\^"131^\\^"^" ^\r\n'
    '  --data-raw ^"^{^\\^"title^\\^":^\\^"a ^& b ^<c^> 100^%^\\^"^}^"'
)


def chrome_posix(text: str) -> str:
    """Chrome DevTools' escapeStringPosix, for "Copy as cURL (bash)"."""
    if re.search(r"[\x00-\x1f\x7f-\x9f!']", text):
        body = (
            text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r")
        )
        body = re.sub(r"[\x00-\x1f\x7f-\x9f!]", lambda m: f"\\u{ord(m.group(0)):04x}", body)
        return f"$'{body}'"
    return f"'{text}'"


def chrome_win(text: str) -> str:
    """Chrome DevTools' escapeStringWin, for "Copy as cURL (cmd)"."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    body = re.sub(r"[^a-zA-Z0-9\s_\-:=+~'/.',?;()*`]", lambda m: "^" + m.group(0), body)
    body = re.sub(r"%(?=[a-zA-Z0-9_])", "%^", body)
    body = re.sub(r"\r?\n", "^\n\n", body)
    return f'^"{body}^"'


def everything(request: ReplayRequest) -> str:
    return json.dumps(request.redacted())


# ---------------------------------------------------------------- curl: the browsers


def test_chrome_linux_post_with_ansi_c_body():
    r = parse_curl(CHROME_POST)
    assert r.method == "POST"
    assert r.url == "http://localhost:8000/todos"
    names = [k for k, _ in r.headers]
    assert names == [
        "accept",
        "accept-language",
        "authorization",
        "content-type",
        "origin",
        "priority",
        "referer",
        "sec-ch-ua",
        "sec-ch-ua-mobile",
        "sec-ch-ua-platform",
        "sec-fetch-dest",
        "sec-fetch-mode",
        "sec-fetch-site",
        "user-agent",
    ]
    assert r.header("Sec-CH-UA") == '"Chromium";v="131", "Not_A Brand";v="24"'
    assert r.header("authorization") == f"Bearer {T}"
    assert r.cookies == ((BA_NAME, BA_RAW), ("theme", "dark"))
    assert r.body == b'{"title":"it\'s done!","note":"line1\nline2"}'
    assert r.token == T
    assert r.location == TokenLocation("authorization", "authorization", "Bearer")
    assert (r.insecure, r.follow_redirects_requested, r.source) == (False, False, "curl")
    assert r.notes == ()


def test_chrome_session_cookie_only_is_found_and_url_decoded():
    r = parse_curl(CHROME_SESSION_ONLY)
    assert r.method == "GET" and r.body is None
    assert r.location == TokenLocation("cookie", BA_NAME)
    assert r.token == BA_SESSION
    assert "%2B" in BA_RAW and dict(r.cookies)[BA_NAME] == BA_RAW
    assert r.header("cookie") == f"_ga=GA1.1.123456789.1700000000; {BA_NAME}={BA_RAW}"
    assert any("URL-decoded" in n for n in r.notes)


def test_firefox_one_line_patch_merges_the_cookie_header():
    r = parse_curl(FIREFOX_PATCH)
    assert r.method == "PATCH"
    assert r.url == "https://api.example.com/todos/7"
    assert [k for k, _ in r.headers][:3] == ["User-Agent", "Accept", "Accept-Language"]
    assert all(k.lower() != "cookie" for k, _ in r.headers)
    assert r.cookies == (("theme", "dark"), (BA_NAME, BA_RAW))
    assert r.header("TE") == "trailers"
    assert r.body == b'{"done":true}'
    assert r.token == T and r.location.kind == "authorization"
    assert r.notes == ("--compressed ignored",)


def test_firefox_ansi_c_bytes_are_sent_as_curl_would():
    # Firefox writes code points below 256 as \xHH: bash passes the single byte on.
    r = parse_curl(
        "curl 'https://api.example.com/notes' -X POST -H 'Content-Type: text/plain' "
        f"-H 'Authorization: Bearer {T}' --data-raw $'caf\\xe9 \\x21 it\\'s\\x0a'"
    )
    assert r.body == b"caf\xe9 ! it's\n"


def test_safari_get_with_glob_escapes_and_token_scheme():
    r = parse_curl(SAFARI_GET)
    assert r.method == "GET"
    assert r.url == "https://api.example.com/todos?filter[status]=open"
    assert r.header("Accept") == "application/json"
    assert r.headers[0] == ("Accept", "application/json")
    assert r.location == TokenLocation("authorization", "Authorization", "Token")
    assert r.token == T
    assert r.cookies == ((BA_NAME, BA_RAW),)
    assert any("glob" in n for n in r.notes)


def test_chrome_windows_cmd():
    r = parse_curl(CHROME_CMD)
    assert r.url == "http://localhost:8000/todos?q=a&b"
    assert r.method == "POST"
    assert r.header("sec-ch-ua") == '"Chromium";v="131"'
    assert r.cookies == ((BA_NAME, BA_RAW), ("theme", "dark"))
    assert r.body == b'{"title":"a & b <c> 100%"}'
    assert r.token == T
    assert r.notes[0].startswith("read as a Windows cmd command")


def test_windows_cmd_older_double_quote_style():
    r = parse_curl(
        'curl "https://api.example.com/x" -H "Authorization: Bearer '
        + T
        + '" --data-binary "{""a"":""100"%"""}"'
    )
    assert r.body == b'{"a":"100%"}'
    assert r.token == T


# ---------------------------------------------------------------- curl: options


def test_combined_short_flags_and_ignored_options():
    r = parse_curl(
        "curl -sSLk -XPUT 'http://localhost:8000/items/1' "
        f"-H 'X-Auth-Token: {T}' --max-time 10 -o /dev/null -w '%{{http_code}}' --http1.1"
    )
    assert r.method == "PUT"
    assert r.insecure and r.follow_redirects_requested
    assert r.location == TokenLocation("header", "X-Auth-Token")
    assert r.token == T
    for note in ("-s ignored", "-S ignored", "--max-time ignored", "-o ignored", "-w ignored"):
        assert note in r.notes
    assert "--http1.1 ignored" in r.notes
    assert any(n.startswith("-L recorded") for n in r.notes)


def test_no_flags_turn_options_off():
    r = parse_curl("curl -k --no-insecure -L --no-location http://h/x")
    assert not r.insecure and not r.follow_redirects_requested


def test_json_option_sets_headers_and_post():
    r = parse_curl(f"curl --json '{{\"a\":1}}' https://h.example/x --oauth2-bearer {T}")
    assert r.method == "POST"
    assert r.body == b'{"a":1}'
    assert r.header("content-type") == "application/json"
    assert r.header("accept") == "application/json"
    assert r.header("authorization") == f"Bearer {T}"
    assert r.token == T


def test_data_pieces_join_with_ampersand_and_get_moves_them_to_the_query():
    r = parse_curl("curl http://h/search -d a=1 --data-binary 'b=2' --data-urlencode 'q=x y&z'")
    assert r.body == b"a=1&b=2&q=x%20y%26z"
    assert r.header("Content-Type") == "application/x-www-form-urlencoded"
    assert any("Content-Type" in n for n in r.notes)
    g = parse_curl("curl -G http://h/search?x=0 -d a=1 --data-urlencode 'q=x y'")
    assert g.method == "GET" and g.body is None
    assert g.url == "http://h/search?x=0&a=1&q=x%20y"


def test_files_are_never_read():
    r = parse_curl("curl http://h/x -d @body.json -b cookies.txt -H @headers.txt -K cfg")
    assert r.method == "POST" and r.body is None and r.cookies == ()
    assert "-d @FILE ignored: jwtscope does not read files" in r.notes
    assert "-b FILE ignored: jwtscope does not read files" in r.notes
    assert "-H @FILE ignored: jwtscope does not read files" in r.notes


def test_user_option_becomes_basic_auth_and_never_hides_a_token_cookie():
    r = parse_curl(f"curl -u alice:s3cret http://h/x -b 'token={T}'")
    assert r.header("Authorization") == "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert r.location == TokenLocation("cookie", "token") and r.token == T
    assert "-u credentials sent as Authorization: Basic" in r.notes
    basic_only = parse_curl("curl -u alice:s3cret http://h/x")
    assert basic_only.location.scheme == "Basic"
    assert "s3cret" not in everything(basic_only)


def test_url_option_head_agent_referer_and_double_dash():
    r = parse_curl("curl -I --url 'http://h/x' -A 'agent/1' -e 'http://h/;auto'")
    assert r.method == "HEAD" and r.url == "http://h/x"
    assert r.headers == (("User-Agent", "agent/1"), ("Referer", "http://h/"))
    assert parse_curl("curl -s -- http://h/y").url == "http://h/y"
    assert parse_curl("curl -X POST localhost:8000/todos").url == "http://localhost:8000/todos"


def test_header_forms_curl_knows():
    r = parse_curl("curl http://h/x -H 'Accept:' -H 'X-Empty;' -H 'X-Trail: v  '")
    assert r.headers == (("X-Empty", ""), ("X-Trail", "v  "))
    assert any("'Accept:' ignored" in n for n in r.notes)


def test_shell_variables_are_kept_and_reported():
    r = parse_curl('curl http://h/x -H "Authorization: Bearer $TOKEN" -H "X-Id: ${ID}"')
    assert r.token == "$TOKEN" and r.header("X-Id") == "${ID}"
    assert "$TOKEN, $ID kept as written: jwtscope does not expand shell variables" in r.notes


def test_pipes_redirections_and_prompts():
    r = parse_curl(f"$ curl -s http://h/x -H 'Authorization: Bearer {T}' 2>&1 > out.json | jq .")
    assert r.url == "http://h/x" and r.token == T
    assert "shell redirection > ignored" in r.notes
    assert any(n.startswith("the shell text after the curl command") for n in r.notes)
    assert parse_curl("curl 'http://h/a?x=1&y=2'; echo done").url == "http://h/a?x=1&y=2"
    assert parse_curl("curl http://h/a?x=1&y=2").url == "http://h/a?x=1&y=2"


def test_a_caret_inside_a_bash_body_does_not_switch_to_cmd():
    r = parse_curl("curl 'http://h/x' \\\n  --data-raw 'a ^\nb'")
    assert r.body == b"a ^\nb"
    assert parse_curl("CURL HTTPS://H.example/X").url == "https://H.example/X"


def test_comment_and_crlf_continuations():
    r = parse_curl("curl 'http://h/x' \\\r\n  -H 'A: 1' \\\r\n  # a comment\n  -H 'B: 2'")
    assert r.headers == (("A", "1"), ("B", "2"))


# ---------------------------------------------------------------- curl: errors


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "does not start with curl"),
        (f"wget --header 'Authorization: Bearer {T}' http://h/x", "does not start with curl"),
        (f"curl -H 'Authorization: Bearer {T}'", "has no URL"),
        (f"curl http://h/a http://h/b -H 'Authorization: Bearer {T}'", "names 2 URLs"),
        (f"curl 'http://h/x' -H 'Authorization: Bearer {T}", "unclosed single quote (line 1"),
        (f"curl 'http://h/x' \\\n  -H \"Authorization: {T}", "unclosed double quote (line 2"),
        (f"curl http://h/x --data-raw $'{T}", "unclosed $'…' quote"),
        (f"curl http://h/x --frobnicate -H 'Authorization: Bearer {T}'", "--frobnicate"),
        ("curl http://h/x -Q", "needs a value"),
        (f"curl http://h/x -H 'Authorization: Bearer {T}' -H", "-H needs a value"),
        ("curl http://h/a --next http://h/b", "several requests"),
        (f"curl 'http://h/a' -H 'Authorization: Bearer {T}';\ncurl 'http://h/b'", "several curl"),
        (f"curl ftp://h/x -H 'Authorization: Bearer {T}'", "not HTTP"),
        (f"curl http:///x -H 'Authorization: Bearer {T}'", "no host"),
        (f"curl http://h:99999/x -H 'Authorization: Bearer {T}'", "cannot be parsed"),
        (f"curl http://h/x -H 'Bearer {T}'", "not 'Name: value'"),
        (f"curl http://h/x -H $'Authorization: Bearer {T}\\r\\nX: 1'", "line break"),
        (f"curl http://h/x -H 'Bad Name: {T}'", "not a valid HTTP header name"),
        (f"curl -X 'GET /x' http://h/x -H 'Authorization: Bearer {T}'", "not a valid HTTP method"),
        ('curl ^"http://h/x ^" -H "A: 1', "unclosed double quote"),
    ],
)
def test_curl_errors_are_one_line_and_never_show_the_token(text: str, message: str):
    with pytest.raises(InputError) as info:
        parse_curl(text)
    err = info.value
    assert message in err.message
    assert err.fix and "\n" not in err.message and "\n" not in err.fix
    assert SIG not in err.one_line() and T not in err.one_line()


# ---------------------------------------------------------------- raw HTTP


RAW_H1 = (
    "POST /todos HTTP/1.1\r\n"
    "Host: localhost:8000\r\n"
    "Connection: keep-alive\r\n"
    "Content-Length: 16\r\n"
    f"Authorization: Bearer {T}\r\n"
    "Content-Type: application/json\r\n"
    "Origin: http://localhost:3000\r\n"
    f"Cookie: theme=dark; {BA_NAME}={BA_RAW}\r\n"
    "\r\n"
    '{"title":"milk"}\r\n'
)

RAW_H2 = f""":authority: api.example.com
:method: GET
:path: /me?expand=roles
:scheme: https
accept: */*
accept-language: en-GB,en;q=0.9
authorization: Bearer {T}
origin: https://app.example.com
sec-fetch-mode: cors
"""


def test_raw_http11_with_crlf_host_cookies_and_body():
    r = parse_raw_request(RAW_H1)
    assert (r.method, r.url, r.source) == ("POST", "http://localhost:8000/todos", "raw")
    assert r.headers == (
        ("Connection", "keep-alive"),
        ("Authorization", f"Bearer {T}"),
        ("Content-Type", "application/json"),
        ("Origin", "http://localhost:3000"),
    )
    assert r.cookies == (("theme", "dark"), (BA_NAME, BA_RAW))
    assert r.body == b'{"title":"milk"}'
    assert r.token == T and r.location.kind == "authorization"
    assert "Host, Content-Length left out: the URL and body carry them" in r.notes
    assert "the raw request does not say http or https: http assumed" in r.notes
    assert parse_raw_request(RAW_H1, default_scheme="https").url.startswith("https://")


def test_raw_http2_pseudo_headers_as_chrome_shows_them():
    r = parse_raw_request(RAW_H2)
    assert (r.method, r.url) == ("GET", "https://api.example.com/me?expand=roles")
    assert [k for k, _ in r.headers] == [
        "accept",
        "accept-language",
        "authorization",
        "origin",
        "sec-fetch-mode",
    ]
    assert r.body is None and r.token == T


def test_raw_absolute_form_lf_folding_and_port_443():
    r = parse_raw_request(
        f"GET https://api.example.com/x HTTP/1.1\nX-Long: a\n  b\nX-Access-Token: {T}\n"
    )
    assert r.url == "https://api.example.com/x"
    assert r.header("x-long") == "a b"
    assert r.location == TokenLocation("header", "X-Access-Token")
    assert parse_raw_request("GET / HTTP/1.1\nHost: h:443\n").url == "https://h:443/"
    assert parse_raw_request("GET /\nHost: h\n").url == "http://h/"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (f"Authorization: Bearer {T}\n", "not an HTTP request line"),
        (f"GET /x HTTP/1.1\nAuthorization: Bearer {T}\n", "no Host header"),
        (f"GET /x HTTP/1.1\nHost: h\n{T}\n", "Line 3 of the request"),
        ("CONNECT h:443 HTTP/1.1\nHost: h\n", "neither a path"),
        (":authority: h\naccept: */*\n", "no method or path"),
    ],
)
def test_raw_errors(text: str, message: str):
    with pytest.raises(InputError) as info:
        parse_raw_request(text)
    assert message in info.value.message and T not in info.value.one_line()


def test_raw_default_scheme_must_be_http():
    with pytest.raises(UsageError):
        parse_raw_request(RAW_H1, default_scheme="ftp")


def test_raw_body_trailing_newline_is_cut_to_content_length():
    r = parse_raw_request("POST /x HTTP/1.1\nHost: h\nContent-Length: 3\n\nabc\n\n")
    assert r.body == b"abc"
    assert any("Content-Length" in n for n in r.notes)


# ---------------------------------------------------------------- HAR


def har_entry(
    method: str, url: str, status: int, headers: list[tuple[str, str]], **request: Any
) -> dict[str, Any]:
    return {
        "_resourceType": "fetch",
        "cache": {},
        "connection": "443",
        "request": {
            "method": method,
            "url": url,
            "httpVersion": "http/2.0",
            "headers": [{"name": k, "value": v} for k, v in headers],
            "queryString": [],
            "cookies": request.pop("cookies", []),
            "headersSize": -1,
            "bodySize": 0,
            **request,
        },
        "response": {"status": status, "statusText": "", "httpVersion": "http/2.0"},
        "serverIPAddress": "127.0.0.1",
        "startedDateTime": "2026-11-24T23:33:01.120Z",
        "time": 12.5,
        "timings": {"send": 0.1, "wait": 11.9, "receive": 0.5},
    }


HAR = {
    "log": {
        "version": "1.2",
        "creator": {"name": "WebInspector", "version": "537.36"},
        "pages": [],
        "entries": [
            har_entry(
                "GET",
                "https://app.example.com/api/auth/get-session",
                200,
                [(":authority", "app.example.com"), (":method", "GET"), ("accept", "*/*")],
                cookies=[{"name": BA_NAME, "value": BA_RAW, "httpOnly": True}],
            ),
            har_entry(
                "POST",
                "https://api.example.com/todos",
                401,
                [
                    (":authority", "api.example.com"),
                    (":method", "POST"),
                    (":path", "/todos"),
                    (":scheme", "https"),
                    ("accept", "*/*"),
                    ("authorization", f"Bearer {T}"),
                    ("content-type", "application/json"),
                    ("content-length", "16"),
                ],
                postData={"mimeType": "application/json", "text": '{"title":"milk"}'},
            ),
            har_entry("GET", "https://api.example.com/health", 200, [("accept", "*/*")]),
        ],
    }
}


def test_har_picks_the_first_401_entry():
    r = parse_har_entry(HAR)
    assert (r.method, r.url, r.source) == ("POST", "https://api.example.com/todos", "har")
    assert r.headers == (
        ("accept", "*/*"),
        ("authorization", f"Bearer {T}"),
        ("content-type", "application/json"),
    )
    assert r.body == b'{"title":"milk"}'
    assert r.token == T
    assert "HAR entry 1 of 3 used: the first answered 401/403" in r.notes
    assert "HTTP/2 pseudo-headers left out" in r.notes


def test_har_index_cookie_array_text_input_and_sanitised_export():
    first = parse_har_entry(json.dumps(HAR), index=0)
    assert first.cookies == ((BA_NAME, BA_RAW),)
    assert first.location == TokenLocation("cookie", BA_NAME) and first.token == BA_SESSION
    last = parse_har_entry(HAR, index=-1)
    assert last.url.endswith("/health") and last.token is None
    assert any("with sensitive data" in n for n in last.notes)
    no_401 = {"log": {"entries": [HAR["log"]["entries"][0], HAR["log"]["entries"][2]]}}
    assert parse_har_entry(no_401).url.endswith("/health")
    single = parse_har_entry(HAR["log"]["entries"][1])
    assert single.token == T
    assert single.notes == (
        "content-length left out: the URL and body carry them",
        "HTTP/2 pseudo-headers left out",
    )


def test_har_cookie_header_wins_over_the_cookie_array():
    entry = har_entry(
        "GET",
        "http://h/x",
        403,
        [("Cookie", "a=1; b=2"), ("Host", "h")],
        cookies=[{"name": "a", "value": "1"}, {"name": "b", "value": "2"}],
    )
    r = parse_har_entry(entry)
    assert r.cookies == (("a", "1"), ("b", "2")) and r.headers == ()


@pytest.mark.parametrize(
    ("data", "index", "message"),
    [
        ('{"log": {"entries": [', None, "not valid JSON"),
        ({"log": {"entries": []}}, None, "no entries"),
        ({"log": {}}, None, "no log.entries"),
        ({"hello": "world"}, None, "not a HAR file"),
        (HAR, 3, "HAR entry 3 does not exist: the file has 3 entries"),
        ({"log": {"entries": [{"request": {"url": "http://h/"}}]}}, None, "no request method"),
        ({"log": {"entries": [{"response": {}}]}}, None, "no request object"),
        ({"request": {"method": "GET", "url": "http://h/", "headers": {}}}, None, "not a list"),
    ],
)
def test_har_errors(data: Any, index: int | None, message: str):
    with pytest.raises(InputError) as info:
        parse_har_entry(data, index)
    assert message in info.value.message


# ---------------------------------------------------------------- sniffing


def test_parse_request_text_sniffs_each_format():
    assert parse_request_text(CHROME_POST).source == "curl"
    assert parse_request_text("\ufeff" + json.dumps(HAR)).source == "har"
    assert parse_request_text(RAW_H1).source == "raw"
    assert parse_request_text(RAW_H2).source == "raw"
    assert sniff_request_format('curl.exe ^"http://h/^"') == "curl"
    assert sniff_request_format("hello") is None
    assert sniff_request_format("# copied from Chrome\ncurl 'http://h/'") == "curl"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty"),
        (T, "a token, not a request"),
        (f"Bearer {T}", "a token, not a request"),
        ('fetch("http://h/x", {"headers": {}});', "Copy as fetch"),
        ("Invoke-WebRequest -UseBasicParsing -Uri http://h/x", "Copy as PowerShell"),
        ("just some words", "not a curl command"),
    ],
)
def test_parse_request_text_refuses_other_text(text: str, message: str):
    with pytest.raises(InputError) as info:
        parse_request_text(text)
    assert message in info.value.message and T not in info.value.one_line()


# ---------------------------------------------------------------- the model


def test_with_token_keeps_the_place_and_the_scheme():
    r = parse_curl(SAFARI_GET)
    swapped = r.with_token(T2)
    assert swapped.header("authorization") == f"Token {T2}" and swapped.token == T2
    assert [k for k, _ in swapped.headers] == [k for k, _ in r.headers]
    removed = r.with_token(None)
    assert removed.header("authorization") is None and removed.token is None
    assert removed.location == r.location
    assert removed.with_token(T).header("Authorization") == f"Token {T}"


def test_with_token_in_a_cookie_encodes_like_the_original():
    r = parse_curl(CHROME_SESSION_ONLY)
    new = "A" * 32 + ".abc+def/ghi="
    swapped = r.with_token(new)
    assert dict(swapped.cookies)[BA_NAME] == "A" * 32 + ".abc%2Bdef%2Fghi%3D"
    assert [k for k, _ in swapped.cookies] == [k for k, _ in r.cookies]
    assert swapped.token == new
    assert r.with_token(BA_SESSION).cookies == r.cookies
    gone = r.with_token(None)
    assert [k for k, _ in gone.cookies] == ["_ga"] and gone.token is None


def test_with_token_on_a_request_without_token_adds_bearer():
    r = parse_curl("curl http://h/x -H 'Accept: */*'")
    assert r.token is None and r.location == TokenLocation("none")
    added = r.with_token(T)
    assert added.headers[-1] == ("Authorization", f"Bearer {T}")
    assert added.location == TokenLocation("authorization", "Authorization", "Bearer")
    assert r.with_token(None) == r


def test_without_auth_drops_authorization_and_token_cookies():
    r = parse_curl(CHROME_POST)
    bare = r.without_auth()
    assert bare.header("authorization") is None and bare.token is None
    assert bare.cookies == (("theme", "dark"),)
    assert bare.body == r.body and bare.method == r.method
    header_token = parse_curl(f"curl http://h/x -H 'X-Access-Token: {T}' -H 'A: 1'")
    assert header_token.without_auth().headers == (("A", "1"),)


def test_redacted_never_shows_a_full_token_or_cookie():
    r = parse_curl(
        CHROME_POST.replace(
            "--data-raw", f"-H 'x-api-key: sk_live_0123456789abcdef' --data-raw $'{T2}' --data-raw"
        )
    )
    view = r.redacted()
    text = json.dumps(view)
    assert json.loads(text) == view
    assert T not in text and T2 not in text and SIG not in text
    assert BA_RAW not in text and BA_SESSION not in text and "0123456789abcdef" not in text
    assert view["token"] == T.rsplit(".", 1)[0] + ".<signature removed>"
    assert dict(map(tuple, view["headers"]))["authorization"].startswith("Bearer eyJ")
    assert dict(map(tuple, view["cookies"]))["theme"] == "<redacted>"
    assert view["location"] == {
        "kind": "authorization",
        "name": "authorization",
        "scheme": "Bearer",
    }
    assert view["body_bytes"] == len(r.body or b"")


def test_redacted_hides_a_password_in_the_url_and_in_form_bodies():
    r = parse_curl("curl 'https://bob:hunter22@h.example/login' -d 'user=bob&password=hunter22'")
    text = json.dumps(r.redacted())
    assert "hunter22" not in text and "bob:<redacted>@" in text


def test_header_cookie_wire_headers_and_origin():
    r = parse_curl(CHROME_POST)
    assert r.header("COOKIE") == f"{BA_NAME}={BA_RAW}; theme=dark"
    assert r.header("x-missing") is None
    assert r.wire_headers()[-1] == ("Cookie", f"{BA_NAME}={BA_RAW}; theme=dark")
    assert r.origin == "http://localhost:8000"
    assert ReplayRequest("GET", "HTTPS://API.Example.com:443/x").origin == "https://api.example.com"
    assert ReplayRequest("GET", "http://[::1]:8080/").origin == "http://[::1]:8080"


@pytest.mark.parametrize(
    ("headers", "cookies", "expected"),
    [
        ([("Authorization", f"Bearer {T}")], [], ("authorization", "Bearer", T)),
        ([("Authorization", T)], [], ("authorization", "", T)),
        ([("Authorization", "Bearer")], [], ("authorization", "Bearer", "")),
        ([("Authorization", "Bearer undefined")], [], ("authorization", "Bearer", "undefined")),
        ([("Authorization", "Basic YTpi")], [("jwt", T)], ("cookie", "", T)),
        ([("Authorization", "Basic YTpi")], [], ("authorization", "Basic", "YTpi")),
        ([], [("other", "1"), ("id", T)], ("cookie", "", T)),
        ([], [("myapp.session_token", "abc.def")], ("cookie", "", "abc.def")),
        ([("X-Token", "opaque")], [], ("header", "", "opaque")),
        ([("X-Custom", f"Bearer {T}")], [], ("header", "Bearer", T)),
        ([("Accept", "*/*")], [("theme", "dark")], ("none", "", None)),
    ],
)
def test_detect_token_order(headers: Any, cookies: Any, expected: tuple[str, str, str | None]):
    token, location, _ = detect_token(headers, cookies)
    assert (location.kind, location.scheme, token) == expected


def test_split_authorization_and_jwt_shape():
    assert split_authorization("Bearer  x") == ("Bearer", " x")
    assert split_authorization(f" {T} ") == ("", T)
    assert looks_like_jwt(T) and looks_like_jwt(BA_JWT) and not looks_like_jwt(BA_SESSION)
    assert looks_like_jwt("eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn")


def test_check_url():
    assert check_url("localhost:8000/x") == (
        "http://localhost:8000/x",
        ("the URL has no scheme: http:// assumed, as curl does",),
    )
    with pytest.raises(InputError, match="space"):
        check_url("http://h/a b")


# ---------------------------------------------------------------- build_request


def test_build_request_puts_the_token_in_authorization():
    r = build_request(
        "http://localhost:8000/todos",
        token=f"Bearer {T}",
        method="post",
        headers=["Content-Type: application/json", ("X-Trace", "1")],
        cookies=["theme=dark; lang=en"],
        body='{"a":1}',
    )
    assert (r.method, r.source, r.body) == ("POST", "manual", b'{"a":1}')
    assert r.headers[-1] == ("Authorization", f"Bearer {T}")
    assert r.cookies == (("theme", "dark"), ("lang", "en"))
    assert r.token == T and r.location.kind == "authorization"
    assert any('"Bearer" scheme prefix removed' in n for n in r.notes)


def test_build_request_uses_the_place_that_already_carries_the_token():
    in_cookie = build_request("http://h/x", token=BA_SESSION, cookies=[BA_COOKIE])
    assert in_cookie.location == TokenLocation("cookie", BA_NAME)
    assert in_cookie.header("authorization") is None and in_cookie.cookies == ((BA_NAME, BA_RAW),)
    named = build_request("http://h/x", token=BA_COOKIE)
    assert named.cookies == ((BA_NAME, BA_RAW),) and named.token == BA_SESSION
    header = build_request("http://h/x", token=T, headers=[f"X-Auth-Token: {T}"])
    assert header.location == TokenLocation("header", "X-Auth-Token") and len(header.headers) == 1
    replaced = build_request("http://h/x", token=T2, headers=[f"Authorization: JWT {T}"])
    assert replaced.headers == (("Authorization", f"JWT {T2}"),)
    basic = build_request("http://h/x", token=T, headers=["Authorization: Basic YTpi"])
    assert basic.headers == (("Authorization", f"Bearer {T}"),)


def test_build_request_errors():
    with pytest.raises(InputError, match="Name: value"):
        build_request("http://h/x", headers=[T])
    with pytest.raises(InputError, match="name=value"):
        build_request("http://h/x", cookies=[T])
    with pytest.raises(InputError, match="not HTTP"):
        build_request("file:///etc/passwd", token=T)


# ---------------------------------------------------------------- properties

_TCHAR = string.ascii_letters + string.digits + "!#$%&'*+.^_`|~-"
header_names = st.text(_TCHAR, min_size=1, max_size=24).filter(lambda k: k.lower() != "cookie")
header_values = st.text(
    st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\x7f"),
    min_size=1,
    max_size=60,
).filter(lambda v: v[0] not in " \t" and v.strip(" \t") != "")
hosts = st.lists(
    st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=10), min_size=1, max_size=3
).map(".".join)
paths = st.text(string.ascii_letters + string.digits + "-._~!$&'()*+,;=:@/%", max_size=30)
urls = st.builds(
    lambda scheme, host, port, path: f"{scheme}://{host}{port}/{path}",
    st.sampled_from(["http", "https"]),
    hosts,
    st.sampled_from(["", ":8000", ":443"]),
    paths,
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_parsers_only_ever_raise_input_error(text: str):
    for parse in (parse_curl, parse_request_text, parse_raw_request, parse_har_entry):
        try:
            result = parse(text)  # type: ignore[operator]
        except InputError:
            continue
        assert isinstance(result, ReplayRequest)
        json.dumps(result.redacted())


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("curl -HXdb'\"$\\^&|;<>#:=@ \n\teyJ.xhttp://a/"))
        | st.characters(),
        max_size=120,
    )
)
def test_curl_like_text_only_raises_input_error(tail: str):
    for text in (f"curl {tail}", f"curl http://h/ {tail}", f'curl ^"http://h/^" ^\n{tail}'):
        try:
            assert isinstance(parse_curl(text), ReplayRequest)
        except InputError as exc:
            assert "\n" not in exc.message


@settings(max_examples=200, deadline=None)
@given(urls, header_names, header_values)
def test_shlex_quoted_header_round_trips(url: str, name: str, value: str):
    r = parse_curl(shlex.join(["curl", url, "-H", f"{name}: {value}"]))
    assert r.url == url
    assert r.headers == ((name, value),)


@settings(max_examples=200, deadline=None)
@given(urls, st.text(max_size=80))
def test_chrome_bash_quoted_body_round_trips(url: str, body: str):
    r = parse_curl(f"curl {chrome_posix(url)} \\\n  --data-raw {chrome_posix(body)}")
    assert r.url == url
    assert r.body == body.encode()


@settings(max_examples=200, deadline=None)
@given(
    urls,
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\\"), max_size=80),
)
def test_chrome_cmd_quoted_body_round_trips(url: str, body: str):
    # Chrome's cmd quoting drops \r and doubles every backslash, but the C runtime only
    # halves backslashes before a quote (see test_cmd_backslashes_are_read_as_curl_exe_does).
    r = parse_curl(f"curl {chrome_win(url)} ^\n  --data-raw {chrome_win(body)}")
    assert r.url == url
    assert r.body == body.encode()


@given(st.lists(st.text(max_size=20), max_size=6))
def test_posix_splitter_reads_back_shlex(words: list[str]):
    assert list(split_posix(shlex.join(words)).items) == words


def test_cmd_backslashes_are_read_as_curl_exe_does():
    body = '{"a":"say \\"hi\\"\\n"}'
    r = parse_curl(f"curl {chrome_win('http://h/x')} ^\n  --data-raw {chrome_win(body)}")
    assert r.body == b'{"a":"say \\"hi\\"\\\\n"}'


def test_cmd_splitter_reads_chrome_quotes():
    assert split_cmd('curl ^"a b^" ^\n  -H ^"x: \\^"y\\^"^"').items == (
        "curl",
        "a b",
        "-H",
        'x: "y"',
    )
