"""Attune: a calm, offline companion for practices learned in therapy."""

# Nothing is imported here: `attune --version` loads this and the command line only.
# Attune's records go nowhere until its log starts (storage/logs.py sees to that).

__version__ = "0.1.0"
