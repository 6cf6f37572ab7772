"""The Slack front end: converts Slack events to questions and answers to Block Kit.

Nothing here understands questions; that is the engine's job (bot.engine).
"""
