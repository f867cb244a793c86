"""assign: the stateful stages run in publication order by one writer (reuse, stories)."""
