"""newsweave: news articles in, cross-checked story dossiers out."""

__version__ = "0.1.0"
