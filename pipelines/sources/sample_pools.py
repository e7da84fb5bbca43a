"""Data for the synthetic sample stream: mixes, rhythms, slot pools and platform register.

The post texts themselves are in `sample_templates`. `{slot}` placeholders are filled by
`pipelines.sources.sample.fill`; slot names are the keys of `POOLS` and `CANCERS` plus the ones
made by code in `sample._MAKERS` (names, phones, links...). Every person, phone number and
address here is fake.
"""

from __future__ import annotations

# --- mixes and rhythms -----------------------------------------------------------------------

#: Share of each category among the background posts (the planted stories add their own).
CATEGORY_WEIGHTS: dict[str, float] = {
    "peer_support": 0.22, "emotional_distress": 0.16, "awareness": 0.16, "care_access": 0.10,
    "other": 0.10, "new_therapy": 0.08, "financial_support": 0.07, "miracle_cure": 0.04,
    "scam_ad": 0.035, "privacy_leak": 0.008,
}

PLATFORM_WEIGHTS: dict[str, float] = {
    "facebook": 0.24, "x": 0.22, "reddit": 0.13, "instagram": 0.11, "tiktok": 0.07, "youtube": 0.07,
    "forum": 0.06, "telegram": 0.04, "news_comment": 0.04, "other": 0.02,
}

#: Where some categories are more (or less) at home than the platform mix says.
PLATFORM_BOOST: dict[str, dict[str, float]] = {
    "peer_support": {"facebook": 1.4, "reddit": 1.5, "forum": 2.0, "news_comment": 0.2},
    "emotional_distress": {"reddit": 1.6, "x": 1.2, "news_comment": 0.2},
    "miracle_cure": {"facebook": 1.5, "tiktok": 2.0, "telegram": 2.5, "reddit": 0.4},
    "scam_ad": {"instagram": 2.0, "telegram": 3.0, "facebook": 1.3, "reddit": 0.2, "forum": 0.3},
    "new_therapy": {"x": 1.8, "news_comment": 2.5, "youtube": 1.3, "tiktok": 0.4},
    "care_access": {"reddit": 1.5, "forum": 1.5, "tiktok": 0.3},
    "other": {"x": 1.6, "tiktok": 1.5, "forum": 0.3},
}

LANG_WEIGHTS: dict[str, float] = {"en": 0.83, "es": 0.06, "pt": 0.035, "fr": 0.03, "de": 0.025, "fa": 0.02}

#: Relative posting volume by hour of the day: quiet nights, an evening peak.
HOUR_WEIGHTS: tuple[float, ...] = (
    0.55, 0.35, 0.22, 0.15, 0.12, 0.14, 0.25, 0.45, 0.70, 0.85, 0.90, 0.95,
    1.00, 1.00, 0.95, 0.95, 1.00, 1.10, 1.30, 1.50, 1.70, 1.75, 1.50, 0.95,
)
#: Monday to Sunday.
WEEKDAY_WEIGHTS: tuple[float, ...] = (1.05, 1.0, 1.0, 1.0, 0.95, 0.85, 0.95)

# --- slot pools ------------------------------------------------------------------------------

#: (name, hashtag) per language; `{cancer}` and `{tag}` are drawn together so they agree.
CANCERS: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("breast cancer", "#bcsm"), ("metastatic breast cancer", "#bcsm"), ("TNBC", "#bcsm"),
        ("lung cancer", "#lcsm"), ("non-small cell lung cancer", "#lcsm"), ("colon cancer", "#crcsm"),
        ("rectal cancer", "#crcsm"), ("prostate cancer", "#pcsm"), ("ovarian cancer", "#gyncsm"),
        ("cervical cancer", "#gyncsm"), ("pancreatic cancer", "#pancsm"), ("glioblastoma", "#btsm"),
        ("multiple myeloma", "#mmsm"), ("Hodgkin lymphoma", "#lymsm"), ("AML", "#leusm"),
        ("leukaemia", "#leusm"), ("melanoma", "#melsm"), ("bladder cancer", "#blcsm"),
        ("head and neck cancer", "#hncsm"), ("kidney cancer", "#kcsm"), ("sarcoma", "#sarcoma"),
        ("stomach cancer", "#cancer"), ("thyroid cancer", "#cancer"),
    ],
    "es": [("cáncer de mama", "#cáncer"), ("cáncer de pulmón", "#cáncer"), ("cáncer de colon", "#cáncer"),
           ("leucemia", "#leucemia"), ("linfoma", "#cáncer"), ("cáncer de próstata", "#cáncer")],
    "pt": [("câncer de mama", "#câncer"), ("câncer de pulmão", "#câncer"), ("leucemia", "#câncer"),
           ("câncer de intestino", "#câncer"), ("linfoma", "#câncer")],
    "fr": [("cancer du sein", "#cancer"), ("cancer du poumon", "#cancer"), ("cancer colorectal", "#cancer"),
           ("lymphome", "#cancer"), ("cancer de la prostate", "#cancer")],
    "de": [("Brustkrebs", "#Krebs"), ("Lungenkrebs", "#Krebs"), ("Darmkrebs", "#Krebs"),
           ("Prostatakrebs", "#Krebs"), ("Lymphom", "#Krebs")],
    "fa": [("سرطان پستان", "#سرطان"), ("سرطان ریه", "#سرطان"), ("سرطان روده", "#سرطان"),
           ("لنفوم", "#سرطان"), ("سرطان خون", "#سرطان")],
}

#: Per-language pools; a slot missing from a language falls back to English.
POOLS: dict[str, dict[str, list[str]]] = {
    "en": {
        "remedy": ["baking soda water", "turmeric paste", "black seed oil", "bitter melon juice",
                   "apricot kernels", "wheatgrass shots", "raw garlic and honey", "frankincense oil",
                   "colloidal silver", "carrot juice fasting", "moringa powder", "alkaline water",
                   "lemon peel tea", "a 40-day juice cleanse"],
        "herb": ["soursop leaf tea", "boiled soursop leaf water", "graviola leaf tea",
                 "soursop (graviola) tea", "soursop tea"],
        "drug": ["Keytruda", "Enhertu", "Tagrisso", "Lynparza", "Kisqali", "Ibrance", "tamoxifen",
                 "letrozole", "anastrozole", "Herceptin", "Opdivo", "Imfinzi", "Xtandi", "Verzenio",
                 "capecitabine", "FOLFOX", "carboplatin", "paclitaxel", "Lupron", "Revlimid"],
        "city": ["London", "Manchester", "Toronto", "Chicago", "Austin", "Dublin", "Sydney", "Lagos",
                 "Mumbai", "Manila", "Phoenix", "Leeds", "Denver", "Cape Town", "Glasgow", "Ohio"],
        "abroad_city": ["Tijuana", "Cancún", "Istanbul", "Bangkok", "Nassau", "Monterrey", "Tbilisi"],
        "hospital": ["Northfield Cancer Centre", "St Brigid's General", "Harbourview Oncology Institute",
                     "Lakeside Memorial", "Riverbend University Hospital", "Mercy Vale Medical Center",
                     "Elmwood Regional"],
        "charity": ["Hope Bridge Cancer Fund", "the Pink Lantern Trust", "CareLink Foundation",
                    "Rides to Recovery", "the Teal Door Project", "Little Lions Children's Cancer Aid"],
        "product": ["OncoPure herbal capsules", "Cellular Detox Tea", "ImmunoMax 9000", "Tumour Away drops",
                    "GraviPlus capsules", "B17 apricot tablets", "NatuCure tonic"],
        "healer": ["Dr Harlan Vey", "Dr Sunny Moss", "Master Lio", "Dr Amara Bright"],
        "conference": ["ASCO", "ESMO", "SABCS", "ASH", "AACR"],
        "awareness_month": ["Breast Cancer Awareness Month", "Movember", "Lung Cancer Awareness Month",
                            "World Cancer Day"],
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
        "month": ["January", "March", "May", "June", "August", "October"],
        "helpline": ["1-800-555-0199", "1-800-555-0142", "0808 157 0192", "0808 157 0457"],
        "emoji": ["❤️", "💪", "🙏", "🎗️", "💕", "😭", "🥹", "✨", "🌸", "💛", "🤞", "😔"],
        "first": ["Maria", "Dana", "Priya", "Aiko", "Lucia", "Nadia", "Grace", "Ines", "Joanna", "Keisha",
                  "Margot", "Rosa", "Shireen", "Tamsin", "Hannah", "Olga"],
        "last": ["Lopez", "Quillfeather", "Marbury", "Okafor-Lind", "Brennick", "Castellane", "Drummond",
                 "Ferreira", "Hollis", "Kowalczyk", "Ashgrove", "Penhallow", "Varga", "Whitlock"],
        "street": ["Larkspur Lane", "Quarry Road", "Maple Court", "Ferris Avenue", "Juniper Street",
                   "Old Mill Close"],
        "town": ["Millbrook", "Eastfield", "Springvale", "Ashby Cross", "Pinecrest"],
        "relative": ["my mum", "my mom", "my dad", "my wife", "my husband", "my sister", "my brother",
                     "my aunt", "my uncle", "my grandma", "my grandad", "my best friend", "my partner",
                     "my son", "my daughter", "my neighbour", "my cousin", "my mother-in-law",
                     "my father-in-law", "my girlfriend", "my boyfriend", "my stepdad"],
        "when": ["yesterday", "this morning", "last night", "on Friday", "last week", "today",
                 "earlier today", "on Monday", "two weeks ago", "over the weekend", "a month ago",
                 "this afternoon", "on Wednesday", "at the weekend", "just now"],
        "treatment": ["chemo", "radiation", "immunotherapy", "hormone therapy", "radiotherapy",
                      "targeted therapy", "proton therapy", "maintenance therapy", "chemoradiation",
                      "infusions"],
        "side_effect": ["nausea", "fatigue", "neuropathy", "brain fog", "joint pain", "insomnia", "heartburn",
                        "the metallic taste", "hair loss", "dry skin", "numbness", "constipation",
                        "the rash", "bone pain", "mouth ulceration"],
        "comfort": ["ginger tea", "ice chips", "peppermint sweets", "a heated blanket", "audiobooks",
                    "a soft toothbrush", "lip balm", "fuzzy socks", "a neck pillow", "a big water bottle",
                    "unscented moisturiser", "crossword books", "a silk pillowcase", "frozen grapes",
                    "bone broth", "a good playlist"],
        "staff": ["my oncologist", "my onc", "the chemo nurse", "my GP", "my surgeon", "the nurse navigator",
                  "my consultant", "the pharmacist", "my breast care nurse", "the registrar",
                  "my specialist nurse"],
        "scan": ["scan", "CT scan", "PET scan", "MRI", "biopsy", "bone scan", "blood test", "mammogram",
                 "ultrasound", "tumour marker"],
        "duration": ["six weeks", "three months", "a year", "two years", "five months", "nine weeks",
                     "a fortnight", "half a year", "four years", "ten days"],
        "place": ["in the waiting room", "in the car park", "in the shower", "at the kitchen table",
                  "on the bus home", "in the hospital corridor", "at work", "in the supermarket",
                  "on the drive home", "in the lift", "in the hospital café"],
        "feeling": ["scared", "exhausted", "numb", "angry", "lost", "overwhelmed", "hopeless", "anxious",
                    "empty", "broken", "drained", "alone", "invisible", "fragile"],
    },
    "es": {
        "remedy": ["el bicarbonato con limón", "la cúrcuma", "el agua alcalina", "el hueso de albaricoque",
                   "el aceite de comino negro"],
        "herb": ["el té de hojas de guanábana", "el agua de hojas de guanábana", "la guanábana"],
        "city": ["Madrid", "Bogotá", "Ciudad de México", "Lima", "Sevilla", "Buenos Aires"],
        "charity": ["Fundación Faro de Esperanza", "Asociación Lazo Verde"],
        "hospital": ["Hospital San Telmo", "Hospital Clínico del Norte"],
        "street": ["Calle de los Olivos", "Avenida del Puerto"],
        "town": ["Getafe", "Alcalá", "Chamberí"],
        "relative": ["mi madre", "mi padre", "mi marido", "mi esposa", "mi hermana", "mi hermano", "mi tía",
                     "mi abuela", "mi hija", "mi hijo", "mi mejor amiga", "mi pareja"],
        "when": ["ayer", "esta mañana", "el lunes", "la semana pasada", "hoy", "el viernes", "anoche"],
        "treatment": ["la quimio", "la radioterapia", "la inmunoterapia", "la hormonoterapia"],
        "feeling": ["sola", "perdida", "agotada", "sin fuerzas", "triste", "asustada", "vacía", "rota"],
    },
    "pt": {
        "remedy": ["o bicarbonato", "a cúrcuma", "o suco de babosa", "a água alcalina"],
        "herb": ["o chá de folha de graviola", "a folha de graviola", "a graviola"],
        "city": ["São Paulo", "Recife", "Porto Alegre", "Lisboa", "Belo Horizonte"],
        "charity": ["Instituto Laço de Vida", "Grupo Girassol de Apoio"],
        "relative": ["minha mãe", "meu pai", "meu marido", "minha esposa", "minha irmã", "meu irmão",
                     "minha tia", "minha avó", "minha filha", "meu filho", "minha melhor amiga"],
        "when": ["ontem", "hoje de manhã", "na segunda", "semana passada", "hoje", "na sexta"],
        "treatment": ["a químio", "a radioterapia", "a imunoterapia", "a hormonioterapia", "o tratamento"],
        "feeling": ["sozinha", "perdida", "esgotada", "sem forças", "triste", "com medo", "vazia"],
    },
    "fr": {
        "remedy": ["le bicarbonate de soude", "le curcuma", "les noyaux d'abricot", "l'huile de nigelle"],
        "herb": ["le thé de feuilles de corossol", "le corossol"],
        "city": ["Lyon", "Marseille", "Lille", "Montréal", "Bruxelles"],
        "charity": ["L'association Fil d'Espoir", "La fondation Rubans Bleus"],
        "hospital": ["Centre Hospitalier des Tilleuls"],
        "relative": ["ma mère", "mon père", "mon mari", "ma femme", "ma sœur", "mon frère", "ma tante",
                     "ma grand-mère", "ma fille", "mon fils", "ma meilleure amie"],
        "when": ["hier", "ce matin", "lundi", "la semaine dernière", "aujourd'hui", "vendredi"],
        "treatment": ["la chimio", "la radiothérapie", "l'immunothérapie", "l'hormonothérapie",
                      "le traitement"],
        "feeling": ["seule", "perdue", "épuisée", "vidée", "triste", "à bout", "angoissée"],
    },
    "de": {
        "remedy": ["Natron", "Kurkuma", "Aprikosenkern-Extrakt", "Schwarzkümmelöl", "basisches Wasser"],
        "city": ["Berlin", "Hamburg", "München", "Köln", "Wien", "Zürich"],
        "charity": ["Stiftung Sonnenweg", "Stiftung Mutmacher"],
        "hospital": ["Klinikum Lindenhof", "Universitätsklinikum am Hain"],
        "relative": ["meine Mutter", "mein Vater", "mein Mann", "meine Frau", "meine Schwester",
                     "mein Bruder", "meine Tante", "meine Oma", "meine Tochter", "mein Sohn",
                     "meine beste Freundin"],
        "when": ["gestern", "heute Morgen", "am Montag", "letzte Woche", "heute", "am Freitag"],
        "treatment": ["der Chemo", "der Bestrahlung", "der Immuntherapie", "der Antihormontherapie"],
        "feeling": ["einsam", "erschöpft", "leer", "verloren", "mutlos", "traurig", "überfordert"],
    },
    "fa": {
        "remedy": ["جوش شیرین", "زردچوبه", "روغن سیاه‌دانه", "هسته زردآلو"],
        "city": ["تهران", "مشهد", "اصفهان", "شیراز", "تبریز"],
        "charity": ["خیریه نور امید", "انجمن همراه بیماران"],
        "relative": ["مادرم", "پدرم", "همسرم", "خواهرم", "برادرم", "دخترم", "پسرم", "دوستم"],
        "when": ["دیروز", "امروز صبح", "هفته پیش", "امروز", "دیشب"],
    },
}

LINK_DOMAINS: list[str] = ["health-news.example.org", "oncology-today.example.com", "factcheck.example.net",
                           "onc.example.org", "shortlink.example"]
LINK_SLUGS: list[str] = ["new-data", "trial-results", "explainer", "fact-check", "patients-guide", "story"]
PHONE_AREAS: list[str] = ["415", "212", "312", "646", "305", "713", "206"]

HANDLE_PARTS: tuple[list[str], list[str]] = (
    ["pink", "brave", "chemo", "onco", "scan", "hope", "teal", "lung", "crab", "sunny", "rn", "dr", "nurse",
     "mama", "papa", "survivor", "warrior", "carer", "tumour", "boob", "grey", "quiet", "salty", "wig",
     "port", "bald", "sam", "jo", "lee", "kat", "ana", "mo", "dee", "ravi", "noor", "tom", "mia", "luis",
     "ali"],
    ["warrior", "mom", "dad", "life", "notes", "journey", "talks", "sister", "bro", "girl", "guy", "fighter",
     "diaries", "thoughts", "days", "lady", "runner", "reads", "and_me", "strong", "writes", "x"],
)
SELLER_PARTS: tuple[list[str], list[str], list[str]] = (
    ["herbal", "natural", "pure", "green", "miracle", "holistic", "vital", "organic"],
    ["healing", "cure", "remedy", "wellness", "roots", "leaf"],
    ["shop", "center", "store", "clinic", "official", "hub"],
)
NEWS_HANDLES: list[str] = ["onc_newsdesk", "healthwire_daily", "cancer_trials_today", "medpulse_news",
                           "pharma_brief", "dr_k_oncology", "patient_advocate_net"]
SUBREDDITS: list[str] = ["cancer", "breastcancer", "lungcancer", "CancerCaregivers", "coloncancer",
                         "ovariancancer", "lymphoma", "AskDocs"]

# --- platform register -----------------------------------------------------------------------

HASHTAGS: dict[str, list[str]] = {
    "miracle_cure": ["#naturalhealing", "#cancercure", "#wakeup", "#bigpharma", "#holistic"],
    "scam_ad": ["#herbal", "#naturalcure", "#healthyliving", "#detox"],
    "privacy_leak": ["#prayers", "#prayforher"],
    "new_therapy": ["#oncology", "#clinicaltrials", "#ASCO", "#immunotherapy", "#cancerresearch"],
    "peer_support": ["#cancersurvivor", "#chemolife", "#cancersucks", "#survivor"],
    "emotional_distress": ["#scanxiety", "#cancersucks", "#grief", "#mentalhealth"],
    "awareness": ["#screening", "#cancerawareness", "#earlydetection", "#factcheck"],
    "care_access": ["#healthcare", "#insurance", "#patientaccess"],
    "financial_support": ["#fundraiser", "#charity", "#giveback"],
    "other": ["#mood", "#lol", "#mondaymood"],
}
LONG_EXTRAS: dict[str, list[str]] = {
    "peer_support": [
        "Background: diagnosed with {cancer} in {month}, finished {number} rounds of {drug}. Happy to answer "
        "anything in the comments.",
        "Edit: thank you all for the kind replies, I read every single one.",
        "Not medical advice, just what worked for me. Always check with your team first.",
    ],
    "emotional_distress": [
        "My team offered me a counsellor and I haven't called yet. Posting here because it's the middle of "
        "the night and everyone I know is asleep.",
        "I don't even know what I'm asking for. I just needed to say it somewhere.",
    ],
    "care_access": [
        "For context: US, employer insurance, stage 2. The oncologist's office says it's out of their hands.",
        "Any advice appreciated, I'm running out of energy to fight the paperwork on top of treatment.",
    ],
    "new_therapy": ["Not medical advice obviously, just sharing what my team told me.",
                    "Would love to hear from anyone who was on the trial."],
    "awareness": ["Sources in the comments. Please share with anyone who needs this."],
}
FACEBOOK_TAILS: dict[str, list[str]] = {
    "miracle_cure": ["SHARE before they delete this!!", "Type AMEN and share 🙏"],
    "peer_support": ["Please share with anyone who needs it 💕", "Love to all of you ❤️"],
    "awareness": ["Please share, it could save a life.", "Tag someone who needs this reminder!"],
    "financial_support": ["Every share helps 💛"],
    "emotional_distress": ["Sorry for the long post."],
}
YOUTUBE_OPENERS: list[str] = ["Thank you for this video. ", "Great explanation! ", "Watching from {city}. ",
                              "Needed this today. "]
#: One-word swaps for near-copies.
WORD_SWAPS: dict[str, str] = {
    "doctors": "docs", "cancer": "Cancer", "please": "pls", "amazing": "incredible", "Please": "PLEASE",
    "share": "repost", "really": "truly", "stage": "Stage", "cures": "heals", "today": "2day",
    "people": "folks", "natural": "all-natural", "hide": "bury", "you": "u", "Thank": "Thanks",
}
