"""The Textual app. It presents what the engine computes and holds no check logic."""

from __future__ import annotations
