"""oncowatch: monitoring of oncology social media."""

__version__ = "0.1.0"
