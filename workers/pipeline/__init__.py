"""The pipeline: the one stage table (typed topics and stages), the stages built from their
rules, the runner that wraps a stage's payload in the event envelope, and batch mode."""
