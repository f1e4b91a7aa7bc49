"""Local I/O: the process environment and ``.env`` files, the multi-core wordlist
search and the hand-over to hashcat. No network, no judgement.
"""
