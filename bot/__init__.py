"""A question-answering bot for a research group, driven by a YAML knowledge base."""

__version__ = "0.1.0"
