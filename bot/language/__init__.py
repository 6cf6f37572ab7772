"""General language: normalising text, English and Norwegian word lists, ordinary words, the bot's own sentences."""
