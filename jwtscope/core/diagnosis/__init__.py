"""Replay diagnosis: which requests a replay sends, how the answers name ranked causes,
and the replay as text and data.
"""
