"""Data on disk: paths, settings, journal, library cache. Never imports Qt."""
