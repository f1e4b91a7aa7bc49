"""The token stage: pasted text to a decoded token, where tokens travel in a request, and
minting test tokens.
"""
