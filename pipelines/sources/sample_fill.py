"""Slot filling and small helpers of the synthetic sample stream: handles, typos, platform ids and urls.

Every personal detail made here is fake: phone numbers in the 555-0100..0199 and 07700 900xxx ranges
reserved for fiction, e-mail addresses on example.* domains, invented names and streets.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pipelines.sources import sample_pools as P
from pipelines.sources.sample_grammar import expand


@dataclass(frozen=True)
class SlotContext:
    """What slot filling draws from: the stream's random generator and its handle pools."""

    rng: random.Random
    handles: list[str]
    sellers: list[str]


class Slots(dict[str, str]):
    """The slot values of one post: drawn on first use, so a slot used twice reads the same."""

    def __init__(self, ctx: SlotContext, lang: str, fixed: Mapping[str, str] | None = None) -> None:
        super().__init__(fixed or {})
        self._ctx = ctx
        self._lang = lang

    def __missing__(self, key: str) -> str:
        if key[:1].isupper():  # '{Remedy}' starts a sentence with the post's '{remedy}'
            base = self[key[:1].lower() + key[1:]]
            value = base[:1].upper() + base[1:]
        else:
            value = _draw(self._ctx, key, self._lang, self)
        self[key] = value
        return value


def phone(ctx: SlotContext, slots: Slots | None = None) -> str:
    """A fictional phone number in one of a few national formats."""
    rng = ctx.rng
    area, tail = rng.choice(P.PHONE_AREAS), f"{rng.randrange(100):02d}"
    return rng.choice((f"+1 {area} 555 01{tail}", f"({area}) 555-01{tail}", f"{area}-555-01{tail}",
                       f"07700 900{rng.randrange(1000):03d}"))


def whatsapp(ctx: SlotContext, slots: Slots | None = None) -> str:
    """A fictional WhatsApp contact as scam ads print it."""
    rng = ctx.rng
    area, tail = rng.choice(P.PHONE_AREAS), f"{rng.randrange(100):02d}"
    return rng.choice((f"+1 {area} 555 01{tail}", f"+44 7700 900{rng.randrange(1000):03d}",
                       f"wa.me/1{area}55501{tail}"))


def link(ctx: SlotContext, slots: Slots | None = None) -> str:
    """A link to an article on an example.* domain."""
    rng = ctx.rng
    return f"https://{rng.choice(P.LINK_DOMAINS)}/{rng.choice(P.LINK_SLUGS)}-{rng.randrange(1000, 99999)}"


def _email(ctx: SlotContext, slots: Slots) -> str:
    domain = ctx.rng.choice(("example.com", "example.org", "example.net"))
    return f"{slots['first'].lower()}.{slots['last'].lower()}{ctx.rng.randrange(10, 99)}@{domain}"


def _dob(ctx: SlotContext, slots: Slots) -> str:
    rng = ctx.rng
    return f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(1941, 2001)}"


#: Slots made by code rather than drawn from `sample_pools.POOLS`.
MAKERS: dict[str, Callable[[SlotContext, Slots], str]] = {
    "name": lambda ctx, s: f"{s['first']} {s['last']}",
    "email": _email,
    "phone": phone,
    "wa": whatsapp,
    "link": link,
    "dob": _dob,
    "mrn": lambda ctx, s: f"{ctx.rng.randrange(10**8):08d}",
    "room": lambda ctx, s: str(ctx.rng.randrange(101, 960)),
    "address": lambda ctx, s: f"{ctx.rng.randrange(2, 400)} {s['street']}, {s['town']}",
    "nct": lambda ctx, s: f"NCT09{ctx.rng.randrange(10**6):06d}",
    "price": lambda ctx, s: str(ctx.rng.choice((49, 79, 99, 149, 199, 299, 499, 1500, 4900, 12000))),
    "number": lambda ctx, s: str(ctx.rng.randrange(3, 40)),
    "handle": lambda ctx, s: ctx.rng.choice(ctx.handles),
    "seller": lambda ctx, s: ctx.rng.choice(ctx.sellers),
    "hex": lambda ctx, s: f"{ctx.rng.getrandbits(160):040x}",
}


def _draw(ctx: SlotContext, key: str, lang: str, slots: Slots) -> str:
    if key in ("cancer", "tag"):
        # Drawn together so that a post's hashtag matches its cancer (#bcsm with breast cancer).
        name, tag = ctx.rng.choice(P.CANCERS.get(lang) or P.CANCERS["en"])
        slots.setdefault("cancer", name)
        slots.setdefault("tag", tag)
        return slots[key]
    maker = MAKERS.get(key)
    if maker is not None:
        return maker(ctx, slots)
    pool = P.POOLS.get(lang, {}).get(key) or P.POOLS["en"].get(key)
    if pool is None:
        raise KeyError(f"template slot {{{key}}} has no pool and no maker")
    return ctx.rng.choice(pool)


def make_handles(rng: random.Random, count: int) -> list[str]:
    """`count` distinct user handles such as 'pink_warrior82'."""
    first, second = P.HANDLE_PARTS
    seen: dict[str, None] = {}
    while len(seen) < count:
        digits = rng.choice(("", "", str(rng.randrange(1, 99)), str(rng.randrange(1960, 2010))))
        seen[f"{rng.choice(first)}{rng.choice(('_', '', '_'))}{rng.choice(second)}{digits}"] = None
    return list(seen)


def make_sellers(rng: random.Random, count: int) -> list[str]:
    """`count` distinct seller handles such as 'herbal_healing_shop07'."""
    a, b, c = P.SELLER_PARTS
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen[f"{rng.choice(a)}_{rng.choice(b)}_{rng.choice(c)}{rng.randrange(1, 99):02d}"] = None
    return list(seen)


def fill(template: str, lang: str = "en", rng: random.Random | None = None,
         fixed: Mapping[str, str] | None = None) -> str:
    """Draw a template's `[a|b]` choices, then fill its `{slot}`s from the pools of `lang` (English where
    the language has none)."""
    rng = random.Random(0) if rng is None else rng  # noqa: S311 - synthetic text, not security
    ctx = SlotContext(rng, make_handles(rng, 50), make_sellers(rng, 10))
    return expand(template, rng).format_map(Slots(ctx, lang, fixed))


def typo(text: str, rng: random.Random) -> str:
    """Swap two adjacent letters inside one longer word, as a hurried thumb does."""
    words = text.split(" ")
    candidates = [i for i, word in enumerate(words) if len(word) > 4 and word.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word, j = words[i], rng.randrange(1, len(words[i]) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:]
    return " ".join(words)


def _base36(value: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, rest = divmod(value, 36)
        out = digits[rest] + out
        if not value:
            return out


#: Id spacing per platform; small steps give the small, dense ids of channels and forums.
_ID_STEPS: dict[str, int] = {"telegram": 3, "forum": 5, "news_comment": 11, "other": 2}


def platform_id(platform: str, count: int, rng: random.Random) -> str:
    """A platform-looking id for the platform's `count`-th post; unique per platform, growing with count."""
    step = _ID_STEPS.get(platform, 7919)
    serial = count * step + rng.randrange(step)
    if platform == "x":
        return str(1_853_000_000_000_000_000 + serial * 4096)
    if platform == "tiktok":
        return str(7_431_000_000_000_000_000 + serial * 1024)
    if platform == "facebook":
        return str(100_000_000_000_000 + serial * 13)
    if platform == "reddit":
        return _base36(1_500_000_000 + serial)
    if platform == "youtube":
        return "Ugx" + _base36(10**12 + serial * 977)
    if platform == "instagram":
        return "C" + _base36(10**13 + serial * 331).upper()
    if platform == "forum":
        return f"p{300_000 + serial}"
    if platform == "news_comment":
        return f"c{8_000_000 + serial}"
    return str((40_000 if platform == "telegram" else 500_000) + serial)


def post_url(platform: str, post_id: str, author: str | None, rng: random.Random) -> str:
    """The address such a post would have on its platform."""
    author = author or "anon"
    if platform == "x":
        return f"https://x.com/{author}/status/{post_id}"
    if platform == "reddit":
        return f"https://www.reddit.com/r/{rng.choice(P.SUBREDDITS)}/comments/{post_id}/"
    if platform == "facebook":
        return f"https://www.facebook.com/{post_id}"
    if platform == "youtube":
        return f"https://www.youtube.com/watch?v={_base36(rng.getrandbits(52))}&lc={post_id}"
    if platform == "instagram":
        return f"https://www.instagram.com/p/{post_id}/"
    if platform == "tiktok":
        return f"https://www.tiktok.com/@{author}/video/{post_id}"
    if platform == "telegram":
        return f"https://t.me/{author}/{post_id}"
    if platform == "forum":
        return f"https://forum.example.org/t/{post_id}"
    if platform == "news_comment":
        return f"https://news.example.com/comments/{post_id}"
    return f"https://social.example.net/p/{post_id}"
