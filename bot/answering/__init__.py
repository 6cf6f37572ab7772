"""From a typed query to an answer: the executor selects, the builders say it."""
