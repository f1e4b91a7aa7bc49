"""The tabs beside the findings: the decoded token, the selected finding's detail and the
claims table; only the open tab's view follows each report (a hidden one when opened)."""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from textual.containers import VerticalScroll
from textual.widgets import TabbedContent, TabPane

from jwtscope.tui.widgets.decoded import ClaimsTable, JsonView
from jwtscope.tui.widgets.findings import FindingDetail

if TYPE_CHECKING:
    from jwtscope.core.analysis import Report
    from jwtscope.core.findings import Finding

__all__ = ["DetailTabs"]


class DetailTabs(TabbedContent):
    """Decoded (open first, as on jwt.io), Finding (Enter on a finding opens it), Claims."""

    def __init__(self, *, local_tz: tzinfo | None = None, **kwargs: Any) -> None:
        super().__init__(initial="tab-json", **kwargs)
        self._report: Report | None = None
        self._finding: Finding | None = None
        for pane in (
            TabPane("Decoded", JsonView(id="json"), id="tab-json"),
            TabPane("Finding", VerticalScroll(FindingDetail(id="detail")), id="tab-finding"),
            TabPane("Claims", ClaimsTable(id="claims", local_tz=local_tz), id="tab-claims"),
        ):
            self.compose_add_child(pane)

    def show(self, report: Report | None, finding: Finding | None) -> None:
        """The report and the selected finding: the open tab's view gets them now, the
        others when their tab is opened (a keystroke repaints only what is on screen).
        Before the tabs mount, their views read the app's report as they mount."""
        self._report, self._finding = report, finding
        if self.is_mounted:
            self._update()

    def _update(self) -> None:
        active = self.active
        if active == "tab-json":
            self.query_one(JsonView).report = self._report
        elif active == "tab-claims":
            self.query_one(ClaimsTable).report = self._report
        elif active == "tab-finding":
            self.query_one(FindingDetail).finding = self._finding

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content is self:
            self._update()
