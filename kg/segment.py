"""Chinese word segmentation with our vocabularies kept whole.

jieba is loaded once, with agency names, their short forms and policy terms added as a user
dictionary, so that 双随机一公开 or 发展和改革委员会 come out as one token. Ingest does not segment
whole documents (pattern matching is faster and keeps offsets exact); this is for analyses over
extracted text such as candidate terms, and for users' own notebooks.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import jieba


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    from .policies import user_dictionary_words

    tk = jieba.Tokenizer()
    tk.initialize()
    for word in user_dictionary_words():
        tk.add_word(word, freq=2_000_000)
    return tk


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) over `text`, offsets exact."""
    yield from tokenizer().tokenize(text)
