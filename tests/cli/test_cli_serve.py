"""`jwtscope serve` without a browser: 127.0.0.1 only, a taken port, option errors before
any server starts, the options on either side of the app's name, and the hand-over to
the app's process (nothing of the user's on its command line)."""

from __future__ import annotations

import json
import signal
import socket
import sys

import jwt
import pytest

from jwtscope.cli import main
from jwtscope.cli.parser import build_parser
from jwtscope.cli.serve import ARGS_VAR, DEFAULT_PORT, app_spec, child_main, served_command

TOKEN = jwt.encode({"sub": "42"}, "cli-serve-test-secret-0123456789abcdef", algorithm="HS256")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", "::1"])
def test_other_hosts_are_refused_in_one_line(capsys, host):
    code, out, err = run(capsys, "serve", "--host", host)
    assert code == 2 and out == ""
    assert "127.0.0.1 only" in err and host in err
    assert "ssh -L" in err
    assert "Traceback" not in err


def test_a_taken_port_is_one_line(capsys):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, out, err = run(capsys, "serve", "--port", str(port))
    assert code == 2 and out == ""
    assert f"port {port} on 127.0.0.1 is taken" in err
    assert f"--port {port + 1}" in err


@pytest.mark.parametrize("port", ["0", "70000", "-5"])
def test_a_port_out_of_range_is_refused(capsys, port):
    code, _, err = run(capsys, "serve", "--port", port)
    assert code == 2 and "not a TCP port" in err


def test_option_errors_come_before_the_server(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "serve", "tui", TOKEN, "--key", str(tmp_path / "absent.pem"))
    assert code == 2 and out == ""
    assert "absent.pem" in err
    assert TOKEN not in err


def test_options_on_either_side_of_the_app_name():
    parser = build_parser()
    args = parser.parse_args(["serve", "--port", "8123", "tui", TOKEN, "--no-dotenv"])
    assert (args.port, args.host, args.serve_app, args.token) == (8123, "127.0.0.1", "tui", TOKEN)
    args = parser.parse_args(["serve", "tui", "--port", "8124", "--host", "localhost"])
    assert (args.port, args.host) == (8124, "localhost")
    args = parser.parse_args(["serve"])
    assert (args.port, args.serve_app) == (DEFAULT_PORT, None)
    assert parser.parse_args(["serve", "demo", "--port", "9000"]).port == 9000


def test_the_spec_carries_the_token_and_the_command_line_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "token.txt").write_text(f"Bearer {TOKEN}\n", encoding="utf-8")
    parser = build_parser()
    argv = ["serve", "tui", "--file", "token.txt", "--leeway", "30", "--env-file", "x.env"]
    spec = app_spec(parser.parse_args(argv))
    assert spec["app"] == "tui" and TOKEN in spec["text"]
    assert spec["options"]["leeway"] == 30 and spec["options"]["env_file"] == ["x.env"]
    assert not {"host", "port", "token", "file", "run"} & set(spec["options"])
    json.dumps(spec)  # it travels as JSON
    command = served_command()
    assert command == f"exec {sys.executable} -m jwtscope.cli.serve" or "'" in command
    assert TOKEN not in command and "token.txt" not in command
    assert app_spec(parser.parse_args(["serve"])) == {"app": "demo"}
    assert app_spec(parser.parse_args(["serve", "demo"])) == {"app": "demo"}


def test_a_token_too_long_to_hand_over_is_refused(capsys, tmp_path):
    (tmp_path / "big.txt").write_text("eyJ" + "A" * 99_000 + ".e30.x", encoding="utf-8")
    code, _, err = run(capsys, "serve", "tui", "--file", str(tmp_path / "big.txt"))
    assert code == 2 and "too long to serve" in err


def test_the_app_process_needs_the_server(capsys, monkeypatch):
    monkeypatch.delenv(ARGS_VAR, raising=False)
    before = signal.getsignal(signal.SIGINT)
    assert child_main() == 2
    assert "jwtscope serve" in capsys.readouterr().err
    # the test process keeps its Ctrl-C: an ignored SIGINT would be inherited by every
    # process the rest of the suite starts (their Ctrl-C tests then fail)
    assert signal.getsignal(signal.SIGINT) is before


def test_without_textual_serve_a_one_line_fix(capsys, monkeypatch):
    monkeypatch.delitem(sys.modules, "jwtscope.tui.web_server", raising=False)
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    code, out, err = run(capsys, "serve")
    assert code == 2 and out == ""
    assert "needs textual-serve" in err and "jwtscope[serve]" in err
