"""Prefect flows: thin wrappers that add retries, logging and schedules around the pipelines."""
