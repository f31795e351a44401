"""Rasa's `SpacyNLP` takes the process's one copy of the project's spaCy pipeline.

Why: Rasa's loader calls `spacy.load` itself, so without this the pipeline would sit in memory
once for the NLU, again for the safety net and again for the name finder. Only the project's own
pipeline (bot/spacy_pipeline.py) is shared; any other model in `config.yml` loads as Rasa would.
Switched on with the other Rasa patches (bot/rasa_patches.py).
"""

from __future__ import annotations

from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

from bot.spacy_pipeline import is_shared, shared_pipeline

_ORIGINAL = SpacyNLP.load_model


def load_model(spacy_model_name: str) -> SpacyModel:
    """The shared pipeline for our own model path, Rasa's own loading for anything else."""
    if spacy_model_name and is_shared(spacy_model_name):
        return SpacyModel(model=shared_pipeline(), model_name=spacy_model_name)
    return _ORIGINAL(spacy_model_name)


def install() -> None:
    SpacyNLP.load_model = staticmethod(load_model)


def uninstall() -> None:
    SpacyNLP.load_model = staticmethod(_ORIGINAL)
