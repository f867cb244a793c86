"""analyze: per-article, pure work (entities, quotes, figures, times, embeddings), run by an
engine."""
