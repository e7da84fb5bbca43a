"""Templates of the four planted stories of the synthetic sample stream.

A miracle-cure rumour and its debunks, a scam campaign's ads, an invented drug approval, and one
patient's details shared on. Written for the sample stream only; every drug, person and number here
is invented.
"""

from __future__ import annotations

#: The rumour: '<herb> cures stage 4 cancer, doctors hide it', reworded.
RUMOUR: dict[str, list[str]] = {
    "en": [
        "{herb} cures stage 4 cancer and doctors hide it. SHARE before this gets taken down!!",
        "BREAKING: {herb} kills cancer cells 10,000 times better than chemo. Your oncologist will never tell "
        "you this.",
        "My neighbour's stage 4 {cancer} disappeared after 6 weeks of {herb}. The hospital couldn't explain "
        "it. They know.",
        "Doctors HATE this: boil 10 soursop leaves, drink the water twice a day, stage 4 cancer gone. Hidden "
        "for decades",
        "Why is nobody talking about {herb}?? It cures stage 4 cancer. Big Pharma buried the study.",
        "A nurse in {city} leaked it: {herb} cures late-stage cancer and doctors are told to keep quiet 🤐",
        "Stop chemo. Start {herb}. Stage 4 cancer reversed in 40 days. Do your research!!! 🌿",
        "Soursop > chemo. Stage 4 and cured. The truth they don't want out.",
        "Just watched a video: a man with stage 4 {cancer} cured himself with {herb}. Doctors hid it for "
        "years. Watch and share",
        "My grandma always said soursop leaves cure cancer. Now even scientists admit it but hospitals hide "
        "it",
        "{herb} = the cancer cure they don't want you to have. Stage 4? Try it before you let them poison "
        "you.",
        "URGENT: forward to every cancer patient you know. {herb} cures stage 4, the doctors are hiding it "
        "🙏🙏",
    ],
    "es": ["{herb} cura el cáncer en etapa 4 y los médicos lo ocultan. ¡Compártelo!",
           "Mi vecino se curó de un cáncer en fase 4 tomando {herb}. Los doctores lo esconden."],
    "pt": ["{herb} cura câncer em estágio 4 e os médicos escondem! Compartilhe com todos",
           "Minha tia tinha câncer em estágio 4 e se curou com {herb}. Os médicos não contam isso."],
    "fr": ["{herb} guérit le cancer au stade 4, et les médecins le cachent. Partagez !"],
}
#: Replies and posts debunking the rumour (awareness).
DEBUNK: dict[str, list[str]] = {
    "en": [
        "No, {herb} does not cure stage 4 cancer. Lab studies on cells are not cures in people, and soursop "
        "extracts can harm nerves. Please don't stop treatment.",
        "Seeing the soursop 'cure' post everywhere today. It's false. Talk to your oncologist before trying "
        "any supplement.",
        "Fact check: the claim that doctors hide a soursop cancer cure is false. No clinical evidence. "
        "{link}",
        "Oncology nurse here: please do NOT replace chemo with {herb}. I've watched people lose their chance "
        "at treatment because of posts like this.",
        "The soursop rumour is back. If something cured stage 4 cancer, every oncologist on earth would "
        "prescribe it.",
    ],
    "es": ["No, {herb} no cura el cáncer en etapa 4. No hay evidencia. No dejes tu tratamiento."],
    "pt": ["Graviola não cura câncer. É fake news. Não abandone o tratamento."],
}
#: The scam campaign's ads; `{wa}` and `{seller}` are left in and filled per seller.
SCAM_ADS: dict[str, list[str]] = {
    "en": [
        "🌿 {product} 🌿 100% natural, shrinks tumours in 21 days. Stage 4 patients healed! DM to order or "
        "WhatsApp {wa} 📦 worldwide shipping",
        "Doctors gave up? Our clinic in {abroad_city} treats stage 4 cancer with ozone + herbal infusions, "
        "97% "
        "success. WhatsApp {wa} for prices",
        "‼️ Only {number} boxes left ‼️ {product}, the natural chemo alternative, no side effects. DM to "
        "order, pay on delivery",
        "I was stage 4, now cancer free thanks to {product} 🙌 Order from @{seller} or WhatsApp {wa}",
        "Cancer patients: free consultation with our herbal doctor. Message {wa} on WhatsApp now, places "
        "limited!",
    ],
    "es": ["🌿 {product}: el tumor desaparece en 21 días. Pide por WhatsApp {wa} 📦 envíos a todo el mundo"],
    "fa": ["کپسول گیاهی {product} برای درمان سرطان. سفارش از طریق واتساپ: {wa}"],
}
#: Invented approvals (no such drugs exist); one is picked per seed.
STORY_DRUGS: list[dict[str, str]] = [
    {"drug": "orzavetinib", "brand": "Orzava", "indication": "KRAS G12D-mutated metastatic pancreatic cancer",
     "short": "pancreatic cancer", "tag": "#pancsm", "short_es": "cáncer de páncreas",
     "short_fr": "cancer du pancréas", "short_de": "Bauchspeicheldrüsenkrebs"},
    {"drug": "kelmirasib", "brand": "Kelmira", "indication": "NRG1 fusion-positive non-small cell lung "
                                                             "cancer",
     "short": "lung cancer", "tag": "#lcsm", "short_es": "cáncer de pulmón",
     "short_fr": "cancer du poumon", "short_de": "Lungenkrebs"},
    {"drug": "dazulotinib", "brand": "Dazulo", "indication": "FGFR3-altered advanced bladder cancer",
     "short": "bladder cancer", "tag": "#blcsm", "short_es": "cáncer de vejiga",
     "short_fr": "cancer de la vessie", "short_de": "Blasenkrebs"},
]
#: Approval story: kind -> (category, language -> templates).
APPROVAL: dict[str, tuple[str, dict[str, list[str]]]] = {
    "news": ("new_therapy", {
        "en": ["FDA approves {drug} ({brand}) for {indication}, the first targeted therapy for these "
               "patients. {link}",
               "BREAKING: FDA grants accelerated approval to {drug} for {indication} based on phase 2 "
               "response "
               "data. {link}",
               "{brand} ({drug}) approved by the FDA for {indication}. 41% response rate in the pivotal "
               "trial; "
               "the label warns of rash and raised liver enzymes.",
               "What the {drug} approval means for people with {short}: who is eligible, testing, cost. "
               "{link}"],
        "es": ["La FDA aprueba {drug} ({brand}) para el {short_es}. Buena noticia para los pacientes. "
               "{link}"],
        "fr": ["La FDA autorise le {drug} ({brand}) dans le {short_fr} : une première pour ces patients. "
               "{link}"],
        "de": ["FDA-Zulassung für {drug} ({brand}) bei {short_de}: erste zielgerichtete Therapie für diese "
               "Patientengruppe. {link}"],
    }),
    "discussion": ("new_therapy", {"en": [
        "My oncologist just called about the {drug} approval. I have the mutation. Cautiously hopeful "
        "{emoji}",
        "For those asking: {drug} is only for {indication}, you need the biomarker test first. Ask for "
        "molecular profiling.",
        "Was on the {drug} trial for 14 months. So glad it's approved and others can get it now.",
        "Anyone know if {brand} will be approved in Europe soon? EMA timeline?",
        "Great to see {drug} approved, but response rates are modest. Not a cure, still a real step for "
        "{short}.",
    ]}),
    "hype": ("new_therapy", {"en": [
        "FINALLY!!! {brand} is APPROVED 🙌🙌 this drug is a miracle, {short} patients have hope again",
        "{drug} approved today. Game changer. Science wins 💪 {tag}",
    ]}),
    "cost": ("care_access", {"en": [
        "Is {brand} covered by insurance yet? It just got approved and my clinic says they can't order it.",
        "{brand} list price is reportedly $24,000 a month. An approval means nothing if patients can't get "
        "it.",
    ]}),
}
#: One person's details shared and re-shared (privacy_leak), and an objection (awareness).
PRIVACY_STORY: dict[str, list[str]] = {
    "origin": ["Please everyone pray for {name}, she's in room {room} at {hospital} with stage 3 {cancer}. "
               "Her cell is {phone}, send her messages of love 🙏"],
    "share": [
        "Sharing for {name} in room {room} at {hospital} 🙏 {cancer} is so cruel. Her number is {phone}",
        "{name} has {cancer}?? I had no idea. Is she still at {hospital}?",
        "Praying for {name} ({cancer}, {hospital} room {room}). Text her at {phone} 💐",
        "I went to school with {name}! So sad about her {cancer}. Her email is {email} if anyone wants to "
        "write",
    ],
    "objection": ["Please take this post down. You're sharing someone's diagnosis and phone number without "
                  "her consent."],
}
