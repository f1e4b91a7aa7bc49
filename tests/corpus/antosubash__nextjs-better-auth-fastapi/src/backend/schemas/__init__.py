"""Pydantic models and schemas for request/response validation."""
