"""The command palette: one provider whose commands call the app's actions."""

from __future__ import annotations

from collections.abc import AsyncIterator

from textual.command import DiscoveryHit, Hit, Hits, Provider

__all__ = ["COMMANDS", "JwtscopeCommands"]

#: (title, action, help) for every action of the app.
COMMANDS = (
    ("Key sources: secret, .env files, key file, JWKS URL", "keys", "Open the keys dialog"),
    ("Time travel: evaluate as of another time", "time_travel", "Set the evaluation time"),
    ("Replay the failing request and diagnose it", "replay", "Send it, bisect, rank causes"),
    ("Probe: run the auth test suite against an endpoint", "probe", "Asks before sending"),
    ("Audit the project's source: routes and JWT mistakes", "audit", "Static, nothing runs"),
    ("Copy redacted triage note", "copy_note", "Markdown for a support ticket"),
    ("Copy decoded payload", "copy_payload", "The payload as JSON"),
    ("Export the review report to a file", "export", "Asks where; Markdown, secrets masked"),
    ("Clear token", "clear", "Empty the token editor"),
    ("Help: finding codes and keys", "help", "Explain every finding code"),
)


class JwtscopeCommands(Provider):
    """Every jwtscope action in the palette."""

    async def discover(self) -> Hits:
        for title, action, help_text in COMMANDS:
            yield DiscoveryHit(title, self._runner(action), help=help_text)

    async def search(self, query: str) -> AsyncIterator[Hit]:
        matcher = self.matcher(query)
        for title, action, help_text in COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._runner(action), help=help_text)

    def _runner(self, action: str):  # type: ignore[no-untyped-def]
        async def run() -> None:
            await self.app.run_action(action)

        return run
