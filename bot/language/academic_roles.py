"""Everyday names of common academic roles: "PhDs", "stipendiater", "doktorander", "postdocs".

General language knowledge, keyed by the role as a knowledge base writes it (its words keyed as a
question's are), so any group whose people.yaml says `role: PhD student` is asked about that way.
The names are data, `academic_roles.<role>` in the language files (`data/en.txt`, `nb.txt`, `nn.txt`).
"""

from __future__ import annotations

from bot.language import concepts

# Everyday names of common academic roles, by the role as a knowledge base writes it (keyed):
# "PhDs", "stipendiater", "doktorander" find the people whose role is "PhD student".
ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    role: tuple(" ".join(phrase) for phrase in phrases) for role, phrases in concepts.family("academic_roles").items()
}
