"""API route handlers."""
