"""The Probe screen's dialogs: the question before a one-URL probe, and the route plan
to pick from before a route probe (nothing is sent until the user runs it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from jwtscope.tui import bindings
from jwtscope.tui.screens.base import JwtscopeModalScreen

if TYPE_CHECKING:
    from jwtscope.core.probe.openapi_routes import ApiRoute
    from jwtscope.core.probe.route_plan import RoutePlan

__all__ = ["ConfirmScreen", "RoutePickScreen"]


class ConfirmScreen(JwtscopeModalScreen[bool]):
    """Ask before sending requests to a server."""

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.CONFIRM]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(self.question)
            with Horizontal(classes="buttons"):
                yield Button("Run the probe", id="yes", variant="error", compact=True)
                yield Button("Cancel", id="no", compact=True)

    def on_mount(self) -> None:
        # The user pressed Start to get here: Enter confirms, Escape cancels.
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        """Do not send anything."""
        self.dismiss(False)


def plan_label(plan: RoutePlan, width: int) -> Text:
    """``GET /todos/{todo_id}   12 requests`` or ``POST /todos   skip: why``."""
    label = Text(plan.route.label.ljust(width) + "  ")
    if plan.skip_reason:
        label.append(f"skip: {plan.skip_reason}", style="dim")
    else:
        secured = "" if plan.route.secured else ", declares no security"
        label.append(f"{plan.request_count} requests{secured}")
    return label


class RoutePickScreen(JwtscopeModalScreen[list["ApiRoute"]]):
    """The plan: every route found, all selected; the user picks, then runs (or cancels).

    Hands back the routes picked (in plan order), or None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [*bindings.ROUTE_PICK]
    DEFAULT_CSS = """
    RoutePickScreen { align: center middle; }
    #pick-dialog {
        width: 96%; max-width: 120; height: 90%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    #pick-routes { height: 1fr; border: round $secondary; }
    #pick-head, #pick-keys { height: auto; }
    #pick-dialog .buttons { height: auto; align-horizontal: right; }
    #pick-dialog Button { margin-left: 2; }
    """

    def __init__(self, plans: Sequence[RoutePlan], source: str, origin: str) -> None:
        super().__init__()
        self.plans = list(plans)
        self.source = source
        self.origin = origin

    def compose(self) -> ComposeResult:
        width = max((len(p.route.label) for p in self.plans), default=0)
        with Vertical(id="pick-dialog"):
            yield Static(
                f"{len(self.plans)} routes of {self.origin} (from {self.source}). "
                "Nothing is sent until you run.",
                id="pick-head",
            )
            yield SelectionList[int](
                *(Selection(plan_label(p, width), n, True) for n, p in enumerate(self.plans)),
                id="pick-routes",
            )
            yield Static("", id="pick-keys")
            with Horizontal(classes="buttons"):
                yield Button("Run", id="pick-run", variant="error", compact=True)
                yield Button("Cancel", id="pick-cancel", compact=True)

    def on_mount(self) -> None:
        self._count()
        self.query_one("#pick-routes", SelectionList).focus()

    @on(SelectionList.SelectedChanged, "#pick-routes")
    def _count(self) -> None:
        picked = self.picked
        requests = sum(self.plans[n].request_count for n in self._selected())
        self.query_one("#pick-keys", Static).update(
            f"{len(picked)} of {len(self.plans)} picked, about {requests} requests  ·  "
            "Space: toggle  ·  a: all/none  ·  Ctrl+S: run  ·  Esc: cancel"
        )

    def _selected(self) -> list[int]:
        return sorted(self.query_one("#pick-routes", SelectionList).selected)

    @property
    def picked(self) -> list[ApiRoute]:
        """The routes selected, in plan order."""
        return [self.plans[n].route for n in self._selected()]

    def action_toggle_all(self) -> None:
        """Select every route, or none when all are selected."""
        routes = self.query_one("#pick-routes", SelectionList)
        if len(routes.selected) == len(self.plans):
            routes.deselect_all()
        else:
            routes.select_all()

    @on(Button.Pressed, "#pick-run")
    def action_run(self) -> None:
        """Run the probe on the routes picked (none picked: nothing to run)."""
        if self.picked:
            self.dismiss(self.picked)

    @on(Button.Pressed, "#pick-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
