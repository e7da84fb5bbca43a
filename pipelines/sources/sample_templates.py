"""Post templates of the synthetic sample stream, by language and the category they were written as.

Written fresh for the sample stream and never to be used as classifier training data. Hard cases of
domain.md are here on purpose: debunks (awareness), hospital ads and trial recruitment (new_therapy,
care_access), privacy worries that expose nobody, hype about approved drugs, 'Cancer season' and
'this traffic is cancer', helpline numbers, a nausea remedy with no cure claim. Every person, number
and address the templates produce is fake.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipelines.sources.sample_stories import APPROVAL, DEBUNK, PRIVACY_STORY, RUMOUR, SCAM_ADS

_EN: dict[str, list[str]] = {
    "miracle_cure": [
        "{remedy} cured my aunt's stage 4 {cancer} in 3 months. Doctors don't want you to know this!! "
        "{emoji}",
        "Big Pharma will never tell you: {remedy} kills cancer cells 10,000x stronger than chemo. Do your "
        "own "
        "research.",
        "Stop chemo NOW. It's poison. My cousin healed her {cancer} with {remedy} and fasting. Share before "
        "they delete this",
        "Cancer is just a fungus. {remedy} every morning dissolves tumours naturally, no surgery needed 🙏",
        "My oncologist wanted radiation but I chose {remedy} and an alkaline diet. 2 years later tumour "
        "gone!!! "
        "Trust your body",
        "Why isn't anyone talking about {remedy}? It CURES cancer and costs pennies. They can't patent it so "
        "they hide it.",
        "Take {remedy} on an empty stomach for 21 days and your {cancer} will shrink. Worked for half my "
        "church group",
        "Radiation causes cancer, {remedy} cures it. Simple as that.",
        "A doctor in {city} cures 9 out of 10 cancer patients with {remedy}. Mainstream media silent. Why?",
        "I skipped my {drug} and went full natural with {remedy}. Best decision ever, no more side effects, "
        "my body is healing itself",
        "Cancer can't survive in an alkaline body. {remedy} = cancer free. Spread the word!!",
        "they dont want u to know that {remedy} shrinks tumors overnight. my uncle is living proof",
    ],
    "scam_ad": [
        "🌿 {product} 🌿 100% herbal, shrinks tumours in 30 days, no side effects. DM to order! Only "
        "${price} for 3 bottles.",
        "Doctors gave up on you? Our clinic in {abroad_city} offers hyperthermia + ozone therapy with 96% "
        "success for stage 4. Book now on WhatsApp {wa}",
        "LIMITED OFFER: {product}, the natural chemo alternative. Ships worldwide. WhatsApp {wa} or DM "
        "@{seller}",
        "I was stage 4 and now I'm cancer free thanks to {healer}'s herbal formula 🙌 contact him on "
        "WhatsApp {wa}, he helped me so much",
        "Send ${price} in gift cards and our healer ships the anti-tumour tea the same day. Inbox me.",
        "URGENT fundraiser!!! My brother needs ${price} for cancer surgery today, send to wallet 0x{hex}, "
        "no questions please 🙏",
        "Immunotherapy in {abroad_city} for 1/10 of the US price, no waiting list, no biopsy needed! "
        "Packages from ${price}. DM for the brochure",
        "Tired of chemo? Try {product} 💧 thousands healed. Link in bio to order, code HEAL20",
        "Only {number} bottles left of {product}! Boosts immunity and kills cancer cells. Reply ORDER and "
        "we'll message you",
    ],
    "privacy_leak": [
        "Please pray for my neighbour {name}, she's at {hospital} room {room} with {cancer}. Her number is "
        "{phone} if you want to send her love",
        "Found this on the ward printer lol: patient {name}, MRN {mrn}, DOB {dob}, dx {cancer}",
        "{name} who lives at {address} just got diagnosed with {cancer}. She hasn't told her family yet so "
        "don't say anything 🤫",
        "My coworker {name} ({email}) is hiding that she has {cancer}, she's on {drug} and keeps calling in "
        "sick",
        "Does anyone know {name}? {cancer} patient, bed {room} at {hospital}. Her husband's number is "
        "{phone}, "
        "he's not answering us",
        "Posting so people stop asking: my ex {name}, {address}, has {cancer} and starts chemo at {hospital} "
        "on {weekday}",
        "Scan report for {name} (MRN {mrn}) attached, can someone here read it? {cancer} suspected",
        "Our teacher {name} has {cancer}, her chemo is every {weekday} at {hospital}. Call her at home on "
        "{phone} and cheer her up!",
    ],
    "new_therapy": [
        "Phase 3 results at {conference}: {drug} plus chemo improved overall survival in {cancer}. {link}",
        "We are recruiting for a phase II trial of a targeted therapy in {cancer} at {hospital}. Ask your "
        "oncologist about {nct}.",
        "My onc just told me about a new antibody-drug conjugate for {cancer}. Anyone been on one? Side "
        "effects?",
        "{hospital} now offers CAR-T therapy for eligible {cancer} patients. Referral through your "
        "oncologist; details on our website.",
        "Interesting data on ctDNA-guided adjuvant therapy in {cancer}, could spare a lot of people "
        "unnecessary chemo. {link}",
        "{drug} has been a game changer for my dad's {cancer}. Approved, covered, and it's WORKING. "
        "Science is amazing 🙌",
        "Our new proton therapy unit in {city} opens this month, with shorter waits for children. Referrals "
        "via your oncology team.",
        "Trial update from {conference}: personalised mRNA vaccine plus immunotherapy cut recurrence in "
        "{cancer}. Early but promising.",
        "Started a clinical trial today ({nct}). Nervous but hopeful. Will report back {tag}",
        "Good explainer on how {drug} works and who qualifies for it: {link}",
        "The EMA recommended approval of {drug} for a new {cancer} indication today. Big day for patients "
        "in Europe.",
        "Are there trials for {cancer} after two lines of treatment? clinicaltrials.gov is overwhelming, "
        "any pointers?",
    ],
    "peer_support": [
        "Ginger tea and plain crackers got me through cycle 3 nausea. Not a cure, just something that helped "
        "my stomach. {tag}",
        "Day 1 of chemo tomorrow. Tips from the {tag} fam? What did you pack in your chemo bag?",
        "Wig shopping with my sister today! Went with a short bob. Feeling more like me {emoji}",
        "5 years NED today from {cancer}. To everyone just starting: it gets better. Bring a notebook to "
        "every appointment.",
        "Cold capping worked for me, kept about 70% of my hair through {drug}. Happy to answer questions.",
        "For anyone on {drug}: the joint pain got much better for me after a few weeks and walking helped.",
        "Caregiver here. My wife finished radiation for {cancer} last week. The fatigue hit hard, naps are "
        "our best friend.",
        "Mastectomy was 2 weeks ago. Drains are out! Button-up shirts and a recliner were lifesavers.",
        "Just wanted to say this group has been my lifeline since diagnosis. Thank you all {emoji}",
        "Peppermint sweets for the metallic taste, ice chips during the infusion. Small things but they "
        "help.",
        "Ringing the bell today!!! Last radiation session for my {cancer} {emoji}",
        "Tip: ask for a port if your veins are hard to find. Best decision I made.",
        "Scanxiety tip from a 3-year lifer: I book something fun for the day after every scan. {tag}",
        "Anyone else get neuropathy from oxaliplatin? Mine's in my fingertips, my onc lowered the dose",
        "Our {cancer} support meetup in {city} is next {weekday}, 6pm at the library. Newbies welcome!",
        "Short walks and gentle yoga kept me sane during treatment. Check with your team first of course.",
        "Ginger chews and small meals every 2 hours helped my mum's nausea on chemo. Her nurse okayed it.",
        "my prosthesis fitting went great today, finally feel normal in a t-shirt again {emoji}",
    ],
    "emotional_distress": [
        "Scan results tomorrow. Can't sleep, can't eat. #scanxiety",
        "I'm so tired of being brave. Everyone says stay positive but I'm terrified.",
        "3am and wide awake again thinking about what happens to my kids if the {cancer} comes back.",
        "Lost my mum to {cancer} today. I don't know how to do this.",
        "Recurrence. After 4 years. I honestly don't know if I can go through chemo again.",
        "Nobody tells you how lonely cancer is. Friends stopped calling after the second month.",
        "Waiting for biopsy results is torture. Every hour feels like a week {emoji}",
        "Some days I feel like a burden to everyone around me.",
        "I cried in the car park after my appointment. The tumour grew.",
        "Does anyone else feel guilty for still being here when people from their group have died?",
        "My husband's {cancer} is terminal and I can't stop panicking about the future",
        "Why me. I did everything right. I'm 34.",
    ],
    "awareness": [
        "Reminder: colorectal cancer screening now starts at 45 in the US. Book your test!",
        "No, {remedy} does not cure cancer. There's no evidence, and delaying treatment costs lives. Talk "
        "to your oncology team.",
        "Fact check: the viral post saying chemo 'kills more than it cures' is false. What the data says: "
        "{link}",
        "Check your boobs, feel your balls, know your body. Early detection saves lives {emoji}",
        "It's {awareness_month}! Wear your ribbon and share your screening story.",
        "Skin check reminder ☀️ new or changing moles → see a doctor. SPF 30+ every day.",
        "HPV vaccination prevents most cervical cancers. Our school programme runs this week in {city}.",
        "Please be careful what you share in open groups: blur names and hospital numbers on your reports "
        "before posting screenshots.",
        "Honestly scared that health apps sell our diagnosis data. Read the privacy settings before you join "
        "any patient platform.",
        "Quitting smoking at any age lowers your lung cancer risk. Free quit line: {helpline}",
        "Men: prostate cancer is often silent. Talk to your GP about PSA testing after 50.",
        "Miracle cure posts prey on desperate people. Report them, don't share them.",
        "Myth: sugar feeds cancer so you must cut all carbs. Truth: every cell uses glucose; a balanced "
        "diet matters more.",
        "Low-dose CT screening for heavy ex-smokers saves lives. Ask if you're eligible {tag}",
    ],
    "care_access": [
        "Insurance denied my {drug} again. Third appeal. How do I get a peer-to-peer review?",
        "How long did you wait for your first oncology appointment at {hospital}? They said 6 weeks.",
        "Telehealth follow-ups save me 3 hours of driving each month. Ask your clinic if they offer them.",
        "Pharmacy says {drug} is on backorder until next month. Anyone found it elsewhere?",
        "Travelling 200 miles for proton therapy in {city}. Any tips on patient housing?",
        "Prior authorization for my PET scan is STILL pending. Treatment delayed two weeks. This system is "
        "broken.",
        "Does Medicare cover cold capping? Getting mixed answers.",
        "Our hospital now offers evening chemo slots so patients don't have to miss work. Ask at reception.",
        "Can I get a second opinion at {hospital} without a referral?",
        "The cancer nurse helpline ({helpline}) answered in 2 minutes and sorted my appointment mess. "
        "Highly recommend.",
        "Switching insurers mid-treatment: anyone done it? Terrified of losing coverage for my {drug}.",
        "Is there a way to get the chemo unit to call back? 4 voicemails and no answer about my cycle date",
    ],
    "financial_support": [
        "{charity} offers grants of up to ${price} for travel to treatment. Applications open until the end "
        "of the month: {link}",
        "Our bake sale raised $2,340 for the children's oncology ward at {hospital}! Thank you {city} "
        "{emoji}",
        "If you're struggling with bills during treatment, {charity} has a free helpline: {helpline}. They "
        "helped us with rent.",
        "Copay assistance programmes exist for {drug}, ask your oncology social worker.",
        "Running the {city} half marathon for {charity}, every donation funds free rides to chemo. {link}",
        "Free wigs for patients through {charity}, no questions asked.",
        "{charity} is looking for volunteer drivers to take patients to appointments in {city}.",
        "We set up a verified fundraiser for my dad's treatment costs through the hospital foundation. Any "
        "share helps 💛 {link}",
        "Reminder that most hospitals have financial counsellors. Ask before you pay that bill.",
    ],
    "other": [
        "Cancer season is here ♋ time to get emotional and stay home with snacks",
        "This traffic is cancer. 45 minutes to go 3 miles.",
        "As a Cancer sun Scorpio moon I feel personally attacked by this horoscope",
        "The comment section on this video is cancer lol",
        "Watching a documentary about the history of chemotherapy, fascinating stuff",
        "Crab rangoon is the only crab I trust this Cancer season 🦀",
        "My Cancer horoscope says I'll find love this week, we'll see",
        "The new hospital drama is so unrealistic, nobody gets scan results in 5 minutes 😂",
        "Doing a uni presentation on oncology nursing careers, any good resources?",
        "Windows update ate my whole afternoon. This OS is cancer.",
        "The Cancer constellation is hard to spot from {city}, too much light pollution",
    ],
}

_ES: dict[str, list[str]] = {
    "miracle_cure": ["Dicen que {remedy} cura el cáncer en etapa 4 y los médicos lo ocultan. ¡Compártelo "
                     "antes "
                     "de que lo borren!",
                     "Mi tía dejó la quimio y se curó con {remedy}. La industria farmacéutica no quiere que "
                     "lo "
                     "sepas 🙏"],
    "scam_ad": ["🌿 Cápsulas naturales contra el cáncer, resultados en 30 días. Envíos a todo el país. "
                "Pedidos "
                "por WhatsApp {wa}",
                "Clínica en {abroad_city}: tratamiento alternativo para cáncer avanzado, 95% de éxito. "
                "Escríbenos por DM"],
    "privacy_leak": ["Recen por mi vecina {name}, tiene {cancer} y está en el {hospital}, habitación {room}. "
                     "Su teléfono es {phone}"],
    "new_therapy": ["Resultados prometedores de un nuevo ensayo de inmunoterapia en {cancer}. Buena noticia "
                    "para los pacientes {emoji}",
                    "El {hospital} busca voluntarios para un ensayo clínico de fase II en {cancer}. Consulte "
                    "a su oncólogo ({nct})."],
    "peer_support": ["Hoy terminé mi última sesión de quimio 🎉 A quien esté empezando: se puede, un día a "
                     "la vez.",
                     "El té de jengibre me ayudó mucho con las náuseas de la quimio. No cura nada, pero "
                     "alivia."],
    "emotional_distress": ["Mañana me dan los resultados del TAC y no puedo dormir. Tengo mucho miedo.",
                           "Perdí a mi papá por {cancer} hace un mes y todavía no lo puedo creer 💔"],
    "awareness": ["Recuerda hacerte la mamografía. La detección temprana salva vidas {emoji}",
                  "No, {remedy} no cura el cáncer. No abandones tu tratamiento por un vídeo de internet."],
    "care_access": ["¿Alguien sabe cuánto tarda la cita de oncología en la seguridad social? Me la dieron "
                    "para dentro de dos meses.",
                    "La farmacia no tiene {drug} desde hace semanas. ¿Dónde lo consiguieron?"],
    "financial_support": ["La {charity} ayuda con el transporte y el alojamiento durante el tratamiento. "
                          "Información: {link}",
                          "Carrera solidaria en {city} este domingo a beneficio de niños con cáncer. "
                          "¡Inscríbete!"],
    "other": ["Este tráfico es un cáncer, llevo una hora parado.",
              "Soy Cáncer y el horóscopo dice que esta semana cuide mis emociones 🦀"],
}

_PT: dict[str, list[str]] = {
    "miracle_cure": ["Gente, {remedy} cura câncer em estágio 4 e os médicos escondem isso! Compartilhe antes "
                     "que apaguem",
                     "Minha vizinha largou a químio e se curou só com {remedy}. A indústria farmacêutica não "
                     "quer que você saiba"],
    "scam_ad": ["Cápsulas naturais contra o câncer 🌿 resultado garantido em 30 dias. Chama no WhatsApp {wa}",
                "Tratamento alternativo em {abroad_city}, sem fila e sem químio. Mande DM para orçamento"],
    "new_therapy": ["Nova imunoterapia aprovada pela Anvisa para {cancer}. Ótima notícia para os pacientes!",
                    "Estudo de fase 3 mostra aumento de sobrevida com {drug} em {cancer}. Link: {link}"],
    "peer_support": ["Hoje toquei o sino! Fim da radioterapia 🔔 Obrigada a todos deste grupo pelo apoio",
                     "Dica para quem faz químio: gelo na boca durante a infusão ajudou muito com as aftas."],
    "emotional_distress": ["Amanhã sai o resultado da biópsia e eu não consigo parar de chorar.",
                           "Estou cansada de ser forte. Ninguém entende o medo que dá."],
    "awareness": ["Outubro Rosa: faça o autoexame e marque sua mamografia 🎀",
                  "Fake news: {remedy} não cura câncer. Converse sempre com seu oncologista."],
    "care_access": ["Alguém conseguiu {drug} pelo SUS? Estou esperando há três meses.",
                    "O plano de saúde negou meu PET-CT. Alguém sabe como recorrer?"],
    "financial_support": ["O {charity} oferece hospedagem gratuita para pacientes do interior durante o "
                          "tratamento.",
                          "Bazar beneficente no sábado em {city}, toda a renda vai para crianças com "
                          "câncer 💛"],
    "other": ["Esse trânsito de {city} é um câncer, viu",
              "Signo de Câncer é sensível demais, não aguento 😂"],
}

_FR: dict[str, list[str]] = {
    "miracle_cure": ["Incroyable : {remedy} guérit le cancer au stade 4, et les médecins le cachent ! "
                     "Partagez "
                     "avant la censure",
                     "Ma cousine a arrêté la chimio et se soigne uniquement avec ça : {remedy}. "
                     "Renseignez-vous !"],
    "scam_ad": ["Gélules 100 % naturelles anti-cancer 🌿 livraison discrète. Commandez en MP ou sur WhatsApp "
                "{wa}"],
    "new_therapy": ["Résultats encourageants d'un essai de phase 3 sur {drug} dans le {cancer}. {link}",
                    "Le {hospital} recrute pour un essai clinique dans le {cancer}. Parlez-en à votre "
                    "oncologue."],
    "peer_support": ["Dernière chimio aujourd'hui ! Merci à tous pour vos messages, ça m'a porté 💪",
                     "Pour les nausées, la tisane de gingembre m'a un peu soulagée. Ce n'est pas un remède, "
                     "juste un confort."],
    "emotional_distress": ["Résultats du scanner demain. Je n'arrive pas à dormir, j'ai peur.",
                           "Récidive. Je suis épuisée, je ne sais pas si j'aurai la force."],
    "awareness": ["Octobre rose : pensez au dépistage du cancer du sein dès 50 ans 🎀",
                  "Non, {remedy} ne guérit pas le cancer. N'arrêtez jamais un traitement sans en parler à "
                  "votre médecin."],
    "care_access": ["Six semaines d'attente pour une IRM à {city}... quelqu'un connaît un centre plus "
                    "rapide ?",
                    "Rupture de {drug} dans ma pharmacie, vous avez trouvé une solution ?"],
    "financial_support": ["{charity} aide les familles à payer les frais de transport pendant les "
                          "traitements."],
    "other": ["Horoscope Cancer de la semaine : « journée idéale pour se reposer » 😂",
              "Ce bouchon sur le périph, c'est un vrai cancer."],
}

_DE: dict[str, list[str]] = {
    "miracle_cure": ["{remedy} heilt Krebs im Stadium 4 und die Ärzte verschweigen es! Teilen, bevor es "
                     "gelöscht wird",
                     "Meine Tante hat die Chemo abgebrochen und ist mit {remedy} gesund geworden. Informiert "
                     "euch!"],
    "scam_ad": ["🌿 Natürliche Kapseln gegen Krebs, Ergebnisse in 30 Tagen. Bestellung per DM oder WhatsApp "
                "{wa}"],
    "new_therapy": ["Neue Studiendaten zu {drug} bei {cancer}: deutlich längeres Überleben. {link}",
                    "Das {hospital} sucht Teilnehmende für eine Phase-II-Studie zu {cancer}. Fragen Sie Ihre "
                    "Onkologin."],
    "peer_support": ["Heute letzte Bestrahlung! Danke an alle hier für den Zuspruch 💪",
                     "Ingwertee hat mir bei der Übelkeit während der Chemo geholfen. Kein Heilmittel, nur "
                     "eine kleine Hilfe."],
    "emotional_distress": ["Morgen kommt das CT-Ergebnis und ich kann nicht schlafen.",
                           "Ich habe solche Angst, dass der Krebs zurückkommt."],
    "awareness": ["Darmkrebsvorsorge ab 50: Die Darmspiegelung kann Leben retten.",
                  "Nein, {remedy} heilt keinen Krebs. Bitte keine Therapie wegen eines Videos abbrechen."],
    "care_access": ["Drei Monate Wartezeit auf einen Termin in der Onkologie in {city}. Hat jemand Tipps?",
                    "Übernimmt die Krankenkasse die Fahrtkosten zur Strahlentherapie?"],
    "financial_support": ["Die {charity} unterstützt Krebspatienten mit Zuschüssen für Therapiekosten. "
                          "Infos: {link}"],
    "other": ["Als Krebs im Sternzeichen fühle ich mich von diesem Horoskop angegriffen 🦀"],
}

_FA: dict[str, list[str]] = {
    "miracle_cure": ["{remedy} سرطان مرحله چهار را درمان می‌کند و پزشکان این را پنهان می‌کنند!"],
    "scam_ad": ["کپسول گیاهی ضد سرطان، بدون عوارض، ارسال به سراسر کشور. برای سفارش در واتساپ پیام دهید: "
                "{wa}"],
    "new_therapy": ["نتایج یک کارآزمایی بالینی جدید برای درمان {cancer} امیدوارکننده است."],
    "peer_support": ["امروز آخرین جلسه شیمی‌درمانی‌ام بود. به همه کسانی که در این راه هستند می‌گویم: ادامه "
                     "بدهید ❤️",
                     "دمنوش زنجبیل حالت تهوع دوران شیمی‌درمانی را برایم کمتر کرد. درمان نیست، فقط کمک "
                     "می‌کند."],
    "emotional_distress": ["فردا جواب اسکن می‌آید و از ترس خوابم نمی‌برد.",
                           "خسته‌ام از اینکه همه می‌گویند قوی باش."],
    "awareness": ["ماموگرافی سالانه را فراموش نکنید. تشخیص زودهنگام سرطان پستان جان نجات می‌دهد 🎀"],
    "care_access": ["کسی می‌داند بیمه هزینه داروی {drug} را پوشش می‌دهد؟",
                    "نوبت رادیوتراپی در {city} برای سه ماه دیگر است. چه کار کنم؟"],
    "financial_support": ["{charity} به بیماران سرطانی کمک هزینه درمان می‌دهد."],
}

#: Background templates: language -> category -> templates.
BACKGROUND: dict[str, dict[str, list[str]]] = {
    "en": _EN, "es": _ES, "pt": _PT, "fr": _FR, "de": _DE, "fa": _FA,
}

_SUPPORT = ("peer_support", [
    "Sending you so much love. You're not alone in this {emoji}",
    "Scanxiety is the worst. Fingers crossed for good news.",
    "Been there. Please reach out to your team's psycho-oncology service, it helped me a lot.",
    "Hugs from a fellow {tag} warrior",
    "Thinking of you. DM me if you want to talk.",
    "Same here, the fatigue on {drug} was brutal for me too. It does get better.",
])

#: Replies: language -> parent's category -> (category of the reply, templates).
REPLIES: dict[str, dict[str, tuple[str, list[str]]]] = {
    "en": {
        "peer_support": _SUPPORT,
        "emotional_distress": _SUPPORT,
        "miracle_cure": ("awareness", [
            "Please don't stop treatment for this. There's no evidence it cures anything.",
            "This is misinformation. My sister tried this instead of chemo and it spread. Talk to your "
            "oncologist.",
            "Source? Every study I've seen says otherwise.",
        ]),
        "scam_ad": ("awareness", ["Reported. This is a scam, don't send them money.",
                                  "These accounts prey on desperate families. Nobody sells a cure in DMs."]),
        "privacy_leak": ("awareness", ["Please take this down, you're sharing someone's medical information "
                                       "without their consent."]),
        "new_therapy": ("new_therapy", ["My onc mentioned this too, waiting to hear if I qualify.",
                                        "Great news, hope it becomes available outside the US soon."]),
        "care_access": ("care_access", [
            "Ask for a peer-to-peer review and get your oncologist's nurse to chase it.",
            "Try the hospital's patient navigator, they sorted out our insurance mess.",
        ]),
        "awareness": ("awareness", ["Booked my screening after reading this. Thank you!"]),
        "financial_support": ("financial_support", ["Shared and donated 💛", "Applied last month, they were "
                                                                            "super helpful."]),
        "other": ("other", ["lol same", "😂😂😂 accurate"]),
    },
    "es": {"peer_support": ("peer_support", ["¡Mucho ánimo! No estás sola 💕"]),
           "emotional_distress": ("peer_support", ["Te mando un abrazo enorme, aquí estamos para lo que "
                                                   "necesites."])},
    "pt": {"emotional_distress": ("peer_support", ["Força! Estamos com você 💛"])},
    "fr": {"emotional_distress": ("peer_support", ["Courage, on pense fort à vous ❤️"])},
}


def all_templates() -> Iterator[tuple[str, str]]:
    """Every (language, template) pair here and in `sample_stories`, for checks that each one fills."""
    for lang, by_category in BACKGROUND.items():
        for templates in by_category.values():
            for template in templates:
                yield lang, template
    for lang, by_parent in REPLIES.items():
        for _, templates in by_parent.values():
            for template in templates:
                yield lang, template
    for story in (RUMOUR, DEBUNK, SCAM_ADS):
        for lang, templates in story.items():
            for template in templates:
                yield lang, template
    for _, by_lang in APPROVAL.values():
        for lang, templates in by_lang.items():
            for template in templates:
                yield lang, template
    for templates in PRIVACY_STORY.values():
        for template in templates:
            yield "en", template
