"""The baseline classifier's hand-written knowledge: prototype sentences and cue patterns per category.

Prototypes are short, plausible posts written for this purpose (not drawn from any data set or
sample stream). Most are English because the default embedding model is English; a few per category
are in Spanish, French, German or Portuguese so that posts in those languages have a same-language
anchor. `privacy_leak` has none: that decision comes from the personal data actually found in a text,
never from resemblance (a post that talks *about* privacy exposes nobody). `other` has none either:
its score is what the other categories leave. Prototype ids are `<category>/<name>`; they surface as
`nearest:<id>` evidence, so keep them stable.

Cues are lower-case regular expressions (en, es, fr, de, pt, some fa) matched at word starts of the
lower-cased text; their names surface as `cue:<name>` evidence.
"""

from __future__ import annotations

from dataclasses import dataclass

PROTOTYPES: dict[str, dict[str, str]] = {
    "miracle_cure": {
        "baking-soda": "Baking soda and lemon water melted my tumour away in three weeks, no chemo needed.",
        "skip-chemo": "Refuse chemotherapy, it is poison. This natural protocol cures every cancer.",
        "hidden": "The cure for cancer exists and doctors are hiding it so they can keep selling treatment.",
        "apricot": "Eat bitter apricot kernels every day and the cancer cells will die on their own.",
        "alkaline": "An alkaline diet starves cancer; tumours cannot survive when your body is alkaline.",
        "es": "Este té de hierbas cura el cáncer de forma natural, deja la quimioterapia.",
        "fr": "Ce jus miracle guérit le cancer en un mois, les médecins ne veulent pas que vous le sachiez.",
        "de": "Dieses Naturheilmittel heilt Krebs vollständig, ganz ohne Chemotherapie.",
        "pt": "Este chá natural cura o câncer sem quimioterapia, os médicos escondem isso.",
    },
    "scam_ad": {
        "capsules": "Our herbal anti-cancer capsules are 50% off today only. DM to order, fast shipping.",
        "whatsapp": "Message us on WhatsApp to buy the oil that shrinks tumours. Limited stock, order now.",
        "clinic-abroad":
            "Treatment package at our clinic abroad, all-inclusive, guaranteed results. Book today.",
        "price": "Only $99 per bottle, buy three get one free, worldwide delivery, pay by transfer.",
        "reseller": "Work from home selling our tumour-shrinking juice, message me for your starter kit.",
        "es": "Cápsulas naturales contra el cáncer, envío gratis, escríbenos por WhatsApp para pedir.",
        "fr": "Commandez nos gélules anticancer, promotion limitée, livraison rapide, écrivez-nous en privé.",
        "pt": "Compre já as cápsulas naturais, frete grátis, chame no WhatsApp, estoque limitado.",
    },
    "new_therapy": {
        "approval": "The FDA has approved a new targeted therapy for advanced lung cancer.",
        "trial-results": "Phase 3 trial results show the new immunotherapy improved overall survival.",
        "recruiting": "We are recruiting patients for a clinical trial of a new drug for ovarian cancer.",
        "car-t": "CAR-T cell therapy is now available for some patients with relapsed lymphoma.",
        "vaccine": "A personalised mRNA cancer vaccine reduced recurrence in an early study.",
        "es": "Aprueban un nuevo tratamiento de inmunoterapia para el cáncer de mama.",
        "fr": "Un nouvel essai clinique montre des résultats prometteurs contre le cancer du poumon.",
        "de": "Neue zielgerichtete Therapie gegen Darmkrebs in der EU zugelassen.",
    },
    "peer_support": {
        "tips": "Tip for anyone starting chemo: ginger tea and small meals helped my nausea a lot.",
        "sharing": "One year since my mastectomy. Sharing my story in case it helps someone here.",
        "encourage": "You are not alone in this, sending strength to everyone in treatment today.",
        "wigs": "Does anyone have advice on wigs or scarves after losing hair? What worked for you?",
        "carer": "My husband finished radiation last week; this group kept me going as a caregiver.",
        "ring-bell": "Rang the bell today! Last round of chemo done, thank you all for your support.",
        "es": "Gracias a este grupo por el apoyo, terminé la quimio y quiero animar a las que empiezan.",
        "fr": "Je partage mon expérience après ma chimio, courage à toutes celles qui commencent.",
        "pt": "Obrigada pelo apoio de vocês, terminei a radioterapia e estou me sentindo melhor.",
    },
    "emotional_distress": {
        "scanxiety": "Scan tomorrow and I can't sleep, the scanxiety is unbearable.",
        "hopeless": "I feel hopeless, I don't see the point of another round of treatment.",
        "fear": "I am terrified the cancer has come back, I cry every night.",
        "grief": "We lost my mother to cancer yesterday and I don't know how to go on.",
        "alone": "Nobody understands how lonely and exhausted I feel since the diagnosis.",
        "es": "Tengo mucho miedo y no puedo dormir desde que me dieron el diagnóstico.",
        "fr": "J'ai peur, je n'arrive plus à dormir depuis l'annonce de mon cancer.",
        "de": "Ich habe solche Angst vor den Ergebnissen und kann nicht mehr schlafen.",
    },
    "awareness": {
        "screening": "Get screened: a mammogram every two years from age 50 saves lives.",
        "myth": "Myth: sugar feeds cancer. Fact: there is no evidence that sugar makes cancer grow faster.",
        "debunk": "No, baking soda does not cure cancer. This claim has been debunked many times.",
        "warning-signs": "Know the warning signs: a lump, unexplained weight loss or a mole that changes.",
        "prevention": "Quitting smoking and wearing sunscreen lower your risk of cancer.",
        "fact-check": "Fact check: viral video claiming lemon juice kills tumours is false.",
        "es": "Hazte la mamografía: la detección precoz del cáncer de mama salva vidas.",
        "fr": "Dépistage du cancer colorectal : faites le test, c'est simple et gratuit.",
        "de": "Vorsorge rettet Leben: gehen Sie zur Darmkrebs-Früherkennung.",
    },
    "care_access": {
        "insurance": "My insurance denied coverage for the scan my oncologist ordered. How do I appeal?",
        "appointment": "Waiting six weeks for an oncology appointment, is there any way to get seen sooner?",
        "telehealth": "Telehealth visits with my oncologist saved me hours of travel every month.",
        "shortage": "The pharmacy says my chemotherapy drug is out of stock again because of a shortage.",
        "travel": "We have to travel to another city for radiotherapy; where can we stay near the hospital?",
        "es": "No consigo cita con el oncólogo y el seguro no cubre el tratamiento.",
        "fr": "Délai de trois mois pour un rendez-vous en oncologie, c'est inacceptable.",
        "pt": "O plano de saúde negou a cobertura do meu tratamento, como faço para recorrer?",
    },
    "financial_support": {
        "charity-grant":
            "Our charity offers grants to help cancer patients pay rent and bills during treatment.",
        "fundraiser":
            "Please help: we are raising money for my sister's cancer treatment, every share counts.",
        "aid-programme":
            "Apply for the patient assistance programme to get free medication if you cannot afford it.",
        "transport": "The foundation covers travel costs for children with cancer and their families.",
        "walk":
            "Join our charity walk this Sunday; all donations fund support for families affected by cancer.",
        "es": "La fundación ofrece ayudas económicas a familias de niños con cáncer.",
        "fr": "L'association aide financièrement les patients atteints de cancer, faites un don.",
        "de": "Spendenaktion für krebskranke Kinder: jeder Euro hilft den Familien.",
    },
}


@dataclass(frozen=True)
class Cue:
    """A phrase pattern that hints at a category; `weight` is how much it alone says (0..1)."""

    name: str
    pattern: str
    weight: float


# ---------------------------------------------------------------------------------------------
# Cue tables (en, es, fr, de, pt, some fa). Weights: >= 0.75 decides alone, ~0.5 needs little
# support from the prototypes, ~0.3 only a hint. Patterns are matched case-insensitively.
# ---------------------------------------------------------------------------------------------

_CHEMO = r"(?:chemo\w*|radiation|radiotherapy|surgery|treatment)"
#: Not right after an opening quote: a debunker quotes the claim ("'They don't want you to know.' Who?").
_UNQUOTED = r"(?<![\"“„'‘«])(?<![\"“„'‘«]what\s)"
_REMEDIES = (
    r"\b(?:apricot\s+kernels?|b17|laetrile|baking\s+soda|bicarbonat\w*|black\s+salve|essiac|soursop|graviola"
    r"|turmeric|curcumin|colloidal\s+silver|mms|chlorine\s+dioxide|ivermectin|fenbendazole|coffee\s+enemas?"
    r"|alkaline\s+(?:diet|water)|gerson|guanabana|moringa|hydrogen\s+peroxide|cannabis\s+oil|rick\s+simpson"
    r"|budwig|dmso|high[- ]dose\s+vitamin\s+c)\b"
)

CUES: dict[str, list[Cue]] = {
    "miracle_cure": [
        Cue("doctors don't want you to know", rf"{_UNQUOTED}\b(?:doctors?|oncologists?|they|big\s+pharma)\s+"
            r"(?:don'?t|do\s+not|won'?t)\s+want\s+you\s+to\s+know", 0.8),
        Cue("big pharma hides", rf"{_UNQUOTED}\bbig\s+pharma\s+(?:hides?|is\s+hiding|suppress\w*|covers?\s+up"
            r"|lies)", 0.85),
        Cue("instead of chemo", rf"\binstead\s+of\s+{_CHEMO}", 0.8),
        Cue("skip chemo", r"\b(?:skip|refuse|ditch|avoid|quit|say\s+no\s+to)\s+(?:the\s+)?(?:chemo\w*"
            r"|radiation)", 0.7),
        Cue("chemo is poison", r"\bchemo\w*\s+(?:is|=)\s+(?:poison|a\s+scam|a\s+lie|murder)"
            r"|\bchemo\s+kills|\bpoison(?:ing|s)?\s+(?:yourself|your\s+body)\s+with", 0.8),
        Cue("cures cancer", r"\bcures?\s+(?:all\s+|every\s+|any\s+|your\s+)?(?:\w+\s+)?cancers?\b", 0.8),
        Cue("cured my cancer", r"\bcured\s+(?:my|his|her)\s+(?:\w+\s+){0,3}(?:cancer|tumou?r)", 0.6),
        Cue("cancer can't survive", r"\bcancer\s+(?:cells\s+)?(?:hate|can'?t\s+survive|cannot\s+survive"
            r"|can'?t\s+live|cannot\s+live)", 0.6),
        Cue("kills cancer", r"\b(?:kill(?:s|ed)?|destroy(?:s|ed)?|melt(?:s|ed)?|dissolve[sd]?|starve[sd]?"
            r"|reverse[sd]?|shr[iau]nk|shrinks|eliminated|healed)\s+(?:[\w']+\s+){0,3}(?:cancer|tumou?rs?)",
            0.55),
        Cue("hidden cure", r"\b(?:hidden|secret|suppressed|banned|forbidden)\s+(?:cancer\s+)?(?:cure"
            r"|remedy)", 0.75),
        # A suppressed truth: "what your oncologist won't tell you", "banned for a reason".
        Cue("won't tell you", rf"{_UNQUOTED}\b(?:(?:doctors?|oncologists?|they|your\s+(?:doctor|oncologist))"
            r"\s+"
            r"(?:will\s+never|won'?t|would\s+never|will\s+not)|(?:nobody|no\s+one)\s+(?:in\s+(?:\w+\s+){1,3})?"
            r"(?:will|would|is\s+going\s+to))\s+tell\s+you"
            r"|\bbanned\s+for\s+a\s+reason|\bthe\s+reason\s+is\s+money|\bcan'?t\s+(?:be\s+)?patent(?:ed)?\b"
            r"|\b(?:buried|suppressed|hid|covered\s+up)\s+(?:the|this|that|their|its)\s+(?:study|studies|research|data"
            r"|trial|cure|results?)|\bleaked\s+it\b"
            r"|\blo\s+que\s+(?:tu|su)\s+(?:m[ée]dico|onc[óo]logo)\s+no\s+te\s+(?:dice|dir[áa])"
            r"|\bce\s+que\s+(?:votre|ton)\s+(?:m[ée]decin|oncologue)\s+ne\s+(?:vous|te)\s+dit\s+pas"
            r"|\bo\s+que\s+(?:o\s+)?(?:seu|teu)\s+(?:m[ée]dico|oncologista)\s+n[ãa]o\s+(?:te\s+)?(?:conta|diz)"
            r"|\bwas\s+(?:dein|ihr)\s+(?:arzt|onkologe)\s+(?:dir|ihnen)\s+nicht\s+sagt", 0.5),
        Cue("miracle cure", r"\bmiracle\s+(?:cure|remedy|oil|tea|juice|herb|plant)", 0.65),
        Cue("miracle", r"\bmiracle\b", 0.3),
        Cue("natural cure", r"\bnatural\s+(?:cure|remed(?:y|ies))", 0.5),
        Cue("100% cure", r"\b100\s?%\s+(?:cure|natural|effective|guaranteed)", 0.55),
        Cue("remedy", _REMEDIES, 0.3),
        Cue("cura el cáncer", r"\bcura\s+(?:el|todo|todos\s+los)\s+(?:tipo\s+de\s+)?c[áa]ncer", 0.8),
        Cue("curó mi cáncer", r"\bcur[óo]\s+(?:mi|su)\s+c[áa]ncer", 0.6),
        Cue("no quieren que sepas", r"\bno\s+quieren\s+que\s+(?:lo\s+)?sepas", 0.75),
        Cue("en lugar de la quimio", r"\b(?:en\s+lugar\s+de|en\s+vez\s+de|deja)\s+(?:la\s+)?quimio\w*", 0.7),
        Cue("mata células cancerosas", r"\bmata\w*\s+(?:las\s+|as\s+)?c[ée]lulas\s+cancer\w*", 0.55),
        Cue("milagroso", r"\b(?:remedio\s+)?milagros[oa]\b|\bremedio\s+natural", 0.5),
        Cue("guérit le cancer", r"\bgu[ée]ri(?:t|r|ssent)\s+(?:le|du|les|tous\s+les)\s+cancers?", 0.8),
        Cue("ne veulent pas que vous sachiez",
            r"\bne\s+veulent\s+pas\s+que\s+vous\s+(?:le\s+)?sachiez", 0.75),
        Cue("au lieu de la chimio", r"\bau\s+lieu\s+de\s+(?:la\s+)?chimio\w*", 0.7),
        Cue("remède miracle", r"\brem[èe]de\s+(?:miracle|naturel)", 0.6),
        Cue("heilt Krebs", r"\bheilt\s+(?:jeden\s+|den\s+)?krebs", 0.8),
        Cue("statt Chemo", r"\b(?:statt|anstatt)\s+(?:einer\s+)?chemo\w*", 0.7),
        Cue("Wundermittel", r"\bwunder(?:mittel|heilung|kur)", 0.65),
        Cue("Ärzte verschweigen", r"\b(?:[äa]rzte|pharma\w*)\s+(?:verschweig\w*|verheimlich\w*)", 0.75),
        Cue("cura o câncer", r"\bcura\s+(?:o\s+)?(?:c[âa]ncer|cancro)", 0.8),
        Cue("em vez da quimio", r"\b(?:em\s+vez\s+d[ae]|no\s+lugar\s+d[ae])\s+quimio\w*", 0.7),
        Cue("médicos escondem", r"\b(?:m[ée]dicos|ind[úu]stria\s+farmac[êe]utica)\s+(?:escondem"
            r"|n[ãa]o\s+querem)", 0.75),
        Cue("درمان قطعی سرطان", r"درمان\s+قطعی\s+سرطان", 0.8),
        Cue("معجزه", r"معجزه", 0.35),
    ],
    "scam_ad": [
        Cue("dm to order", r"\b(?:dm|pm|inbox|message)\s+(?:me\s+|us\s+)?(?:to|for)\s+"
            r"(?:order|buy|purchase|prices?|details)", 0.85),
        Cue("whatsapp", r"\bwhats\s?app\b|\bwa\.me\b", 0.45),
        Cue("order now", r"\b(?:order|buy|shop)\s+(?:now|today|yours|here)\b", 0.65),
        Cue("limited offer", r"\blimited\s+(?:time\s+)?(?:offer|stock|supply)|\bwhile\s+stocks?\s+last"
            r"|\bonly\s+\d+\s+left|\blimited\s+(?:spots|places|seats)", 0.7),
        Cue("detox", r"\bdetox\w*|\bcleanse[sd]?\b", 0.35),
        Cue("discount", r"\b\d{1,2}\s?%\s+off\b|\bdiscount\w*|\bbuy\s+\w+\s+get\s+\w+\s+free", 0.55),
        Cue("shipping", r"\b(?:free|fast|worldwide|discreet)\s+(?:shipping|delivery)", 0.55),
        Cue("guaranteed results", r"\bguarantee\w*\s+(?:results?|cure|recovery)|\bmoney[- ]back", 0.6),
        Cue("$/price", r"[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:usd|eur|dollars|euros)\b", 0.35),
        Cue("capsules", r"\b(?:capsules?|tinctures?|supplements?)\b", 0.3),
        Cue("clinic abroad", r"\b(?:clinic|center|centre)\s+(?:in\s+(?:mexico|tijuana|the\s+bahamas)|abroad)"
            r"|\btreatment\s+package", 0.5),
        Cue("link in bio", r"\blink\s+in\s+(?:bio|profile)", 0.5),
        Cue("distributor", r"\bdistributors?\b|\bresellers?\b|\bearn\s+money", 0.5),
        Cue("pide ya", r"\b(?:pide|haz\s+tu\s+pedido|compra|ordena)\s+(?:ya|ahora|hoy)|\bpedidos?\s+(?:al"
            r"|por)\b"
            r"|\bescr[íi]be(?:nos|me)\s+(?:al\s+privado|por\s+(?:dm|whatsapp|interno))", 0.65),
        Cue("envío gratis", r"\benv[íi]os?\s+gratis|\boferta\s+limitada|\bc[áa]psulas\b", 0.5),
        Cue("commandez", r"\bcommandez|\bcommander\s+(?:maintenant|ici)"
            r"|\b[ée]crivez[- ]nous\s+en\s+priv[ée]", 0.65),
        Cue("livraison rapide", r"\blivraison\s+(?:gratuite|rapide|offerte)|\boffre\s+limit[ée]e"
            r"|\bg[ée]lules", 0.5),
        Cue("jetzt bestellen", r"\bjetzt\s+(?:bestellen|kaufen)|\bkostenloser\s+versand"
            r"|\bbegrenztes\s+angebot"
            r"|\bkapseln\b", 0.6),
        Cue("compre já", r"\bcompre\s+(?:j[áa]|agora)|\bpe[çc]a\s+j[áa]|\bchame\s+no\s+(?:whats|zap|privado"
            r"|direct)",
            0.65),
        Cue("frete grátis", r"\bfrete\s+gr[áa]tis|\bestoque\s+limitado", 0.55),
        Cue("سفارش", r"سفارش|خرید|قیمت|ارسال\s+رایگان", 0.55),
    ],
    "new_therapy": [
        Cue("regulator", r"\b(?:fda|ema|mhra|anvisa|cofepris|aemps|ansm|bfarm)\b", 0.4),
        Cue("approved", r"\bapprov(?:ed|al|es)\b", 0.4),
        Cue("trial", r"\bphase\s+(?:[123]|i{1,3})\b|\bclinical\s+trials?|\brandomi[sz]ed"
            r"|\btrial\s+(?:results?|data)"
            r"|\boverall\s+survival|\bprogression[- ]free", 0.6),
        Cue("new therapy class", r"\bimmunotherap\w*|\bcar[- ]?t\b|\btargeted\s+therap\w*|\bantibody[- ]drug"
            r"|\bmrna\s+(?:cancer\s+)?vaccine|\bcancer\s+vaccine|\bgene\s+therap\w*|\bcheckpoint\s+inhibitor"
            r"|\bbispecific", 0.45),
        Cue("new drug", r"\b(?:new|novel|breakthrough|first[- ]in[- ]class)\s+(?:\w+\s+)?"
            r"(?:\w+\s+)?(?:drug|therapy|treatment|medicine|inhibitor|combination|regimen|antibody)", 0.5),
        Cue("study published", r"\b(?:study|trial|research)\s+(?:\w+\s+){0,3}"
            r"(?:published|shows|showed|finds|found)", 0.4),
        Cue("recruiting", r"\brecruiting\b|\benrolling\b|\bparticipants?\s+needed"
            r"|\bvolunteers?\s+needed", 0.5),
        Cue("ensayo clínico", r"\bensayo\s+cl[íi]nico|\bnuevo\s+(?:tratamiento|f[áa]rmaco|medicamento)"
            r"|\baprueba[n]?\b|\baprobad[oa]|\binmunoterapia", 0.55),
        Cue("essai clinique", r"\bessai\s+clinique|\bnouveau\s+(?:traitement|m[ée]dicament)|\bautoris[ée]e?\b"
            r"|\bimmunoth[ée]rapie", 0.55),
        Cue("klinische Studie", r"\bklinische\s+studie|\bneue[sn]?\s+(?:therapie|behandlung|medikament)"
            r"|\bzugelassen|\bzulassung|\bimmuntherapie", 0.55),
        Cue("ensaio clínico", r"\bensaio\s+cl[íi]nico|\bestudo\s+cl[íi]nico|\bnovo\s+(?:tratamento"
            r"|medicamento)"
            r"|\baprovad[oa]|\bimunoterapia", 0.55),
    ],
    "peer_support": [
        Cue("encouragement", r"\bsending\s+(?:you\s+)?(?:love|hugs|strength|prayers)|\bhang\s+in\s+there"
            r"|\byou(?:'re|\s+are)\s+not\s+alone|\bstay\s+strong|\byou\s+(?:got|can\s+do)\s+this", 0.65),
        Cue("my story", r"\b(?:my|our)\s+(?:story|journey|experience)\b|\bsharing\s+my\b", 0.45),
        Cue("asking peers", r"\b(?:tips?|advice)\s+(?:for|from|on)\b|\bwhat\s+(?:helped|worked)"
            r"|\bdoes\s+anyone"
            r"|\banyone\s+(?:else|have|had|tried)\b|\bhelped\s+(?:me|with)\b", 0.45),
        Cue("survivorship", r"\bsurvivors?\b|\bfellow\s+\w+|\bwarriors?\b|\brang\s+the\s+bell"
            r"|\bring\s+the\s+bell"
            r"|\bno\s+evidence\s+of\s+disease|\bcancer[- ]free|\bin\s+remission|#bcsm|#lcsm|#ayacsm", 0.45),
        Cue("finished treatment", r"\b(?:finished|completed|done\s+with|last)\s+(?:my\s+)?(?:\w+\s+)?"
            r"(?:round|cycle|session|chemo|radiation|treatment)", 0.5),
        Cue("side effects", r"\bwigs?\b|\bscar(?:f|ves)\b|\bprosthes[ie]s|\bnausea|\bmouth\s+sores"
            r"|\bneuropathy"
            r"|\bhair\s+loss", 0.3),
        Cue("community", r"\bcaregivers?\b|\bcarers?\b|\bsupport\s+group|\bthis\s+(?:group|community)", 0.4),
        Cue("ánimo", r"\b[áa]nimo\b|\bno\s+est[áa]s?\s+sol[oa]|\bmi\s+experiencia|\bles\s+cuento"
            r"|\bcompartir\s+mi"
            r"|\bgracias\s+(?:a\s+)?(?:este\s+grupo|todas|todos)|\btermin[ée]\s+(?:la\s+)?(?:quimio"
            r"|radio)", 0.5),
        Cue("courage", r"\bcourage\s+(?:à|a)\b|\bvous\s+n'[êe]tes\s+pas\s+seule?s?|\bmon\s+exp[ée]rience"
            r"|\bje\s+partage"
            r"|\bj'ai\s+termin[ée]|\bforce\s+[àa]\s+(?:toi|vous|toutes|tous)", 0.5),
        Cue("viel Kraft", r"\bdu\s+bist\s+nicht\s+allein|\bviel\s+kraft|\bmeine\s+erfahrung"
            r"|\bselbsthilfegruppe"
            r"|\bletzte\s+chemo", 0.5),
        Cue("força", r"\bvoc[êe]\s+n[ãa]o\s+est[áa]\s+sozinh[oa]|\bminha\s+experi[êe]ncia"
            r"|\bobrigad[oa]\s+pelo\s+apoio"
            r"|\bterminei\s+(?:a\s+)?(?:quimio|radio)|\bmuita\s+for[çc]a", 0.5),
        Cue("تجربه", r"تجربه|حمایت", 0.4),
    ],
    "emotional_distress": [
        Cue("scanxiety", r"\bscan\s*xiety\b", 0.85),
        Cue("fear", r"\b(?:scared|terrified|afraid|frightened|anxious|anxiety|panic\w*|dread\w*"
            r"|worried)\b", 0.5),
        Cue("hopeless", r"\bhopeless\w*|\bno\s+hope\b|\bgiving\s+up\b|\bcan'?t\s+(?:go\s+on"
            r"|do\s+this\s+anymore"
            r"|cope|take\s+it)|\bwhat'?s\s+the\s+point|\bwant\s+to\s+die|\bdon'?t\s+want\s+to\s+live", 0.75),
        Cue("sleepless", r"\bcan'?t\s+sleep|\bsleepless\w*|\binsomnia|\bawake\s+all\s+night"
            r"|\blying\s+awake|\bwide\s+awake", 0.6),
        Cue("what if", r"\bwhat\s+if\s+(?:it|the\s+cancer|the\s+tumou?r)\b", 0.45),
        Cue("crying", r"\bcry(?:ing)?\b|\bcried\b|\btears\b|\bdevastated|\bheartbroken|\bdepress\w*|\blonely"
            r"|\bisolated|\bexhausted|\bnumb\b|\boverwhelm\w*", 0.5),
        Cue("grief", r"\blost\s+(?:my|our|his|her)\s+(?:\w+\s+)?(?:mom|mum|mother|dad|father|wife|husband|son"
            r"|daughter|sister|brother|friend|battle|fight)\b|\bpassed\s+away|\brest\s+in\s+peace|\bgriev\w*"
            r"|\bgrief\b|\bfuneral", 0.55),
        Cue("miedo", r"\bmiedo\b|\bangustia|\bno\s+puedo\s+(?:dormir|m[áa]s|seguir)|\bdesesperad[oa]"
            r"|\bsin\s+esperanza|\bllor\w*|\bdepresi[óo]n", 0.55),
        Cue("peur", r"\bpeur\b|\bangoiss\w*|\bje\s+n'arrive\s+plus|\bd[ée]sesp[ée]r\w*|\bpleur\w*|\binsomnie"
            r"|\bd[ée]prim\w*", 0.55),
        Cue("Angst", r"\bangst\b|\bverzweif\w*|\bhoffnungslos|\bkann\s+nicht\s+(?:mehr|schlafen)|\bweine\b"
            r"|\bschlaflos", 0.55),
        Cue("medo", r"\bmedo\b|\bang[úu]stia|\bn[ãa]o\s+consigo\s+(?:dormir|mais)|\bchor(?:o|ando|ei)\b"
            r"|\bsem\s+esperan[çc]a", 0.55),
        Cue("ترس", r"ترس|ناامید|گریه|بی‌خوابی|افسرده", 0.55),
    ],
    "awareness": [
        Cue("screening", r"\bscreening\b|\bscreened\b|\bget\s+(?:checked|tested)|\bmammograms?\b"
            r"|\bcolonoscop\w*"
            r"|\bpap\s+(?:smear|test)|\bhpv\s+vaccin\w*|\bpsa\s+test|\bself[- ]exams?\b"
            r"|\bearly\s+detection", 0.65),
        Cue("myth", r"\bmyths?\b|\bdebunk\w*|\bfact[- ]?check\w*|\bmisinformation|\bdisinformation"
            r"|\bhoax\b", 0.6),
        Cue("no evidence", r"\bno\s+(?:scientific\s+)?evidence\b(?!\s+of\s+disease)", 0.55),
        Cue("symptoms", r"\bsymptoms?\b|\bsigns\s+of\b|\b(?:talk|speak)\s+to\s+(?:a|your)\s+(?:doctor|gp)"
            r"|\bsee\s+(?:a|your)\s+(?:doctor|gp)|\bget\s+(?:it\s+)?checked", 0.45),
        Cue("prevention", r"\bprevent\w*|\breduce\s+(?:your\s+)?risk|\brisk\s+factors?|\bsunscreen"
            r"|\bquit(?:ting)?\s+smoking"
            r"|\bwarning\s+signs|\bknow\s+the\s+signs|\bsymptoms\s+to\s+watch", 0.55),
        Cue("awareness campaign", r"\bawareness\b|\bworld\s+cancer\s+day|\bpink\s+october|\bmovember", 0.5),
        Cue("detección precoz", r"\bdetecci[óo]n\s+(?:precoz|temprana)|\bcribado|\bmamograf[íi]a"
            r"|\bprevenci[óo]n|\bprevenir|\bhazte\s+(?:la|una)\s+(?:prueba|mamograf[íi]a|revisi[óo]n)"
            r"|\bmitos?\b|\bbulos?\b|\bno\s+hay\s+(?:evidencia|pruebas)", 0.6),
        Cue("dépistage", r"\bd[ée]pistage|\bmammographie|\bpr[ée]vention|\bmythes?\b|\bid[ée]es?\s+re[çc]ues"
            r"|\baucune\s+preuve|\bintox\b", 0.6),
        Cue("Vorsorge", r"\bvorsorge\w*|\bfr[üu]herkennung|\bpr[äa]vention|\bmythos|\bmythen"
            r"|\bkeine\s+(?:beweise|belege|evidenz)", 0.6),
        Cue("rastreamento", r"\brastreamento|\bdetec[çc][ãa]o\s+precoce|\bmamografia|\bpreven[çc][ãa]o"
            r"|\bboatos?\b"
            r"|\bn[ãa]o\s+h[áa]\s+(?:evid[êe]ncia|provas)|\boutubro\s+rosa|\bnovembro\s+azul", 0.6),
        Cue("غربالگری", r"غربالگری|پیشگیری|شایعه|خرافه|ماموگرافی", 0.6),
    ],
    "care_access": [
        Cue("insurance", r"\binsurance|\binsurer|\bcoverage\b|\bprior\s+auth\w*|\bdenied\s+(?:coverage|claim)"
            r"|\bmedicaid|\bmedicare|\bcopays?\b|\bdeductible", 0.6),
        Cue("appointment", r"\bappointments?\b|\bwait(?:ing)?\s+(?:list|times?)\b|\breferral"
            r"|\bsecond\s+opinion", 0.55),
        Cue("telehealth", r"\btele(?:health|medicine)|\bvideo\s+(?:visit|consult\w*)|\bvirtual\s+(?:visit"
            r"|appointment)",
            0.65),
        Cue("drug shortage", r"\bshortage|\bout\s+of\s+stock|\bback[- ]?order\w*|\bpharmacy", 0.5),
        Cue("parking", r"\bparking\b|\bgas\s+money|\bmileage", 0.4),
        Cue("travel for treatment", r"\btravel\w*\s+(?:\w+\s+){0,3}(?:for|to)\s+(?:my\s+|the\s+)?(?:treatment"
            r"|radiation"
            r"|radiotherapy|chemo|hospital)|\bhours\s+(?:away|drive)|\bstay\s+near\s+the\s+hospital", 0.5),
        Cue("cita", r"\bseguro\s+(?:m[ée]dico|no\s+cubre)|\bcita\b|\blista\s+de\s+espera|\bteleconsulta"
            r"|\bdesabastecimiento|\bno\s+cubre|\bseguro\s+(?:me\s+)?(?:neg|rechaz)\w*"
            r"|\b(?:meses|semanas)\s+esperando", 0.55),
        Cue("rendez-vous", r"\bmutuelle|\brendez-vous|\bd[ée]lai\b|\bt[ée]l[ée]consultation|\bp[ée]nurie"
            r"|\brupture\s+de\s+stock|\brembours\w*", 0.55),
        Cue("Krankenkasse", r"\bkrankenkasse|\bversicherung|\btermin\b|\bwartezeit|\bwarteliste"
            r"|\bvideosprechstunde"
            r"|\blieferengpass|\bkosten[üu]bernahme", 0.55),
        Cue("plano de saúde", r"\bplano\s+de\s+sa[úu]de|\bconv[êe]nio|\bconsulta\b|\bfila\s+de\s+espera"
            r"|\bfalta\s+de\s+(?:medicamentos?|rem[ée]dios?)|\bcobertura|\bnegou", 0.55),
        Cue("بیمه", r"بیمه|نوبت|کمبود\s+دارو", 0.55),
    ],
    "financial_support": [
        Cue("charity", r"\bcharit(?:y|ies|able)\b|\bnon-?profit|\bngos?\b|\bfoundation\b|\bcancer\s+society"
            r"|\bmacmillan|\bkomen\b", 0.5),
        Cue("fundraising", r"\bdonat\w*|\bfundrais\w*|\bgofundme|\bcrowdfund\w*|\braising\s+(?:money|funds)"
            r"|\bsponsor\s+(?:me|us)", 0.55),
        Cue("financial aid", r"\bgrants?\b|\b(?:co-?pay|financial)\s+assistance|\bassistance\s+funds?"
            r"|\bfinancial\s+(?:aid|help|support)|\bassistance\s+program\w*|\bpatient\s+assistance"
            r"|\bhelp\s+(?:with|paying)\s+(?:\w+\s+)?(?:bills|rent|costs)"
            r"|\bfree\s+(?:rides?|transport|lodging|wigs|place\s+to\s+stay|accommodation)", 0.65),
        Cue("charity event", r"\b(?:charity|fun)\s+(?:walk|run|ride)|\b[0-9]+k\s+(?:run|walk)"
            r"|\brelay\s+for\s+life"
            r"|\bbake\s+sale", 0.5),
        Cue("fundación", r"\bfundaci[óo]n|\bdonativo|\bdonaci[óo]n|\bdon[ae]r?\b|\bayudas?\s+econ[óo]micas?"
            r"|\brecaudar|\bcolecta\b|\brifa\b", 0.55),
        Cue("faites un don", r"\bfondation|\bfaites\s+un\s+don|\baide\s+financi[èe]re|\bcagnotte|\bcollecte"
            r"|\bligue\s+contre\s+le\s+cancer", 0.55),
        Cue("Spende", r"\bspende\w*|\bstiftung|\bkrebshilfe|\bfinanzielle\s+(?:hilfe|unterst[üu]tzung)"
            r"|\bbenefiz\w*", 0.55),
        Cue("vaquinha", r"\bdoa[çc][ãa]o|\bdoe\b|\bdoar\b|\bvaquinha|\bfunda[çc][ãa]o|\bajuda\s+financeira"
            r"|\barrecada\w*", 0.55),
        Cue("خیریه", r"خیریه|کمک\s+مالی|اهدا", 0.55),
    ],
}

#: Debunking and warning: lower miracle_cure and scam_ad, raise awareness.
_NOT_CHEMO = r"(?<!chemo\s)(?<!chemotherapy\s)(?<!radiation\s)(?<!surgery\s)"
DEBUNK: list[Cue] = [
    Cue("myth", r"\bmyths?\b|\bdebunk\w*|\bfact[- ]?check\w*|\bhoax\b|\bfake\s+news", 0.8),
    Cue("misinformation", r"\bmisinformation|\bdisinformation|\bpseudoscien\w*|\bunproven\b", 0.7),
    Cue("no evidence", r"\bno\s+(?:scientific\s+|good\s+|real\s+)?evidence\b(?!\s+of\s+disease)"
        r"|\bnot\s+(?:supported|backed)\s+by\s+(?:any\s+)?(?:evidence|science|research)", 0.75),
    Cue("does not cure", rf"{_NOT_CHEMO}\b(?:does\s*n[o']t|do\s*n[o']t|won'?t|can'?t|cannot|will\s+not)\s+"
        r"(?:cure|treat|kill|shrink)", 0.8),
    Cue("no miracle cure", r"\bno\s+(?:such\s+thing\s+as\s+a\s+)?(?:miracle|magic|secret)\s+cure"
        r"|\bthere\s+is\s+no\s+(?:miracle|magic|secret)", 0.8),
    Cue("don't fall for", r"\bdon'?t\s+fall\s+for|\bbeware\s+of|\bscam\s+alert|\bis\s+(?:false|fake"
        r"|a\s+myth)\b"
        r"|\bfalse\s+claims?|\bfake\s+(?:cures?|remed(?:y|ies)|treatments?)"
        r"|\breport\s+(?:those|these|this|such)\s+(?:accounts?|posts?|ads?)", 0.75),
    Cue("does not cause cancer", r"\b(?:does\s*n[o']t|do\s*n[o']t|won'?t|can'?t|cannot)\s+"
        r"(?:give\s+you|cause)\s+cancer|\bwhat\s+the\s+(?:research|science|evidence)\s+(?:actually\s+)?says",
        0.75),
    Cue("no cura", r"\bno\s+cura\b|\bmitos?\b|\bbulos?\b|\bes\s+falso|\bdesmentid\w*|\bcuidado\s+con", 0.75),
    Cue("ne guérit pas", r"\bne\s+gu[ée]rit\s+pas|\baucune\s+preuve|\bintox\b|\bfausses?\s+informations?"
        r"|\bc'est\s+faux|\bm[ée]fiez[- ]vous", 0.75),
    Cue("heilt nicht", r"\bheilt\s+(?:\w+\s+)?nicht|\bkeine\s+(?:beweise|belege|evidenz)|\bmythos|\bmythen"
        r"|\bfalschinformation\w*|\bvorsicht\s+vor", 0.75),
    Cue("não cura", r"\bn[ãa]o\s+cura\b|\bboatos?\b|\b[ée]\s+falso|\bn[ãa]o\s+h[áa]\s+(?:evid[êe]ncia|provas)"
        r"|\bcuidado\s+com", 0.75),
    Cue("شایعه", r"شایعه|خرافه|دروغ", 0.7),
    Cue("not a substitute", r"\b(?:is|are)\s*n[o']?t\s+(?:a\s+)?(?:substitute|replacement|alternative)"
        r"\s+(?:for|to)\b"
        r"|\b(?:does|do)\s*n[o']?t\s+replace\s+(?:chemo\w*|treatment|surgery|radiotherapy|your\s+oncologist)"
        r"|\bno\s+(?:sustituye|reemplaza)|\bne\s+remplace\s+pas|\bersetz\w*\s+(?:\w+\s+)?(?:keine|nicht)"
        r"|\bn[ãa]o\s+substitui|جایگزین\s+(?:\S+\s+)?نیست", 0.75),
    Cue("did not cure", r"\b(?:they|it|this|these|that)\s+(?:did|could)\s*n[o']?t\s+"
        r"(?:and\s+(?:could|can)\s*n[o']?t\s+)?(?:cure|shrink|treat|heal)\b", 0.75),
    Cue("no diet cures", r"\bthere\s+is\s+no\s+(?:\w+\s+)?(?:diet|food|herb|supplement|tea|juice|remedy"
        r"|oil|pill|protocol)\s+(?:that|which)\s+(?:cures?|shrinks?|kills?|treats?|dissolves?)", 0.8),
    Cue("dangerous nonsense", r"\b(?:dangerous|utter|total)\s+(?:nonsense|rubbish)"
        r"|\bgef[äa]hrlicher\s+unsinn"
        r"|\btonter[íi]as?\s+peligros|\bbobagem\s+perigosa|\babsurdit[ée]\s+dangereuse", 0.7),
    Cue("back on treatment", r"\b(?:(?:back\s+on|went\s+back\s+to|returned\s+to|restarted)"
        r"|(?:she|he|they)(?:'s|\s+is|\s+are)\s+on)\s+(?:the\s+)?chemo\w*\s+now"
        r"|\bretom[óo]\s+la\s+quimio|\bvolt(?:ou|ei)\s+(?:para\s+)?(?:a\s+)?quimio"
        r"|\bzur[üu]ck\s+zur\s+chemo|\ba\s+repris\s+la\s+chimio", 0.6),
    Cue("please do the treatment", r"\bplease,?\s+(?:please,?\s+)?(?:start|do|finish"
        r"|don'?t\s+(?:skip|stop|delay|refuse))\s+(?:the\s+|your\s+)?"
        r"(?:chemo\w*|treatment|radiotherapy|surgery)", 0.75),
    Cue("not shown", r"\b(?:has|have|had)\s*n[o']?t\s+been\s+(?:shown|proven|demonstrated)"
        r"|\bnot\s+(?:been\s+)?proven"
        r"|\bno\s+(?:replicated|credible|peer[- ]reviewed|clinical)\s+(?:evidence|studies|trials?|data)"
        r"|\b(?:zero|no)\s+(?:controlled\s+)?(?:studies|trials)\b|\bsurvivorship\s+bias|\bsnake\s+oil"
        r"|\bquack\w*|\bcharlatan\w*|\b(?:is|it'?s)\s+not\s+a\s+cure|\bisn'?t\s+a\s+cure"
        r"|\bstop\s+(?:sharing|recommending|posting)|\bplease\s+don'?t\s+share", 0.75),
    Cue("nicht bewiesen", r"\bfaktencheck|\bkeine\s+(?:einzige\s+)?studie|\bkeinen\s+nachweis"
        r"|\bnicht\s+(?:wissenschaftlich\s+)?bewiesen|\bunbewiesen|\bquacksalber\w*"
        r"|\bbitte\s+nicht\s+(?:weiter)?(?:teilen|verbreiten)|\bstimmt\s+nicht", 0.75),
    Cue("no demostrado", r"\bno\s+hay\s+(?:ninguna\s+)?(?:evidencia|pruebas?|estudios?)"
        r"|\bno\s+est[áa]\s+demostrad|\bsin\s+(?:evidencia|pruebas)|\bcharlat[áa]n\w*"
        r"|\bno\s+(?:lo\s+)?compart(?:as|an)|\bdejen\s+de\s+compartir", 0.75),
    Cue("pas démontré", r"\bpas\s+de\s+preuves?|\bn'a\s+(?:jamais\s+)?(?:[ée]t[ée]\s+)?(?:d[ée]montr|prouv)"
        r"|\baucune\s+[ée]tude|\bne\s+partagez\s+pas|\bcharlatans?|\bn'a\s+jamais\s+gu[ée]ri", 0.75),
    Cue("não comprovado", r"\bsem\s+(?:evid[êe]ncia|provas)|\bn[ãa]o\s+h[áa]\s+estudos?"
        r"|\bn[ãa]o\s+(?:foi\s+)?comprovad|\bn[ãa]o\s+mostrou\s+benef[íi]cio|\bcharlat[ãa]o"
        r"|\bn[ãa]o\s+compartilhe", 0.75),
]

#: A legitimate-therapy context (regulators, trials, approvals): hype there is new_therapy.
LEGIT_THERAPY: list[Cue] = [
    Cue("regulator", r"\b(?:fda|ema|mhra|anvisa|aemps|ansm|bfarm)\b", 1.0),
    Cue("trial", r"\bphase\s+(?:[123]|i{1,3})\b|\bclinical\s+trials?|\bensayo\s+cl[íi]nico|\bessai\s+clinique"
        r"|\bklinische\s+studie|\bensaio\s+cl[íi]nico|\bpeer[- ]reviewed", 1.0),
    Cue("approved", r"\bapproved\b|\baprobad[oa]|\bautoris[ée]e?\b|\bzugelassen|\baprovad[oa]", 1.0),
]

#: A legitimate provider speaking (hospital, cancer centre): its offers are not scams.
LEGIT_PROVIDER: list[Cue] = [
    Cue("provider", r"\b(?:our|the)\s+(?:hospital|cancer\s+(?:center|centre|institute)|oncology\s+department"
        r"|medical\s+center|clinic)\b|\bnhs\b|\baccredited\b|\bboard[- ]certified|\buniversity\s+hospital"
        r"|\bnuestro\s+hospital|\bnotre\s+h[ôo]pital|\bunser\s+(?:krankenhaus|klinikum)"
        r"|\bnosso\s+hospital", 1.0),
]


#: Cure-claim cues that assert a suppressed truth ("what your oncologist won't tell you"), unquoted:
#: a post saying so in its own voice pushes the cure, whatever its wording shares with debunks.
SUPPRESSED_TRUTH: frozenset[str] = frozenset(
    {"won't tell you", "doctors don't want you to know", "big pharma hides"}
)


#: Prototypes whose meaning hangs on a negation ("X does NOT cure cancer"). Sentence embeddings barely
#: see negation, so a claim lands near its own debunking; these only count alongside a cue.
NEGATION_SENSITIVE: frozenset[str] = frozenset(
    {"awareness/myth", "awareness/debunk", "awareness/fact-check"}
)


def prototype_items() -> list[tuple[str, str, str]]:
    """All prototypes as (category, id, text) in a stable order; ids are `<category>/<name>`."""
    return [
        (category, f"{category}/{name}", text)
        for category, items in PROTOTYPES.items()
        for name, text in items.items()
    ]


def digest() -> str:
    """A short hash of every cue and prototype: part of the trained classifier's version."""
    import hashlib

    parts = [repr(sorted(PROTOTYPES.items()))]
    for cues in (*CUES.values(), DEBUNK, LEGIT_THERAPY, LEGIT_PROVIDER):
        parts += [f"{c.name}\x00{c.pattern}\x00{c.weight}" for c in cues]
    return hashlib.sha256("\x01".join(parts).encode()).hexdigest()[:6]
