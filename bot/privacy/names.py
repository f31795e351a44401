"""People's names, from context phrases ("my husband Tom", "call me Jo") and names lists.

A blank spaCy pipeline has no NER model, so names come from two kinds of evidence, both kept as
data in data/: the words around a name (name_contexts.yml, matched with spaCy's PhraseMatcher)
and lists of first names and surnames. Names that are also everyday words ("grace", "hope",
"mark") need a context or a capital letter mid-sentence; place names ("Kerry", "Barry") need a
context, so a parent's region still reaches the signposting form.

No list holds every name a parent may write (Kofi, Gosia, Oluwaseun, Tomasz), so a word in a
name context also counts when it is *unknown*: not an everyday English word (spaCy's word
frequencies), not an inflected form (its lemma is itself), and not a word of this service's own
vocabulary (the training examples, the responses, the resource directory: "colic", "nappies",
"PANDAS"), nor a misspelling of an everyday word ("stopd", "reely"). Initials with a surname
("J. Kowalczyk", "Dr A. Nwosu") and names with apostrophes
or hyphens ("O'Connor", "Oyelaran-Smith") count as one name.

The lists hold the US census's first names and, for names of every origin, Faker's locale
lists (first_names_world.txt, MIT licence) and Jörg Michael's name dictionary (read from the
installed gender-guesser package's data file, GNU FDL), less every everyday English word. What is
never a name is data too: places after "in" or "near", saints, organisations ("Ella's Kitchen"),
public names ("Miss Rachel", "John Lewis": public_names.txt), nationalities, and listed names
that are everyday words ("ivy", "jack") unless capitalised mid-sentence or in a context.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.util import load_language_data, registry

from bot.nlu.typo_keys import (
    common_word_strings,
    common_words,
    common_words_by_start,
    is_typo_of_common_word,
    known_words,
)
from bot.privacy.spans import Span
from bot.spacy_pipeline import shared_pipeline

DATA = Path(__file__).with_name("data")
ROOT = Path(__file__).resolve().parents[2]
PROFILE_TERMS = ROOT / "actions" / "profile_terms.yml"
MONTHS = {"may", "june", "april", "august"}  # also names; capitalised mid-sentence they are dates
_SENTENCE_END = {".", "!", "?", "\n", "...", ":", ";"}
_KISSES = {"x", "xx", "xxx", "xxxx"}
_SEASONS = {"summer", "autumn", "winter", "spring"}  # "Summer went so fast"
# What makes an age after a season a span of time: "summer is 3 months away".
_TIME_AWAY = {"away", "off", "until", "till", "til", "left", "ago", "time", "later", "long"}
# Before a place that is also a first name, the place: "moved from Georgia", "a trip to Paris".
_PLACE_LEADS = {"from", "to", "of", "at", "visit", "visiting", "via"}
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof"}  # before an initial: "mrs j kowalski"
# What a bill, a mark or a season does too ("Bill went up", "Summer started"): not enough to
# make a word that is also a name ("Mark works nights") a person.
_THING_VERBS = {"went", "goes", "got", "gets", "started", "starts", "seems", "seemed", "moved",
                "hit", "hits", "never", "always", "wo", "ca", "came", "comes"}
# What a place, like a thing, does too: "Paris went up in flames", "Chelsea started well". A
# place seldom "won't" or "never" does anything, so those stay a person's.
_PLACE_THING_VERBS = _THING_VERBS - {"wo", "ca", "never", "always", "came", "comes"}
# What a person does with their own things: "Karthikeyan needs his jabs", "Amara misses her dad".
_OWN_VERBS = {"needs", "needed", "likes", "liked", "misses", "missed", "lost", "hurt", "bumped",
              "banged", "grazed", "broke"}
# What someone named by their place says: "Carol at the children's centre mentioned".
_SPEECH_VERBS = {"said", "says", "mentioned", "told", "reckons", "reckoned", "suggested",
                 "recommended", "thinks", "thought", "advised", "explained", "promised"}
# After "is 2": an age ("storm is 2 and hitting"), not a count ("is 2 pages long").
_AFTER_A_BARE_AGE = {",", ".", "!", "?", "and", "but", "now", "today", "tomorrow", "next", "this",
                     "on", "in", "soon", "so", "yet"}
# After a person a verb was done to: "asked kez to come", "told sue about it"; a new clause:
# "told dami we need to swap", "tell tyrone the baby doesn't need cereal".
_AFTER_AN_OBJECT = {"to", "from", "about", "and", "if", "for", "but", "again", "back", "today",
                    "yesterday", "we", "i", "that", "the"}
_CLAUSE_LINKS = {"and", "but", "so", "because", "cos", "coz", "while", "when", "then"}
_DASHES = {"-", "–", "—"}
# The small words inside a surname: "van der Berg", "de la Cruz", "bin Abdullah".
_SURNAME_PARTICLES = {"van", "der", "den", "de", "la", "le", "von", "di", "da", "du", "del",
                      "bin", "binti", "al", "el", "ben", "mac", "ni", "ní", "ó", "o'"}
# What joins two names into a pair: "Sanjay and Kavita", "lily n kofi", "Ama & Kojo".
_PAIR_LINKS = {"and", "n", "&", "+"}
# Contexts of kinship and role words ("my nan", "Auntie", "(my sis)"), as name_contexts.yml tiers.
_KIN_TIERS = {"capitalised", "titled", "named"}
# A verb negated by a person ("hasnt" tokenises as "has" + "nt"): "Bill hasnt held the baby".
_NEGATED = {"has", "does", "did", "is", "was", "had"}
# What only a person (a baby) won't or can't do: "sky wont let anyone but me hold her".
_REFUSALS = {"let", "sleep", "settle", "feed", "latch", "nap", "eat", "drink", "talk", "listen",
             "share", "cuddle", "sit", "crawl", "walk"}
# What only a person won't stop doing: "munashe wont stop crying" (the rain won't stop either).
_PERSON_GERUNDS = {"crying", "screaming", "feeding", "coughing", "wriggling", "moaning",
                   "whinging", "fussing", "biting", "hitting", "scratching", "grizzling",
                   "wailing", "whining", "kicking", "pooing", "vomiting", "talking"}
# A child's age or weight straight after the name, as parents list children: "Lerato, 11
# weeks", "Tinotenda – 4 months", "Ade 3.2kg", "Simran 1y2m", "Chipo (2) sleeps fine".
_APPOSITION_LEADS = {",", "-", "–", "—", "("}
_AGE_UNITS = {"weeks", "week", "wks", "wk", "w", "months", "month", "mths", "mth", "mos", "mo",
              "m", "years", "year", "yrs", "yr", "y", "yo", "days", "d", "kg", "kgs", "lb", "lbs",
              "oz", "lata", "miesięcy"}
_AGE_NUMBER = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?$")
_AGE_GLUED = re.compile(r"^\d{1,2}(?:[.,]\d{1,2})?"
                        r"(?:kg|kgs|lbs?|oz|wks?|w|mths?|mos?|m|yrs?|y|yo|d)(?:\d{1,2}(?:m|mths?)?)?$")
# What closes an aside after a name: "Bilqis (Bili) refuses", "Abdulrahman - Aboudi to the
# family - has started".
_ASIDE_CLOSE = {"(": ")", "-": "-", "–": "–", "—": "—", ",": ","}
_GREETINGS = {"hi", "hiya", "hey", "heya", "hello", "hiii", "hii", "morning", "evening", "yo"}
# What a relative does for a child, told in the past, beside the subject_links of
# name_contexts.yml ("gave", "fed", "held"...): "uncle bill put honey on her dummy".
_DONE_FOR_A_CHILD = {"put", "made", "bought", "sent", "knitted", "read"}
# Before a small person's name, capitalised only: "little Somto", "lil Mo", "wee Callum".
_SMALL = {"little", "lil", "wee"}
# What two people do together: "efua and kofi have chickenpox", "me n jordan r not talking",
# "abdi and hodan share a room".
_TOGETHER = {"are", "were", "have", "had", "both", "r", "share", "shared", "fight", "play",
             "played", "keep", "kept", "love", "hate", "sleep", "slept", "wake", "woke"}
# Between a person and what they do: "sue basically moved in", "bill always does bedtime".
_ADVERBS = {"basically", "just", "always", "never", "still", "also", "literally", "really",
            "actually", "honestly", "usually", "now"}
# After a person's name, more than after a thing: "me and tunde are", "jo from work", "pat who".
_PERSON_FOLLOWERS = _TOGETHER | {"from", "who", "n", "does", "did"}
# Where the service's own words are: they are never names, however rare in general English.
VOCABULARY_SOURCES = [ROOT / "data" / "nlu", ROOT / "domain.yml",
                      ROOT / "bot" / "resources" / "directory.yml"]
# Letters that are not a plain letter plus an accent, so NFKD leaves them as they are.
_UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ı": "i", "ß": "ss",
                               "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"})


def folded(word: str) -> str:
    """The word without accents ("ciarán" -> "ciaran", "zoë" -> "zoe", "małgorzata" ->
    "malgorzata"): the lists are written plain, parents write fadas, umlauts and Polish ł."""
    plain = unicodedata.normalize("NFKD", word.translate(_UNDECOMPOSED))
    return "".join(c for c in plain if not unicodedata.combining(c))


# nam_dict.txt's fixed columns: the name is in characters 3 to 29 of a line.
NAM_DICT_NAME = slice(3, 29)
_LATIN_NAME = re.compile(r"^[a-zà-öø-ÿ'-]{3,}$")
_DOTTED_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")  # "A.", "P.K."
_CONTACT = re.compile(r"^(?:\+?\d[\d\s-]{4,}|\(?0\d{2,4}\)?|[^@\s]+@[^@\s]+\.\w+)$")
# One or two capitals, dotted or hyphenated: "AJ", "J.", "R.K.", "E-J".
_INITIALS_SHAPE = re.compile(r"^(?:[A-Z]{1,2}|[A-Z]\.|(?:[A-Z]\.){2,3}|[A-Z]-[A-Z])$")
# What follows a person's initials as the subject of a clause.
_INITIAL_FOLLOWERS = {"is", "'s", "’s", "has", "have", "was", "and", "are", "were", "had", "still",
                      "wo", "does", "did", "keeps", "kept", "ca", "can", "will", "'ll", "just",
                      "wants", "needs", "says", "said", "thinks", "loves", "hates", "seems",
                      "refuses", "wont", "cant", "been", "started", "gets", "got", "("}
_NAME_CHARS = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*$")


def _typed_in_lower_case(doc: Doc) -> bool:
    """No word written with a capital first letter (an acronym such as "HV" or "GP", and "I",
    as phones write it, aside): a missing capital then says nothing about a name."""
    return not any(t.text[0].isupper() and not t.text.isupper() for t in doc if t.is_alpha)


def _case_blind(text: str) -> bool:
    """Nearly every word capitalised ("MY DAD SAID", "My Husband Says I'm Fine")."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _camel(text: str) -> bool:
    """A capital inside the word, as in a brand or title ("EastEnders"); not "McLeod"."""
    inner = text[1:]
    if text[:2] == "Mc":
        inner = text[3:]
    elif text[:3] == "Mac":
        inner = text[4:]
    return any(c.isupper() for c in inner if c.isalpha()) and "'" not in text and "-" not in text


def _words(path: Path) -> frozenset[str]:
    """Lower-case words of a list file: whitespace-separated, # starts a comment."""
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        words.update(line.split("#", 1)[0].lower().split())
    return frozenset(words)


def _phrases(path: Path) -> list[str]:
    """Lower-case phrases of a list file, one a line; # starts a comment."""
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8")
             .splitlines())
    return [line for line in lines if line]


def _region_terms() -> list[str]:
    """Region words and phrases the signposting form understands (actions/profile_terms.yml)."""
    if not PROFILE_TERMS.is_file():
        return []
    regions = yaml.safe_load(PROFILE_TERMS.read_text(encoding="utf-8")).get("regions", {})
    return [str(term) for terms in regions.values() for term in terms]


@lru_cache(maxsize=1)
def service_vocabulary() -> frozenset[str]:
    """Lower-case words of the training data, responses and directory (names excluded later)."""
    words: set[str] = set()
    for source in VOCABULARY_SOURCES:
        files = sorted(source.rglob("*.yml")) if source.is_dir() else [source]
        for path in files:
            if path.is_file():
                words.update(re.findall(r"[a-z]+", path.read_text(encoding="utf-8").lower()))
    return frozenset(words)


@lru_cache(maxsize=1)
def _lemma_table() -> dict[str, str]:
    """spaCy's English lemma lookup table (word form -> lemma), loaded once per process."""
    return cast(dict[str, str], load_language_data(registry.lookups.get("en")["lemma_lookup"]))


@lru_cache(maxsize=1)
def inflected_words() -> frozenset[str]:
    """Words with inflected forms in spaCy's lemma table ("jacks", "ivies"): everyday words,
    even when a names list has them too ("jack", "ivy"), while "john" or "sarah" have none."""
    return frozenset(lemma for form, lemma in _lemma_table().items() if form != lemma)


@lru_cache(maxsize=1)
def lemma_table_words() -> frozenset[str]:
    """Every word form in spaCy's English lemma table (~67,000): an English dictionary that
    holds "triage" and "valleys" but not "efua" or "kez"."""
    table = _lemma_table()
    return frozenset(table) | frozenset(table.values())


def name_dictionary() -> frozenset[str]:
    """The first names of Jörg Michael's name dictionary (nam_dict.txt, GNU FDL), as installed
    with the `gender-guesser` package: read from its data file, its code is never imported."""
    spec = importlib.util.find_spec("gender_guesser")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "nam_dict.txt"
    names = set()
    for line in path.read_text(encoding="iso-8859-1").splitlines():
        if line.startswith("#") or len(line) < NAM_DICT_NAME.stop:
            continue
        name = line[NAM_DICT_NAME].strip().lower().replace("+", "-")  # "Ji+Woo" is "ji-woo"
        if _LATIN_NAME.match(name):
            names.add(name)
    return frozenset(names)


def world_names() -> frozenset[str]:
    """Faker's first names of many origins and the name dictionary's, less any that is also an
    everyday English word ("can", "hung", "sole"), a stop word, or one of the service's words."""
    words = _words(DATA / "first_names_world.txt") | name_dictionary()
    everyday = set(common_word_strings()) | inflected_words() | STOP_WORDS | service_vocabulary()
    return frozenset(words - everyday)


@dataclass(frozen=True)
class NameLists:
    first: frozenset[str]
    world: frozenset[str]  # from the world list only: alone, a name only when capitalised
    word_names: frozenset[str]
    surnames: frozenset[str]
    # Faker's surnames of many origins ("Okafor", "Mensah", "Nowak"): a name only where no
    # dictionary holds the word (_rare), so "Green" and "May" stay words.
    world_surnames: frozenset[str]
    not_names: frozenset[str]
    places: frozenset[str]

    @classmethod
    def load(cls) -> NameLists:
        first = _words(DATA / "first_names_census.txt") | _words(DATA / "first_names_extra.txt")
        word_names = _words(DATA / "word_names.txt")
        not_names = _words(DATA / "not_names.txt") | _words(DATA / "nationalities.txt")
        world = world_names() - first - word_names
        return cls(
            first=(first - word_names) | world,
            world=world,
            word_names=word_names,
            surnames=_words(DATA / "surnames.txt"),
            world_surnames=_words(DATA / "surnames_world.txt") - not_names,
            not_names=not_names,
            places=frozenset(t for t in _region_terms() if " " not in t)
            | _words(DATA / "places.txt")
            | not_names,
        )


class NameFinder:
    """Finds name spans in text; one instance per process (loading lists takes ~0.1 s)."""

    def __init__(self, nlp: Language | None = None, lists: NameLists | None = None) -> None:
        self.nlp = nlp or shared_pipeline()
        self.lists = lists or NameLists.load()
        self.common = common_words()
        common_words_by_start()  # built now (~3 s), not during a parent's first turn
        listed = self.lists.first | self.lists.word_names | self.lists.surnames
        self.vocabulary = service_vocabulary() - listed
        self.everyday_first = self.lists.first & inflected_words()
        self.english = lemma_table_words()
        self.known = known_words()
        contexts = yaml.safe_load((DATA / "name_contexts.yml").read_text(encoding="utf-8"))
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="NORM")
        for tier, phrases in contexts["before"].items():
            self._add(f"before:{tier}", phrases, before=True)
        for tier, phrases in contexts["after"].items():
            self._add(f"after:{tier}", phrases, before=False)
        kin = contexts.get("appositions") or []
        self._add("after:named", [f"{lead} {word}" for word in kin
                                  for lead in ("my", "our", ", my", ", our", "( my", "(my",
                                               "(baby's", "( baby's", ", baby's", "(the baby's")],
                  before=False)
        self._add("signoff", contexts["signoffs"], before=True)
        self.clause_signoffs = frozenset(contexts.get("signoffs_at_clause_start") or [])
        self.place_words = frozenset(contexts.get("place_words") or [])
        self.not_before = frozenset(contexts.get("not_before") or [])
        self.organisation_words = frozenset(contexts.get("organisation_words") or [])
        self.not_possessive = frozenset(contexts.get("not_possessive") or [])
        self.records = frozenset(contexts.get("records") or [])
        self.never = _words(DATA / "not_names.txt")
        self.clause_verbs = frozenset(contexts.get("verbs_before_a_clause") or [])
        self.saint_words = frozenset(contexts.get("saint_words") or [])
        self.place_names = frozenset(contexts.get("places_that_are_names") or [])
        self.kin_words = frozenset(kin)
        self.person_verbs = frozenset(contexts.get("person_verbs") or [])
        self.subject_links = frozenset(contexts.get("subject_links") or [])
        self.state_links = frozenset(contexts.get("state_links") or [])
        self.age_words = frozenset(contexts.get("age_words") or [])
        self.milestones = frozenset(contexts.get("milestones") or [])
        self.acronyms = frozenset(str(w).lower() for w in contexts.get("acronyms") or [])
        self.person_words = frozenset(
            w for w in contexts["before"]["capitalised"] + contexts["before"]["titled"]
            if " " not in w)
        # Multi-word places ("Los Angeles", "Fort William") are never names.
        self.places = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        phrases = [t for t in _region_terms() if " " in t]
        self.places.add("place", [self.nlp.make_doc(t) for t in phrases])
        # Public names ("Miss Rachel", "John Lewis", "Thomas the Tank Engine") are never a person's.
        public = _phrases(DATA / "public_names.txt")
        # Title case too: "Dr." and "Mr." are one token only when capitalised ("Dr. Seuss").
        docs = {tuple(t.lower_ for t in doc): doc for phrase in public
                for doc in (self.nlp.make_doc(phrase), self.nlp.make_doc(phrase.title()))}
        self.places.add("public", list(docs.values()))

    def _add(self, key: str, phrases: list[str], before: bool) -> None:
        # Tokenise each phrase beside a name, exactly as it would be in a message.
        # Capitalised too: some tokenizer exceptions are case-sensitive ("Dr." vs "dr" ".").
        docs, seen = [], set()
        for phrase in phrases or []:
            for variant in (phrase, phrase[:1].upper() + phrase[1:]):
                doc = self.nlp.make_doc(f"{variant} Sam" if before else f"Sam {variant}")
                span = doc[:-1] if before else doc[1:]
                norms = tuple(t.norm_ for t in span)
                if norms not in seen:
                    seen.add(norms)
                    docs.append(span.as_doc())
        self.matcher.add(key, docs)

    # -- what counts as a name word -------------------------------------------------------
    def _plain(self, token: Token) -> bool:
        """A word that could be a name: not a stop word, unless a capitalised name ("Will")."""
        if len(token) < 2 or not _NAME_CHARS.match(token.text):
            return False
        doc, i = token.doc, token.i
        if not token.whitespace_ and i + 1 < len(doc) and doc[i + 1].is_alpha:
            return False  # half of a word the tokenizer split: "gon|na", "wan|na", "lem|me"
        if token.lower_ in STOP_WORDS:
            return self._capitalised(token) and token.lower_ in self.lists.word_names
        return True

    @staticmethod
    def _capitalised(token: Token) -> bool:
        return token.text[0].isupper() and not token.text.isupper()

    def _unknown(self, token: Token) -> bool:
        """Not an everyday word, not an inflection, not one of the service's own words."""
        word = token.lower_
        if word in self.lists.not_names or word in self.lists.places or word in self.vocabulary:
            return False
        if self._common(token):
            return False
        if self._inflection(token):
            return False
        # A misspelt everyday word is no name either ("my son stopd breathing"), but a word
        # capitalised mid-sentence was written so on purpose ("it's Tunde", not "tune").
        deliberate = self._capitalised(token) and not self._sentence_start(token.doc, token.i)
        return deliberate or not is_typo_of_common_word(word)

    def _rare(self, token: Token) -> bool:
        """In no English dictionary, list or vocabulary at all. Where only a name can stand (a
        sign-off), such a word is one even if it is a letter from a word ("stace", "kez")."""
        word = token.lower_
        return not (word in self.english or get_string_id(word) in self.known
                    or word in self.lists.not_names
                    or word in self.lists.places or word in self.vocabulary
                    or self._common(token) or self._inflection(token))

    def _listed(self, token: Token) -> bool:
        word = folded(token.lower_)
        lists = self.lists
        return (word in lists.first or word in lists.word_names) and word not in lists.places

    def _common(self, token: Token) -> bool:
        # Hashed without storing: a parent's words are not added to the shared string store.
        # Accents folded too: "café", "fiancée" and "crèche" are everyday words; "Ní" (a
        # surname's first part) and a name on a list ("José", "Renée") are not.
        word = token.lower_
        if get_string_id(word) in self.common:
            return True
        plain = folded(word)
        return (plain != word and len(word) >= 4 and get_string_id(plain) in self.common
                and plain not in self.lists.first and plain not in self.lists.surnames)

    def _on_a_list(self, token: Token) -> bool:
        word = folded(token.lower_)
        return word in self.lists.first or word in self.lists.word_names or (
            word in self.lists.surnames)

    def _accepts(self, token: Token, tier: str) -> bool:
        if not self._plain(token):
            return False
        if tier == "any":
            return True
        if tier == "named":
            if token.lower_ in self.lists.word_names:  # "Summer, my eldest"; not "Will my baby"
                doc, i = token.doc, token.i
                aside = i + 1 < len(doc) and doc[i + 1].text in {",", "(", "'s", "’s"}
                return self._capitalised(token) and (aside or not self._sentence_start(doc, i))
            return (self._listed(token) or self._unknown(token)
                    or self._named_like_a_place(token) or self._rare_surname(token))
        if tier == "listed" and self._rare_surname(token):
            return True  # "Patel next door said"
        if tier == "listed" and self._named_like_a_place(token) and self._last_word(token):
            return True  # "ring me after 6, its Kerry": the writer signs in at the end
        if tier == "titled":  # "Auntie Blessing", "Nana Joy": any capitalised word after a title
            if self._capitalised(token) and token.lower_ not in self.lists.not_names:
                return True
            if token.lower_ in self.lists.word_names and self._does_something(token):
                return True  # "uncle bill put honey on her dummy", "nana joy's coming"
            tier = "capitalised"  # and, as after kinship words, "my auntie ngozi"
        if tier == "capitalised" and not self._capitalised(token) and (
            folded(token.lower_) in self.place_names
        ):
            return True  # "my son lewis", "my mum kerry": a kinship word, then a name
        if tier == "capitalised" and self._capitalised(token):
            # "my baby Kofi", "my husband Tom"; not "Baby Shark" or "Little Miss".
            return token.lower_ not in self.lists.not_names and (
                self._on_a_list(token) or not self._common(token))
        if token.lower_ in self.lists.word_names and not self._capitalised(token):
            return False
        if self._listed(token):
            return True
        if tier == "capitalised" and token.lower_ in self.lists.surnames and self._rare(token):
            return True  # "dr patel", "mrs okafor": a surname, in no English dictionary
        if not self._capitalised(token) and len(token) >= 5 and token.lower_ in self.english:
            return False  # "cream for baby eczema"; short nicknames ("gaz") are in dictionaries
        # Kinship and role words take any unknown word ("my son kofi"); the weaker contexts
        # ("I told ...", "... was born") only a capitalised one ("I told Gosia").
        return (tier == "capitalised" or self._capitalised(token)) and self._unknown(token)

    def _does_something(self, token: Token) -> bool:
        """The next word is what a person does, or a possessive: "bill put", "joy's"."""
        doc, at = token.doc, token.i + 1
        if at >= len(doc):
            return False
        after = doc[at]
        return (after.lower_ in self.subject_links or after.lower_ in self.state_links
                or after.lower_ in _DONE_FOR_A_CHILD
                or (after.lower_.endswith("ed") and after.lemma_.lower() != after.lower_))

    def _rare_surname(self, token: Token) -> bool:
        """A capitalised surname on the list that no dictionary holds ("Patel", "Okafor")."""
        word = token.lower_
        return (self._capitalised(token) and self._rare(token)
                and (word in self.lists.surnames or word in self.lists.world_surnames))

    def _named_like_a_place(self, token: Token) -> bool:
        """A capitalised first name that is also a place ("Kerry", "Shannon", "Jordan"): a name
        only where the words around can hold nothing but a person. A word never taken for a
        name ("Ramadan", "Christmas") is no place either, though a world list holds it; a
        people's name that is a first name too ("Shona") still is."""
        word = folded(token.lower_)
        return self._capitalised(token) and word not in self.never and (
            word in self.place_names or (word in self.lists.places and word in self.lists.first))

    @staticmethod
    def _last_word(token: Token) -> bool:
        return all(t.is_punct or t.lower_ in _KISSES for t in token.doc[token.i + 1 :])

    def _sentence_start(self, doc: Doc, i: int) -> bool:
        return i == 0 or doc[i - 1].text in _SENTENCE_END or "\n" in doc[i - 1].whitespace_

    # -- finding --------------------------------------------------------------------------
    def _extend(self, doc: Doc, start: int) -> int:
        """End (exclusive) of a name starting at `start`: surnames and hyphenated parts."""
        end = start + 1
        while end < len(doc):
            token = doc[end]
            joined = not doc[end - 1].whitespace_ and not token.whitespace_
            if token.text == "-" and joined and end + 1 < len(doc) and doc[end + 1].is_alpha:
                end += 2
                continue
            if self._particle_then_surname(doc, end):
                end += 2  # "henrique de oliveira", "Ali bin Hassan", in any case
                continue
            if (token.lower_ in _SURNAME_PARTICLES and end + 2 < len(doc) and not token.whitespace_
                    and doc[end + 1].text == "-" and not doc[end + 1].whitespace_
                    and self._capitalised(doc[end + 2])):
                end += 3  # "Mariam al-Hashimi", "Youssef el-Amrani"
                continue
            closing = end + 1 >= len(doc) or doc[end + 1].is_punct or "\n" in token.whitespace_
            if (token.lower_ in STOP_WORDS and self._capitalised(token) and closing
                    and end - start >= 2 and self._capitalised(doc[start])):
                end += 1  # the last part of a three-part name: "Nguyễn Văn An"
                continue
            surname = token.lower_ in self.lists.surnames or token.lower_ in self.lists.first
            # In lower case, a word no dictionary holds straight after a first name, closing the
            # phrase: "- priya sharma", "thanks, siobhan o'brien"
            unspelt = (not self._capitalised(doc[start]) and len(token) >= 3 and closing
                       and self._rare(token))
            if self._plain(token) and token.lower_ not in self.lists.not_names and (
                self._capitalised(token) or surname or unspelt
            ):
                end += 1
                continue
            break
        return end

    def _from_lists(self, doc: Doc) -> list[int]:
        hits = []
        lower_case = _typed_in_lower_case(doc)
        for i, token in enumerate(doc):
            if not self._plain(token):
                continue
            if token.lower_ in self.lists.places:
                if self._place_named_person(doc, i, lower_case):
                    hits.append(i)  # "Paris has started biting", "chelsea is 14 months"
                continue
            word = token.lower_  # not folded: alone, "bébé" is no "Bebe" (contexts fold accents)
            if not self._capitalised(token) and word in self.lists.world:
                # "finna": world-list names alone need a capital, unless they start a clause
                # as a person's subject ("efua keeps coughing", "tharushi has a cold")
                if self._acts_as_subject(doc, i):
                    hits.append(i)
                continue
            if i > 0 and doc[i - 1].lower_ == "the" and not self._capitalised(doc[i - 1]):
                continue  # "at the rosie", "the evelina": a hospital or unit, not a person
            before = doc[i - 1].lower_ if i > 0 else ""
            if (before in self.lists.places and before not in self.lists.not_names
                    and self._capitalised(doc[i - 1])):
                continue  # "Glasgow Royal", "Leeds General": a hospital named by its town
            if self._inside_a_brand(doc, i):
                continue  # "Cow & Gate Comfort": a product's name
            possessive = i + 1 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}
            if lower_case and word not in MONTHS | self.kin_words and (
                word in self.everyday_first or word in self.lists.word_names
            ) and (self._acts_as_subject(doc, i) or self._owns_a_person(doc, i)) and (
                word not in _SEASONS or self._season_as_a_child(doc, i)
            ):
                hits.append(i)  # all in lower case: "rob works nights", "mark's mum thinks"
                continue
            if word in self.everyday_first and (
                not self._capitalised(token) or (self._sentence_start(doc, i) and not possessive
                                                 and not self._acts_as_subject(doc, i))
            ):
                continue  # "Daisy chains"; but "Poppy's NHS number", "Lil is 18 months"
            accented = self._capitalised(token) and folded(word) != word
            if word in self.lists.first or (accented and folded(word) in self.lists.first) or (
                word in self.lists.word_names
                and word not in MONTHS
                and self._capitalised(token)
                and not self._sentence_start(doc, i)
            ):
                hits.append(i)
            elif (word in self.lists.word_names and word not in MONTHS | _SEASONS
                  and self._capitalised(token)
                  and (self._acts_as_subject(doc, i) or self._owns_a_person(doc, i))):
                hits.append(i)  # "Mark works nights", "Storm is teething"; not "Will you"
        return hits

    def _season_as_a_child(self, doc: Doc, i: int) -> bool:
        """ "summer is 14 months", "autumn started reception": a season's name has an age or a
        child's milestone, and nothing of time follows ("summer is 3 months away")."""
        clause = self._clause_after(doc, i + 1)
        if any(t.lower_ in _TIME_AWAY for t in clause):
            return False
        return self._age_follows(doc, i + 1) or self._milestone_at(doc, i + 2)

    def _inside_a_brand(self, doc: Doc, i: int) -> bool:
        """Mid-sentence, after a capitalised word that is nobody's name, title or kin (a shop,
        a brand, a town), a capitalised name word continues that proper name, not a person's:
        "Cow & Gate Comfort"; not "Sarah Hope", "Dr Faith", "Auntie Joy". A brand that opens
        the message ("Aldi Mamia formula") is not read this way: "Thanks Hope" opens one too."""
        if i < 2 or not self._capitalised(doc[i]) or self._sentence_start(doc, i - 1):
            return False
        before = doc[i - 1]
        word = folded(before.lower_)
        return (self._capitalised(before) and before.is_alpha and not before.is_upper
                and word not in self.person_words and word not in self.kin_words
                and not self._on_a_list(before) and not self._rare(before))

    def _place_named_person(self, doc: Doc, i: int, lower_case: bool) -> bool:
        """A first name that is also a place ("Paris", "Jordan", "India") doing what only people
        do, or owning a person: "Paris has started biting at nursery", "Sydney's nan". Not after
        "in", "from", "to" ("we moved from Georgia"), and in lower case only in a message typed
        all in lower case."""
        token = doc[i]
        if folded(token.lower_) not in self.place_names:
            return False
        if not (self._capitalised(token) or lower_case):
            return False
        if i > 0 and doc[i - 1].lower_ in self.place_words | _PLACE_LEADS:
            return False
        return (self._acts_as_subject(doc, i, _PLACE_THING_VERBS)
                or self._owns_a_person(doc, i))

    def _lowercase_subject(self, doc: Doc, public: set[int]) -> list[int]:
        """A lower-case word no list holds, first in its clause as a person's subject, in a
        message typed all in lower case: "efua keeps coughing", "kez thinks i've got pnd"."""
        hits = []
        for i, token in enumerate(doc):
            if token.text != token.lower_ or i in public or not self._plain(token):
                continue
            word = token.lower_
            if word in self.lists.not_names or word in self.lists.places:
                continue
            if word in self.english:
                continue  # "triage said come in", "reception said to ring back"
            if self._acts_as_subject(doc, i) and self._unknown(token):
                hits.append(i)
        return hits

    def _lowercase_object(self, doc: Doc) -> list[int]:
        """In a message typed all in lower case, a name after a verb done to a person, closing
        its phrase: "i asked kez to come over", "rang sue from the council". Only a rare word
        or a listed first name that is no word name ("i love rose gold" stays)."""
        if not _typed_in_lower_case(doc):
            return []
        hits = []
        for i in range(1, len(doc)):
            token, before = doc[i], doc[i - 1].lower_
            if before not in self.person_verbs or before == "with" or not self._plain(token):
                continue
            word = token.lower_
            if word in self.lists.word_names or word in self.lists.not_names or (
                word in self.vocabulary or word in self.kin_words
            ):
                continue
            closes = i + 1 >= len(doc) or doc[i + 1].is_punct or (
                doc[i + 1].lower_ in _AFTER_AN_OBJECT)
            if closes and (self._rare(token) or (word in self.lists.first
                                                 and word not in self.lists.places)):
                hits.append(i)
        return hits

    def _acts_as_subject(self, doc: Doc, i: int, thing_verbs: set[str] = _THING_VERBS
                         ) -> bool:
        """First in its clause and doing what only people do ("Mark works nights", "Storm is
        teething", "Sky is 8 weeks"): not what a bill, a mark or a season does too ("Bill went
        up", "Bill has been paid")."""
        if not (self._sentence_start(doc, i) or doc[i - 1].lower_ in _CLAUSE_LINKS):
            return False
        if i + 1 >= len(doc):
            return False
        after = doc[i + 1].lower_
        if after in _NEGATED and i + 2 < len(doc) and doc[i + 2].lower_ in {"n't", "nt", "’t"}:
            # "Bill hasnt held the baby", "Grace didn't sleep"; not "Bill hasn't been paid"
            return i + 3 < len(doc) and doc[i + 3].lower_ != "been"
        if after == "been" and i + 2 < len(doc):
            # "Precious been crying since 5am", "Grace been teething": "has" left out
            nxt = doc[i + 2].lower_
            return nxt in self.age_words or (nxt.endswith("ing") and nxt not in {"thing", "king"})
        negated = i + 3 < len(doc) and doc[i + 2].lower_ in {"n't", "nt", "’t"}
        if after in {"wo", "ca"} & thing_verbs and negated:
            # "sky wont let anyone hold her", "Storm can't settle"; not "Bill won't go down"
            stops = (doc[i + 3].lower_ == "stop" and i + 4 < len(doc)
                     and doc[i + 4].lower_ in _PERSON_GERUNDS)
            return doc[i + 3].lower_ in _REFUSALS or stops
        if after in self.subject_links:
            # "Faith started nursery", "Sky started at nursery", "olive got weighed": what a bill
            # or a season starts is no child's milestone
            return after not in thing_verbs or self._milestone_at(doc, i + 2)
        if (after in {"has", "had", "is", "was", "'s", "’s"} and i + 2 < len(doc)
                and doc[i + 2].lower_ in {"been", "being", "got"} and self._rare(doc[i])):
            # "manpreet has been up all night", "oisín's got a cough": a word no dictionary or
            # list holds
            return True
        if after in self.state_links:
            # "Penny's been off her milk", "Bear has a flat spot on the back of his head": a
            # person's own things follow in the same clause
            own = any(t.lower_ in {"her", "his"} for t in self._clause_after(doc, i + 2))
            # "Grace has refused the bottle": a person's verb after "has"; not "Hope has kept me
            # going", where hope and faith are what they say
            done = (i + 2 < len(doc) and after in {"has", "had"}
                    and doc[i + 2].lower_ in self.subject_links - thing_verbs
                    and not (i + 3 < len(doc) and doc[i + 3].lower_ in {"me", "us"}))
            # "rose was weighed today", "Kofi is crawling": a child's milestone
            return (own or done or self._age_follows(doc, i + 1, exclude={"been", "being"})
                    or (after in {"is", "was", "'s", "’s"} and self._milestone_at(doc, i + 2))
                    or self._said_to_be_someone(doc, i + 1) or self._away_at(doc, i + 2))
        if after in {"at", "from"}:
            return self._speaks_from_a_place(doc, i + 1)
        if after in _PAIR_LINKS and i + 3 < len(doc):
            # "efua and kofi have chickenpox", "ama n kwesi r coming": a pair of people doing
            # something together
            other = doc[i + 2]
            if other.lower_ in {"i", "me"}:
                return True  # "brook and i split up", "kemi n me r talking again"
            if other.lower_ in {"her", "his"}:
                # "Faith and her big brother both have the sick bug"; not "Comfort and her mum
                # is what she needs"
                return any(t.lower_ in self.kin_words and t.i + 1 < len(doc)
                           and doc[t.i + 1].lower_ in _TOGETHER for t in doc[i + 3 : i + 6])
            return (self._plain(other) and (self._listed(other) or self._rare(other)
                                             or self._named_like_a_place(other))
                    and doc[i + 3].lower_ in _TOGETHER)
        return False

    @staticmethod
    def _clause_after(doc: Doc, start: int, limit: int = 10) -> list[Token]:
        """The words from `start` up to the clause's end, at most `limit` of them."""
        words = []
        for token in doc[start : start + limit]:
            if token.is_punct or token.lower_ in _CLAUSE_LINKS:
                break
            words.append(token)
        return words

    def _milestone_at(self, doc: Doc, at: int) -> bool:
        """A child's milestone at `at`, or one preposition later ("at nursery", "to school")."""
        if at < len(doc) and doc[at].lower_ in {"at", "to", "in"}:
            at += 1
        return at < len(doc) and doc[at].lower_ in self.milestones

    def _away_at(self, doc: Doc, at: int) -> bool:
        """ "TOM IS AT WORK", "Kofi's at nursery": where a person spends the day; not "Argos is
        at the retail park"."""
        return (at + 1 < len(doc) and doc[at].lower_ == "at"
                and doc[at + 1].lower_ in self.milestones | {"work", "home"})

    @staticmethod
    def _speaks_from_a_place(doc: Doc, link: int) -> bool:
        """ "Carol at the children's centre said", "Chelsea from the baby group mentioned": who
        said it, named by where they are; not "Boots at the retail park has"."""
        for token in doc[link + 1 : link + 8]:
            if token.text in _SENTENCE_END or token.text == ",":
                return False
            if token.lower_ in _SPEECH_VERBS:
                return True
        return False

    def _said_to_be_someone(self, doc: Doc, link: int) -> bool:
        """ "is my boyfriend", "was our childminder": a person, said to be one."""
        rest = [t.lower_ for t in doc[link + 1 : link + 3]]
        return (len(rest) == 2 and rest[0] in {"my", "our", "her", "his", "the", "their"}
                and rest[1] in self.person_words)

    def _age_follows(self, doc: Doc, link: int, exclude: frozenset[str] | set[str] = frozenset()
                     ) -> bool:
        """An age or a person's state within three words after "is", "has" ("is 5 months",
        "has been poorly", "is teething")."""
        rest = [t.lower_ for t in doc[link + 1 : link + 4]]
        if rest and rest[0].isdigit() and 0 < int(rest[0]) < 20 and (
            len(rest) == 1 or rest[1] in _AFTER_A_BARE_AGE
        ):
            return True  # "storm is 2 and hitting his sister", "Kofi turned 3 today"
        return any(w in self.age_words and w not in exclude for w in rest)

    @staticmethod
    def _age_apposition(doc: Doc, j: int) -> bool:
        """An age or a weight from position j: ", 11 weeks", " 3.2kg", " 1y2m", " (2)"."""
        if j < len(doc) and doc[j].text in _APPOSITION_LEADS:
            bracketed = doc[j].text == "("
            j += 1
            if bracketed and j + 1 < len(doc) and doc[j].text.isdigit() and doc[j + 1].text == ")":
                return 0 < int(doc[j].text) < 6  # "Chipo (2)": a small child's age
        if j >= len(doc):
            return False
        word = doc[j].lower_
        if _AGE_GLUED.match(word):
            return True
        return bool(_AGE_NUMBER.match(word)) and j + 1 < len(doc) and (
            doc[j + 1].lower_ in _AGE_UNITS)

    def _aside_then_acts(self, doc: Doc, j: int) -> bool:
        """A short aside straight after the name, then what a person does: "Bilqis (Bili)
        refuses the bottle", "Rojda (Roji at home) has a cold"."""
        close = _ASIDE_CLOSE.get(doc[j].text) if j < len(doc) else None
        if close is None:
            return False
        end = next((k for k in range(j + 1, min(j + 10, len(doc))) if doc[k].text == close), None)
        if end is None or end + 1 >= len(doc) or end == j + 1:
            return False
        after = doc[end + 1].lower_
        if after in self.subject_links:
            return True
        if after in self.state_links:
            own = any(t.lower_ in {"her", "his"} for t in self._clause_after(doc, end + 2))
            nxt = doc[end + 2].lower_ if end + 2 < len(doc) else ""
            return own or self._age_follows(doc, end + 1) or nxt in self.subject_links
        return False

    def _capitalised_unknown(self, doc: Doc, public: set[int]) -> list[int]:
        """A capitalised word that is no English word, place, public or service word, where a
        person's name sits: mid-sentence straight after a verb done to or with a person ("I rang
        Adaeze", "minding Fiadh"), first in a sentence as the subject of what a person does or
        owning a person ("Tyrone's granny"). Anywhere else such a word is as often a town, a shop
        or a product ("driving round Wolverhampton", "using Lansinoh"); camel case is a brand
        ("EastEnders")."""
        hits = []
        for i, token in enumerate(doc):
            if not self._capitalised(token) or not self._plain(token) or _camel(token.text):
                continue
            word = token.lower_
            if word in self.lists.not_names or word in self.lists.places or i in public:
                continue
            if self._sentence_start(doc, i) or doc[i - 1].lower_ in _CLAUSE_LINKS:
                if not (self._owns_a_person(doc, i) or self._subject(doc, i, public)):
                    continue
                # Written as a person's subject, a rare word is a name even if it is one letter
                # from an everyday word ("Kidus keeps", "Tunde says"): "Kids keeps" is no typo.
                unspelt = word not in self.vocabulary and not self._common(token) and (
                    not self._inflection(token))
                if self._unknown(token) or unspelt or self._hyphenated_given_name(doc, i):
                    hits.append(i)
                continue
            named_with_age = self._age_apposition(doc, self._extend(doc, i))
            if doc[i - 1].lower_ not in self.person_verbs and not named_with_age:
                continue  # "driving round Wolverhampton", "using Lansinoh", "the Gruffalo"
            if self._unknown(token):
                hits.append(i)
        return hits

    def _hyphenated_given_name(self, doc: Doc, i: int) -> bool:
        """ "Soo-ah's first tooth", "Ha-eun is 3 months": a listed first part ("soo", an everyday
        word too) joined to a short second part, as the subject; not "Self-care is" or
        "Co-sleeping is" (no name first)."""
        if i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i].whitespace_:
            return False
        second = doc[i + 2]
        if doc[i + 1].whitespace_ or not second.is_alpha or len(second) > 4:
            return False
        return self._on_a_list(doc[i]) and second.lower_ not in self.lists.not_names

    @staticmethod
    def _inflection(token: Token) -> bool:
        """An inflected everyday word ("wakes", "nappies") is no name, however rare; read in lower
        case too, as the lemmatizer leaves a capitalised "Rang" or "Woke" as it is."""
        lemma = token.lemma_.lower() if token.lemma_ else token.lower_
        word = token.lower_
        return lemma != word or _lemma_table().get(word, word) != word

    def _subject(self, doc: Doc, i: int, public: set[int]) -> bool:
        """The word starts its sentence as a person would: "Yaw keeps waking", "Ji-woo is 5
        months", "Tatenda and Rufaro are twins", "Hodan Warsame." (a full name alone). Shops and
        products start sentences too ("Snoo is £1,300", "Argos had one"), so "is" and "has" count
        only before an age or "being"."""
        j = i + 1
        while j + 1 < len(doc) and doc[j].text == "-" and not doc[j].whitespace_:
            j += 2  # "Ji-woo"
        if j >= len(doc):
            return False
        if (doc[j].lower_ in _SURNAME_PARTICLES and self._capitalised(doc[j]) and j + 1 < len(doc)
                and self._capitalised(doc[j + 1])):
            j += 1  # "Aoibhinn Ní Dhomhnaill", "Pieter Van Dijk"
        after = doc[j]
        if self._age_apposition(doc, j) or self._aside_then_acts(doc, j):
            return True  # "Lerato, 11 weeks, 5.4kg", "Bilqis (Bili) refuses the bottle"
        if after.lower_ in _ADVERBS | {"finally"} and j + 1 < len(doc) and (
            doc[j + 1].lower_ in self.subject_links
        ):
            return True  # "Zsófi finally slept 5 hours"
        if self._capitalised(after) and self._unknown(after):  # "Hodan Warsame", "Małgorzata W."
            follows = doc[j + 1].lower_ if j + 1 < len(doc) else ""
            # alone, or saying or doing what people do: "Hetal Mistry said ..."
            return (not follows or follows in {".", ",", "\n", "-", "here"}
                    or follows in self.subject_links)
        if after.lower_ == "and":
            other = doc[j + 1] if j + 1 < len(doc) else None
            return (other is not None and other.i not in public and self._capitalised(other)
                    and not _camel(other.text)
                    and (self._unknown(other) or self._on_a_list(other)))
        if after.lower_ in self.state_links:
            # "Minji had her jabs", "Haruto has a flat spot on his head"; "Argos has one" stays
            # a shop
            own = any(t.lower_ in {"her", "his"} for t in self._clause_after(doc, j + 1))
            return own or self._age_follows(doc, j)
        if after.lower_ in _OWN_VERBS and j + 1 < len(doc) and doc[j + 1].lower_ in {"her", "his"}:
            return True  # "and Karthikeyan needs his jabs"; not "Ninewells did her scan"
        return after.lower_ in self.subject_links

    def _for_short(self, doc: Doc) -> list[int]:
        """ "Ifeoluwa (Ife for short)": the nickname, and the name it shortens."""
        hits = []
        for i in range(1, len(doc) - 3):
            if doc[i - 1].text == "(" and doc[i + 1].lower_ == "for" and (
                doc[i + 2].lower_ == "short"
            ) and self._plain(doc[i]):
                hits.append(i)
                if i >= 2 and self._plain(doc[i - 2]) and self._capitalised(doc[i - 2]):
                    hits.append(i - 2)
        return hits

    def _introduced(self, doc: Doc) -> list[int]:
        """ "kez here again", "ngozi okafor here": the message opens with who is writing."""
        words = [t for t in doc[:4] if not t.is_punct]
        for n in (1, 2):
            if len(words) > n and words[n].lower_ == "here" and words[n - 1].lower_ not in (
                self.person_words) and (
                self._accepts(words[n - 1], "named")
                or (self._capitalised(words[n - 1]) and not self._inflection(words[n - 1]))
            ) and all(self._plain(t) and not self._common(t) for t in words[:n]):
                return [t.i for t in words[:n]]
        return []

    def _owns_a_person(self, doc: Doc, i: int) -> bool:
        """ "Tyrone's granny", "River's dad": a possessive before a word for a person."""
        while (i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_
               and not doc[i + 1].whitespace_):
            i += 2  # "Ji-woo's grandma"
        return (i + 2 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}
                and doc[i + 2].lower_ in self.person_words)

    def _clause_start(self, doc: Doc, i: int) -> bool:
        # Kisses close a message and open a sign-off: "... thanks so much x from Shaz".
        return self._sentence_start(doc, i) or doc[i - 1].text in {",", "-", "("} or (
            doc[i - 1].lower_ in _KISSES)

    def _from_contexts(self, doc: Doc) -> list[int]:
        hits = []
        # A word between two weaker contexts is a name even if unknown: "hi its amaka here".
        sides: dict[int, set[str]] = {}
        for match_id, start, end in self.matcher(doc):
            key = self.nlp.vocab.strings[match_id]
            if key == "signoff":
                if doc[start].lower_ in self.clause_signoffs and not self._clause_start(doc, start):
                    continue  # "my husband from Kingston" is no signoff
                hits.extend(self._signoff(doc, end))
                continue
            side, tier = key.split(":")
            i = end if side == "before" else start - 1
            aside = i + 1 < len(doc) and doc[i].text in {",", "("}
            if side == "before" and tier != "any" and aside:
                i += 1  # "my husband, Gareth, says...", "my mam (Bríd)"
            if not 0 <= i < len(doc):
                continue
            if side == "before" and doc[end - 1].lower_ in _SMALL and not self._capitalised(doc[i]):
                continue  # "my little angel", "a wee dote"; "little Somto" is a name
            if side == "before" and doc[end - 1].lower_ == "our" and (
                not self._capitalised(doc[i]) or doc[i].lower_ in self.kin_words
            ):
                continue  # "our spaniel", "Our Nan"; "our Simran's ankles" is a name
            if self._accepts(doc[i], tier) or (
                tier in _KIN_TIERS and self._beside_kin(doc, i, f"{side}:{tier}", end)
            ) or (side == "before" and tier == "listed" and self._signs_in(doc, start, i)):
                hits.append(i)
            else:
                sides.setdefault(i, set()).add(side)
        for i, seen in sides.items():
            if len(seen) == 2 and self._accepts(doc[i], "named"):
                hits.append(i)
        return hits

    def _signs_in(self, doc: Doc, start: int, i: int) -> bool:
        """A word name in lower case after "this is" or "it's" that opens the message, alone:
        "hi this is mark", "its grace here, quick one"; not "it's hope that keeps me going"."""
        greeted = any(t.lower_ in _GREETINGS for t in doc[:start])
        opening = all(t.lower_ in _GREETINGS or t.is_punct for t in doc[:start])
        after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        alone = not after or doc[i + 1].is_punct
        closes = after in {"here", "again", "from"} or (greeted and alone)
        return (opening and closes and doc[i].lower_ in self.lists.word_names
                and self._plain(doc[i]) and doc[start].lower_ in {"this", "it", "its"})

    def _particle_then_surname(self, doc: Doc, at: int) -> bool:
        """A surname's small word and the word after it, straight after a name: "de oliveira".
        The word after must be no everyday word, so "Jo de best" keeps "best"."""
        if at + 1 >= len(doc) or doc[at].lower_ not in _SURNAME_PARTICLES:
            return False
        surname = doc[at + 1]
        return (self._plain(surname) and surname.lower_ not in self.lists.not_names
                and (self._on_a_list(surname) or self._rare(surname)))

    def _given_name_before(self, doc: Doc, i: int) -> int:
        """A capitalised first name straight before a surname found on its own belongs to it,
        even an everyday one at a sentence start: "Precious Chikwanha - mum of ..."."""
        if i >= 1 and self._capitalised(doc[i - 1]) and self._plain(doc[i - 1]) and (
            self._listed(doc[i - 1]) and doc[i - 1].lower_ not in self.lists.not_names
        ):
            return i - 1
        return i

    def _nicknames(self, doc: Doc, people: set[int]) -> set[int]:
        """A name and, in brackets straight after it, what the person is called for short:
        "Małgorzata (gosia)", "Oluwaseun (Seun)"; either one found tells the other. Not a
        role ("Ama (baby)") or an everyday word."""
        found = set()
        for i in people:
            at = self._extend(doc, i)
            if at + 2 < len(doc) and doc[at].text == "(" and doc[at + 2].text == ")":
                found.add(at + 1)  # the nickname after a name
            if i >= 2 and doc[i - 1].text == "(" and i + 1 < len(doc) and doc[i + 1].text == ")":
                found.add(i - 2)  # the name before a nickname
        return {j for j in found - people if self._plain(doc[j]) and (
            self._listed(doc[j]) or self._rare(doc[j])
            or (self._capitalised(doc[j]) and self._unknown(doc[j])))}

    def _family_names(self, doc: Doc) -> list[int]:
        """ "the Okafor family", "the van der Berg family": a surname on a list or in no
        dictionary, before "family"; not "the Royal family" or "my foster family"."""
        hits = [i for i in range(1, len(doc)) if self._family_plural(doc, i)]
        for i in range(1, len(doc) - 1):
            token = doc[i]
            if doc[i + 1].text not in {"family", "familys", "household"}:
                continue  # "The Addams Family" is a film
            before = doc[i - 1].lower_
            if before in _SURNAME_PARTICLES and self._plain(token):
                hits.append(i)  # "the van der Berg family"
            elif before == "the" and self._capitalised(token) and self._plain(token) and (
                self._rare(token) or (self._on_a_list(token) and token.lower_ not in self.english)
            ):
                hits.append(i)
        return hits

    def _family_plural(self, doc: Doc, i: int) -> bool:
        """ "the Kowalczyks are coming", "knows us as the Gallaghers": a family by its surname,
        a surname or first name on a list with an "s", or a word in no dictionary before what
        people do; not "the Tweenies" (no surname) or "the Simpsons" (a public name), nor "the
        Americans"."""
        token = doc[i]
        text = token.text
        if doc[i - 1].lower_ != "the" or not self._capitalised(token) or len(text) < 5 or (
            not text.endswith("s") or text.endswith("ss") or not _NAME_CHARS.match(text)
        ):
            return False
        word, stem = token.lower_, folded(token.lower_[:-1])
        if word in self.english or word in self.lists.not_names or word in self.lists.places:
            return False
        if stem in self.english or stem in self.lists.places or stem in self.lists.not_names:
            return False
        if stem.replace("'", "").replace("’", "") in self.lists.surnames:
            return True  # "the O'Briens"
        if stem in self.lists.first:  # the list holds no everyday-word names (NameLists.load)
            return True  # "the Mahmouds", "the Hassans": surnames that are first names too
        # A surname on no list ("the Kowalczyks"), where what follows is what people do.
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        return self._rare(token) and len(stem) >= 5 and (
            nxt in self.subject_links or nxt in self.state_links or nxt in {"are", "were", "have"})

    def _beside_kin(self, doc: Doc, i: int, key: str, end: int) -> bool:
        """A lower-case word beside a kinship or role word that the tiers turn down (a word that
        is also a name, or a rare word a letter from an everyday one) but that the words around
        it show to be a person: set off as an aside ("my nan, pat, helps", "bill (my stepdad)"),
        or doing what a person does ("my best friend dawn had PND", "me and tunde are
        fighting", "my mate jo from work"). Not "my son will be", "my son stopd breathing"."""
        token = doc[i]
        word = token.lower_
        if not self._plain(token) or not (word in self.lists.word_names or self._rare(token)):
            return False
        if key == "before:named":  # "hiya its precious, the baby...", "hi its joy here again"
            return i + 1 >= len(doc) or doc[i + 1].lower_ in {",", ".", "!", "here", "again"}
        if key.startswith("after:"):
            # "pat, my nan", "bill (my stepdad)"; "Dawn my health visitor is on leave" (not
            # "Will my baby be ok").
            if i + 1 < len(doc) and doc[i + 1].text in {",", "("}:
                return self._clause_start(doc, i) or self._capitalised(token)
            if word in self.clause_verbs:
                return False  # "hope my son is ok", "Will my baby be ok"
            # "amber my eldest is being mean", "dawn my support worker is off": first in its
            # clause, named by who they are, then doing what a person does
            return (self._capitalised(token) or self._clause_start(doc, i)) and (
                self._person_follows(doc, end - 1))
        if i + 1 < len(doc) and doc[i + 1].text in {",", ")"}:
            return doc[i - 1].text in {",", "("}
        after_kin = key in {"before:capitalised", "before:titled"} and (
            doc[i - 1].lower_ in self.kin_words and word not in self.lists.not_names)
        if after_kin and (i + 1 >= len(doc) or doc[i + 1].text in {".", "!", "?", "x", "xx"}):
            return True  # the message ends on who it is: "...for my son chase", "my cousin chance"
        # Straight after a kinship word, "won't" and "never" are a person's ("my girl precious
        # wont eat"), as they are a place's seldom.
        return self._person_follows(doc, i, _PLACE_THING_VERBS)

    def _person_follows(self, doc: Doc, i: int, thing_verbs: set[str] = _THING_VERBS) -> bool:
        """The words after doc[i] are what a person does, or say who they are."""
        if i + 1 >= len(doc):
            return False
        after = doc[i + 1].lower_
        if after in _ADVERBS and i + 2 < len(doc):
            # "my mother in law sue basically moved in": an adverb, then what a person does
            return doc[i + 2].lower_ in self.subject_links | self.state_links
        if after in self.subject_links:
            return after not in thing_verbs
        return after in self.state_links or after in _PERSON_FOLLOWERS

    def _signoff(self, doc: Doc, end: int) -> list[int]:
        """A name closing the message after "thanks", "love" ... or before kisses; an aside in
        brackets may close it ("cheers, Dougie (grandad, first time doing nights)")."""
        tail = doc[end:]
        brackets = [t.i for t in tail if t.text == "("]
        if brackets and doc[-1].text == ")":
            tail = doc[end : brackets[0]]
        rest = [t for t in tail if not t.is_punct and t.lower_ not in _KISSES]
        if (len(rest) == 3 and rest[1].lower_ in {"'s", "’s"}
                and rest[2].lower_ in self.person_words and self._plain(rest[0])
                and rest[0].lower_ not in self.lists.not_names):
            return [rest[0].i]  # "Thanks! - Kaylee's mom"
        if len(rest) == 1 and self._plain(rest[0]):
            token = rest[0]
            if self._capitalised(token) and token.lower_ not in self.lists.not_names:
                return [token.i]
            if self._listed(token):
                return [token.i]
            if self._rare(token):
                return [token.i]  # "thanks stace", not "thanks tho" or "thanks hun"
        if len(rest) == 2 and all(
            self._plain(t) and t.lower_ not in self.lists.not_names for t in rest
        ) and (
            all(self._capitalised(t) and (self._on_a_list(t) or not self._common(t)) for t in rest)
            or ((self._listed(rest[0]) or self._rare(rest[0]))
                and (self._rare(rest[1]) or rest[1].lower_ in self.lists.surnames))
        ):
            # "Regards, Tendai Adeyemi", "thanks, oksana hrytsenko"; not "Thanks Again" or "love
            # you all"
            return [rest[0].i]
        return []

    def _closing(self, doc: Doc) -> list[int]:
        """A name alone at the very end, after a full stop or a dash: "... every time. Aistė",
        "... call back - Gráinne." A capitalised word there that is no English word, or a listed
        first name in any case ("... both asleep. sapna")."""
        words = [t for t in doc if not t.is_punct and t.lower_ not in _KISSES]
        if len(words) < 4:
            return []
        token = words[-1]
        i = token.i
        if i == 0 or not (self._sentence_start(doc, i) or doc[i - 1].text in _DASHES):
            return []
        if not self._plain(token) or token.lower_ in self.lists.not_names or (
            token.lower_ in self.lists.places or token.lower_ in self.vocabulary
        ):
            return []
        if self._common(token) or self._inflection(token):
            return []
        if self._capitalised(token) or folded(token.lower_) in self.lists.first:
            return [i]
        if doc[i - 1].text == "." and len(token) >= 3 and self._rare(token):
            return [i]  # "... really appreciate it. gav"
        return []

    def _initial_signoff(self, doc: Doc) -> list[Span]:
        """A lone initial signing the message off, on its own line or after "thanks,": "...
        ring me back tonight.\nS", "thanks, M". One letter says little, but with the rest of
        a conversation it can say who wrote it."""
        words = [t for t in doc if not t.is_punct and t.lower_ not in _KISSES]
        if len(words) < 4:
            return []
        token = words[-1]
        i = token.i
        letter = token.text.rstrip(".")
        if len(letter) != 1 or not letter.isupper() or letter in {"I", "X"}:
            return []
        if any(not (t.is_punct and t.text in {".", "!"}) for t in doc[i + 1 :]
               if t.lower_ not in _KISSES):
            return []
        own_line = "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text or (
            doc[i - 1].text in _DASHES)
        after_thanks = doc[i - 1].text == "," and i >= 2 and (
            doc[i - 2].lower_ in {"thanks", "thx", "ta", "cheers", "love", "regards"})
        if not (own_line or after_thanks):
            return []
        return [Span(token.idx, token.idx + len(token.text), "NAME")]

    def _object_of(self, doc: Doc) -> list[int]:
        """A first name on a list after "for", "to" or "with", closing its phrase, in any case:
        "write a note for ngozi, she's", "went round to bartek after the scan". Only a name on
        a list that is no everyday word, place or service word ("for grace" and "to Paris"
        stay)."""
        hits = []
        for i in range(1, len(doc)):
            token = doc[i]
            if doc[i - 1].lower_ not in {"for", "to", "with"} or not self._plain(token):
                continue
            word = token.lower_
            if (word in self.lists.word_names or word in self.lists.not_names
                    or word in self.vocabulary or word in self.kin_words
                    or word in self.everyday_first or word in self.english
                    or not self._listed(token) or self._common(token)):
                continue
            end = self._extend(doc, i)
            closes = end >= len(doc) or doc[end].is_punct or doc[end].lower_ in (
                _AFTER_AN_OBJECT | {"after", "before", "tonight", "tomorrow", "she", "he",
                                    "they", "on", "at", "in", "this", "last", "next"})
            if closes:
                hits.append(i)
        return hits

    def _before_contact(self, doc: Doc) -> list[int]:
        """A name opening its clause straight before a phone number or an email address, as
        people save a contact: "delroy 07700 900456 (babys dad)", "seo-yeon park / s@x.com".
        Only a listed first name or a word in no dictionary."""
        hits = []
        for i in range(len(doc) - 1):
            token = doc[i]
            if not (i == 0 or self._clause_start(doc, i) or doc[i - 1].text == ":"):
                continue
            j = self._extend(doc, i)
            parts = [t for t in doc[i:j] if t.is_alpha]  # "seo-yeon park": any part will do
            if not self._plain(token) or any(
                t.lower_ in self.lists.not_names or t.lower_ in self.vocabulary
                or t.lower_ in self.lists.places for t in parts
            ):
                continue
            if not any(self._rare(t) or (self._listed(t) and not self._common(t)) for t in parts):
                continue
            while j < len(doc) and doc[j].text in {"/", ":", "-", "–", "on", "("}:
                j += 1
            if j < len(doc) and _CONTACT.match(doc[j].text):
                hits.append(i)
        return hits

    def _vocative(self, doc: Doc) -> list[int]:
        """A name the message ends on after a comma: "thanks for the advice, Xiaoling"."""
        words = [t for t in doc if not t.is_punct and t.lower_ not in _KISSES and t.is_alpha]
        if len(words) < 3:
            return []
        token = words[-1]
        if token.i == 0 or doc[token.i - 1].text != "," or not self._capitalised(token):
            return []
        if token.lower_ in self.lists.not_names or not self._plain(token):
            return []
        return [token.i] if self._listed(token) or self._unknown(token) else []

    def _kisses(self, doc: Doc) -> list[int]:
        """ "... Jo x" at the very end."""
        words = [t for t in doc if not t.is_punct]
        if len(words) >= 2 and words[-1].lower_ in _KISSES:
            token = words[-2]
            if self._plain(token) and (
                (self._capitalised(token) and token.lower_ not in self.lists.not_names)
                or self._listed(token)
            ):
                return [token.i]
        return []

    def _initials(self, doc: Doc) -> list[tuple[int, int]]:
        """ "J. Kowalczyk", "Dr P.K. Ramasamy": initials with full stops, then a capitalised word;
        (first token, token of the surname)."""
        hits = []
        for i in range(len(doc) - 1):
            token = doc[i]
            text = token.text
            initial = bool(_DOTTED_INITIALS.match(text)) or (
                len(text) == 1 and text.isupper() and text != "I"
                and i + 2 < len(doc) and doc[i + 1].text == ".")
            titled = (i > 0 and doc[i - 1].lower_.rstrip(".") in _TITLES and len(text) == 1
                      and text.isalpha() and i + 1 < len(doc))
            if titled:  # "mrs j kowalski", "Dr A Mensah": any case after a title
                after = doc[i + 1]
                if self._plain(after) and after.lower_ not in self.lists.not_names and (
                    self._unknown(after) or after.lower_ in self.lists.surnames
                    or after.lower_ in self.lists.first
                ):
                    hits.append((i, after.i))
                continue
            if not initial:
                continue
            after = doc[i + 1] if len(text) >= 2 else doc[i + 2]
            if self._capitalised(after) and self._plain(after) and (
                self._unknown(after) or after.lower_ in self.lists.surnames
                or after.lower_ in self.lists.first
            ):
                hits.append((i, after.i))
        return hits

    def _initial_as_subject(self, doc: Doc) -> list[int]:
        """A child or partner known by initials, first in the clause and doing what people do:
        "AJ is 18 months", "J. has been clingy", "me and B are thinking", "MJ and TJ are 20
        months and 4", "it's R.K. -". An acronym ("GP is useless", "HV said") is no one."""
        hits = []
        for i, token in enumerate(doc):
            text = token.text
            bare = text.rstrip(".")
            shaped = (_INITIALS_SHAPE.match(text) is not None
                      and bare.replace(".", "").replace("-", "").lower() not in self.acronyms)
            if not shaped:
                continue
            at = i + 1
            if at < len(doc) and doc[at].text == "." and not text.endswith("."):
                at += 1  # "J. has been": the full stop split from the letter
            before = [t.lower_ for t in doc[max(0, i - 2) : i]]
            after_initials = i >= 2 and bool(_INITIALS_SHAPE.match(doc[i - 2].text))
            paired = before[-1:] == ["and"] and (before[-2:-1] == ["me"] or after_initials)
            starts = self._sentence_start(doc, i) or paired
            greeted = before[-2:] in (["it", "'s"], ["it", "’s"]) or before[-1:] == ["its"]
            acts = starts and at < len(doc) and doc[at].lower_ in _INITIAL_FOLLOWERS
            if greeted or acts:
                hits.append(i)
        return hits

    def _shouted_pair(self, doc: Doc, i: int) -> bool:
        """Two words in capitals side by side that no dictionary holds, in a message that is not
        all capitals: a full name on a pasted text ("Appointment for MEKDES TESFAYE")."""
        def rare_caps(k: int) -> bool:
            t = doc[k]
            return (t.is_alpha and t.text.isupper() and len(t) >= 3
                    and t.lower_ not in self.acronyms and self._rare(t))
        return rare_caps(i) and any(
            0 <= k < len(doc) and rare_caps(k) and k != i for k in (i - 1, i + 1))

    def _shouted(self, doc: Doc) -> list[int]:
        """A name typed in capitals that no dictionary holds: "OKAFOR NEXT DOOR HAS
        CHICKENPOX", "lost my temper with MENSAH today". Capitals say nothing there, but a
        word on a name list that is no English word is still someone's."""
        hits = []
        for i, token in enumerate(doc):
            if not (token.is_alpha and token.text.isupper() and len(token) >= 4):
                continue
            word = token.lower_
            if word in self.acronyms or word in self.lists.not_names or word in self.lists.places:
                continue
            listed = (word in self.lists.surnames or word in self.lists.world_surnames
                      or word in self.lists.first)
            if (listed and self._rare(token)) or self._shouted_pair(doc, i):
                hits.append(i)
        return hits

    def _at_a_place(self, doc: Doc, i: int) -> bool:
        """ "lives in Kendal", "near Shelby": a place; "in Sarah's room" is still a person.
        "St Thomas'", "St Patrick's Day": a saint's name is a hospital, a church or a day."""
        i = self._hyphen_start(doc, i)  # "in Stoke-on-Trent"
        if i > 0 and doc[i - 1].lower_ in self.saint_words:
            return True
        possessive = i + 1 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}
        return i > 0 and doc[i - 1].lower_ in self.place_words and not possessive

    def _of_an_organisation(self, doc: Doc, start: int, end: int) -> bool:
        """ "Ella's Kitchen", "Royal Victoria Infirmary", "the Rosie maternity unit"."""
        possessive = end < len(doc) and doc[end].lower_ in {"'s", "’s"}
        if possessive and f"{doc[end - 1].lower_}'s" in self.lists.not_names:
            return True  # "Tommy's", "Barnardo's": a charity's name
        after = end + 1 if possessive else end
        # "our childminder Hyun-woo Park": after a role word, "Park" is a surname, not a place.
        introduced = start > 0 and doc[start - 1].lower_ in self.person_words
        inside = any(t.lower_ in self.organisation_words for t in doc[start + 1 : end]) or (
            not introduced and any(t.lower_ in self.not_before for t in doc[start:end]))
        if after >= len(doc) or (possessive and doc[after].lower_ in self.not_possessive):
            return inside  # "Iestyn's nursery" is his, "the Rosie nursery" a place
        if possessive and after + 1 < len(doc) and doc[after + 1].lower_ in self.records:
            return inside  # "Noah's hospital number" is his
        return inside or doc[after].lower_ in self.not_before

    @staticmethod
    def _hyphen_start(doc: Doc, i: int) -> int:
        """ "ji-woo": the name starts at the part before a hyphen written without spaces."""
        while (i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
               and not doc[i - 2].whitespace_ and _NAME_CHARS.match(doc[i - 2].text)):
            i -= 2  # "O'Neill-Kowalski" too
        return i

    def _conjoined(self, doc: Doc, starts: set[int]) -> set[int]:
        """The other name of a pair: "Sanjay and Kavita", "Faith and Noah are 8 weeks"."""
        found = set()
        for i in starts:
            for other, link in ((i + 2, i + 1), (i - 2, i - 1)):
                if not 0 <= other < len(doc):
                    continue
                token = doc[other]
                if doc[link].text == ",":  # a list: "Kwame, Raj and little Kofi"
                    if (self._capitalised(token) and self._plain(token)
                            and (self._listed(token) or self._unknown(token))
                            and not self._sentence_start(doc, other)):
                        found.add(other)
                    continue
                if doc[link].lower_ not in _PAIR_LINKS:
                    continue
                if (folded(token.lower_) in self.lists.first and self._plain(token)
                        and token.lower_ not in self.lists.places):
                    found.add(other)  # "(sunita and rajesh)"
                elif (self._capitalised(token) and self._plain(token)
                        and token.lower_ not in self.lists.not_names
                        and token.lower_ not in self.lists.places):
                    found.add(other)
                elif self._plain(token) and len(token) >= 3 and self._rare(token):
                    found.add(other)  # a rare word paired with a name: "without Niamh and ger"
                elif self._plain(token) and (self._named_like_a_place(token) or (
                    self._listed(token) and max(i, other) + 1 < len(doc)
                    and doc[max(i, other) + 1].lower_ in _TOGETHER
                )):
                    found.add(other)  # "Georgia and India", "Sky and river are both in the bath"
        return found

    def _repeated(self, doc: Doc, people: set[int]) -> set[int]:
        """A name found once is a name wherever the message repeats it, in any case: "Kofi has
        a cough ... should kofi see a GP". An everyday word stays unless it is capitalised
        ("Hope is 3 weeks, I hope she sleeps" keeps "hope")."""
        names = {folded(doc[i].lower_) for i in people}
        return {
            token.i for token in doc
            if token.i not in people and folded(token.lower_) in names and self._plain(token)
            and (self._capitalised(token) or not self._common(token))
            and token.lower_ not in self.lists.places
        }

    def find(self, text: str) -> list[Span]:
        # In a message typed all in capitals or Title Case, a capital says nothing about a
        # name: read it in lower case, where kinship words and a person's verbs still tell.
        # A name in no dictionary at all is still taken as written ("Aoibhinn Ní Dhomhnaill,
        # PPSN ...", "My GP Dr A.B. Khan Said").
        lowered = text.lower()
        if _case_blind(text) and len(lowered) == len(text):
            as_written = [span for span in self._find(text)
                          if self._in_no_dictionary(text[span.start:span.end])]
            return self._find(lowered) + as_written
        return self._find(text)

    def _in_no_dictionary(self, name: str) -> bool:
        """A name found as written that holds initials or a word no dictionary knows."""
        return any(_DOTTED_INITIALS.match(token.text)
                   or (token.is_alpha and len(token) > 1 and self._rare(token))
                   for token in self.nlp(name))

    def _find(self, text: str) -> list[Span]:
        doc = self.nlp(text)  # the lookup lemmatizer only: lemmas tell inflections from names
        in_places = {i for _, start, end in self.places(doc) for i in range(start, end)}
        starts = (set(self._from_lists(doc)) | set(self._from_contexts(doc))
                  | set(self._kisses(doc)) | set(self._vocative(doc))
                  | set(self._capitalised_unknown(doc, in_places)) | set(self._introduced(doc))
                  | set(self._closing(doc)) | set(self._lowercase_subject(doc, in_places))
                  | set(self._lowercase_object(doc)) | set(self._family_names(doc))
                  | set(self._for_short(doc)) | set(self._object_of(doc))
                  | set(self._before_contact(doc)) | set(self._initial_as_subject(doc))
                  | set(self._shouted(doc)))
        # A pair's or a list's other names only beside a person: "Dunnes and Penneys" are
        # shops. A list is followed name by name: "Kwame, Ama and Kofi".
        people = {i for i in starts if i not in in_places}
        while added := self._conjoined(doc, people) - people:
            people |= added
        starts |= people
        starts |= self._nicknames(doc, people)
        starts |= self._repeated(doc, people)
        in_places |= {i for i in starts if self._at_a_place(doc, i)}
        spans = []
        spans.extend(self._initial_signoff(doc))
        for first, surname in self._initials(doc):
            end = self._extend(doc, surname)
            spans.append(Span(doc[first].idx, doc[end - 1].idx + len(doc[end - 1]), "NAME"))
        for i in sorted(starts - in_places):
            end = self._extend(doc, i)
            if self._of_an_organisation(doc, i, end):
                continue
            first = self._given_name_before(doc, self._hyphen_start(doc, i))
            spans.append(Span(doc[first].idx, doc[end - 1].idx + len(doc[end - 1]), "NAME"))
        return spans
