"""The auth test suite: its tests, the pure plan of requests, the judge, and the result
as text and data.
"""
