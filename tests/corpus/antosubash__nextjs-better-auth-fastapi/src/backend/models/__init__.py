"""Database models."""

from models.job_history import JobHistory
from models.task import Task

__all__ = ["JobHistory", "Task"]
