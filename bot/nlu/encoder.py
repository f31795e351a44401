"""A small pretrained sentence encoder (all-MiniLM-L6-v2) without torch or TensorFlow.

Word and character n-grams only know the words they were trained on; a sentence encoder maps
two sentences with no word in common but the same meaning close together. It runs outside
TensorFlow's eager mode (which made Rasa's own language-model featurizer cost ~170 ms a parse):
the transformer layers in ONNX Runtime (bot/nlu/encoder_graph.py), or in the plain numpy forward
pass below, which is the reference the graph is tested against. It is loaded once per process
(``get_encoder``). The weights come from a hash-pinned wheel and are checked against the
upstream sha256 sums (``verify``); nothing is downloaded.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from scipy.special import erf

from bot.nlu.encoder_graph import GraphLayers

SETTINGS_PATH = Path(__file__).with_name("encoder.yml")
# Batches in one call from which they are encoded side by side (``bulk_threads``).
BULK_BATCHES = 8


@dataclass(frozen=True)
class EncoderSettings:
    model_dir: Path
    sha256: dict[str, str]
    max_tokens: int
    batch_size: int
    runtime: str = "numpy"
    threads: int = 1
    prepack: bool = True
    bulk_threads: int = 1


def load_settings(path: Path = SETTINGS_PATH) -> EncoderSettings:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec = importlib.util.find_spec(raw["package"])
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"The sentence encoder's package {raw['package']!r} is not installed: run `make setup`."
        )
    root = Path(next(iter(spec.submodule_search_locations)))
    return EncoderSettings(
        model_dir=root / raw["model_dir"],
        sha256=dict(raw["sha256"]),
        max_tokens=int(raw["max_tokens"]),
        batch_size=int(raw["batch_size"]),
        runtime=str(raw.get("runtime", "numpy")),
        threads=int(raw.get("threads", 1)),
        prepack=bool(raw.get("prepack", True)),
        bulk_threads=int(raw.get("bulk_threads", 1)),
    )


def verify(settings: EncoderSettings) -> None:
    """Refuse weights or a vocabulary that are not the upstream release's."""
    for name, expected in settings.sha256.items():
        digest = hashlib.sha256()
        with (settings.model_dir / name).open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != expected:
            raise RuntimeError(f"{name}: sha256 {digest.hexdigest()} is not the pinned {expected}")


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gamma + beta


def _gelu(x: np.ndarray) -> np.ndarray:
    # BERT's exact GELU (erf), not the tanh approximation, so outputs match the reference.
    return 0.5 * x * (1.0 + erf(x / np.float32(np.sqrt(2.0))))


@dataclass
class _Layer:
    qkv: np.ndarray  # (hidden, 3 * hidden): query, key and value in one product
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    ln1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    ln2: tuple[np.ndarray, np.ndarray]


class SentenceEncoder:
    """Mean-pooled, L2-normalised sentence embeddings, as sentence-transformers computes them."""

    def __init__(self, settings: EncoderSettings) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((settings.model_dir / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.batch_size = settings.batch_size
        self.bulk_threads = settings.bulk_threads
        self.tokenizer = Tokenizer.from_file(str(settings.model_dir / "tokenizer.json"))
        self.tokenizer.enable_truncation(settings.max_tokens)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest in a batch
        w = load_file(str(settings.model_dir / "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.ln0 = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        layers = range(int(config["num_hidden_layers"]))
        self.layers = [self._layer(w, f"encoder.layer.{i}.") for i in layers]
        self.dim = int(config["hidden_size"])
        self.graph: GraphLayers | None = None
        if settings.runtime == "onnxruntime":
            self.graph = GraphLayers(
                self.layers, self.heads, self.eps, settings.threads, settings.prepack
            )
            self.layers = []  # the session holds its own copy of the weights
        elif settings.runtime != "numpy":
            raise ValueError(f"unknown encoder runtime {settings.runtime!r} (encoder.yml)")

    @staticmethod
    def _layer(w: dict[str, np.ndarray], p: str) -> _Layer:
        att = p + "attention."
        names = ("query", "key", "value")
        return _Layer(
            qkv=np.ascontiguousarray(np.concatenate([w[f"{att}self.{n}.weight"] for n in names]).T),
            qkv_bias=np.concatenate([w[f"{att}self.{n}.bias"] for n in names]),
            out=np.ascontiguousarray(w[f"{att}output.dense.weight"].T),
            out_bias=w[f"{att}output.dense.bias"],
            ln1=(w[f"{att}output.LayerNorm.weight"], w[f"{att}output.LayerNorm.bias"]),
            up=np.ascontiguousarray(w[f"{p}intermediate.dense.weight"].T),
            up_bias=w[f"{p}intermediate.dense.bias"],
            down=np.ascontiguousarray(w[f"{p}output.dense.weight"].T),
            down_bias=w[f"{p}output.dense.bias"],
            ln2=(w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"]),
        )

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text (an empty list gives a (0, dim) array)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Similar lengths share a batch, so little time goes on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        chunks = [order[start : start + self.batch_size]
                  for start in range(0, len(order), self.batch_size)]

        def encode_chunk(chunk: list[int]) -> None:
            out[chunk] = self._encode_batch([texts[i] for i in chunk])

        if self.graph is not None and len(chunks) >= BULK_BATCHES and self.bulk_threads > 1:
            # Training data and the exemplar bank: batches side by side (ONNX Runtime lets go of
            # the GIL while it runs); a parent's message is never this big.
            with ThreadPoolExecutor(self.bulk_threads) as pool:
                list(pool.map(encode_chunk, chunks))
        else:
            for chunk in chunks:
                encode_chunk(chunk)
        return out

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        batch, length = ids.shape
        # Dense layers work on a (tokens, hidden) matrix: numpy hands 2-D products to BLAS.
        x = (self.word[ids] + self.position[:length] + self.token_type).reshape(-1, self.dim)
        x = _layer_norm(x, *self.ln0, self.eps)
        # Padding positions get a large negative score, so no token attends to them.
        bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        if self.graph is not None:
            x = self.graph(x.reshape(batch, length, self.dim), bias)
        else:
            x = self._layers_in_numpy(x, bias, batch, length)
        x = x.reshape(batch, length, self.dim)
        pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1), 1.0)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)

    def _layers_in_numpy(
        self, x: np.ndarray, bias: np.ndarray, batch: int, length: int
    ) -> np.ndarray:
        """The reference forward pass (and the runtime where onnxruntime is not wanted)."""
        head_dim = self.dim // self.heads
        scale = np.float32(1.0 / np.sqrt(head_dim))
        for layer in self.layers:
            qkv = (x @ layer.qkv + layer.qkv_bias).reshape(batch, length, 3, self.heads, head_dim)
            q, k, v = qkv.transpose(2, 0, 3, 1, 4)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            scores -= scores.max(axis=-1, keepdims=True)
            weights = np.exp(scores)
            weights /= weights.sum(axis=-1, keepdims=True)
            context = (weights @ v).transpose(0, 2, 1, 3).reshape(-1, self.dim)
            x = _layer_norm(x + context @ layer.out + layer.out_bias, *layer.ln1, self.eps)
            hidden = _gelu(x @ layer.up + layer.up_bias)
            x = _layer_norm(x + hidden @ layer.down + layer.down_bias, *layer.ln2, self.eps)
        return x


@functools.lru_cache(maxsize=1)
def get_encoder() -> SentenceEncoder:
    """The process's one encoder: the pipeline and the crisis detector share it."""
    return SentenceEncoder(load_settings())


def main() -> int:
    """`python -m bot.nlu.encoder --verify`: the build-time check of the installed weights."""
    settings = load_settings()
    verify(settings)
    print(f"Sentence encoder verified: {settings.model_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
