"""Network tests use the shared fixtures of tests/conftest.py (real loopback servers)."""
