"""The sentence encoder: the upstream model's numbers, computed without torch or TensorFlow."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.nlu.encoder import SentenceEncoder, get_encoder, load_settings, verify
from bot.nlu.sentences import pieces


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return get_encoder()


def test_similarities_match_the_models_published_example(encoder: SentenceEncoder) -> None:
    # sentence-transformers' quick-start prints these for all-MiniLM-L6-v2.
    v = encoder.encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    sims = v @ v.T
    assert sims[0, 1] == pytest.approx(0.6660, abs=1e-3)
    assert sims[0, 2] == pytest.approx(0.1046, abs=1e-3)
    assert sims[1, 2] == pytest.approx(0.1411, abs=1e-3)


def test_meaning_not_words_decides_closeness(encoder: SentenceEncoder) -> None:
    a, b, c = encoder.encode(
        ["my partner and I never talk any more", "we've drifted apart as a couple",
         "the baby won't take a bottle"]
    )
    assert a @ b > a @ c + 0.2


def test_a_batch_gives_each_text_the_vector_it_gets_alone(encoder: SentenceEncoder) -> None:
    texts = ["hi", "a much longer sentence about feeding at night and nappies", "😭😭"]
    together = encoder.encode(texts)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
    assert encoder.encode([]).shape == (0, encoder.dim)


def test_the_onnx_graph_gives_the_numpy_reference_vectors(encoder: SentenceEncoder) -> None:
    graph = SentenceEncoder(dataclasses.replace(load_settings(), runtime="onnxruntime"))
    reference = SentenceEncoder(dataclasses.replace(load_settings(), runtime="numpy"))
    texts = ["hi", "I have the pills. Tonight.", "😭😭", "feeding at night and nappies " * 20]
    assert np.allclose(graph.encode(texts), reference.encode(texts), atol=1e-5)
    many = [f"message number {i} about sleep" for i in range(300)]  # batches side by side
    assert np.allclose(graph.encode(many), reference.encode(many), atol=1e-5)


def test_weights_that_are_not_the_upstream_release_are_refused() -> None:
    settings = load_settings()
    verify(settings)
    tampered = dataclasses.replace(settings, sha256={"model.safetensors": "0" * 64})
    with pytest.raises(RuntimeError, match="sha256"):
        verify(tampered)


def test_messages_are_cut_into_sentences_and_windows() -> None:
    assert pieces("hi. I have the pills. Tonight.", 48) == [
        "hi.", "I have the pills.", "Tonight.", "hi. I have the pills. Tonight."
    ]
    run_on = " ".join(f"w{i}" for i in range(60))
    windows = pieces(run_on, 48)
    assert all(len(w.split()) <= 16 for w in windows)
    assert windows[-1].split()[-1] == "w59"  # nothing at the end is dropped
    assert pieces("   ", 48) == []
    assert len(pieces("ok. " * 500, 48)) == 48
