"""The key stage: secrets and public keys with their sources, the environment snapshot,
secret strength, the common-secrets list and signature verification.
"""
