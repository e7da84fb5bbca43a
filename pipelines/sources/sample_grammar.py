"""The template grammar of the synthetic sample stream: inline choices, expanded before slots are filled.

A template is text with `{slot}`s (filled by `sample_fill`) and `[a|b|c]` choices, one alternative
drawn at random; choices nest, and an empty alternative makes a part optional: `[Honestly, |]`.
`{Slot}` with a capital first letter is the slot `slot` (the same value) starting a sentence.
Posts are composed from several independently drawn parts (an opener, a core, a closer), so that
independent posts rarely share their wording, as on real social media.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

#: A compiled template: literal text and choices, a choice being a tuple of compiled alternatives.
Seq = tuple["str | tuple[Seq, ...]", ...]

_CACHE: dict[str, Seq] = {}
_SLOT_RE = re.compile(r"\{(\w+)\}")
_SPACES_RE = re.compile(r" {2,}| (?=[,.])")


def compile_template(template: str) -> Seq:
    """The template's choices parsed once (and cached); ValueError on an unbalanced bracket."""
    seq = _CACHE.get(template)
    if seq is None:
        seq = _CACHE[template] = _parse(template)
    return seq


def _parse(template: str) -> Seq:
    # Each open choice keeps its finished alternatives and the sequence being built.
    stack: list[tuple[list[Seq], list[str | tuple[Seq, ...]]]] = []
    current: list[str | tuple[Seq, ...]] = []
    literal: list[str] = []

    def flush() -> None:
        if literal:
            current.append("".join(literal))
            literal.clear()

    for char in template:
        if char == "[":
            flush()
            stack.append(([], current))
            current = []
        elif char == "|" and stack:
            flush()
            stack[-1][0].append(tuple(current))
            current = []
        elif char == "]":
            if not stack:
                raise ValueError(f"unbalanced ']' in template: {template!r}")
            flush()
            alternatives, parent = stack.pop()
            alternatives.append(tuple(current))
            parent.append(tuple(alternatives))
            current = parent
        else:
            literal.append(char)
    if stack:
        raise ValueError(f"unbalanced '[' in template: {template!r}")
    flush()
    return tuple(current)


def _emit(seq: Seq, rand: random.Random, out: list[str]) -> None:
    for item in seq:
        if isinstance(item, str):
            out.append(item)
        else:
            _emit(item[int(rand.random() * len(item))], rand, out)


def expand(template: str, rng: random.Random) -> str:
    """The template with one alternative drawn for every choice; `{slot}`s are left for filling."""
    if "[" not in template:
        return template
    out: list[str] = []
    _emit(compile_template(template), rng, out)
    text = "".join(out)
    if "  " in text or " ," in text or " ." in text:
        text = _SPACES_RE.sub(lambda m: " " if m.group(0).startswith("  ") else "", text)
    return text.strip(" ")


@dataclass(frozen=True, slots=True)
class Parts:
    """The parts posts of one kind are composed of: a core, and maybe an opener before it and a closer
    after it, each drawn independently."""

    cores: Sequence[str]
    openers: Sequence[str] = ()
    closers: Sequence[str] = ()
    p_open: float = 0.45
    p_close: float = 0.5

    def templates(self) -> Iterator[str]:
        yield from self.cores
        yield from self.openers
        yield from self.closers


def compose(parts: Parts, rng: random.Random) -> str:
    """One post's text from `parts`, its choices drawn; `{slot}`s are left for filling."""
    text = expand(parts.cores[int(rng.random() * len(parts.cores))], rng)
    if parts.openers and rng.random() < parts.p_open:
        text = expand(parts.openers[int(rng.random() * len(parts.openers))], rng) + " " + text
    if parts.closers and rng.random() < parts.p_close:
        closer = expand(parts.closers[int(rng.random() * len(parts.closers))], rng)
        if closer not in text:  # no '#bcsm #bcsm'
            # A capitalised closer after a bare word starts a new sentence: '...the future. Thanks.'
            end = text[-1:]
            stop = "." if end.isalnum() and end != "}" and closer[:1].isupper() else ""
            text += stop + " " + closer
    return text


def slot_names(template: str) -> set[str]:
    """Every slot named anywhere in the template, in any alternative."""
    return set(_SLOT_RE.findall(template))


def wordings(template: str) -> int:
    """How many wordings the template's choices allow (slots not counted)."""
    return _count(compile_template(template))


def _count(seq: Seq) -> int:
    total = 1
    for item in seq:
        if not isinstance(item, str):
            total *= sum(_count(alternative) for alternative in item)
    return total
