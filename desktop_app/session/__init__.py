"""One practice session, from the person's choice to its journal record, without Qt.

- `choice`: what was chosen on Before-you-begin (`SessionChoice`).
- `sound`: the work that prepares a choice's sound (run in the background by the ui).
- `run`: a practice playing (`PracticeRun`): the engine, the live sound it drives, and
  the bookkeeping of pauses and answers, ending in a `SessionResult`.
- `records`: a session and its answers as the journal keeps them, and as drafts.
- `flow`: `SessionFlow`, which keeps the session in the journal at each point
  (pending while it plays, recorded when it ends, answered after).

The ui shows these and sends the person's actions; nothing here imports Qt
(an import-linter contract holds it).
"""
