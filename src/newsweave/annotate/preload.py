"""Imported by the fork server that the pipeline's workers are forked from (see ``worker_pools``).

Importing it loads the annotation stages and the default spaCy pipeline (~2 s together), once, in
the server: each annotation worker forked from it starts with them.
"""

from newsweave.annotate.run import preload_pipeline

preload_pipeline()
