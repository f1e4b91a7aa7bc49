"""Requests as values: the request to replay, what came back, and the importers (curl,
raw HTTP, HAR) that read them from pasted text.
"""
