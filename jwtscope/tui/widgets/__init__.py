"""Views: each widget receives engine results and renders them; none holds check logic."""

from __future__ import annotations
