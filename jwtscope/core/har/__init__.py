"""HAR triage: a browser session's requests as a timeline of tokens, judged at the time
of each request, the first failure's root cause, and a sanitized HAR safe to attach.

Pure: the HAR arrives as parsed entries (``jwtscope.local.har_file`` streams the file).
"""
