"""Protect the people in a post: pseudonymise identities, find and redact personal data.

Nothing here logs a text, a span's contents or an identity: callers may log counts and types only.
The patterns cover English, Spanish, French, German and Portuguese; phone numbers in any language
come from `phonenumbers`; person names come from `analysis.names` and are kept only in texts that
carry health information.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

import phonenumbers

from analysis.name_roles import name_role
from analysis.names import find_names, possible_names
from schemas.posts import PiiSpan

PHONE = "PHONE"
EMAIL = "EMAIL"
RECORD_NUMBER = "RECORD_NUMBER"
ADDRESS = "ADDRESS"
DATE_OF_BIRTH = "DATE_OF_BIRTH"
MENTION = "MENTION"
NAME = "NAME"

#: Span types that identify a person and so can make a health post a privacy leak.
SENSITIVE_TYPES: frozenset[str] = frozenset({PHONE, EMAIL, RECORD_NUMBER, ADDRESS, DATE_OF_BIRTH, NAME})
#: Span types an organisation publishes on purpose (a helpline's number, a charity's address). A
#: person's name is not one: a helpline in the same post does not make a patient's name public.
CONTACT_TYPES: frozenset[str] = frozenset({PHONE, EMAIL, ADDRESS})

# When two candidate spans overlap with the same length, the more specific reading wins:
# "MRN 212 555 0199" is a record number even though it also parses as a phone number.
_TIE_PRIORITY = {RECORD_NUMBER: 0, DATE_OF_BIRTH: 1, EMAIL: 2, PHONE: 3, ADDRESS: 4, NAME: 5, MENTION: 6}


# ---------------------------------------------------------------------------------------------
# Context cues for the privacy_leak decision (en, es, fr, de, pt, some fa)
# ---------------------------------------------------------------------------------------------

HEALTH_CUES: dict[str, re.Pattern[str]] = {
    "cancer": re.compile(
        # "Tropic of Cancer" is a novel, not a diagnosis.
        r"(?<!tropic of )(?<!tropico de )(?<!trópico de )(?<!tropique du )"
        r"\b(?:cancers?|c[áâ]ncer|cancro|\w*krebs\w*|\w*tumou?r\w*|tumeur|leuk(?:[äa]?e|ä)mi\w*|leuc[ée]mi\w*"
        r"|\w*lymphom\w*|linfoma|\w*melanom\w*|\w*carcinom\w*|sarcom\w*|metasta\w*|malignan\w*"
        r"|my[ée]lom\w*|mielom\w*|gliom\w*|glioblastom\w*|neuroblastom\w*"
        r"|oncolog\w*|oncol[óo]g\w*|onkolog\w*)|سرطان|تومور",
        re.IGNORECASE,
    ),
    "treatment": re.compile(
        r"\b(?:chemo\w*|quimio\w*|chimio\w*|radiotherap\w*|radiation|radioterapia|radioth[ée]rapie"
        r"|strahlentherapie|bestrahlung|immunotherap\w*|mastectom\w*|mastectom[íi]a|surgery|cirug[íi]a"
        r"|chirurgie|cirurgia|operiert)|شیمی\s?درمانی",
        re.IGNORECASE,
    ),
    "diagnosis": re.compile(
        r"\b(?:diagnos\w*|diagn[óo]stic\w*|diagnostiqu\w*|biops\w*|stage\s+(?:[0-4]|i{1,3}v?|iv)\b"
        r"|estadio|stade|stadium|est[áa]gio|positive\s+for|terminal)|تشخیص",
        re.IGNORECASE,
    ),
    "hospital": re.compile(
        r"\b(?:hospital\w*|h[ôo]pital|krankenhaus|klinik\w*|clinic|cl[íi]nica|clinique|ward|icu|uci"
        r"|hospice|room\s+\d+|bed\s+\d+|habitaci[óo]n|chambre|zimmer|quarto|station\s+\d+|planta\s+\d+"
        r"|leito)|بیمارستان",
        re.IGNORECASE,
    ),
}

HELPLINE = re.compile(
    r"\b(?:help\s?line|hot\s?line|support\s+line|info\s?line|quit\s?line"
    r"|freephone|toll[- ]free|call\s+us|contact\s+us"
    r"|free\s+(?:and\s+)?confidential|charity|foundation|cancer\s+society"
    r"|l[íi]nea\s+de\s+(?:ayuda|atenci[óo]n|apoyo)|tel[ée]fono\s+(?:gratuito|de\s+ayuda)|fundaci[óo]n"
    r"|asociaci[óo]n|ligne\s+d'[ée]coute|num[ée]ro\s+vert|appel\s+gratuit|fondation|association"
    r"|beratungstelefon|infotelefon|krebsinformationsdienst|krebshilfe|stiftung"
    r"|linha\s+de\s+(?:apoio|ajuda)|liga[çc][ãa]o\s+gratuita|ligue\s+gr[áa]tis|funda[çc][ãa]o"
    r"|associa[çc][ãa]o"
    # An organisation's own line: "patient information line", "Secrétariat :", "the day unit on ...".
    r"|(?:information|advice|interpreter|appointments?|booking|enquir(?:y|ies)|inquiry)\s+line|help\s?desk"
    r"|official\s+(?:phone|number|line)|secr[ée]tariat|sekretariat|secretar[íi]a|day\s+unit|switchboard"
    r"|non-?profit|patient\s+(?:education|information|services))|خط\s?(?:کمک|مشاوره)",
    re.IGNORECASE,
)

#: A seller's or a healer's post: the contact details in it are the seller's, not a patient's.
SELLER = re.compile(
    r"\b(?:to\s+order|order\s+(?:now|today|yours|here)|ships?\s+worldwide|we\s+ship|we\s+(?:buy|sell)"
    r"|(?:he|she|they)\s+(?:also\s+)?(?:cures?|ships?|sends?|delivers?)\b|also\s+cures?|for\s+cash"
    r"|registration\s+fee|deposits?|instal+ments?|spots?\s+(?:left|filling)|special\s+rate|love\s+offering"
    r"|wellness\s+(?:studio|retreats?|cent(?:re|er))|herbalist|traditional\s+healer|native\s+doctor"
    r"|spiritual\s+(?:herbs?|healer)|herbal\s+(?:cure|medicine|remedy|doctor|mixture|roots?)"
    r"|without\s+(?:a\s+)?prescription|[ée]l\s+cura|ella\s+cura|tambi[ée]n\s+cura|cura\s+cualquier"
    r"|enviamos|env[íi]os?\s+a|sin\s+receta|mitad\s+de\s+precio|el[ea]\s+(?:cura|manda)|tamb[ée]m\s+cura"
    r"|manda\s+pr[oa]|sem\s+receita|verschickt|versand|bestell\w*|ohne\s+rezept|livraison|commandez"
    r"|sans\s+ordonnance|il\s+gu[ée]rit)\b",
    re.IGNORECASE,
)

FIRST_PERSON = re.compile(
    r"\b(?:i|i'm|i've|i'll|me|my|mine|myself|yo|mi|mis|estoy|tengo|je|j'\w+|moi|mon|ma|mes|ich|mein\w*"
    r"|mir|mich|eu|meu|minha|meus|minhas|estou|tenho)\b|\bمن\b",
    re.IGNORECASE,
)

THIRD_PARTY = re.compile(
    # Plural groups ("hello neighbours", "other patients", "hola vecinos") are nobody in particular.
    r"\b(?:neighbou?r|friend|co-?worker|colleague|boss|sisters?|brothers?|mother|mom|mum|dad"
    r"|father|wife|husband|sons?|daughters?|aunt|uncle|cousins?|grand(?:ma|pa|mother|father)|niece|nephew"
    # "patient liaison team" is a service; Spanish "he abierto" is "I have opened".
    r"|patient(?!\s+(?:liaison|team|advocate|advocacy|portal|services|education|information|forum|group"
    r"|navigator|coordinator|line|safety|experience|no\b|number|id\b|#))"
    r"|he(?!\s+\w+(?:ado|ido|ierto|crito|uesto|isto|uelto|cho)\b)|she|his|her|him|mr|mrs|ms"
    # "mama" is mum (es, pt, de), but "cáncer de mama" is breast cancer.
    r"|vecin[oa]|amig[oa]|compa[ñn]er[oa]|herman[oa]|madre|padre|mamá|(?<!de )mama|pap[áa]"
    r"|espos[oa]|marido|hij[oa]|t[íi][oa]|prim[oa]|abuel[oa]|paciente|él|ella|se[ñn]ora?|sra?"
    r"|voisine?|amie?|coll[èe]gue|s[œo]e?ur|fr[èe]re|m[èe]re|p[èe]re|maman|papa|femme|mari|fils|fille"
    r"|tante|oncle|cousine?|patiente?|elle|monsieur|madame|mme"
    r"|nachbarin|nachbar|freundin|freund|kolleg(?:e|in)|schwester|bruder|mutter|vater|frau|mann"
    r"|sohn|tochter|onkel|patientin|patient|er|sie|herr"
    r"|vizinh[oa]|colega|irm[ãa]o?|m[ãa]e|pai|filh[oa]|av[óô]|ele|ela|dona)\b"
    r"|همسایه|دوست|مادر|پدر|خواهر|برادر|بیمار(?!ان|ستان)",
    re.IGNORECASE,
)


def pseudonymise(identity: str, key: bytes, namespace: str = "") -> str:
    """A stable pseudonym `u_<16 hex>`: HMAC-SHA256 of the normalised identity within a namespace.

    The identity is NFKC-normalised, stripped, lower-cased and loses a leading '@', so "@Ana" and
    "ana" are the same person; the namespace (the platform) keeps "ana" on X apart from "ana" on Reddit.
    """
    if not key:
        raise ValueError("a non-empty pseudonymisation key is required")
    normalised = unicodedata.normalize("NFKC", identity).strip().lower().lstrip("@")
    space = unicodedata.normalize("NFKC", namespace).strip().lower()
    message = space.encode("utf-8") + b"\x00" + normalised.encode("utf-8")
    return "u_" + hmac.new(key, message, hashlib.sha256).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")

_MENTION_RE = re.compile(r"(?<![\w@.+-])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")

_MONTHS = (
    # en
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    # es
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    # fr
    r"|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|octobre|novembre|d[ée]cembre"
    # de
    r"|januar|februar|m[äa]rz|maerz|juni|juli|oktober|dezember"
    # pt
    r"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
)
_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+)?\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_DATE_RE = re.compile(rf"^{_DATE}$", re.IGNORECASE)
_DOB_RE = re.compile(
    r"\b(?:d\.?o\.?b\.?|date\s+of\s+birth|birth\s*date|born(?:\s+on)?"
    r"|fecha\s+de\s+nacimiento|f\.\s*nac\.?|nacid[oa](?:\s+el)?"
    r"|n[ée]e?\s+le|date\s+de\s+naissance"
    r"|geboren(?:\s+am)?|geb\.|geburtsdatum"
    r"|data\s+de\s+nascimento|nascid[oa](?:\s+(?:em|a))?)"
    rf"[\s:=,\-–]{{0,4}}(?P<date>{_DATE})",
    re.IGNORECASE,
)

# Keywords that name a record on their own, and generic ones ("case", "dossier") that need an
# explicit number marker after them so that "my case 2024" or "dossier complet" are not records.
_RECORD_STRONG = (
    r"mrn|medical\s+record(?:\s+(?:number|no\.?|n[º°o]|#))?|patient\s+(?:id|number|no\.?|#)"
    r"|hospital\s+(?:id|number|no\.?|#)|nhs(?:\s+(?:number|no\.?|#))?|health\s+card(?:\s+number)?"
    r"|historia\s+cl[íi]nica|n[úu]mero\s+de\s+(?:paciente|historia|expediente)"
    r"|num[ée]ro\s+de\s+(?:dossier|patient)|dossier\s+m[ée]dical|ipp"
    r"|patientennummer|patienten-?id|fallnummer|versichertennummer"
    r"|prontu[áa]rio|n[úu]mero\s+d[eo]\s+(?:prontu[áa]rio|paciente|utente)|processo\s+cl[íi]nico"
    r"|شماره\s+(?:پرونده|بیمار)"
)
_RECORD_GENERIC = r"case|chart|record|file|dossier|expediente|akte|processo"
_RECORD_MARKER = r"(?:number|num\.?|no\.?|nr\.?|n[º°o]\.?|id|#)"
_RECORD_ID = r"(?P<id>\d{3}[ -]\d{3}[ -]\d{4}|[A-Z0-9۰-۹][A-Z0-9۰-۹/-]{3,19})"
_RECORD_RE = re.compile(
    rf"\b(?:(?:{_RECORD_STRONG})(?:\s*{_RECORD_MARKER})?"
    rf"|(?:{_RECORD_GENERIC})\s*{_RECORD_MARKER})"
    rf"(?:\s*(?:is|es|est|ist|é|:|=|-))?\s*{_RECORD_ID}\b",
    re.IGNORECASE,
)

# Addresses. Name words in English may be lower-case, but never a function word, so that
# "5 days in the road" is not an address; abbreviated street types need a capitalised name.
_STOP = (
    r"the|a|an|of|in|on|at|to|my|your|his|her|our|their|this|that|for|and|or|long|hard|more|other"
    r"|days|weeks|months|years|hours|times|rounds|cycles|sessions|doses|pills|miles|km"
)
_EN_NAME_WORD = rf"(?!(?:{_STOP})\b)[^\W\d_][\w'.-]*"
_EN_CAP_WORD = r"(?:[A-Z][\w'.-]*|\d{1,3}(?:st|nd|rd|th))"
_EN_ADDRESS = (
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:(?:{_EN_NAME_WORD})\s+){{1,3}}"
    r"(?i:street|avenue|road|lane|boulevard|drive|court|terrace|crescent|close|place|way|highway)\b"
    rf"|\b\d{{1,5}}[A-Za-z]?\s+(?:{_EN_CAP_WORD}\s+){{1,3}}(?:St|Ave|Rd|Ln|Blvd|Dr|Ct|Pl|Hwy)\b\.?"
)
_PARTICLE = r"(?:(?:de|del|de\s+la|de\s+los|du|des|de\s+l'|la|le|les|da|das|do|dos|d'|l')\s*)"
_CAP = r"[A-ZÀ-ÖØ-Þ][\w'-]*"
_ROMANCE_NAME = rf"{_PARTICLE}?{_CAP}(?:\s+{_PARTICLE}?{_CAP}){{0,3}}"
_FR_ADDRESS = (
    r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|chemin|place|impasse|all[ée]e|quai)"
    rf"\s+{_ROMANCE_NAME}"
)
_ES_PT_ADDRESS = (
    r"\b(?i:calle|c/|avenida|avda\.?|paseo|plaza|rua|travessa|pra[çc]a|estrada|alameda)"
    rf"\s+{_ROMANCE_NAME},?\s*(?i:n[º°o]\.?\s*)?\d{{1,5}}\b"
)
_DE_ADDRESS = (
    r"\b[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|allee|platz|ring)\s+\d{1,4}[a-z]?\b"
    r"|\b[A-ZÄÖÜ][\wäöüß-]*\s+(?:Straße|Strasse|Str\.|Weg|Gasse|Allee|Platz)\s+\d{1,4}[a-z]?\b"
)
_ADDRESS_RE = re.compile(f"{_EN_ADDRESS}|{_FR_ADDRESS}|{_ES_PT_ADDRESS}|{_DE_ADDRESS}")

# What a phone-shaped match must not be: money, a dose or count, a date, a bare short number.
_CURRENCY_BEFORE = re.compile(r"[$€£¥₹]\s*$|\b(?:usd|eur|gbp|rs|r\$)\s*$", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"^\s*(?:mg|mcg|µg|ug|g|kg|ml|l|iu|units?|%|€|\$|£|usd|eur|euros?|dollars?|pesos?|reais"
    r"|followers|views|likes|people|patients|cases|times|steps|calories|kcal)\b",
    re.IGNORECASE,
)
_NON_PHONE_SHAPE = re.compile(r"^\d{4}\s*[-–/]\s*\d{4}$")


# National-format numbers of other regions ("030 12345678", "0800 123 4567") do not parse in the
# default region; after an explicit phone word they are still phone numbers.
_PHONE_WORD_RE = re.compile(
    r"\b(?:phone|mobile|cell|tel[ée]?(?:fono|phone|fon)?|call(?:\s+me)?(?:\s+(?:at|on))?|ring|text|whats\s?app"
    r"|ll[aá]m(?:e|ame|anos)|m[óo]vil|celular|appel(?:ez|er)|portable|anrufen|handy|ligue|liga|zap)\.?"
    r"(?:\s+(?:number|no\.?|n[úu]mero|num[ée]ro|nummer))?\s*(?:[:.]\s*)?(?P<num>\+?\d[\d ().-]{6,18}\d)",
    re.IGNORECASE,
)
#: A number of another region's national form ("0800 000 0133", "900 000 258") in a post that names
#: a helpline or an organisation's line: found so that it is known for the organisation's and redacted.
_NATIONAL_NUMBER = re.compile(r"(?<![\w+/])(?<!\d[ .-])(?P<num>\+?\d[\d ().-]{6,16}\d)(?![\w/]|[ .-]?\d)")
#: Persian: "شماره پسرش: ۰۹۱۲..." (his son's number), "تلفن", "موبایل"; not a record's or a card's number.
_FA_PHONE_WORD_RE = re.compile(
    r"(?:شماره(?!\s*(?:پرونده|بیمار|کارت|حساب|شبا))|تلفن|موبایل|همراه|تماس|واتساپ)[^\d\n]{0,16}?"
    r"(?P<num>\+?\d[\d ().-]{6,18}\d)"
)
#: Persian (Extended Arabic-Indic) and Arabic-Indic digits: numbers written the way the seed study's
#: patients write them. Mobile numbers like ۰۹۱۲... only parse as Iranian numbers.
_PERSIAN_DIGITS = re.compile(r"[۰-۹٠-٩]")


def _phone_spans(text: str, region: str) -> list[PiiSpan]:
    """Phone numbers in the default region's national form and in international +CC form."""
    found: dict[tuple[int, int], PiiSpan] = {}
    regions: list[str | None] = [region.upper() if region else None, None]
    if _PERSIAN_DIGITS.search(text) and "IR" not in regions:
        regions.insert(1, "IR")
    for reg in regions:
        matcher = phonenumbers.PhoneNumberMatcher(text, reg, leniency=phonenumbers.Leniency.POSSIBLE)
        for match in matcher:
            raw = match.raw_string
            digits = sum(ch.isdigit() for ch in raw)
            has_separator = any(ch in " -.()/" for ch in raw.strip())
            # A bare 7-9 digit run is more often an id, a count or an amount than a phone number.
            if not raw.lstrip().startswith("+") and digits < 10 and not has_separator:
                continue
            if digits < 7 or _DATE_RE.match(raw.strip()) or _NON_PHONE_SHAPE.match(raw.strip()):
                continue
            if _CURRENCY_BEFORE.search(text[max(0, match.start - 5) : match.start]):
                continue
            if _UNIT_AFTER.match(text[match.end : match.end + 12]):
                continue
            found[(match.start, match.end)] = PiiSpan(type=PHONE, start=match.start, end=match.end)
    for word_match in (*_PHONE_WORD_RE.finditer(text), *_FA_PHONE_WORD_RE.finditer(text)):
        raw = word_match.group("num")
        if 8 <= sum(ch.isdigit() for ch in raw) <= 15 and not _DATE_RE.match(raw):
            start, end = word_match.span("num")
            found.setdefault((start, end), PiiSpan(type=PHONE, start=start, end=end))
    for match in _NATIONAL_NUMBER.finditer(text) if HELPLINE.search(text) else ():
        raw, (start, end) = match.group("num"), match.span("num")
        digits = sum(ch.isdigit() for ch in raw)
        if not 8 <= digits <= 15 or _DATE_RE.match(raw) or _NON_PHONE_SHAPE.match(raw):
            continue
        # Dialled as written: a leading 0 or +, or groups ("900 000 258"); not an amount or a count.
        grouped = raw.startswith(("0", "+")) or any(ch in " -.()" for ch in raw)
        before, after = text[max(0, start - 5) : start], text[end : end + 12]
        money = _CURRENCY_BEFORE.search(before) or _UNIT_AFTER.match(after)
        if grouped and not money and not any(a < end and start < b for a, b in found):
            found[(start, end)] = PiiSpan(type=PHONE, start=start, end=end)
    return list(found.values())


def _record_spans(text: str) -> list[PiiSpan]:
    spans = []
    for match in _RECORD_RE.finditer(text):
        ident = match.group("id")
        digits = sum(ch.isdigit() for ch in ident)
        has_letter = any(ch.isalpha() for ch in ident)
        # Ids are long: five digits, or a letter prefix with four; "case 2024" is a year.
        if digits >= 5 or (has_letter and digits >= 4):
            spans.append(PiiSpan(type=RECORD_NUMBER, start=match.start("id"), end=match.end("id")))
    return spans


def resolve_overlaps(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Sorted, non-overlapping spans: of two that overlap, the longer one is kept."""
    ranked = sorted(spans, key=lambda s: (-(s.end - s.start), _TIE_PRIORITY.get(s.type, 9), s.start))
    kept: list[PiiSpan] = []
    for span in ranked:
        if span.end <= span.start:
            continue
        if all(span.end <= other.start or span.start >= other.end for other in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def detect_pii(text: str, default_region: str = "US") -> list[PiiSpan]:
    """Personal data in a text: PHONE, EMAIL, RECORD_NUMBER, ADDRESS, DATE_OF_BIRTH, NAME and MENTION.

    NAME spans are kept only when the text carries a health cue: a name in a post with no health
    content is not health data. Offsets refer to the original text; the result is sorted and free
    of overlaps.
    """
    if not text:
        return []
    spans: list[PiiSpan] = []
    spans += [PiiSpan(type=EMAIL, start=m.start(), end=m.end()) for m in _EMAIL_RE.finditer(text)]
    spans += [PiiSpan(type=MENTION, start=m.start(), end=m.end()) for m in _MENTION_RE.finditer(text)]
    spans += [
        PiiSpan(type=DATE_OF_BIRTH, start=m.start("date"), end=m.end("date")) for m in _DOB_RE.finditer(text)
    ]
    spans += [PiiSpan(type=ADDRESS, start=m.start(), end=m.end()) for m in _ADDRESS_RE.finditer(text)]
    spans += _record_spans(text)
    spans += _phone_spans(text, default_region)
    names = find_names(text)  # cheaper than the health cues, which most posts carry
    if names and any(pattern.search(text) for pattern in HEALTH_CUES.values()):
        spans += [PiiSpan(type=NAME, start=start, end=end) for start, end in names]
    return resolve_overlaps(spans)


def redact(
    text: str, spans: list[PiiSpan], mention_key: bytes | None = None, namespace: str = ""
) -> str:
    """Replace each span with `[TYPE]`; a MENTION becomes `@<pseudonym>` when a key is given.

    Pass the platform as `namespace` to make a mentioned handle's pseudonym equal to the one its
    owner gets as an author on that platform.
    """
    out: list[str] = []
    cursor = 0
    for span in resolve_overlaps(spans):
        start, end = max(span.start, cursor), min(span.end, len(text))
        if start >= end:
            continue
        out.append(text[cursor:start])
        if span.type == MENTION and mention_key:
            out.append("@" + pseudonymise(text[start:end], mention_key, namespace))
        else:
            out.append(f"[{span.type}]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def redact_possible_names(text: str) -> str:
    """A second, wider pass over an already redacted text that exposes someone: hide name-like runs.

    Names missing from the detector's lists would otherwise stay visible in exactly the posts where
    they matter most; here a false `[NAME]` on a place is the cheaper mistake.
    """
    out: list[str] = []
    cursor = 0
    for start, end in possible_names(text):
        out.append(text[cursor:start])
        out.append(f"[{NAME}]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


def health_cues(text: str) -> list[str]:
    """Names of the health-cue groups (cancer, treatment, diagnosis, hospital) present in a text."""
    return [name for name, pattern in HEALTH_CUES.items() if pattern.search(text)]


#: "My MRN is ...", "mi número de historia ...": the author's own record or birth date.
_OWN_BEFORE = re.compile(r"\b(?:my|mi|mon|ma|mein\w*|meu|minha)\b[^,;.!?\n]{0,30}$", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?؟\n]+")
#: "single mum of two", "Mama von zwei Jungs", "mãe de dois": the author describing themself.
_PARENT_OF = re.compile(
    r"\b(?:mum|mom|mother|dad|father|mama|mutter|vater|madre|padre|m[ãa]e|pai|m[èe]re|p[èe]re)"
    r"\s+(?:of|von|de|do|da)\s+(?:\d+|two|three|four|five|zwei|drei|vier|dos|tres|cuatro|dois|tr[êe]s|quatro"
    r"|deux|trois|quatre)\b",
    re.IGNORECASE,
)
#: Names that are no patient's: a clinician's, the author's own, a public figure's, a provider's
#: (a healer or seller the post advertises), and someone the author thanks.
_SET_ASIDE_ROLES = frozenset({"clinician", "self", "public", "provider", "thanked"})


def _third_party(text: str, named_self: bool) -> bool:
    """Does the post speak of someone else ("my mum", "she", "patient")?

    An author who names themself may mention others who are not the subject of the health news
    ("my sister set up the fundraiser", "single mum of two"): then only a sentence that speaks of
    someone together with health information counts.
    """
    text = _PARENT_OF.sub(" ", text)
    if not named_self:
        return bool(THIRD_PARTY.search(text))
    return any(
        THIRD_PARTY.search(sentence) and any(p.search(sentence) for p in HEALTH_CUES.values())
        for sentence in _SENTENCE.findall(text)
    )


def _authors_own(text: str, span: PiiSpan, named_self: bool) -> bool:
    """In a post about the author only: their contact details always, their record number or
    date of birth when they name themself or call it theirs ("my MRN is ...")."""
    if span.type in CONTACT_TYPES or named_self:
        return True
    return bool(_OWN_BEFORE.search(text[max(0, span.start - 40) : span.start]))


def exposes_someone(text: str, spans: list[PiiSpan]) -> tuple[bool, list[str]]:
    """Does the post expose identifiable health information about a specific person?

    Baseline rules, in order:

    1. Only PHONE, EMAIL, RECORD_NUMBER, ADDRESS, DATE_OF_BIRTH and NAME spans can identify someone.
       Some NAMEs are no patient's (`analysis.name_roles.name_role`) and are set aside: a
       clinician's ("Dr Smith", "my oncologist Sarah Jones"); the author's own ("I'm Maria Lopez",
       "Hi neighbours, it's Tom", a signature), which is their choice to publish; a public figure's
       whose health is public news ("radio presenter X", "X announced ..."); a provider's that the
       post advertises ("Mama Grace's herbal cure", "X, a traditional healer"); and someone the
       author thanks ("Obrigada, dona Maria"). A title after a relation word stays someone's name
       ("my colleague Dr Weber has cancer"), and so does a public role ("my coach X").
    2. A helpline, charity or organisation's line, or a seller's or healer's advert ("to order",
       "he also cures", "ships worldwide", "herbal cure"), neutralises contact details (PHONE,
       EMAIL, ADDRESS): they are the organisation's or the seller's. Record numbers and dates of
       birth belong to people, never to helplines, so they still count.
    3. There must be a health cue (cancer words, treatment, diagnosis, hospital/ward/room).
    4. Contact details with no one in particular as the subject (a seller's WhatsApp, a clinic's
       number) expose nobody; record numbers and dates of birth still do.
    5. Self-disclosure: when the author speaks only about themself (first person, or naming
       themself, and no third party such as a neighbour, relative, patient or he/she; an author
       who names themself may mention others outside the sentences about health: "my sister set
       up the fundraiser"), publishing their own contact details is their choice (e.g. a
       fundraiser) and is not flagged; so is their own record number or date of birth when they
       name themself or call it theirs ("my MRN is ..."). A record the author does not call
       theirs ("found this on the printer: MRN ...") is still flagged.
    6. Any other NAME names a specific third party, so with a health cue it is a leak, whatever
       else the post says. Fictional characters ("Walter White's cancer") are not told apart.

    Returns the decision and evidence naming the cue types that fired, never the data itself.
    """
    roles = {name_role(text, s.start, s.end) for s in spans if s.type == NAME}
    named_other = "other" in roles
    kinds = {s.type for s in spans if s.type in SENSITIVE_TYPES and s.type != NAME}
    present = sorted(kinds | {NAME} if named_other else kinds)
    evidence = [f"pii:{kind.lower()}" for kind in present]
    evidence += [f"name:{role}" for role in sorted(roles & _SET_ASIDE_ROLES)]
    if not present:
        return False, evidence
    contexts = [("context:helpline", HELPLINE), ("context:seller", SELLER)]
    neutral = [label for label, pattern in contexts if pattern.search(text)]
    if "provider" in roles and "context:seller" not in neutral:
        neutral.append("context:seller")  # "Dr Ayo's natural roots ... Email him: ..."
    if neutral:
        evidence += neutral
        present = [kind for kind in present if kind not in CONTACT_TYPES]
        if not present:
            return False, evidence
    cues = health_cues(text)
    evidence += [f"health:{name}" for name in cues]
    if not cues:
        return False, evidence
    third_party = named_other or _third_party(text, "self" in roles)
    first_person = "self" in roles or bool(FIRST_PERSON.search(text))
    if third_party:
        evidence.append("subject:third_party")
    elif first_person:
        evidence.append("subject:self")
        named_self = "self" in roles
        if all(_authors_own(text, span, named_self) for span in spans if span.type in present):
            evidence.append("self_disclosure")
            return False, evidence
    else:
        # Nobody in particular is spoken of: a contact number next to 'cancer' is a seller's or an
        # organisation's, not a patient's. Record numbers and birth dates still point at a person.
        evidence.append("subject:unspecified")
        if all(kind in CONTACT_TYPES for kind in present):
            return False, evidence
    return True, evidence


def published_contact_only(text: str, spans: list[PiiSpan]) -> bool:
    """Is every piece of personal data an organisation's or a seller's own contact, with nobody named?

    A helpline's number, a charity's e-mail, a shop's WhatsApp: published on purpose, and no
    record number, birth date or person's name beside them. Such a post is not a leak whatever its
    wording resembles (on the labelled corpus, none of the 54 such posts is one).
    """
    if not spans or any(span.type in (NAME, RECORD_NUMBER, DATE_OF_BIRTH) for span in spans):
        return False
    leak, evidence = exposes_someone(text, spans)
    return not leak and bool({"context:helpline", "context:seller"} & set(evidence))
