"""Reply templates of the synthetic sample stream: by language and the category of the post replied to.

Same grammar as `sample_templates`: `[a|b]` choices and `{slot}`s, a core with maybe an opener and a
closer. Written for the sample stream only.
"""

from __future__ import annotations

from pipelines.sources.sample_grammar import Parts

_SUPPORT = ("peer_support", Parts([
    "Sending you so much love. [You're not alone in this|We're all here for you|This group has your back] "
    "{emoji}",
    "Scanxiety is the worst. [Fingers crossed for good news.|Hoping for clear results.|Thinking of you on "
    "{weekday}.]",
    "Been there. Please reach out to your team's [psycho-oncology service|counsellor|nurse specialist], it "
    "helped me [a lot|more than I expected].",
    "Hugs from a fellow {tag} [warrior|survivor|traveller]",
    "Thinking of you. [DM me if you want to talk.|My inbox is always open.|Here if you need to vent.]",
    "Same here, the {side_effect} on {drug} was brutal for me too. [It does get better.|It eased after a "
    "few weeks.|Ask about a dose change.]",
    "[I felt exactly like this|That was me|I was in the same place] {duration} ago. [It does get "
    "easier.|Be gentle with yourself.|You will find your feet.]",
    "[Nobody should have to go through this alone|What you're feeling is so normal]. [Have you tried a "
    "local support group?|Is there someone you can call tonight?|Lean on us.]",
    "{Relative} went through the same [last year|a while back] and [is doing well now|found the first "
    "weeks hardest]. [Hang in there.|Take it a day at a time.]",
    "[Your feelings are valid|It's okay not to be okay]. [Cry, rest, rage, whatever you need.|Please be "
    "kind to yourself today.|One hour at a time.]",
    "The fatigue is real. [I napped every afternoon for months.|Let people bring you meals.|Short walks "
    "helped me a bit.]",
    "[Big hugs|So much love|Strength] from {city} {emoji}",
], openers=["Oh love.", "I'm so sorry.", "Hey.", "Reading this with tears.", "Virtual hug first."],
   closers=["{emoji}", "You've got this.", "Here if you need anything.", "We're with you.",
            "Keep us posted."]))

_THANKS_OPEN = ["Thank you.", "This.", "Yes!", "Agreed.", "100%.", "Great post."]
_THANKS_CLOSE = ["🙏", "💛", "Thanks for posting.", "Sharing.", "So important.", "Well said."]

#: Replies: language -> parent's category -> (category of the reply, parts).
REPLIES: dict[str, dict[str, tuple[str, Parts]]] = {
    "en": {
        "peer_support": _SUPPORT,
        "emotional_distress": _SUPPORT,
        "miracle_cure": ("awareness", Parts([
            "Please don't stop treatment for this. There's no evidence it [cures anything|works|shrinks "
            "tumours].",
            "This is misinformation. [My sister|A friend of mine|Someone in my group] tried this instead of "
            "chemo and it spread. Talk to your oncologist.",
            "Source? [Every study I've seen says otherwise.|A testimonial isn't evidence.|Show me the "
            "trial.]",
            "[Oncology nurse|Pharmacist|Cancer researcher] here: {remedy} [has never cured anyone's "
            "cancer|can interact with real treatment|is not a cure]. [Please delete this.|Please talk to "
            "your team.]",
            "[Reported|Flagged] for [health misinformation|dangerous advice]. [People will die believing "
            "this.|Desperate families read these posts.]",
        ], openers=["No.", "Stop.", "Please, no.", "Sigh."],
           closers=["Please be careful.", "Not cool.", "Talk to a real doctor.", "#factcheck"])),
        "scam_ad": ("awareness", Parts([
            "Reported. This is a scam, don't send them money.",
            "These accounts prey on desperate families. [Nobody sells a cure in DMs.|Real clinics don't "
            "take gift cards.|Block and report.]",
            "[Scam alert|Warning] 🚩 [they took money from my aunt and sent nothing|the 'testimonials' are "
            "stock photos|no real doctor works like this].",
            "[Please|Everyone,] don't [fall for this|share this|message this number]. [It's a known "
            "scam.|Report it to the platform.]",
        ], closers=["🚩🚩", "Stay safe.", "Report it."])),
        "privacy_leak": ("awareness", Parts([
            "Please take this down, you're sharing someone's medical information without their consent.",
            "[Did she agree to this?|Does she know you posted this?] [Her diagnosis and number are now "
            "public.|Please remove her details.]",
            "[This is a privacy breach.|Not okay to post someone's diagnosis.] [Delete it please.|Message "
            "her privately instead.]",
        ])),
        "new_therapy": ("new_therapy", Parts([
            "[My onc|My oncologist|Our nurse] mentioned this too, [waiting to hear if I qualify|we're "
            "looking into it|fingers crossed I'm eligible].",
            "[Great|Brilliant|Encouraging] news, hope it becomes available [outside the US|in the UK|on the "
            "NHS|in {city}] soon.",
            "[Anyone know|Does anyone know] if this is [open in Europe|recruiting in {city}|covered by "
            "insurance yet]?",
            "[Was on|Currently on|Just started] {drug} [and doing well|for {cancer}|in a trial], "
            "[happy to share my experience|side effects manageable so far].",
            "[Really promising|Cautiously optimistic], but [the numbers are small|let's see the full "
            "data|overall survival matters most].",
            "[Is this|Would this be] an option for {cancer}? [Asking for {relative}.|Bringing it up at my "
            "next appointment.]",
        ], openers=["Interesting!", "Oh wow.", "Thanks for sharing.", "Following."],
           closers=["{emoji}", "Thanks!", "Hope so.", "Following this."])),
        "care_access": ("care_access", Parts([
            "Ask for a peer-to-peer review and get your [oncologist's nurse|team|care coordinator] to chase "
            "it.",
            "Try the hospital's patient navigator, they sorted out our [insurance mess|referral|parking "
            "permit].",
            "[We had the same|Same thing happened to us] with {drug}. [The manufacturer's patient "
            "programme helped.|A complaint to PALS got it moving.|The pharmacist found it at another "
            "branch.]",
            "[Call|Email] the [patient advocate|social worker|cancer helpline] at {hospital}, [they can "
            "push it through|they know the system].",
            "[Put it in writing|Keep a log of every call] and [cc your oncologist|ask for a reference "
            "number]. [It helped us.|They move faster when it's on record.]",
        ], openers=["Ugh, sorry.", "So sorry you're dealing with this.", "Been there.", "Tip:"],
           closers=["Good luck!", "Hope it gets sorted.", "Don't give up.", "Keep pushing."])),
        "awareness": ("awareness", Parts([
            "[Booked|Finally booked|Just booked] my [screening|mammogram|smear|skin check] after reading "
            "this.",
            "[Thank you for sharing this|So important|Needed this reminder]. [Sharing with my family.|"
            "Booking mine now.|{Relative}'s was caught early this way.]",
            "[Shared|Retweeted|Sent to my group chat]! [More people need to see this.|Everyone should "
            "know this.|Spread the word.]",
            "[My GP|{Relative}'s nurse|A doctor friend] [says the same|has been saying this for years]. "
            "[Listen to the experts.|Please share.]",
            "[Wish I'd known this sooner|Didn't know this at all|Learned something today]. [Thank you.|"
            "Checking myself tonight.|Telling {relative}.]",
        ], openers=_THANKS_OPEN, closers=_THANKS_CLOSE)),
        "financial_support": ("financial_support", Parts([
            "[Shared|Shared it|Shared everywhere] and donated 💛",
            "Applied [last month|in {month}|a while back], they were [super helpful|so kind|really quick].",
            "[Donated|Chipped in|Sent a little]! [Good luck with it.|Hope you hit the target.|Sharing "
            "too.]",
            "[This charity helped us so much|They paid our travel costs] when {relative} was on "
            "{treatment}. [Highly recommend.|Forever grateful.]",
            "[Does this|Is this open to people] [cover|in] {city}? [Asking for {relative}.|Would love to "
            "apply.]",
        ], openers=["Amazing!", "Well done!", "Love this."], closers=["{emoji}", "Good luck!", "🙌"])),
        "other": ("other", Parts([
            "[lol|haha|lmao] [same|this is me|felt that|too real][ honestly| tbh| fr|]",
            "😂😂😂 [accurate|so true|I'm crying|dead]",
            "[Not the|Why is this the] [most relatable|funniest] thing I've [read|seen] [today|all "
            "week]",
            "[Sending this to|Tagging] my [sister|best friend|group chat|mum] [immediately|rn]",
            "[The way I|I literally] [laughed out loud|snorted|screamed] [at this|on the bus|in the "
            "office]",
            "[Fellow Cancer here|Cancer sun checking in|As a Cancer myself], [can confirm|it's true|we're "
            "all like this]",
        ], closers=["😂", "💀", "lol", "🦀"])),
    },
    "es": {"peer_support": ("peer_support", Parts([
        "¡Mucho ánimo! [No estás sola|Aquí estamos contigo|Todo va a salir bien] 💕",
        "[Yo pasé por lo mismo|A mí también me pasó] [hace un año|el año pasado]. [Se puede.|Pide ayuda.]",
    ])), "emotional_distress": ("peer_support", Parts([
        "Te mando un abrazo enorme, aquí estamos para lo que necesites.",
        "[Es normal sentirse así|Lo que sientes es válido]. [Un día a la vez.|No estás sola.|Habla con tu "
        "equipo, hay ayuda.] 💕",
        "[Ánimo|Fuerza] desde {city}. [Te entiendo perfectamente.|Escríbeme si quieres hablar.]",
    ], closers=["💕", "Un abrazo.", "Aquí estamos."]))},
    "pt": {"emotional_distress": ("peer_support", Parts([
        "Força! Estamos com você 💛",
        "[É normal sentir isso|Eu senti o mesmo]. [Um dia de cada vez.|Você não está sozinha.|Conte com a "
        "gente.]",
        "[Abraço|Força] de {city}. [Entendo demais.|Me chama se quiser conversar.]",
    ], closers=["💛", "Um abraço.", "Estamos juntas."]))},
    "fr": {"emotional_distress": ("peer_support", Parts([
        "Courage, on pense fort à vous ❤️",
        "[C'est normal de ressentir ça|Je suis passée par là aussi]. [Un jour à la fois.|Vous n'êtes pas "
        "seule.|Parlez-en à votre équipe.]",
        "[Plein de courage|Des pensées] depuis {city}. [Je vous comprends.|Écrivez-moi si besoin.]",
    ], closers=["❤️", "Bises.", "On est là."]))},
}
