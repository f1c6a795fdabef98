"""A bare spaCy pass over a JSONL file of articles: the yardstick for ``bench/run_throughput.py``.

Loads the same pipeline newsweave uses (``newsweave.annotate.nlp.load_pipeline``, every component
of the model: tagger, parser, lemmatizer, NER) and runs ``nlp.pipe`` over the texts on N processes,
counting entities, with no rule stages, no store and no linking.

    python bench/bare_ner.py sample.jsonl --workers 2 [--ner-only]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsweave.annotate.nlp import load_pipeline


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--ner-only", action="store_true", help="run only tok2vec and ner")
    args = parser.parse_args()
    started = time.perf_counter()
    nlp = load_pipeline()
    if args.ner_only:
        nlp.select_pipes(enable=["tok2vec", "ner"])
    with args.path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=16, n_process=args.workers))
    print(json.dumps({"articles": len(texts), "entities": entities,
                      "seconds": round(time.perf_counter() - started, 2)}))


if __name__ == "__main__":
    main()
