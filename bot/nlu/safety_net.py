"""Deterministic crisis safety net: the NLU layer that must fire even when the classifier is wrong.

Runs after the intent classifier (and the fallback classifier). When a staff-reviewed crisis
pattern matches, the predicted intent is replaced by the crisis intent with confidence 1.0
and the rule ids are recorded under ``safety_net`` in the parse data, so ``/model/parse``,
every channel and the stored conversation all show why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot import rasa_patches
from bot.names import (
    ASK_ACTION,
    ASKED_ABOUT,
    BABY_LOSS,
    DENY_INTENT,
    FALLBACK_INTENT,
    HARM_BABY,
    PSYCHOSIS,
    RISK_CHECK_INTENT,
    SELF_HARM,
)
from bot.nlu import turn_context
from bot.nlu.crisis_patterns import (
    CRISIS_INTENTS,
    PATTERNS_PATH,
    CompiledPatterns,
    load_patterns,
    normalise_text,
)
from bot.nlu.encoder import get_encoder
from bot.nlu.input_guard import FULL_TEXT
from bot.nlu.risk_answer import RiskAnswerReader
from bot.nlu.semantic_crisis import (
    SemanticCrisisDetector,
    SemanticHit,
    load_settings,
)
from bot.nlu.semantic_intents import CLASSIFIER_RANKING_KEY
from bot.nlu.sentence_features import encode_pieces, message_pieces
from bot.nlu.stateless import StatelessComponent
from bot.nlu.turn_context import ContextCues, RecentTurns
from bot.nlu.typo_keys import TypoKeys
from bot.spacy_pipeline import shared_pipeline

logger = logging.getLogger(__name__)

SAFETY_KEY = "safety_net"
# An unclear answer this short that names a time, the means or a place ("tonight") is a yes.
SHORT_ANSWER_WORDS = 6
# Crisis types whose meaning can build up over several messages (the others are concrete events
# the patterns name in one message).
CONTEXT_TYPES = {SELF_HARM, PSYCHOSIS}
# When several crisis types are disclosed at once, the most time-critical leads the reply.
PRIORITY = {name: rank for rank, name in enumerate(CRISIS_INTENTS)}
# When no crisis pattern fired, these explain away a classifier crisis guess: a figure of
# speech, a general information question, or something already over ("she's fine now").
VETO_KINDS = {"figures_of_speech", "information_questions", "resolved"}
# A semantic match in a piece of the message is explained away by the same reviewed reasons,
# and by a negation ("I'm not suicidal, just so tired").
SEMANTIC_VETO_KINDS = VETO_KINDS | {"negations"}
# With these in the message, a pattern match can be overruled when the meaning agrees. A symptom
# a doctor has already explained ("had it checked, it's panic") is only ever read this way, with
# the meaning: never alone, and never to set aside a classifier's guess.
OVERRULE_KINDS = SEMANTIC_VETO_KINDS | {"past_context", "assessed"}
# Negations that deny suicidal thoughts outright (crisis_patterns.yml, `negations`).
DENIALS = {"neg_not_suicidal", "neg_not_wanting_to_die", "neg_would_never_harm_self"}
# Exceptions of these kinds describe the whole message, not the words that matched.
CONTEXT_KINDS = {"loss_context", "past_context", "intrusive_context"}
# Context that something is over or past, and the marker of something happening now that
# outweighs it (crisis_patterns.yml, `present_context`).
OVER_KINDS = {"resolved", "past_context", "assessed"}
HAPPENING_NOW = "happening_now"
# The net reads at most this much of a message; longer input is cut, never skipped.
MAX_CHARS = 20_000

# Every process that answers parents loads this component with the model, before its first
# turn: from here on, a crisis answer no longer depends on the action server being up.
rasa_patches.install()


@dataclass
class Detection:
    """What the patterns found in one message."""

    intents: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    exceptions: set[str] = field(default_factory=set)
    exception_kinds: set[str] = field(default_factory=set)

    @property
    def intent(self) -> str | None:
        return min(self.intents, key=PRIORITY.__getitem__) if self.intents else None


class CrisisDetector:
    """Pattern matching without Rasa, so tests and benchmarks can use it directly."""

    def __init__(self, patterns_path: Path = PATTERNS_PATH) -> None:
        self.nlp = shared_pipeline()
        self.patterns: CompiledPatterns = load_patterns(self.nlp, patterns_path)
        self.typo_keys = TypoKeys(self.patterns.vocabulary())

    def normalise(self, text: str) -> str:
        """Lower case, text-speak and contractions expanded, as the patterns read it."""
        return normalise_text(text[:MAX_CHARS], self.patterns.replacements)

    def detect(self, text: str) -> Detection:
        doc = self.typo_keys(self.nlp(self.normalise(text)))
        strings = self.nlp.vocab.strings
        found = Detection()
        spans: list[tuple[str, int, int]] = []
        for match_id, start, end in self.patterns.exception_matcher(doc):
            ex_id = strings[match_id]
            found.exceptions.add(ex_id)
            found.exception_kinds.add(self.patterns.exception_kinds[ex_id])
            spans.append((ex_id, start, end))
        for match_id, start, end in self.patterns.rule_matcher(doc):
            rule = self.patterns.rules[strings[match_id]]
            if not set(rule.only_with) <= found.exceptions:
                continue  # the rule reads its words only beside this context
            if self._suppressed(rule.unless, spans, start, end):
                found.suppressed.append(rule.id)
                continue
            if rule.id not in found.rules:
                found.rules.append(rule.id)
            if rule.intent not in found.intents:
                found.intents.append(rule.intent)
        return found

    def _suppressed(
        self,
        unless: tuple[str | tuple[str, ...], ...],
        spans: list[tuple[str, int, int]],
        start: int,
        end: int,
    ) -> bool:
        """Figures of speech and negations must overlap the match; context may be anywhere.

        A group of exception ids suppresses only when every one of them is in the message.
        """
        present = {ex_id for ex_id, _, _ in spans}
        kinds = self.patterns.exception_kinds
        # Something happening now outweighs what was over or past ("she was fine after the
        # birth but now she's not breathing").
        now = HAPPENING_NOW in present
        for item in unless:
            if isinstance(item, tuple):
                over = any(kinds[ex_id] in OVER_KINDS for ex_id in item)
                bereaved = any(kinds[ex_id] == "loss_context" for ex_id in item)
                if now and over and not bereaved:  # a loss told as past stays a loss
                    continue
                if all(ex_id in present for ex_id in item):
                    return True
                continue
            for ex_id, ex_start, ex_end in spans:
                if ex_id != item:
                    continue
                if now and kinds[ex_id] in OVER_KINDS:
                    continue
                if kinds[ex_id] in CONTEXT_KINDS:
                    return True
                if ex_start < end and start < ex_end:
                    return True
        return False


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisSafetyNet(StatelessComponent):
    """Overrides the classifier with a crisis intent whenever a crisis pattern matches."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {
            # None: the pattern file shipped beside this module.
            "patterns_path": None,
            # A classifier crisis guess is dropped only when no crisis pattern fired and a
            # reviewed exception explains it: a figure of speech ("this teething is killing
            # me"), a general information question, or something already over.
            "veto_figures_of_speech": True,
            # The semantic detector's settings (thresholds, exemplar bank); None: the file
            # shipped beside this module. False switches the detector off.
            "semantic_settings": None,
            "semantic": True,
            # Pieces of one message compared with the exemplars (as the featurizer's).
            "max_pieces": 48,
        }

    def __init__(self, config: dict[str, Any]) -> None:
        path = Path(config["patterns_path"]) if config.get("patterns_path") else PATTERNS_PATH
        self.detector = CrisisDetector(path)
        self.veto_figures = bool(config.get("veto_figures_of_speech", True))
        self.max_pieces = int(config.get("max_pieces", 48))
        self.answers = RiskAnswerReader.load()
        self.cues = ContextCues.load()
        self.semantic: SemanticCrisisDetector | None = None
        if config.get("semantic", True):
            settings_path = config.get("semantic_settings")
            settings = load_settings(Path(settings_path)) if settings_path else load_settings()
            self.semantic = SemanticCrisisDetector(get_encoder(), settings, CRISIS_INTENTS)

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._apply(message)
        return messages

    def _apply(self, message: Message) -> None:
        text = message.get(FULL_TEXT) or message.get(TEXT) or ""
        if text.startswith("/"):
            return  # a button payload names its intent already
        found = self.detector.detect(text)
        ranking: list[dict[str, Any]] = list(message.get(INTENT_RANKING_KEY) or [])
        predicted = (message.get(INTENT) or {}).get("name")
        # The n-gram classifier's own ranking where a later classifier blended it: the
        # thresholds below were calibrated on DIET's confidences, not on the blend.
        guesses: list[dict[str, Any]] = list(message.get(CLASSIFIER_RANKING_KEY) or ranking)
        top: dict[str, Any] = guesses[0] if guesses else {"name": predicted, "confidence": 0.0}
        record: dict[str, Any] = {
            "fired": False,
            "rules": found.rules,
            # DIET's own best guess, before the fallback classifier or this net changed it
            "classifier_intent": top["name"],
            "classifier_confidence": round(float(top.get("confidence") or 0.0), 3),
        }
        hits, nearest, every = self._semantic(message, found)
        if nearest:
            record["semantic"] = nearest.record()
        semantic_intents = [h.intent for h in hits]
        if found.intent and self._overruled(found, every, hits, top):
            record.update(overruled=found.rules)
            found = Detection(exception_kinds=found.exception_kinds, exceptions=found.exceptions)
        context = turn_context.current()
        completed = None if found.intent or hits else self._across_turns(text, context, every)
        verdict = self._answer(text, top["name"], context) if not (found.intent or hits) else None
        may_ask = self._may_ask(context) and verdict is None
        if found.intent:
            self._set_intent(message, ranking, found.intent, 1.0)
            intents = found.intents + [i for i in semantic_intents if i not in found.intents]
            record.update(fired=True, by="patterns", intent=found.intent, intents=intents)
        elif hits and may_ask and self._grief_read_as_suicidal(found, hits):
            # A bereaved parent's grief close in meaning to suicidal thoughts, with no pattern:
            # asked gently (numbers included), never sent the self-harm script on meaning alone.
            # Right after the question (or a crisis answer) it cannot be asked again, and such
            # words may be the answer: the full crisis answer then, as before.
            self._set_intent(message, ranking, BABY_LOSS, 1.0)
            record.update(weak_crisis_guess=ASKED_ABOUT, reclassified="loss_context")
            self._ask(message, ranking, record)
        elif hits and may_ask and self._borderline(hits, top):
            record.update(weak_crisis_guess=ASKED_ABOUT, borderline=True)
            self._ask(message, ranking, record)
        elif hits:
            lead = min(hits, key=lambda h: (PRIORITY[h.intent], -h.similarity))
            self._set_intent(message, ranking, lead.intent, lead.similarity)
            record.update(
                fired=True,
                by="semantic",
                intent=lead.intent,
                intents=sorted(set(semantic_intents), key=PRIORITY.__getitem__),
                semantic=lead.record(),
            )
        elif verdict in {"yes", "no"}:
            # The parent answered the gentle direct question: a hedge is a yes.
            record.update(risk_answer=verdict)
            if verdict == "yes":
                self._set_intent(message, ranking, ASKED_ABOUT, 1.0)
                record.update(fired=True, by="direct_question", intent=ASKED_ABOUT,
                              intents=[ASKED_ABOUT])
            else:
                self._set_intent(message, ranking, DENY_INTENT, 1.0)
        elif completed is not None and completed[0] in CRISIS_INTENTS:
            intent, why = completed
            self._set_intent(message, ranking, intent, 1.0)
            record.update(fired=True, by="context", intent=intent, intents=[intent], context=why)
        elif predicted == HARM_BABY and "loss_context" in found.exception_kinds:
            # A bereaved parent must never get the harm-to-baby script.
            self._set_intent(message, ranking, BABY_LOSS, 1.0)
            record.update(reclassified="loss_context")
        elif predicted in CRISIS_INTENTS and self.veto_figures and self._explained(found):
            if self._demote(message, ranking):
                record.update(vetoed=predicted)
        elif predicted == ASKED_ABOUT or (
            predicted == FALLBACK_INTENT and top["name"] == ASKED_ABOUT
        ):
            # Suicidal thoughts on the classifier's word alone: the full script only when it is
            # sure and the meaning agrees; otherwise the gentle direct question, numbers included.
            # A bereaved parent is only ever asked: grief's words are not the self-harm script.
            bereaved = "loss_context" in found.exception_kinds
            # A parent who says plainly they are not suicidal ("I don't want to die or anything",
            # "I still want to be here") is taken at their word: the classifier's guess alone
            # does not overrule it, as a negation already explains away a semantic match.
            denied = bool(DENIALS & found.exceptions)
            if not bereaved and not denied and (
                self._sure(top, nearest, every)
                or (not may_ask and self._backed(top, nearest, every))
            ):
                # Right after the question (or a crisis answer) it cannot be asked again.
                self._set_intent(message, ranking, ASKED_ABOUT, float(top["confidence"]))
            else:
                record.update(weak_crisis_guess=ASKED_ABOUT)
                if predicted == ASKED_ABOUT:
                    self._demote(message, ranking)  # what to resume after a "no"
                # Not asked of a parent who has just said they are not suicidal ("Not
                # suicidal, just tired"): a weak guess is no reason to doubt their word.
                if may_ask and not denied and self._worth_asking(every):
                    self._ask(message, ranking, record)
        elif predicted == FALLBACK_INTENT and top["name"] in CRISIS_INTENTS:
            if self._backed(top, nearest, every):
                # Unsure, but the classifier's best guess is a crisis and the meaning is close
                # to one: err towards safety.
                self._set_intent(message, ranking, top["name"], top["confidence"])
                record.update(restored_from_fallback=top["name"])
            else:
                record.update(weak_crisis_guess=top["name"])
        elif (
            predicted in CRISIS_INTENTS
            and not self._backed(top, nearest, every)
            and self._demote(message, ranking)
        ):
            # A weak guess nothing else supports does not get the full crisis script.
            record.update(weak_crisis_guess=predicted)
        elif may_ask and (
            completed is not None
            or self._close_to_suicidal_thoughts(nearest, message, found, predicted or "")
        ):
            if completed is not None:
                record.update(context=completed[1])
            self._ask(message, ranking, record)
        message.set(SAFETY_KEY, record, add_to_output=True)
        if record["fired"]:
            exemplar = record["semantic"]["exemplar"] if record["by"] == "semantic" else ""
            logger.info(
                "Safety net fired: by=%s rules=%s exemplar=%s",
                record["by"],
                ",".join(found.rules),
                exemplar,
            )

    def _answer(self, text: str, classifier: str, context: RecentTurns | None) -> str | None:
        """Yes, no or unclear when this message answers the direct question; else None.

        An answer that is itself veiled ("I know what I'd do") or names a time, the means or a
        place is a yes.
        """
        if context is None or context.last_action != ASK_ACTION:
            return None
        normalised = self.detector.normalise(text)
        verdict = self.answers.read(normalised, classifier)
        if verdict != "unclear":
            return verdict
        short = len(text.split()) <= SHORT_ANSWER_WORDS
        if self.cues.hint(normalised) or (short and self.cues.find(normalised)):
            return "yes"
        return verdict

    @staticmethod
    def _may_ask(context: RecentTurns | None) -> bool:
        """Asked at most once in a row, and not just after the full crisis answer."""
        if context is None:
            return True
        recent = context.intents[-1:]
        return context.last_action != ASK_ACTION and not any(
            intent in CRISIS_INTENTS or intent == RISK_CHECK_INTENT for intent in recent
        )

    def _borderline(self, hits: list[SemanticHit], top: dict[str, Any]) -> bool:
        name = str(top.get("name") or "")
        if self.semantic is None or name in CRISIS_INTENTS or name == FALLBACK_INTENT:
            return False
        return self.semantic.borderline(hits, float(top.get("confidence") or 0.0))

    @staticmethod
    def _grief_read_as_suicidal(found: Detection, hits: list[SemanticHit]) -> bool:
        return "loss_context" in found.exception_kinds and all(
            h.intent == ASKED_ABOUT for h in hits
        )

    def _ask(self, message: Message, ranking: list[dict[str, Any]], record: dict) -> None:
        """The gentle direct question instead of the full crisis script; resume after a no."""
        resume = (message.get(INTENT) or {}).get("name")
        self._set_intent(message, ranking, RISK_CHECK_INTENT, 1.0)
        record.update(ask=True, resume_intent=resume)
        logger.info("Safety net asks the direct question")

    def _close_to_suicidal_thoughts(
        self, nearest: SemanticHit | None, message: Message, found: Detection, predicted: str
    ) -> bool:
        """Meaning near suicidal thoughts, though not near enough to escalate, and unexplained."""
        if predicted in CRISIS_INTENTS:
            return False  # a supported classifier crisis guess keeps the full crisis answer
        if self.semantic is None or nearest is None or not self.semantic.worth_asking(nearest):
            return False
        text = message.get(FULL_TEXT) or message.get(TEXT) or ""
        if len(text.split()) < self.semantic.settings.ask_min_words:
            return False
        if predicted == BABY_LOSS or "loss_context" in found.exception_kinds:
            return False  # a bereaved parent's longing is met with bereavement support
        texts = message_pieces(message, self.max_pieces).texts
        return not self._semantic_vetoed(nearest, texts, found)

    def _across_turns(
        self, text: str, context: RecentTurns | None, current: list[SemanticHit]
    ) -> tuple[str, dict] | None:
        """What a short message completes with the parent's earlier messages, if anything.

        A crisis intent (escalate now), `risk_check` (two veiled statements: ask), or None.
        `current` is this message's nearest exemplars. Only a message that names a cue, makes a
        veiled statement or is close to a crisis in meaning is read further, so most short
        replies ("thanks", "ok") cost nothing more.
        """
        if self.semantic is None or context is None or not context.texts:
            return None
        if len(text.split()) > self.semantic.settings.context_words:
            return None
        if any(intent in CRISIS_INTENTS for intent in context.intents):
            return None  # the crisis answer was given already
        normalised = self.detector.normalise(text)
        cue = self.cues.find(normalised)
        another_hint = self.cues.hint(normalised)
        close = any(
            h.intent in CONTEXT_TYPES and self.semantic.worth_asking(h, any_type=True)
            for h in current
        )
        if not (cue or another_hint or close):
            return None
        earlier = "\n".join(context.texts)
        why: dict[str, Any] = {"turns": len(context.texts)}
        in_whole = self.detector.detect(f"{earlier}\n{text}")
        if in_whole.intent and not self.detector.detect(earlier).intent:
            return in_whole.intent, {**why, "rules": in_whole.rules}
        if self.detector.detect(text).exception_kinds & SEMANTIC_VETO_KINDS:
            return None
        veiled = next(
            (h for t in context.texts if (h := self.cues.hint(self.detector.normalise(t)))), None
        )
        hint = self._earlier_hint(context.texts)
        if hint is None and veiled is None:
            return None
        intent = hint.intent if hint else ASKED_ABOUT
        why["earlier"] = hint.record() if hint else {"hint": veiled}
        if cue or close:
            return intent, {**why, "cue": cue or "meaning"}
        return RISK_CHECK_INTENT, {**why, "cue": "another hint"}

    def _earlier_hint(self, texts: tuple[str, ...]) -> SemanticHit | None:
        """The earlier piece closest to suicidal thoughts or psychosis, when close enough."""
        assert self.semantic is not None
        pieces = encode_pieces("\n".join(texts), self.max_pieces)
        hints = [
            h
            for h in self.semantic.nearest(pieces.vectors)
            if h.intent in CONTEXT_TYPES
            and h.similarity >= self.semantic.settings.context_earlier
            and h.similarity - h.contrast >= self.semantic.settings.margin
            and not self.detector.detect(pieces.texts[h.piece]).exception_kinds
            & SEMANTIC_VETO_KINDS
        ]
        return max(hints, key=lambda h: h.similarity, default=None)

    def _semantic(
        self, message: Message, found: Detection
    ) -> tuple[list[SemanticHit], SemanticHit | None, list[SemanticHit]]:
        """The pieces that fire (after the reviewed vetoes), the closest piece, and every piece."""
        if self.semantic is None:
            return [], None, []
        encoded = message_pieces(message, self.max_pieces)
        every = self.semantic.nearest(encoded.vectors)
        fired = [
            hit
            for hit in every
            if self.semantic.fires(hit) and not self._semantic_vetoed(hit, encoded.texts, found)
        ]
        return fired, max(every, key=lambda h: h.similarity, default=None), every

    def _overruled(
        self,
        found: Detection,
        every: list[SemanticHit],
        fired: list[SemanticHit],
        top: dict[str, Any],
    ) -> bool:
        """A pattern match that a reviewed exception and the meaning both say is no crisis.

        Not when the classifier, on its own, reads the same crisis with some confidence: two
        of the three readers then say crisis ("his face is swelling up and he's wheezing, he had
        peanut butter five minutes ago" was overruled by "ago" and a look-alike).
        """
        if self.semantic is None or fired:
            return False
        if top.get("name") in found.intents and float(
            top.get("confidence") or 0.0
        ) >= self.semantic.settings.strong_classifier:
            return False
        kinds = set(found.exception_kinds)
        if HAPPENING_NOW in found.exceptions:
            kinds -= OVER_KINDS  # "but now he's not breathing": as in the patterns' own check
        explained = bool(kinds & OVERRULE_KINDS) or (
            {"intrusive_thoughts", "intrusive_would_never"} <= found.exceptions
        )
        return explained and self.semantic.contradicts(every)

    def _semantic_vetoed(self, hit: SemanticHit, texts: list[str], found: Detection) -> bool:
        if hit.intent == HARM_BABY and (
            "loss_context" in found.exception_kinds
            or {"intrusive_thoughts", "intrusive_would_never"} <= found.exceptions
        ):
            return True
        piece = self.detector.detect(texts[hit.piece])
        return bool(piece.exception_kinds & SEMANTIC_VETO_KINDS)

    def _backed(
        self, top: dict[str, Any], nearest: SemanticHit | None, every: list[SemanticHit]
    ) -> bool:
        """A classifier crisis guess escalates alone only when strong or semantically close.

        Even a strong guess is not backed when every piece of the message means something
        closer to a non-crisis contrast ("once the kids are asleep I'll finally have a bath").
        """
        if self.semantic is None:
            return True
        if self.semantic.contradicts(every):
            return False
        if float(top.get("confidence") or 0.0) >= self.semantic.settings.strong_classifier:
            return True
        return nearest is not None and self.semantic.supports([nearest])

    def _sure(
        self, top: dict[str, Any], nearest: SemanticHit | None, every: list[SemanticHit]
    ) -> bool:
        """Strong and semantically supported: the full crisis answer on the classifier alone."""
        if self.semantic is None:
            return True
        settings = self.semantic.settings
        confident = float(top.get("confidence") or 0.0) >= settings.sure_classifier
        return (
            confident
            and not self.semantic.contradicts(every)
            and nearest is not None
            and self.semantic.supports([nearest], settings.sure_support)
        )

    def _worth_asking(self, every: list[SemanticHit]) -> bool:
        """Not when every piece plainly means something ordinary ("I've made up my mind about
        going back to work"): a classifier guess alone is not worth the question then."""
        return self.semantic is None or not self.semantic.contradicts(every)

    def _demote(self, message: Message, ranking: list[dict[str, Any]]) -> bool:
        alternative = next((r for r in ranking if r["name"] not in CRISIS_INTENTS), None)
        if alternative:
            self._set_intent(message, ranking, alternative["name"], alternative["confidence"])
        return alternative is not None

    @staticmethod
    def _explained(found: Detection) -> bool:
        """A reviewed reason why a classifier crisis guess (with no pattern) is not a crisis."""
        if found.exception_kinds & VETO_KINDS:
            return True
        return {"past_time", "neg_safe_now"} <= found.exceptions

    @staticmethod
    def _set_intent(
        message: Message, ranking: list[dict[str, Any]], name: str, confidence: float
    ) -> None:
        entry = {"name": name, "confidence": confidence}
        rest = [r for r in ranking if r.get("name") != name]
        message.set(INTENT, entry, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [entry, *rest], add_to_output=True)
