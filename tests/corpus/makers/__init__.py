"""The corpus builders, one module per layout family (``make_corpus.py`` runs them)."""
