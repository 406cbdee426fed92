"""Find the curated entities' names and acronyms in text: one token trie for the whole gazetteer.

Text and names are split into the same tokens (words, and single punctuation marks such as ``-`` and ``/``),
so a name split by a page break, or glued to a hyphenated compound ("African Union-led"), still matches, and
a match always starts and ends on a word boundary. Acronyms and one-word names match case-sensitively; in a
longer name, words printed with a capital must appear with it, lower-case words may appear in any case
("the comprehensive performance assessment system", "Comprehensive performance assessment system").

>>> from a4p_kg.extract.records import EntityRef
>>> m = Matcher([Form("African Union", EntityRef("organization", "African Union")),
...              Form("AU", EntityRef("organization", "African Union"), acronym=True)])
>>> [(x.surface, x.start) for x in m.find("the African Union-led process, with AU support")]
[('African Union', 4), ('AU', 36)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..reference import Gazetteer
from .records import EntityRef

__all__ = ["Form", "Match", "Matcher", "Token", "tokenize", "norm", "gazetteer_forms", "is_proper",
           "FUNCTION_WORDS", "BACKREF_HEADS", "MENTION_KINDS"]

#: the kinds of reference entity the text is searched for
MENTION_KINDS = ("operation", "organization", "policy", "country")

# words (inner apostrophes kept: "d'Ivoire"), a possessive "'s" on its own ("MINUSCA's"), punctuation marks
TOKEN_RE = re.compile(r"\w+(?:['’](?![sS]\b)\w+)*|['’][sS]\b|[^\w\s]")
DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'"})
FUNCTION_WORDS = frozenset("of the in on for and to a an at by with from de des du la le et".split())
#: capitalized head nouns that, alone after "the", are back-references ("the Division") rather than names
BACKREF_HEADS = frozenset("""Agreement Declaration Council Division Board Pact Goals Commission Committee Fund
    System Initiative Assembly Court Framework Strategy Programme Policy Department Office Service Section Unit
    Mission Force Operation Organization Union Agenda Team Centre Cell Capacity""".split())
PREPOSITIONS = ("of", "on", "for", "to", "in")
#: words a name may be printed with inside it ("to improve both basic and advanced first aid")
SKIPPABLE = frozenset({"both"})


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return norm(self.text)


def norm(token: str) -> str:
    """Case- and typography-insensitive form of one token (curly quotes and dashes unified)."""
    return token.translate(DASHES).lower()


def tokenize(text: str) -> list[Token]:
    """Words, possessive endings and single punctuation marks, with their offsets.

    >>> [t.text for t in tokenize("SPLM/A-IO's troop- and police-contributing Côte d'Ivoire")]
    ['SPLM', '/', 'A', '-', 'IO', "'s", 'troop', '-', 'and', 'police', '-', 'contributing', 'Côte', "d'Ivoire"]
    """
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def is_proper(words: list[str] | tuple[str, ...]) -> bool:
    """True when every content word is capitalized (or a number): a proper name such as "African
    Union-United Nations Hybrid Operation in Darfur", whose parts name nothing else. A descriptive name with
    lower-case words ("United Nations-African Union strategic partnership") is not.

    >>> is_proper(["Joint", "Force", "of", "the", "Group", "of", "Five"]), is_proper(["fund", "of", "the", "Elsie"])
    (True, False)
    """
    for w in words:
        if not w[:1].isalpha() or w.lower() in FUNCTION_WORDS:
            continue
        if not w[:1].isupper():
            return False
    return True


@dataclass(frozen=True)
class Form:
    """One surface form of an entity: its name, an alternative name or its acronym."""

    text: str
    entity: EntityRef
    acronym: bool = False
    since: int = 0  # first paragraph where it may match (names defined inline match from their definition on)
    words: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(t.text.translate(DASHES) for t in tokenize(self.text)))

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(w.lower() for w in self.words)

    def accepts(self, tokens: list[Token]) -> bool:
        """Whether the text tokens (equal to the form's ignoring case) print it acceptably."""
        if self.acronym or len(self.words) == 1:
            return all(t.text.translate(DASHES) == w for t, w in zip(tokens, self.words))
        for t, w in zip(tokens, self.words):
            if any(c.isupper() for c in w) and t.text.translate(DASHES) != w:
                return False
        return True


@dataclass(frozen=True, order=True)
class Match:
    start: int
    end: int
    surface: str
    entity: EntityRef
    form: Form = field(compare=False)
    proper: bool = field(default=True, compare=False)


class _Trie:
    def __init__(self) -> None:
        self.root: dict = {}

    def add(self, form: Form) -> None:
        node = self.root
        for k in form.key:
            node = node.setdefault(k, {})
        node.setdefault(None, []).append(form)


class Matcher:
    """All forms of all entities in one token trie; :meth:`find` returns the non-overlapping mentions."""

    def __init__(self, forms: list[Form]) -> None:
        self.forms: list[Form] = []
        self._trie = _Trie()
        self._by_key: dict[tuple[str, ...], set[EntityRef]] = {}
        for f in forms:
            self.add(f)

    def add(self, form: Form) -> None:
        if not form.words:
            return
        self.forms.append(form)
        self._trie.add(form)
        self._by_key.setdefault(form.key, set()).add(form.entity)

    def lookup(self, name: str) -> set[EntityRef]:
        """The entities that have ``name`` (compared ignoring case) among their forms."""
        return set(self._by_key.get(tuple(norm(t.text) for t in tokenize(name)), set()))

    def extended(self, forms: list[Form]) -> "Matcher":
        """A copy with more forms (a report's own definitions), leaving this one unchanged."""
        return Matcher(self.forms + forms)

    def candidates(self, text: str, tokens: list[Token] | None = None, *, paragraph: int = 0) -> list[Match]:
        """Every form occurrence, overlapping ones included."""
        tokens = tokens if tokens is not None else tokenize(text)
        keys = [t.key for t in tokens]
        out: list[Match] = []
        root = self._trie.root
        for i in range(len(tokens)):
            node = root.get(keys[i])
            used = [i]
            while node is not None:
                for form in node.get(None, ()):
                    span = [tokens[k] for k in used]
                    if form.since <= paragraph and form.accepts(span):
                        start, end = span[0].start, span[-1].end
                        out.append(Match(start, end, text[start:end], form.entity, form,
                                         proper=form.acronym or is_proper([t.text for t in span])))
                j = used[-1] + 1
                if j < len(tokens) and keys[j] not in node and len(used) > 1:
                    j = self._skip(keys, j, node)
                node = node.get(keys[j]) if j < len(tokens) else None
                used.append(j)
        return out

    @staticmethod
    def _skip(keys: list[str], j: int, node: dict) -> int:
        """Where a name resumes after words printed inside it: "both" ("to improve both basic and advanced
        first aid"), or a coordinated head before its complement ("a standard operating procedure and an
        online tool for the assessment ..."). Returns ``j`` when nothing may be skipped."""
        if keys[j] in SKIPPABLE:
            return j + 1
        if keys[j] in ("and", "or"):
            for k in range(j + 1, min(j + 6, len(keys))):
                if not keys[k][:1].isalnum():
                    break
                if keys[k] in PREPOSITIONS and keys[k] in node:
                    return k
        return j

    def find(self, text: str, tokens: list[Token] | None = None, *, paragraph: int = 0) -> list[Match]:
        """The mentions in ``text``: longest match first; a shorter match inside a proper name is part of that
        name ("African Union-United Nations Hybrid Operation in Darfur" is UNAMID only), inside a descriptive
        name it is a mention of its own ("United Nations-African Union partnership" names the African Union);
        partial overlaps and repeats of the enclosing entity are dropped."""
        cands = sorted(self.candidates(text, tokens, paragraph=paragraph),
                       key=lambda m: (-(m.end - m.start), m.start, not m.form.acronym))
        accepted: list[Match] = []
        for c in cands:
            ok = True
            for a in accepted:
                if c.end <= a.start or a.end <= c.start:
                    continue
                inside = a.start <= c.start and c.end <= a.end and (a.start, a.end) != (c.start, c.end)
                if not inside or a.proper or a.entity == c.entity:
                    ok = False
                    break
            if ok:
                accepted.append(c)
        return sorted(accepted)


def _strip_qualifier(name: str) -> str:
    """Drop a trailing disambiguating parenthesis: "casualty evacuation one-stop shop (MINUSCA)"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", name).strip() or name


def _plural(word: str) -> str | None:
    if not word.isalpha() or not word.islower() or len(word) < 3 or word.endswith("s"):
        return None
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("sh", "ch", "x")):
        return word + "es"
    return word + "s"


def _variants(name: str) -> list[str]:
    """The name and, for a descriptive multi-word name, its plural ("policies on casualty evacuations")."""
    out = [name]
    words = [t.text for t in tokenize(name)]
    if len(words) < 2 or is_proper(words):
        return out
    head = next((i - 1 for i, w in enumerate(words) if w in PREPOSITIONS and i > 0), len(words) - 1)
    plural = _plural(words[head])
    if plural:
        toks = tokenize(name)
        t = toks[head]
        out.append(name[:t.start] + plural + name[t.end:])
    return out


def _looks_like_acronym(text: str) -> bool:
    return " " not in text and sum(c.isupper() for c in text) >= 2


def gazetteer_forms(gaz: Gazetteer, kinds: tuple[str, ...] = MENTION_KINDS) -> list[Form]:
    """Every usable surface form of the reference entities of ``kinds``.

    A form that several entities share is dropped (precision first), and so is a lone head noun
    ("Council", "the Declaration"): those are back-references, resolved from context.
    """
    forms: list[Form] = []
    for e in gaz.entities:
        if e.kind not in kinds:
            continue
        ref = EntityRef(e.kind, e.key)
        names = [e.label] + list(e.alt_labels)
        seen: set[tuple[str, ...]] = set()  # exact words: "Greening the Blue" and "greening the blue" both stay
        for name in names:
            name = _strip_qualifier(name)
            words = [t.text for t in tokenize(name)]
            if not words:
                continue
            if len(words) == 1 and words[0] in BACKREF_HEADS:
                continue
            if len(words) == 2 and words[0].lower() == "the" and words[1] in BACKREF_HEADS:
                continue
            for variant in _variants(name):
                f = Form(variant, ref, acronym=_looks_like_acronym(variant) and len(words) == 1)
                if f.words not in seen:
                    seen.add(f.words)
                    forms.append(f)
        if e.acronym:
            f = Form(e.acronym, ref, acronym=True)
            if f.words not in seen:
                seen.add(f.words)
                forms.append(f)
    owners: dict[tuple[str, ...], set[EntityRef]] = {}
    for f in forms:
        owners.setdefault(f.key, set()).add(f.entity)
    return [f for f in forms if len(owners[f.key]) == 1]
