"""The user config: parsing, every kind of bad value (reported, the rest applied), the
path rules, and ``jwtscope config path | show | init`` with temporary XDG folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from jwtscope.cli import main
from jwtscope.core.user_settings import TEMPLATE, parse_settings
from jwtscope.local.user_config import (
    config_path,
    read_settings,
    usable_env_files,
    write_template,
)
from jwtscope.tui.user_keymap import check_settings, valid_key

GOOD = """\
theme = "nord"
env_files = [".env.local"]
[keys]
help = "f12"
replay = "ctrl+y, f6"
"""


def test_a_good_file_applies_whole():
    settings = parse_settings(GOOD, "cfg.toml")
    look = check_settings(settings)
    assert look.problems == ()
    assert look.keymap == {"help": "f12", "replay": "ctrl+y,f6"}
    assert look.theme == "nord"
    assert settings.env_files == (".env.local",)


@pytest.mark.parametrize(
    ("bad_line", "where"),
    [
        ('colour = "red"', "colour: unknown setting"),
        ("theme = 42", "theme: not a string"),
        ('theme = "no-such-theme"', "theme: 'no-such-theme' is not a theme"),
        ("env_files = 3", "env_files: not a list"),
        ("env_files = [3]", "env_files: 3 is not a file path"),
        ('keys = "f1"', "keys: not a table"),
        ("keys.help = 12", "keys.help: not a key string"),
        ('keys.helpp = "f12"', "keys.helpp: no binding has this id"),
        ('keys.help = "ctrl+zz"', "keys.help: 'ctrl+zz' is not a key"),
        ('keys.help = "hyperctrl+a"', "keys.help: 'hyperctrl+a' is not a key"),
        ('keys.help = "f2"', "keys.help: f2 is already the key of keys"),
    ],
)
def test_each_bad_value_is_one_line_and_the_rest_still_applies(bad_line, where):
    bad_theme = bad_line.startswith("theme")
    rest = '[keys]\nclear = "ctrl+k"\n' if bad_theme else 'theme = "nord"\n'
    look = check_settings(parse_settings(f"{bad_line}\n{rest}", "/cfg/config.toml"))
    assert len(look.problems) == 1, look.problems
    (line,) = look.problems
    assert line.startswith(f"/cfg/config.toml: {where}")
    assert "\n" not in line
    assert "ignored" in line
    if bad_theme:
        assert look.keymap == {"clear": "ctrl+k"}
    else:
        assert look.theme == "nord"


def test_not_toml_at_all_is_one_line_and_applies_nothing():
    look = check_settings(parse_settings("theme = [\n", "c.toml"))
    assert look.keymap == {}
    assert look.theme is None
    assert len(look.problems) == 1
    assert look.problems[0].startswith("c.toml: not valid TOML")


@pytest.mark.parametrize(
    "key", ["f12", "ctrl+r", "a", "?", "question_mark", "ctrl+shift+f3", "space"]
)
def test_keys_textual_can_bind(key):
    assert valid_key(key)


@pytest.mark.parametrize("key", ["", "ctrl+", "f99x", "ctrl+zz", "banana+a", "escapee"])
def test_keys_it_cannot(key):
    assert not valid_key(key)


def test_swapping_two_keys_is_no_clash():
    look = check_settings(parse_settings('[keys]\nhelp = "f2"\nkeys = "f1"\n', "c"))
    assert look.problems == ()
    assert look.keymap == {"help": "f2", "keys": "f1"}


def test_the_path_rules(tmp_path):
    home = tmp_path / "home"
    assert config_path({}, home) == home / ".config" / "jwtscope" / "config.toml"
    assert config_path({"XDG_CONFIG_HOME": str(tmp_path / "x")}, home) == (
        tmp_path / "x" / "jwtscope" / "config.toml"
    )
    # a relative XDG_CONFIG_HOME is invalid by the spec: ignored
    assert config_path({"XDG_CONFIG_HOME": "rel"}, home).parent.parent == home / ".config"
    given = {"JWTSCOPE_CONFIG": str(tmp_path / "mine.toml"), "XDG_CONFIG_HOME": "/nope"}
    assert config_path(given, home) == tmp_path / "mine.toml"


def test_missing_file_is_no_settings_and_unreadable_is_a_problem(tmp_path):
    env = {"JWTSCOPE_CONFIG": str(tmp_path / "config.toml")}
    assert read_settings(env).problems == ()
    (tmp_path / "config.toml").write_bytes(b'theme = "\xff"\n')
    (line,) = read_settings(env).problems
    assert "cannot be read (not UTF-8 text)" in line
    (tmp_path / "config.toml").unlink()
    (tmp_path / "config.toml").mkdir()  # a folder where the file should be
    (line,) = read_settings(env).problems
    assert line.startswith(f"{tmp_path / 'config.toml'}: cannot be read")


def test_env_files_that_do_not_exist_are_skipped_with_a_line(tmp_path):
    (tmp_path / ".env.local").write_text("JWT_SECRET=x\n")
    settings = parse_settings('env_files = [".env.local", ".env.gone"]', "c.toml")
    files, problems = usable_env_files(settings, tmp_path)
    assert files == (".env.local",)
    assert problems == (
        "c.toml: env_files: .env.gone is not a file, skipped; fix the path or remove it",
    )


def test_the_template_parses_clean_and_is_never_overwritten(tmp_path):
    assert check_settings(parse_settings(TEMPLATE, "t")).problems == ()
    path = write_template(tmp_path / "a" / "config.toml")
    assert path.read_text() == TEMPLATE
    path.write_text("# mine\n")
    with pytest.raises(FileExistsError):
        write_template(path)
    assert path.read_text() == "# mine\n"


# --- the commands ----------------------------------------------------------------------


@pytest.fixture
def xdg(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("JWTSCOPE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "xdg" / "jwtscope" / "config.toml"


def test_config_path_prints_the_xdg_path(xdg, capsys):
    assert main(["config", "path"]) == 0
    assert capsys.readouterr().out == f"{xdg}\n"


def test_config_init_writes_once_then_refuses(xdg, capsys):
    assert main(["config", "init"]) == 0
    assert xdg.read_text() == TEMPLATE
    assert capsys.readouterr().out == f"wrote {xdg}\n"
    xdg.write_text('theme = "nord"\n')
    assert main(["config", "init"]) == 2
    err = capsys.readouterr().err
    assert "exists; it was left as it is" in err
    assert "Traceback" not in err
    assert xdg.read_text() == 'theme = "nord"\n'


def test_config_show_prints_what_applies_and_every_problem(xdg, capsys):
    xdg.parent.mkdir(parents=True)
    xdg.write_text(
        'theme = "nope"\nenv_files = [".env.gone"]\n[keys]\nhelp = "f12"\nbogus = "f1"\n'
    )
    assert main(["config", "show"]) == 1
    out, err = capsys.readouterr()
    assert f"file: {xdg}\n" in out
    assert "theme: (default)" in out
    help_line = next(line for line in out.splitlines() if " help " in line)
    assert help_line.split()[:3] == ["*", "help", "f12"]
    problems = err.splitlines()
    assert len(problems) == 3
    assert all(p.startswith(f"jwtscope: config: {xdg}: ") for p in problems)
    assert any("theme: 'nope' is not a theme" in p for p in problems)
    assert any("keys.bogus: no binding has this id" in p for p in problems)
    assert any("env_files: .env.gone is not a file" in p for p in problems)


def test_config_show_without_a_file(xdg, capsys):
    assert main(["config", "show"]) == 0
    out, err = capsys.readouterr()
    assert f"file: {xdg} (none)" in out
    assert err == ""


def test_inspect_reads_the_configs_env_files_and_reports_bad_values(xdg, capsys, tmp_path):
    import jwt

    secret = "a-config-env-file-secret-of-32-bytes!"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "extra.env").write_text(f"JWT_SECRET={secret}\n")
    xdg.parent.mkdir(parents=True)
    xdg.write_text('env_files = ["sub/extra.env"]\ntheme = 5\n')
    token = jwt.encode({"sub": "1", "iat": 1700000000}, secret, algorithm="HS256")
    main(["inspect", token, "--no-dotenv", "--at", "1700000100", "--json"])
    out, err = capsys.readouterr()
    assert '"SIG-VALID"' in out
    assert secret not in out + err
    assert (
        err.strip()
        == f'jwtscope: config: {xdg}: theme: not a string, ignored; write theme = "nord"'
    )


def test_the_app_gets_the_flags_files_first_then_the_configs_and_the_problems(xdg, tmp_path):
    from jwtscope.cli.app import _app_config
    from jwtscope.cli.parser import build_parser

    (tmp_path / "flag.env").write_text("A=1\n")
    (tmp_path / "conf.env").write_text("B=1\n")
    xdg.parent.mkdir(parents=True)
    xdg.write_text('env_files = ["conf.env", "gone.env"]\n[keys]\nhelp = "f12"\n')
    args = build_parser().parse_args(["tui", "--env-file", "flag.env"])
    config = _app_config(args, "")
    assert config.env_choice.env_files == ("flag.env", "conf.env")
    assert config.user_settings.keys == {"help": "f12"}
    (line,) = config.user_settings.problems  # shown as a toast when the app mounts
    assert line == f"{xdg}: env_files: gone.env is not a file, skipped; fix the path or remove it"
