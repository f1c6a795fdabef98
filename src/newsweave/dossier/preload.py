"""Imported by the fork server that the pipeline's workers are forked from (see ``worker_pools``).

Importing it loads the dossier modules and builds the worker's dossier builder with its place table
(~1.8 s together), once, in the server: each worker forked from it starts with them. Spawned
workers paid for them each, after re-importing the command line's whole module tree (~3.3 s a
worker).
"""

from contextlib import suppress

from newsweave.dossier.worker import prepare

# The server must keep serving whatever fails here: each worker then prepares its own, and fails there.
with suppress(Exception):
    prepare()
