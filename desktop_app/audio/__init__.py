"""Sound: synthesis, speech, mixing and output. Never imports Qt."""
