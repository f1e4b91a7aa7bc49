"""The verdict banner: signature verdict, key used, expiry and evaluation time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import var
from textual.widgets import Static

from jwtscope.core.keys.verify_signature import SigStatus
from jwtscope.core.output_guard import SCREEN_GUARD
from jwtscope.core.timefmt import iso_utc
from jwtscope.core.token.parsing import TokenKind

if TYPE_CHECKING:
    from jwtscope.core.analysis import Report

__all__ = ["VerdictBanner"]

_KIND_TEXT = {
    TokenKind.JUNK: ("NOT A TOKEN", "-bad"),
    TokenKind.MALFORMED: ("MALFORMED", "-bad"),
    TokenKind.JWE: ("ENCRYPTED (JWE)", "-warn"),
    TokenKind.SESSION: ("SESSION TOKEN, NOT A JWT", "-bad"),
    TokenKind.SESSION_CACHE: ("SESSION COOKIE CACHE, NOT AN ACCESS TOKEN", "-bad"),
}
_STATUS_CLASS = {
    SigStatus.VALID: "-ok",
    SigStatus.INVALID: "-bad",
    SigStatus.UNVERIFIED: "-warn",
    SigStatus.NO_KEY: "-bad",
}


class VerdictBanner(Static):
    """A large, coloured summary readable from across the desk."""

    report: var[Report | None] = var(None)  # a var: the watcher repaints only on change

    def _state(self, css: str) -> None:
        """Set the one state class: a class change restyles, so only when it changes,
        and in one restyle (not one per class added or removed)."""
        if not self.has_class(css):
            self.remove_class("-ok", "-bad", "-warn", "-idle", update=False)
            self.add_class(css)

    def watch_report(self, report: Report | None) -> None:
        if report is None:
            self._state("-idle")
            self.update("Paste a token, an Authorization header or a cookie above.")
            return
        from jwtscope.core.report_text import expiry_state

        title, css = self._headline(report)
        self._state(css)
        sig = report.signature
        headline = Text()
        headline.append(f" {title} ", style="bold reverse")
        state = expiry_state(report)
        if state:
            expired = report.finding("EXP-PAST") is not None
            mark = "✖ " if expired else ""
            headline.append(
                f"  {mark}{state.upper() if expired else state}", style="bold" if expired else ""
            )
        against = Text()
        if report.token.kind is TokenKind.JWS:
            # The alg and the reason quote the token's header: untrusted, guarded.
            against.append(f"{SCREEN_GUARD.text(sig.alg or '?')}  ", style="bold")
            key = (sig.key or "") if sig.status is SigStatus.VALID else sig.reason
            against.append(SCREEN_GUARD.text(key))
        when = Text()
        if report.now_is_real:
            when.append(f"as of now ({iso_utc(report.now)})")
        elif label := getattr(self.app, "time_label", ""):
            when.append(f"{label.upper()}, {iso_utc(report.now)} — NOT NOW", style="bold reverse")
        else:
            when.append(f"AS OF {iso_utc(report.now)} — NOT NOW", style="bold reverse")
        problems = sum(1 for f in report.findings if f.severity.fails)
        if problems:
            when.append(f"  ·  {problems} problem{'s' if problems > 1 else ''}", style="bold")
        banner = Text("\n").join([headline, against, when])
        banner.no_wrap = True
        banner.overflow = "ellipsis"
        self.update(banner, layout=False)  # five rows tall whatever it says

    @staticmethod
    def _headline(report: Report) -> tuple[str, str]:
        """The signature verdict, and the banner's colour: the worst of verdict and findings."""
        kind = report.token.kind
        if kind in _KIND_TEXT:
            return _KIND_TEXT[kind]
        status = report.signature.status
        label = {
            SigStatus.VALID: "✔ SIGNATURE VALID",
            SigStatus.INVALID: "✖ SIGNATURE INVALID",
            SigStatus.UNVERIFIED: "? SIGNATURE UNVERIFIED",
            SigStatus.NO_KEY: "✖ NO KEY FOR THIS KID",
        }[status]
        if report.finding("BA-SESSION-CACHE") is not None:
            return "SESSION COOKIE CACHE, NOT AN ACCESS TOKEN", "-bad"
        css = _STATUS_CLASS[status]
        if report.exit_code:
            css = "-bad"
        return label, css
