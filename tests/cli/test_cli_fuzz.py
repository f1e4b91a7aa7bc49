"""For any text, `inspect` returns an exit code (0, 1 or 2) and never lets an exception out."""

from __future__ import annotations

import contextlib
import io
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jwtscope.cli import main

JWTISH = string.ascii_letters + string.digits + "-_.=+/ \n\"'%;:{}"


def _inspect(text: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["inspect", "--no-dotenv", "--at", "1795563230", "--", text])
    return code, err.getvalue()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(st.text(), st.text(alphabet=JWTISH, max_size=400)).filter(lambda t: t != "-"))
def test_any_text_gives_an_exit_code_and_no_traceback(text):
    code, err = _inspect(text)
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code == 2:
        assert err.startswith("jwtscope: error: ")


@settings(max_examples=60, deadline=None)
@given(
    st.binary(min_size=1, max_size=60).map(
        lambda b: "eyJ" + b.hex() + ".eyJ" + b.hex()[::-1] + ".x"
    )
)
def test_jwt_shaped_garbage(text):
    code, err = _inspect(text)
    assert code in (0, 1, 2)
    assert "Traceback" not in err
