"""A new member's first days: the steps the group writes (`onboarding.yaml`), when each is sent, what is kept.

Pure parts only (no Slack): the Slack layer in `bot/slack/onboarding.py` delivers them.
"""
