"""Attune: a calm, offline companion for practices learned in therapy."""

import logging

__version__ = "0.1.0"

# Attune's records go where storage/logs.py sends them, and nowhere before that: not
# to Python's last resort, which would print warnings on stderr.
logging.getLogger(__name__).addHandler(logging.NullHandler())
