"""Attune: a calm, offline companion for practices learned in therapy."""

__version__ = "0.1.0"
