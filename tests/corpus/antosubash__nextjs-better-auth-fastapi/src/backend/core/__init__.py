"""Core module for application configuration and infrastructure."""
