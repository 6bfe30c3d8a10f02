"""Pure-Python heart of Attune: formats, timeline and session engine. No Qt, no sound."""
