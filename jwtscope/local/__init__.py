"""Local I/O: the process environment and ``.env`` files, and the multi-core wordlist
search. No network, no judgement.
"""
