"""normalize: raw documents become clean articles (paragraph kinds, dates, language)."""
