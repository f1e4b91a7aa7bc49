"""Network access: the only place in jwtscope that imports httpx.

Every function here sends requests the user asked for, never follows a redirect on its
own, always applies timeouts and size caps, and turns every transport failure into a
:class:`jwtscope.errors.NetworkError` with a one-line message and a fix.
"""
