"""Whose name a detected name is: the words around it say who the person is to the post.

A name found by `analysis.names.find_names` can be a patient's, but it can also be a clinician's
("Dr Smith"), the author's own ("I'm Maria", "Hi neighbours, it's Tom", a signature at the end),
a public figure's whose health is public news ("NBA star X", "la cantante X", "X announced ..."),
a provider's that the post advertises (a healer or seller: "Mama Grace's herbal cure", "X, a
traditional healer", "X cured me"), or someone the author thanks ("Obrigada, dona Maria"). Only
the last kind, "other", can be a patient whose health the post exposes.
"""

from __future__ import annotations

import re
from typing import Literal

from analysis.names import (
    CLINICIAN_ROLES,
    CLINICIAN_TITLES,
    RELATION_WORDS,
    ROLE_WORDS,
    TITLES,
    _plain,
    _words,
    find_names,
    possible_names,
)

#: Roles of public figures, whose health news is public news: "NBA star X", "la cantante X".
PUBLIC_ROLES: frozenset[str] = _words("""
    presenter host anchor newsreader broadcaster star superstar celebrity celeb singer actor actress
    comedian footballer player striker goalkeeper quarterback athlete sprinter boxer golfer cricketer
    champion olympian rapper musician drummer guitarist frontman frontwoman influencer youtuber tiktoker
    streamer journalist novelist filmmaker minister president senator governor mayor congressman
    congresswoman mp mep chancellor premier king queen prince princess duke duchess ceo billionaire sec
    presentador presentadora conductora cantante actriz futbolista jugador jugadora deportista atleta
    tenista periodista ministro ministra presidenta senador senadora gobernador gobernadora alcalde
    alcaldesa diputado diputada rey reina principe princesa famoso famosa rapero rapera presentateur
    presentatrice animateur animatrice chanteur chanteuse acteur actrice comedien comedienne footballeur
    joueur joueuse journaliste ministre senateur senatrice maire depute deputee roi princesse vedette
    rappeur rappeuse moderator moderatorin sanger sangerin schauspieler schauspielerin fussballer
    fussballspieler nationalspieler spieler spielerin sportler sportlerin journalistin ministerin
    prasident prasidentin burgermeister burgermeisterin konig konigin prinz prinzessin kanzler kanzlerin
    abgeordnete abgeordneter promi rapperin apresentador apresentadora cantor cantora ator atriz jogador
    jogadora jornalista governador governadora prefeito prefeita deputado deputada rainha
""")

Role = Literal["clinician", "self", "public", "provider", "thanked", "other"]


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_TITLE = rf"(?:(?:{_alternatives(TITLES | CLINICIAN_TITLES | frozenset({'don'}))})\.?\s+)?"

# These look at the accent-free, lower-case text just before a name.
_CLINICIAN_BEFORE = re.compile(rf"\b(?:{_alternatives(CLINICIAN_TITLES | CLINICIAN_ROLES)})\.?,?\s+$")
_RELATION_BEFORE = re.compile(rf"\b(?:{_alternatives(RELATION_WORDS | ROLE_WORDS)})(?:'s)?,?\s+{_TITLE}$")
_SELF_BEFORE = re.compile(
    r"\b(?:i'?m|i\s+am|my\s+name\s+is|my\s+name's|introducing\s+myself|me\s+llamo|mi\s+nombre\s+es"
    r"|soy(?:\s+yo,)?|je\s+m'appelle|je\s+suis|moi,?\s+c'est|c'est\s+moi|ich\s+bin|ich\s+heisse"
    r"|mein\s+name\s+ist|hier\s+(?:ist|schreibt|spricht)|eu\s+sou(?:\s+[ao])?|sou(?:\s+eu|\s+[ao])?"
    r"|meu\s+nome\s+e|me\s+chamo|chamo-me|mi\s+chiamo|sono|it'?s\s+me|this\s+is\s+me)[,:]?\s+$"
    # "Hi neighbours, it's Tom at number 31": a greeting, then who is writing.
    r"|\b(?:hi|hello|hey|hiya|hola|ola|oi|bonjour|salut|coucou|hallo|servus|moin)\b[^.!?\n]{0,30}?"
    r"\b(?:it'?s|this\s+is|c'est|aqui|aca)\s+$"
)
#: "...forum: it's Bernard Okoye, NHS number ..., still waiting for my follow-up": who is writing,
#: when the sentence goes on in the first person.
_IT_IS_BEFORE = re.compile(r"(?:^|[.!?:]\s*)(?:it'?s|this\s+is)\s+$")
_REST_OF_SENTENCE = re.compile(r"[^.!?\n]*")
#: "Text me, Owen, ...", "Me (Chloé) two years ago", "I (Rachel Okafor, Year 4) have cancer".
_ME_BEFORE = re.compile(r"(?:^|[^\w'])(?:me|i|moi|yo|eu|ich)\s*[,(]\s*$")
#: A signature closing the post: "... Thank you. Thomas", "Euer Klaus", "💛 Nicole aus Gelsenkirchen".
_SIGN_OFF_BEFORE = re.compile(
    r"(?:[.!?…]|[^\w\s,;:'\"()\[\]-])\s*(?:(?:love|cheers|thanks|xx+|best|regards|euer|eure|deine|dein|ton|ta"
    r"|votre|besos|bisous|abrazos?|abracos?|beijos?|(?:liebe\s+)?gruss?e|lg|saludos|cordialement"
    r"|atenciosamente)[,!]?\s*)?[-–—~]?\s*$"
)
_SIGNATURE_AFTER = re.compile(
    r"(?:\s+(?:from|aus|de|da|do|du)\s+[A-ZÀ-Þ][\w'-]*(?:\s+[A-ZÀ-Þ][\w'-]*)?)?\W*$"
)
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|my|me|je|j'|moi|mon|ma|ich|mein\w*|yo|mi|eu|meu|minha)\b")

_POSSESSIVE = (
    r"(?:my|our|your|his|her|their|mi|mis|nuestr[oa]|tu|su|ma|mon|notre|votre|mein\w*|unser\w*|minha|meu"
    r"|nossa|nosso)"
)
_PUBLIC_BEFORE = re.compile(
    rf"(?:^|\b(?!{_POSSESSIVE}\b|little\b|lil\b|sweet\b|brave\b)[\w'-]+\s+|[^\w\s]\s*)"
    rf"(?:ex-?|former\s+|retired\s+|veteran\s+)?(?:{_alternatives(PUBLIC_ROLES)})"
    r"(?:\s+(?:meteo|tv|tele|radio|deportiv[oa]|sporti(?:f|ve)))?\.?,?\s+$"
)
#: "X announced", "X revealed live on air", "X confirmed on Instagram", "X ha anunciado": public news.
_ANNOUNCED_AFTER = re.compile(
    r"(?:'s|’s)?\s*(?:,[^,.!?]{1,60},\s*)?(?:(?:has|have|had)\s+)?(?:(?:publicly|officially)\s+)?(?:"
    r"announced|revealed(?!\s+to\s+(?:me|us|my))|went\s+public|made\s+(?:it\s+)?public|statement"
    r"|(?:confirmed|disclosed|shared|told\s+\w+|said|spoke|posted|opened\s+up)\b[^.!?]{0,30}"
    r"\b(?:publicly|on\s+air|live|in\s+a\s+statement|in\s+an\s+interview|at\s+a\s+press|on\s+(?:instagram"
    r"|twitter|x|tiktok|youtube|facebook|social\s+media|tv|television|the\s+radio|(?:his|her|their)\s+"
    r"(?:show|podcast|channel|programme|program)))"
    r"|ha\s+anunciado|anunci[óo]|ha\s+revelado|revel[óo]|ha\s+hecho\s+p[úu]blico|hizo\s+p[úu]blico"
    r"|a\s+annonc[ée]|annonce|a\s+r[ée]v[ée]l[ée]|a\s+rendu\s+public|hat\s+(?:\w+\s+)?(?:bekanntgegeben"
    r"|bekannt\s+gemacht|öffentlich\s+gemacht)|gab\s+bekannt|machte\s+öffentlich|anunciou|revelou"
    r"|tornou\s+p[úu]blico|contou\s+(?:nas\s+redes|publicamente)"
    r"|,?\s+who\s+(?:heads|leads|chairs|founded|runs)\b|,\s+(?:the\s+)?(?:head|leader|founder|chair)\s+of\b)",
    re.IGNORECASE,
)
#: Health news that did not come from the person: "Sources tell me local anchor X has been admitted".
_PRIVATE_SOURCE = re.compile(
    r"\b(?:sources?\s+(?:say|said|tell|told)|i(?:'ve)?\s+heard|(?:has|have)n'?t\s+(?:announced|gone\s+public)"
    r"|not\s+(?:yet\s+)?public|off\s+the\s+record|me\s+(?:han\s+)?contad|dicen\s+que|on\s+dit|angeblich"
    r"|dizem\s+que|me\s+disseram|apparently|apparemment|aparentemente|al\s+parecer|anscheinend|told\s+me"
    r"|m'a\s+dit|l'a\s+dit|me\s+dijo|me\s+cont[óo]u?|(?:hat|haben)\s+(?:mir\s+)?erz[äa]hlt)"
)

_REMEDY = (
    r"(?:herbal|herbs?|roots?|mixture|potion|oil|tea|tonic|remed\w*|cure|capsules?|powder|drops|formula"
    r"|concoction|products?)"
)
_HEALER = (
    r"(?:traditional\s+healer|healer|herbalist|herbal\s+doctor|native\s+doctor|medicine\s+man|sangoma"
    r"|shaman|chaman|xama|curander[oa]|curandeir[oa]|herbolari[oa]|gu[ée]risseu(?:r|se)|marabout"
    r"|heiler(?:in)?|seller|vendor|distributor)"
)
#: The post advertises the person: their remedy, their cure of the author, their trade, their charity.
_PROVIDER_AFTER = re.compile(
    rf"(?:'s|’s)\s+(?:[^\W\d_]+\s+){{0,2}}{_REMEDY}\b"
    rf"|,?\s+(?:a|an|the|un|una|um|uma|le|la|ein|eine|o)\s+(?:[^\W\d_]+\s+)?{_HEALER}\b"
    r"|\s+(?:[^\W\d_]+\s+){0,2}?(?:cured|healed)\s+(?:me|my|us|our)\b|\s+(?:me|nos)\s+cur(?:[óo]|ou)\b"
    r"|\s+m'a\s+(?:gu[ée]ri|soign[ée])|\s+hat\s+mich\b[^.!?]{0,50}?\bgeheilt|\s+heilte\s+mich",
    re.IGNORECASE,
)
#: Someone speaking for an organisation: "Mrs Catherine Wells of the Global Cancer Relief Trust".
_OF_ORGANISATION_AFTER = re.compile(
    r",?\s+(?:of|from)\s+(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,4}(?:Trust|Foundation|Fund|Relief|Charity"
    r"|Ministries|Organi[sz]ation|Association|Society|Agency)\b"
)
_PROVIDER_BEFORE = re.compile(
    rf"\b{_HEALER}\s+{_TITLE}$"
    rf"|\b(?:hierbas|remedio|aceite|te|ervas|remedio|cha|oleo|tisane|remede|krauter|tee|tropfen|mittel)"
    rf"\s+(?:de(?:l)?|do|da|du|von|vom)\s+{_TITLE}$"
)
_THANKS_BEFORE = re.compile(
    r"\b(?:thank\s+you|thanks|thx|shout\s*-?\s*out\s+to|gracias|obrigad[oa]|merci|danke|grazie)"
    rf"(?:\s+(?:so\s+much|to|a|al|à|an))?[,!]?\s+{_TITLE}$"
)


def _own(text: str, start: int, end: int, before: str) -> bool:
    """Is the name the author's own: introduced as such, after "me, ...", or signing the post?"""
    if text[end : end + 2] in ("'s", "’s"):
        return False  # "I'm Maria's daughter" names Maria
    if _SELF_BEFORE.search(before):
        return True
    if _ME_BEFORE.search(before) and text[end : end + 1] in (",", ")"):
        return True
    if _IT_IS_BEFORE.search(before):
        rest = _REST_OF_SENTENCE.match(text, end)
        if rest and _FIRST_PERSON.search(_plain(rest.group())):
            return True
    signs = _SIGN_OFF_BEFORE.search(before) or not before.strip()
    closes = bool(signs) and bool(_SIGNATURE_AFTER.fullmatch(text, end))
    return closes and bool(_FIRST_PERSON.search(_plain(text[:start])))


def name_role(text: str, start: int, end: int) -> Role:
    """Whose name the span start:end is: a clinician's ("Dr Smith", "my oncologist Sarah Jones"), the
    author's own ("I'm Maria Lopez"), a public figure's ("radio presenter X", "X announced"), a
    provider's the post advertises ("Dr Ogie's herbal cure", "Mama Grace's remedy", "X, a healer"),
    someone thanked ("Obrigada, dona Maria"), or someone else's.

    A clinician's title after a relation word ("my colleague Dr Weber") names the colleague, someone
    else, and so does a public role after one ("my coach X"); health news that the post says came
    from sources, not from the person, keeps a public figure's name someone else's.
    """
    before = _plain(text[max(0, start - 60) : start])
    if _PROVIDER_AFTER.match(text, end) or _OF_ORGANISATION_AFTER.match(text, end):
        return "provider"  # before a clinician's title: "Dr Ogie's herbal cure"
    clinician = _CLINICIAN_BEFORE.search(before)
    if clinician:
        return "other" if _RELATION_BEFORE.search(before[: clinician.start()]) else "clinician"
    if _own(text, start, end, before):
        return "self"
    if _PROVIDER_BEFORE.search(before):
        return "provider"
    if _THANKS_BEFORE.search(before):
        return "thanked"
    if _RELATION_BEFORE.search(before):
        return "other"
    # A capitalised German role can open the span itself: "Moderatorin Anna Weber hat Krebs".
    opening = _plain(text[start:end]).split()[0]
    public = opening in PUBLIC_ROLES or _PUBLIC_BEFORE.search(before) or _ANNOUNCED_AFTER.match(text, end)
    if public and not _PRIVATE_SOURCE.search(_plain(text)):
        return "public"
    return "other"


#: Roles that are never a patient's. A clinician's name can be a patient's ("Dr Hollis, the GP
#: everyone sees, just got diagnosed"), so clinicians are not among them.
_NEVER_PATIENT = frozenset({"self", "public", "provider", "thanked"})


def names_no_patient(text: str) -> bool:
    """Does the post name people, all of them the author, public figures, providers or people thanked?

    Wider than the NAME spans of `analysis.privacy.detect_pii`: names are looked for whether or not
    the text speaks of health, and every run of capitalised words counts too, so that an unlisted
    name of someone else ("Zuleika Brandt has cancer") keeps the answer no.
    """
    found = find_names(text)
    found += [(a, b) for a, b in possible_names(text) if all(b <= x or a >= y for x, y in found)]
    return bool(found) and all(name_role(text, a, b) in _NEVER_PATIENT for a, b in found)
