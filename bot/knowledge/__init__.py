"""The knowledge base: its model, loading and validating the YAML, and reloading it while serving."""
