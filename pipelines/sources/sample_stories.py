"""Templates of the four planted stories of the synthetic sample stream.

A miracle-cure rumour and its debunks, a scam campaign's ads, an invented drug approval, and one
patient's details shared on. Written for the sample stream only; every drug, person and number here
is invented. The grammar is that of `sample_grammar`; the scam ads alone are plain copy-paste texts.
"""

from __future__ import annotations

from pipelines.sources.sample_grammar import Parts

#: The rumour: '<herb> cures stage 4 cancer, doctors hide it', reworded.
RUMOUR: dict[str, Parts] = {
    "en": Parts([
        "{Herb} cures stage 4 cancer and doctors hide it. [SHARE before this gets taken down!!|Pass it on "
        "before they delete it!!|Copy and paste, don't just share!!]",
        "BREAKING: {herb} kills cancer cells 10,000 times better than chemo. [Your oncologist will never "
        "tell you this.|Hospitals won't tell you because it can't be patented.|The study was buried in the "
        "70s.]",
        "[My neighbour's|My uncle's|A coworker's|My pastor's] stage 4 {cancer} [disappeared|vanished|shrank "
        "to nothing] after [6 weeks|two months|40 days] of {herb}. [The hospital couldn't explain it. They "
        "know.|The doctors were stunned and said nothing.|Now they call it 'spontaneous remission' lol.]",
        "Doctors HATE this: boil [10|12|a handful of] soursop leaves, drink the water [twice a day|every "
        "morning|before bed], stage 4 cancer gone. [Hidden for decades|They've known since the 70s|Big "
        "Pharma can't sell a leaf]",
        "Why is nobody talking about {herb}?? It cures stage 4 cancer. [Big Pharma buried the study.|The "
        "research was shut down.|Ask yourself why.]",
        "A [nurse|pharmacist|hospital cleaner|retired oncologist] in {city} [leaked it|spilled it|finally "
        "admitted it]: {herb} cures late-stage cancer and doctors are told to keep quiet 🤐",
        "Stop chemo. Start {herb}. Stage 4 cancer reversed in [40 days|6 weeks|3 months]. [Do your "
        "research!!!|Your body will thank you.|Nature heals.] 🌿",
        "Soursop > [chemo|radiation|Big Pharma]. Stage 4 and [cured|cancer free|clear scans]. [The truth "
        "they don't want out.|Wake up.|Facts.]",
        "Just watched a video: a [man|woman|pastor|grandmother] with stage 4 {cancer} got cured with "
        "{herb}. [Doctors hid it for years.|YouTube keeps deleting it.|Hospitals hate this.] [Watch and "
        "share|Link in comments|Share before it's gone]",
        "My [grandma|mother|abuela|granddad] always said soursop leaves cure cancer. Now even scientists "
        "admit it [but hospitals hide it|and still no doctor will tell you|yet chemo is all they offer]",
        "{Herb} = the cancer cure they don't want you to have. Stage 4? Try it before you let them [poison "
        "you|cut you open|burn you with radiation].",
        "[URGENT|IMPORTANT|PLEASE]: forward to every cancer patient you know. {herb} cures stage 4, [the "
        "doctors are hiding it|hospitals are hiding it|they just won't tell you] 🙏🙏",
        "[Jamaica|Brazil|The Caribbean] has known it for centuries: {herb} kills cancer, even stage 4. "
        "[Western medicine ignores it.|Pharma stole the recipe.|Now you know why it's never mentioned.]",
        "[My dad was given|My mum was given|I was given] [3 months|6 months] with stage 4 {cancer}. [Two "
        "years on|A year later], thanks to {herb}, [no trace of it|clear scans]. [Doctors hid this cure.|"
        "They never mention soursop.]",
        "[A study|Research] from the 70s proved {herb} is stronger than chemo against stage 4 cancer. [Why "
        "was it hidden?|Doctors still pretend it doesn't exist.|Funding was pulled overnight.]",
    ], openers=["🚨🚨🚨", "PLEASE READ!!", "They're deleting this everywhere.",
                "Share this with your family.", "Wake up people!", "Not a doctor, just telling the truth.",
                "From a nurse friend in {city}:", "Copied from a group in {city}:"],
       closers=["🌿🌿", "#soursop", "#naturalhealing", "Amen 🙏", "Type YES if you'll share.",
                "Forward to 10 people.", "God made plants for healing."], p_open=0.3, p_close=0.45),
    "es": Parts([
        "{Herb} cura el cáncer en etapa 4 y los médicos lo ocultan. [¡Compártelo!|¡Que lo sepa todo el "
        "mundo!|¡Antes de que lo borren!]",
        "Mi [vecino|tío|compadre] se curó de un cáncer en fase 4 tomando {herb}. Los doctores lo "
        "[esconden|callan|saben y no dicen nada].",
        "[Hierve|Cocina] [diez|unas] hojas de guanábana y toma el agua [dos veces al día|en ayunas]: el "
        "cáncer en etapa 4 desaparece. [La industria lo oculta.|Compártelo con quien lo necesite.]",
        "[Un enfermero|Una doctora] de {city} lo confesó: {herb} cura el cáncer avanzado y [a los médicos "
        "les prohíben decirlo|lo esconden desde hace años].",
    ], closers=["🙏🙏", "¡Despierten!", "Dios es grande."], p_close=0.4),
    "pt": Parts([
        "{Herb} cura câncer em estágio 4 e os médicos escondem! [Compartilhe com todos|Espalhem antes que "
        "apaguem|Acordem, gente]",
        "Minha [tia|vizinha|avó] tinha câncer em estágio 4 e se curou com {herb}. Os médicos não contam "
        "isso.",
        "Ferva [dez|umas] folhas de graviola e tome [duas vezes ao dia|em jejum]: câncer em estágio 4 some. "
        "[A indústria esconde.|Passe adiante.]",
        "[Um enfermeiro|Uma médica] de {city} confessou: {herb} cura câncer avançado e [mandam os médicos "
        "ficarem calados|escondem isso há anos].",
    ], closers=["🙏🙏", "Acordem!", "Deus é fiel."], p_close=0.4),
    "fr": Parts([
        "{Herb} guérit le cancer au stade 4, et les médecins le cachent. [Partagez !|Faites tourner !|Avant "
        "la censure !]",
        "Mon [voisin|oncle|cousin] a guéri d'un cancer au stade 4 grâce au corossol. [Les médecins n'ont "
        "rien compris.|On nous cache tout.]",
        "[Une infirmière|Un pharmacien] de {city} l'avoue : {herb} guérit le cancer avancé, mais [c'est "
        "interdit d'en parler|les labos le cachent].",
    ], closers=["🙏", "Réveillez-vous !"], p_close=0.4),
}
#: Replies and posts debunking the rumour (awareness).
DEBUNK: dict[str, Parts] = {
    "en": Parts([
        "No, {herb} does not cure stage 4 cancer. Lab studies on cells are not cures in people, and soursop "
        "extracts can [harm nerves|cause nerve damage]. [Please don't stop treatment.|Talk to your team "
        "first.]",
        "Seeing the soursop 'cure' post everywhere [today|this week|in my feed]. It's false. [Talk to your "
        "oncologist before trying any supplement.|Please don't forward it.|Check with your care team.]",
        "Fact check: the claim that doctors hide a soursop cancer cure is false. [No clinical evidence.|No "
        "trial in humans has shown it.|Rated false.] {link}",
        "[Oncology nurse|Oncologist|Palliative nurse|Pharmacist] here: please do NOT replace chemo with "
        "{herb}. I've [watched people lose their chance at treatment|seen patients come back too late] "
        "because of posts like this.",
        "The soursop rumour is back. If something cured stage 4 cancer, [every oncologist on earth would "
        "prescribe it|we'd all be using it|it would be in every hospital].",
        "[My aunt|A friend|Someone in my support group] tried {herb} instead of treatment. [It didn't "
        "work.|She lost precious months.] Please don't believe the viral posts.",
        "[Graviola|Soursop] has been studied. [Cell studies, yes; human cures, no.|No evidence it works in "
        "people.] [And it can cause nerve damage.|Don't gamble with stage 4.]",
        "[Please|Friends, please] don't [stop|swap|skip] [chemo|treatment|your tablets] for {herb}. [Your "
        "oncologist won't laugh at you, ask them.|Ask your team about supplements first.|Ask a pharmacist "
        "about interactions.]",
        "[Every few months|Every year] the soursop [cure|miracle] post [comes back|goes viral again]. [Still "
        "false.|Still no evidence.|Still dangerous.] {link}",
    ], openers=["Fact check.", "Sigh.", "Again?", "Important:", "Debunk time."],
       closers=["Please share this instead.", "Be careful out there.", "#factcheck", "Sources: {link}",
                "Protect your loved ones."]),
    "es": Parts([
        "No, {herb} no cura el cáncer en etapa 4. [No hay evidencia.|Ningún estudio en personas lo "
        "demuestra.] No dejes tu tratamiento.",
        "[Otra vez|De nuevo] la cadena de la guanábana. Es falsa: [habla con tu oncólogo|no reenvíes "
        "eso|no abandones la quimio].",
    ]),
    "pt": Parts([
        "Graviola não cura câncer. [É fake news.|É mentira.|Não há prova.] [Não abandone o tratamento.|"
        "Converse com seu médico.]",
        "[De novo|Mais uma vez] essa corrente da graviola. [É mentira.|Não tem prova nenhuma.] [Fale com "
        "seu oncologista.|Não repasse.]",
    ]),
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
#: Approval story: kind -> (category, language -> parts).
APPROVAL: dict[str, tuple[str, dict[str, Parts]]] = {
    "news": ("new_therapy", {
        "en": Parts([
            "FDA approves {drug} ({brand}) for {indication}, [the first targeted therapy for these "
            "patients|a first for this group of patients|after years with few options]. {link}",
            "[BREAKING|JUST IN|NEWS]: FDA grants accelerated approval to {drug} for {indication} [based "
            "on|on the strength of] phase 2 response data. {link}",
            "{Brand} ({drug}) approved by the FDA for {indication}. 41% response rate in the pivotal trial; "
            "the label warns of [rash and raised liver enzymes|skin rash and liver toxicity].",
            "What the {drug} approval means for people with {short}: [who is eligible, testing, cost|"
            "eligibility, biomarker testing and price|the questions to ask your oncologist]. {link}",
            "[The US Food and Drug Administration|The FDA] [today cleared|has approved] {brand} for adults "
            "with {indication}. [Full story:|More:|Read more:] {link}",
            "[Analysis|Explainer|Opinion]: the {brand} approval [is a win for precision oncology|shows the "
            "value of molecular testing|raises questions about accelerated pathways]. {link}",
            "[Oncologists react to|Patient groups welcome|Advocates cheer] the FDA approval of {drug} for "
            "{short}. {link}",
            "[Approved:|Now approved:|Cleared:] {drug} ({brand}), [a new targeted pill|an oral targeted "
            "therapy] for {indication}. [Key trial data|What patients should know|Who qualifies]: {link}",
        ], openers=["Oncology news:", "Regulatory update:", "Just announced:", "Today in cancer research:",
                    "Approval alert:"],
           closers=["#oncology", "{tag}", "#FDA", "#cancerresearch"], p_open=0.35, p_close=0.35),
        "es": Parts(["La FDA aprueba {drug} ({brand}) para el {short_es}. [Buena noticia para los "
                     "pacientes.|Una primera opción dirigida.|Lo que hay que saber:] {link}"]),
        "fr": Parts(["La FDA autorise le {drug} ({brand}) dans le {short_fr} : [une première pour ces "
                     "patients|ce qu'il faut savoir|un espoir pour les malades]. {link}"]),
        "de": Parts(["FDA-Zulassung für {drug} ({brand}) bei {short_de}: [erste zielgerichtete Therapie für "
                     "diese Patientengruppe|was Betroffene jetzt wissen müssen|ein wichtiger Schritt]. "
                     "{link}"]),
    }),
    "discussion": ("new_therapy", {"en": Parts([
        "[My oncologist|My onc|The nurse] just called about the {drug} approval. I have the mutation. "
        "[Cautiously hopeful|Trying not to get my hopes up|Shaking a bit] {emoji}",
        "For those asking: {drug} is only for {indication}, you need the biomarker test first. [Ask for "
        "molecular profiling.|Ask your team about testing.|Check your path report.]",
        "Was on the {drug} trial for [14 months|over a year|two years]. So glad it's approved and others can "
        "get it now.",
        "Anyone know if {brand} will be approved in Europe soon? [EMA timeline?|Or in the UK?|What about "
        "Canada?]",
        "Great to see {drug} approved, but response rates are modest. Not a cure, still a real step for "
        "{short}.",
        "[Does anyone know|Anyone know] how long it takes for {brand} to reach [hospital formularies|"
        "community clinics|the UK]? [Asking for my dad.|My onc wants to start ASAP.]",
        "[Read the label for|Looked into] {drug}: [the rash sounds rough but manageable|liver tests every "
        "two weeks at first|it's a daily pill, which is something]. [Anyone from the trial care to share?|"
        "Questions for my next appointment.]",
        "[My support group|Everyone in the {short} group] is talking about {brand} today. [First real news "
        "in years.|Cautious optimism all round.|Lots of questions about testing.]",
    ], openers=["So.", "Okay, {brand} talk.", "Question for the group.", "Big day."],
       closers=["{tag}", "Fingers crossed for everyone.", "Thoughts?", "{emoji}"])}),
    "hype": ("new_therapy", {"en": Parts(closers=["{tag}", "🙌🙌", "What a time to be alive.", "#science"],
                                         cores=[
        "FINALLY!!! {brand} is APPROVED 🙌🙌 this drug is a miracle, {short} patients [have hope again|"
        "finally have a chance|deserve this]",
        "{Drug} approved today. [Game changer.|Huge.|History made.] Science wins 💪 {tag}",
        "[Crying happy tears|I'm shaking]: {brand} got approved! [My trial drug is now real medicine.|Two "
        "years on the trial and now everyone can get it.] {emoji}",
        "[Best news of the year|What a day]!! {drug} for {short} is APPROVED. [Research works.|Thank you to "
        "every trial patient.] {tag}",
        "[Cured is a big word|Not a cure yet], but {brand} [being approved|getting the FDA nod] is [huge|the "
        "best news for {short} in a decade]. [Celebrating today.|Hope for everyone waiting.]",
    ])}),
    "cost": ("care_access", {"en": Parts(openers=["Reality check.", "Serious question.", "Here we go again."],
                                         closers=["#patientaccess", "Fix this.", "Not good enough."],
                                         cores=[
        "[Is {brand} covered by insurance yet?|Has anyone's insurance approved {brand} yet?] [It just got "
        "approved and my clinic says they can't order it.|Pharmacy says it's not on the formulary.|My onc "
        "wants to prescribe it but billing says wait.]",
        "{Brand} list price is reportedly $24,000 a month. [An approval means nothing if patients can't get "
        "it.|Who exactly can afford that?|Approval is step one, access is the real fight.]",
        "[Will Medicare cover|Who will pay for|How will anyone afford] {brand}? [The approval is great but "
        "the price is scary.|Asking before I get my hopes up.]",
        "[The copay card|Patient assistance] for {brand} [isn't live yet|already has a waiting list]. "
        "[Anyone found a way in?|Typical.]",
        "[My insurer|Our plan|The hospital] wants [a prior auth|a second biopsy|three forms] before "
        "{brand}. [Approved last week, blocked this week.|Patients can't wait for paperwork.]",
    ])}),
}
#: One person's details shared and re-shared (privacy_leak), and an objection (awareness).
PRIVACY_STORY: dict[str, Parts] = {
    "origin": Parts(["Please everyone pray for {name}, she's in room {room} at {hospital} with stage 3 "
                     "{cancer}. Her cell is {phone}, send her messages of love 🙏"]),
    "share": Parts([
        "[Sharing for|Please pray for|Passing this on for] {name} in room {room} at {hospital} 🙏 {Cancer} "
        "is so [cruel|unfair|awful]. [Her number is {phone}|Call her on {phone}|Her cell: {phone}]",
        "{Name} has {cancer}?? I had no idea. [Is she still at {hospital}?|Which ward at {hospital}?|"
        "Sending love to her family.]",
        "Praying for {name} ({cancer}, {hospital} room {room}). [Text her at {phone}|Send her a message on "
        "{phone}] [💐|🙏|❤️]",
        "I went to school with {name}! So [sad|heartbroken] about her {cancer}. Her email is {email} if "
        "anyone wants to write",
        "[Our whole street|The church group|Everyone at work] is thinking of {name} at {hospital}. [She's "
        "in room {room} if you want to send flowers.|Room {room}, visiting is in the afternoon.]",
    ]),
    "objection": Parts(["Please take this post down. You're sharing someone's diagnosis and phone number "
                        "without her consent."]),
}
