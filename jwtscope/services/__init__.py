"""The one place the CLI and the TUI share: assemble inputs once, then run replay, probe,
audit and review by calling ``net``, ``local``, ``audit`` and ``core``.
"""
