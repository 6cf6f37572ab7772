"""From a question to a typed query: filters with polarity, references, and every word accounted for."""
