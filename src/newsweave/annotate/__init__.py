"""Per-article stages: sentences, entity mentions, quotes, time expressions, figures.

Each stage is a pure function of one article (and its spaCy ``Doc``); ``annotate.run.annotate_doc``
runs them in their declared order, and ``annotate.run.Annotator`` runs them over many articles, on
several processes if asked. Stage modules import nothing from each other.
"""
