"""Post templates of the synthetic sample stream, by language and the category they were written as.

Written fresh for the sample stream and never to be used as classifier training data. Hard cases of
domain.md are here on purpose: debunks (awareness), hospital ads and trial recruitment (new_therapy,
care_access), privacy worries that expose nobody, hype about approved drugs, 'Cancer season' and
'this traffic is cancer', helpline numbers, a nausea remedy with no cure claim. Every person, number
and address the templates produce is fake.

Templates use the grammar of `sample_grammar`: `[a|b]` choices and `{slot}`s. A post is a core, maybe
with an opener and a closer, so that posts written independently rarely share their wording. English
is here, the other languages in `sample_templates_intl`, replies in `sample_replies`.
"""

from __future__ import annotations

from collections.abc import Iterator

from pipelines.sources.sample_grammar import Parts
from pipelines.sources.sample_replies import REPLIES
from pipelines.sources.sample_stories import APPROVAL, DEBUNK, PRIVACY_STORY, RUMOUR, SCAM_ADS
from pipelines.sources.sample_templates_intl import INTL

__all__ = ["BACKGROUND", "REPLIES", "all_templates"]

_EN: dict[str, Parts] = {
    "miracle_cure": Parts([
        "{Remedy} cured [my aunt's|my neighbour's|a friend's mum's|my coworker's] stage 4 {cancer} in "
        "[3 months|6 weeks|under a year]. [Doctors don't want you to know this!!|The oncologists were "
        "speechless.|Her doctors called it a miracle.] {emoji}",
        "Big Pharma will never tell you: {remedy} kills cancer cells 10,000x stronger than chemo. [Do your "
        "own research.|Wake up people.|Look it up before they scrub it.]",
        "Stop chemo NOW. It's poison. [My cousin|A lady at my church|My best friend's dad] healed [her|his] "
        "{cancer} with {remedy} and fasting. [Share before they delete this|Spread the word|Don't let them "
        "silence this]",
        "Cancer is just a fungus. {Remedy} every [morning|night|day] dissolves tumours naturally, no "
        "[surgery|chemo|radiation] needed 🙏",
        "My oncologist wanted [radiation|chemo|surgery] but I chose {remedy} and an alkaline diet. "
        "[2 years|18 months|A year] later tumour gone!!! [Trust your body|Listen to your body|God is good]",
        "Why isn't anyone talking about {remedy}? It CURES cancer and costs pennies. [They can't patent it "
        "so they hide it.|No profit in it, so they bury it.|Follow the money.]",
        "Take {remedy} on an empty stomach for [21|40|30] days and your {cancer} will shrink. [Worked for "
        "half my church group|My whole family swears by it|Seen it with my own eyes]",
        "Radiation causes cancer, {remedy} cures it. [Simple as that.|Not rocket science.|Think about it.]",
        "A doctor in {city} cures 9 out of 10 cancer patients with {remedy}. [Mainstream media silent. "
        "Why?|Why is this not on the news?|He's been threatened for talking about it.]",
        "I skipped my {drug} and went full natural with {remedy}. Best decision ever, [no more side "
        "effects|I feel amazing|my energy is back], my body is healing itself",
        "Cancer can't survive in an alkaline body. {Remedy} = cancer free. [Spread the word!!|Share this "
        "with everyone you love!!|Tell every cancer patient you know!!]",
        "they dont want u to know that {remedy} [shrinks|melts|dissolves] tumors overnight. my "
        "[uncle|nan|neighbour] is living proof",
        "[Chemo|Radiation|Surgery] makes money, {remedy} makes you well. [That's why|Which is exactly "
        "why] your oncologist [won't mention it|laughs at it|calls it dangerous].",
    ], openers=["🚨🚨", "WAKE UP!", "Read this before your next chemo.", "Nobody will tell you this.",
                "The truth:", "Please read."],
       closers=["#wakeup", "Share!!", "🙏🙏", "Amen.", "God heals.", "Do your research.",
                "Your body knows how to heal."]),
    "scam_ad": Parts([
        "🌿 {product} 🌿 100% herbal, shrinks tumours in [30|21] days, no side effects. [DM to order!|Order "
        "now!|Message us today!] Only ${price} for [3 bottles|a full course].",
        "Doctors gave up on you? Our clinic in {abroad_city} offers [hyperthermia + ozone therapy|herbal "
        "infusions and vitamin drips|detox and ozone sessions] with 96% success for stage 4. Book now on "
        "WhatsApp {wa}",
        "LIMITED OFFER: {product}, the natural [chemo alternative|tumour shrinker|immune booster]. Ships "
        "[worldwide|discreetly|in 48h]. WhatsApp {wa} or DM @{seller}",
        "I was stage 4 and now I'm cancer free thanks to {healer}'s herbal formula 🙌 contact [him|the "
        "healer] on WhatsApp {wa}, he helped me so much",
        "Send ${price} in gift cards and our healer ships the [anti-tumour tea|cancer capsules|healing "
        "drops] the same day. [Inbox me.|DM now.|Message for details.]",
        "URGENT fundraiser!!! My [brother|sister|son|mother] needs ${price} for cancer surgery today, send "
        "to wallet 0x{hex}, no questions please 🙏",
        "Immunotherapy in {abroad_city} for 1/10 of the US price, [no waiting list|no referral needed], no "
        "biopsy needed! Packages from ${price}. DM for the brochure",
        "Tired of [chemo|radiation|waiting lists]? Try {product} 💧 thousands healed. Link in bio to order, "
        "code [HEAL20|CURE15|LIFE10]",
        "Only {number} bottles left of {product}! [Boosts immunity and kills cancer cells|Detoxes tumours "
        "in weeks|Stronger than chemo, zero side effects]. Reply ORDER and we'll message you",
    ], openers=["🔥🔥", "‼️ ATTENTION ‼️", "NEW STOCK!", "100% NATURAL.", "Stage 4? Don't give up!"],
       closers=["✅ Verified results", "📦 Worldwide shipping", "💯 Money-back guarantee",
                "🔥 Offer ends today", "Pay on delivery.", "Limited stock!"], p_open=0.3),
    "privacy_leak": Parts([
        "Please pray for my [neighbour|colleague|friend] {name}, she's at {hospital} room {room} with "
        "{cancer}. Her number is {phone} if you want to send her [love|a message|some cheer]",
        "Found this on the ward [printer|desk|floor] lol: patient {name}, MRN {mrn}, DOB {dob}, dx {cancer}",
        "{Name} who lives at {address} just got diagnosed with {cancer}. She hasn't told her "
        "[family|kids|boss] yet so don't say anything 🤫",
        "My coworker {name} ({email}) is hiding that she has {cancer}, she's on {drug} and keeps "
        "[calling in sick|leaving early|missing meetings]",
        "Does anyone know {name}? {Cancer} patient, bed {room} at {hospital}. Her husband's number is "
        "{phone}, he's not answering us",
        "Posting so people stop asking: my ex {name}, {address}, has {cancer} and starts chemo at "
        "{hospital} on {weekday}",
        "Scan report for {name} (MRN {mrn}) attached, can someone here read it? {Cancer} suspected",
        "Our [teacher|coach|pastor's wife] {name} has {cancer}, her chemo is every {weekday} at "
        "{hospital}. Call her at home on {phone} and cheer her up!",
    ]),
    "new_therapy": Parts([
        "Phase 3 results at {conference}: {drug} plus [chemo|radiotherapy|hormone therapy] improved "
        "[overall|progression-free] survival in {cancer}. {link}",
        "We are recruiting for a phase II trial of a [targeted therapy|new immunotherapy|radioligand "
        "therapy] in {cancer} at {hospital}. Ask your oncologist about {nct}.",
        "{Staff} just told me about a new antibody-drug conjugate for {cancer}. Anyone been on one? "
        "[Side effects?|How was it?|Worth it?]",
        "{Hospital} now offers CAR-T therapy for eligible {cancer} patients. Referral through your "
        "oncologist; details on our website.",
        "Interesting data on ctDNA-guided adjuvant therapy in {cancer}, could spare a lot of people "
        "[unnecessary chemo|months of treatment|needless side effects]. {link}",
        "{Drug} has been a game changer for {relative}'s {cancer}. Approved, covered, and it's WORKING. "
        "[Science is amazing|Thank you researchers|So grateful] 🙌",
        "Our new proton therapy unit in {city} opens this month, with shorter waits for [children|young "
        "adults|everyone]. Referrals via your oncology team.",
        "Trial update from {conference}: personalised mRNA vaccine plus immunotherapy cut recurrence in "
        "{cancer}. [Early but promising.|Small numbers, big hope.|Phase 3 next.]",
        "Started a clinical trial [today|{when}] ({nct}). [Nervous but hopeful.|Bloods every week, but "
        "worth a shot.|Fingers crossed.] Will report back {tag}",
        "[Good|Clear|Really useful] explainer on how {drug} works and who qualifies for it: {link}",
        "The EMA recommended approval of {drug} for a new {cancer} indication today. [Big day for patients "
        "in Europe.|Hope access follows quickly.]",
        "Are there trials for {cancer} after two lines of treatment? clinicaltrials.gov is overwhelming, "
        "[any pointers?|where do I even start?|how did you search?]",
        "Just back from {conference}. [Biggest buzz was around|Everyone was talking about|Most excited "
        "about] [bispecific antibodies|ADCs|cancer vaccines|liquid biopsies] for {cancer}. [Thread "
        "below.|Slides: {link}|Exciting times.]",
        "{Relative} qualified for a [first-in-human|phase 1|basket] trial at {hospital}. [Long shot but "
        "we're hopeful.|Grateful to the team for finding it.]",
    ], openers=["Hi all.", "Trial talk.", "For the {tag} community:", "Research corner:", "{Cancer} here."],
       closers=["{tag}", "Thoughts?", "Curious what others think.", "Science moves fast.", "{emoji}"]),
    "peer_support": Parts([
        "[Ginger tea and plain crackers|Ginger chews and dry toast|Ginger tea and salty snacks] got me "
        "through the nausea [of cycle 3|in the first cycles|on {drug}]. Not a cure, just something that "
        "[helped my stomach|settled my stomach|made it bearable]. {tag}",
        "Day 1 of {treatment} [tomorrow|on {weekday}|this week]. [Tips|Any tips|Advice] from the {tag} fam? "
        "What did you [pack in your chemo bag|bring to your first session|wish you'd known on day one]?",
        "Wig shopping with {relative} {when}! Went with [a short bob|something close to my old cut|a wild "
        "pink one|long waves]. [Feeling more like me|Felt like myself again|Honestly had fun] {emoji}",
        "{Number} years NED [today|this week] from {cancer}. To everyone just starting: [it gets better|one "
        "day at a time|you're stronger than you think]. [Bring a notebook to every appointment.|Ask every "
        "question, however small.|Let people help you.]",
        "Cold capping worked for me, [kept|saved] about {number}% of my hair through {drug}. [Happy to "
        "answer questions.|Ask me anything about it.|Worth asking your unit about.]",
        "For anyone on {drug}: the {side_effect} got [much better|easier|more manageable] for me after [a "
        "few weeks|the second month|a dose change], and [walking|staying hydrated|{comfort}] helped.",
        "Caregiver here. {Relative} finished {treatment} for {cancer} {when}. The fatigue [hit hard|is "
        "real|knocked us both sideways], [naps are our best friend|we take it day by day|the sofa is our "
        "second home].",
        "[Mastectomy|Surgery|My lumpectomy|The op] was {duration} ago. [Drains are out!|Stitches are out!|"
        "Finally off the painkillers!] [Button-up shirts|Front-fastening bras|A wedge pillow] and [a "
        "recliner|podcasts|{comfort}] were lifesavers.",
        "Just wanted to say this [group|community|sub|page] has been my lifeline since [diagnosis|my "
        "diagnosis in {month}|day one]. [Thank you all|You're all amazing|I rarely post but read every "
        "day] {emoji}",
        "{Comfort} for [the metallic taste|the dry mouth|the bad days], [ice chips|cold water|mints] during "
        "the infusion. [Small things but they help.|Tiny tricks, big difference.|Passing it on.]",
        "Ringing the bell [today|{when}|this afternoon]!!! Last [radiation session|chemo|infusion|round of "
        "treatment] for my {cancer} {emoji}",
        "[Tip|Newbie tip|Honest tip]: ask for a [port|PICC line] if your veins are [hard to find|shot|tiny]. "
        "[Best decision I made.|Game changer for me.|Saved my arms.]",
        "Scanxiety tip from a {number}-year [lifer|survivor|veteran]: I [book something fun|plan a treat|"
        "meet a friend for lunch] for the day after every {scan}. {tag}",
        "Anyone else get {side_effect} from {drug}? [Mine's worst in the evenings|It started after cycle "
        "{number}|It comes and goes], {staff} [lowered the dose|suggested a break|gave me something for "
        "it].",
        "Our {cancer} support [meetup|group|coffee morning] in {city} is next {weekday}, [6pm at the "
        "library|11am at the community centre|7pm at the café on the high street]. [Newbies welcome!|"
        "Carers welcome too.|No need to book.]",
        "[Short walks|Gentle yoga|Swimming|Tai chi|Gardening] [kept me sane|helped my head|got me out of "
        "the house] during {treatment}. Check with your team first of course.",
        "{Comfort} and small meals every 2 hours helped {relative}'s {side_effect} on {treatment}. [The "
        "nurse okayed it.|Ask your team first.|Worth a try.]",
        "my [prosthesis fitting|first post-surgery bra fitting|wig fitting] went [great|really well] "
        "[today|{when}], finally feel [normal|like me] in a t-shirt again {emoji}",
        "It's been {duration} since my last {treatment}. [Hair is coming back curly!|Taste buds are back!|"
        "Energy is slowly returning.] [Small wins.|Celebrating the little things.|Never thought I'd get "
        "here.]",
        "Halfway through {treatment}! [The steroids have me cleaning at 2am|I've watched every box set "
        "going|My cat has not left my side]. [Onwards.|Keep going, everyone.|Half to go.]",
        "To whoever is starting {treatment} this week: [it's okay to rest|you don't have to be positive all "
        "the time|take the anti-sickness meds before you need them]. {emoji}",
        "Met another {cancer} [patient|survivor] {place} and we [talked for an hour|swapped numbers|"
        "laughed about our bald heads]. [Community is everything.|Didn't know how much I needed that.]",
    ], openers=["Long time lurker, first post.", "Hi all.", "Morning everyone!", "Evening all.",
                "Hey {tag} fam!", "Hello from {city}!", "{Cancer} patient here.", "Hi everyone.",
                "Sharing in case it helps someone."],
       closers=["Sending love to everyone here {emoji}", "Hang in there.", "You've got this.",
                "One day at a time.", "Thanks for reading.", "We're in this together.", "Love to you all.",
                "Onwards!", "Be gentle with yourselves.", "{emoji}"]),
    "emotional_distress": Parts([
        "{Scan} results [tomorrow|on {weekday}|in two days]. [Can't sleep, can't eat.|My stomach is in "
        "knots.|I keep refreshing the patient portal.] #scanxiety",
        "I'm so [tired of|done with|sick of] being brave. [Everyone says stay positive but I'm terrified.|"
        "People keep calling me strong and I just want to scream.|I smile for everyone and cry in the "
        "shower.|I just want one day off from cancer.]",
        "[3am|2am|4am] and wide awake again thinking about what happens to [my kids|my partner|my parents|"
        "my dog] if the {cancer} comes back.",
        "Lost {relative} to {cancer} [today|{when}|this morning]. [I don't know how to do this.|I keep "
        "picking up the phone to call.|The house is so quiet.]",
        "Recurrence. After {number} years. I [honestly|genuinely|just] don't know if I can go through "
        "{treatment} again.[ I'm so {feeling}.|]",
        "[Nobody tells you|No one warns you|People don't realise] how lonely cancer is. [Friends stopped "
        "calling after the second month.|People disappear once it stops being news.|Even in a full room I "
        "feel alone.|My group chat went silent after the diagnosis.][ I miss my old life.|]",
        "Waiting for [{scan} results|a call back about my {scan}] is torture. Every [hour|minute|day] "
        "feels like a [week|year|lifetime] {emoji}",
        "Some days I feel like a burden to [everyone around me|{relative}|my family]. [Today is one of those "
        "days.|I hate needing help with everything.|They say I'm not, but still.]",
        "I cried {place} after my appointment. [The tumour grew.|The scan showed new spots.|They want to "
        "change treatment again.|{Staff} used the word palliative.]",
        "[Does anyone else|Is it just me or do you] feel guilty for still being here when people from "
        "[their group|the ward|this forum|my chemo days] have died?",
        "{Relative}'s {cancer} is terminal and I can't stop [panicking|spiralling|crying] about the future",
        "Why me. I [did everything right|never smoked|ran marathons|ate the salads]. [I'm {number}.|My kids "
        "are tiny.|I was finally happy.]",
        "I feel so {feeling} [today|tonight|lately]. [{Treatment} is taking everything out of me.|I don't "
        "recognise myself in the mirror.|I can't remember the last good day.]",
        "[The side effects are|The {side_effect} is|{Treatment} is] breaking me. [I want to quit.|I don't "
        "know how many more rounds I can do.|I snapped at {relative} and hate myself for it.]",
        "[Everyone|My family|My boss] [expects me to be back to normal|thinks I'm fine now|says I look "
        "great]. I'm not. [I'm {feeling}.|The fear never leaves.|Every ache is a recurrence in my head.]",
        "Told [the kids|my parents|my best friend] about the diagnosis {when}. [Worst conversation of my "
        "life.|I held it together until they left.|Their faces will stay with me.]",
        "Anniversary of losing {relative} [today|this week]. [Still miss them every day.|Grief doesn't get "
        "smaller, you grow around it.|I wish we'd had more time.]",
        "[Hair's gone|Lost my eyebrows|Gained weight from the steroids] and I [can't look in the mirror|"
        "don't want to leave the house|feel like a stranger]. [Silly to care, I know.|Vanity, maybe, but "
        "it hurts.|]",
        "[Scanxiety|The waiting|The fear] is [eating me alive|so much worse than the treatment|ruining my "
        "sleep]. [The {scan} is on {weekday}.|Results in a week.|]",
        "{Staff} [said|told me] the treatment [isn't working|has stopped working|needs changing] {when}. [I "
        "just nodded and left.|I haven't told anyone yet.|I'm {feeling}.]",
        "[I'm {number} and|At {number},] I'm [writing a will|planning my own funeral|writing letters for my "
        "kids]. [This isn't fair.|How is this my life.]",
        "[Chemo brain|Brain fog] [made me forget|had me forgetting] [my own postcode|my kid's school play|"
        "my best friend's name] {when}. [I'm scared it won't come back.|I cried in the car.]",
        "{Relative} [won't talk about|changes the subject whenever I mention|can't cope with] my {cancer}. "
        "[I feel so alone.|I need them to listen.|I get it, but it hurts.]",
    ], openers=["I don't usually post here.", "Sorry, I need to vent.", "Throwaway account.",
                "Not sure why I'm posting this.", "Can't talk to anyone IRL about this.", "Rough day.",
                "Bad night.", "Long day.", "Just need to get this out.", "Honestly?",
                "Stage [2|3|4] {cancer}, for context.", "{Cancer}, diagnosed in {month}."],
       closers=["Sorry for the rant.", "Just needed to say it somewhere.", "{emoji}",
                "I don't know what I'm asking for.", "Thanks for listening.", "How do you all cope?",
                "Is this normal?", "Does it get easier?", "I'm so tired.", "Sorry, long post.",
                "Sending this into the void.", "Hug your people tonight."]),
    "awareness": Parts([
        "Reminder: colorectal cancer screening now starts at 45 in the US. [Book your test!|Don't put it "
        "off.|The home kit takes five minutes.|Ask your doctor about it.][ It caught {relative}'s early.|"
        " Polyps are easy to remove when found early.|]",
        "No, {remedy} does not cure cancer. [There's no evidence|No trial has ever shown it works|Anecdotes "
        "aren't evidence], and [delaying treatment costs lives|skipping treatment can be fatal]. [Talk to "
        "your oncology team.|Please don't fall for it.|Ask your oncologist before trying anything.]",
        "Fact check: the viral post saying [chemo 'kills more than it cures'|doctors hide a cancer cure|"
        "{remedy} shrinks tumours] is [false|misleading|wrong]. [What the data says:|Here's the evidence:|"
        "Explainer:] {link}",
        "[Check your boobs, feel your balls|Check your chest, check your balls|Know what's normal for you|"
        "Check yourself once a month], know your body. Early detection saves lives {emoji}[ It takes two "
        "minutes.| Set a reminder on your phone.|]",
        "It's {awareness_month}! [Wear your ribbon and share your screening story.|Book that check-up "
        "you've been putting off.|Talk to your family about their history.][ Let's talk about it.| Spread "
        "the word.|]",
        "Skin check reminder ☀️ new or changing moles → see a doctor. [SPF 30+ every day.|Hats and shade "
        "too.|Check your back with a mirror or a friend.][ Even on cloudy days.| {Relative} had a melanoma "
        "caught early.|]",
        "HPV vaccination prevents most cervical cancers. Our [school programme|catch-up clinic|pharmacy "
        "service] runs this week in {city}.[ Free for under-25s.| Ask your school nurse.|]",
        "Please be careful what you share in open groups: blur [names and hospital numbers|your NHS number "
        "and address|names and dates of birth] on your [reports|letters|scan results] before posting "
        "screenshots.[ Screenshots travel further than you think.|]",
        "[Honestly scared|Worried|Reminder] that health apps [sell|share] our diagnosis data. Read the "
        "privacy settings before you join any [patient platform|support app|online group].[ Your diagnosis "
        "is your business.| Check who can see your posts.|]",
        "[Quitting smoking|Stopping smoking|Giving up cigarettes] at any age lowers your [lung cancer risk|"
        "risk of a dozen cancers]. [Free quit line:|Call the free quit line:|Support is free:] {helpline}",
        "Men: prostate cancer is often silent. Talk to your [GP|doctor] about PSA testing [after 50|if it "
        "runs in your family|especially if you're Black and over 45].[ Don't be embarrassed.| It's a "
        "simple blood test.|]",
        "[Miracle cure posts|Fake cure videos|Those 'natural cure' chain messages] prey on [desperate "
        "people|frightened families|the newly diagnosed]. [Report them, don't share them.|Don't feed the "
        "algorithm.|Check sources before you forward anything.]",
        "[Myth|Common myth]: sugar feeds cancer so you must cut all carbs. [Truth|Fact]: every cell uses "
        "glucose; [a balanced diet matters more|ask a dietitian, not an influencer|cutting carbs won't "
        "starve a tumour].",
        "[Low-dose CT screening|Lung screening with a low-dose CT] for heavy [ex-smokers|smokers and "
        "ex-smokers] saves lives. Ask [if you're eligible|your GP about it|at your next check-up] {tag}",
        "[Signs|Symptoms] worth getting checked: [a lump that won't go away|a cough lasting more than "
        "three weeks|blood in your poo|unexplained weight loss|a mole that changes]. [It's probably "
        "nothing, but get it looked at.|Don't wait.|Your GP would rather see you early.]",
        "{Relative} caught it early thanks to a routine [screening|mammogram|smear test]. [Go to your "
        "appointments, people.|This is your sign to book yours.]",
        "Myth: [a biopsy spreads cancer|deodorant causes breast cancer|cancer is always hereditary|"
        "mobile phones cause brain tumours|mammograms cause cancer]. [Fact:|Reality:] [that's not what the "
        "evidence shows|large studies found no such link]. {link}",
        "[Breast|Testicular|Skin] self-checks take [two minutes|less time than your coffee]. [Set a monthly "
        "reminder.|Do it in the shower.|Do it today.][ Lumps aren't the only sign.|]",
        "Screening [caught|found] {relative}'s {cancer} at stage 1. [Please go when you're invited.|Don't "
        "ignore the letter.|It's awkward for ten minutes, that's all.]",
        "[Got my|Just had my|Finally did my] [first mammogram|bowel screening kit|first smear|skin check] "
        "[today|{when}]. [Took ten minutes.|Nowhere near as bad as I feared.|Results in two weeks.] [Book "
        "yours!|Your turn.|No excuses.]",
        "[Family history of|Your family has a history of] {cancer}? [Ask your GP about genetic testing.|You "
        "may qualify for earlier screening.|Tell your doctor, it changes your screening plan.]",
        "[Alcohol|Processed meat|Using sunbeds|Smoking] [raises|increases] the risk of [several cancers|"
        "bowel cancer|breast cancer]. [Small changes add up.|Not scaremongering, just facts.|Worth knowing.] "
        "{link}",
        "Volunteering at the {awareness_month} stall in {city} [on {weekday}|this weekend]. [Come say hi!|"
        "Free leaflets and badges.|Ask us anything about screening.]",
        "[Cancer doesn't only happen to older people|Young people get cancer too]. {Relative} was diagnosed "
        "with {cancer} at [24|19|31|27]. [Don't ignore symptoms because you're young.|Push for answers.]",
    ], openers=["PSA:", "Friendly reminder.", "Important!", "Please read.", "From an oncology nurse:",
                "Quick thread.", "Health tip:", "Listen up.", "A reminder from your local nurse.",
                "Public health note:", "{Awareness_month} reminder:", "Nurse in {city} here.",
                "GP here, for what it's worth."],
       closers=["Please share.", "It could save a life.", "{tag}", "Share with someone you love.",
                "Stay safe out there.", "Look after yourselves.", "#cancerawareness",
                "Early detection matters.", "Pass it on."]),
    "care_access": Parts([
        "Insurance denied my {drug} again. [Third appeal.|Second time this year.|After approving it once!] "
        "How do I get a peer-to-peer review?",
        "How long did you wait for your [first oncology appointment|first consultation|referral to be "
        "seen] at {hospital}? They said [6 weeks|two months|after the holidays].",
        "[Telehealth|Video] follow-ups save me [3 hours of driving|a day off work|a fortune in parking] each "
        "month. [Ask your clinic if they offer them.|Worth asking about.|Game changer for rural patients.]",
        "Pharmacy says {drug} is on backorder until [next month|{month}|further notice]. [Anyone found it "
        "elsewhere?|What are my options?|Has anyone switched to a generic?]",
        "Travelling [200 miles|four hours|across the state] for [proton therapy|a clinical trial|surgery] "
        "in {city}. Any tips on [patient housing|parking|cheap places to stay]?",
        "Prior authorization for my {scan} is STILL pending. Treatment delayed [two weeks|a month]. [This "
        "system is broken.|I'm losing my mind.|Who do I even call?]",
        "Does [Medicare|my insurance|the NHS] cover [cold capping|a wig|fertility preservation before "
        "chemo]? [Getting mixed answers.|Nobody gives me a straight answer.|The website is useless.]",
        "[Our hospital|{Hospital}] now offers [evening chemo slots|weekend infusions|a drop-in clinic] so "
        "patients don't have to miss work. [Ask at reception.|Ask your nurse.|Worth asking at your unit.]",
        "[Can I|Is it possible to|How do I] get a second opinion at {hospital} [without a referral|if my "
        "onc isn't keen|for {cancer}]?",
        "[The cancer nurse helpline|The charity's nurse line] ({helpline}) answered in [2 minutes|no time] "
        "and sorted my [appointment mess|prescription mix-up|transport booking]. [Highly recommend.|Saved "
        "my sanity.]",
        "Switching insurers mid-treatment: anyone done it? [Terrified|Scared stiff] of losing coverage for "
        "my {drug}.",
        "[Is there a way to get|How do I get] the [chemo unit|oncology office|scheduling team] to call back? "
        "[4 voicemails|A week of calls] and no answer about my [cycle date|scan results|dose change]",
        "Waited {number} hours in the [infusion suite|day unit|A&E] {when} because [pharmacy hadn't made up "
        "my chemo|they lost my bloods|there were no chairs]. [Is this normal?|Exhausting.]",
        "[Parking at|The car park at] {hospital} costs [a fortune|more than my lunch] for every "
        "appointment. [Ask for a patient permit if you're on treatment.|Do patients get a discount?]",
        "Got bounced between {staff} and the GP for [three weeks|a month] over a [referral|prescription]. "
        "[Finally sorted.|Still not sorted.|Advice welcome.]",
    ], openers=["US here.", "UK here.", "For anyone in {city}:", "Hi all.", "Long-time lurker.",
                "Caregiver here.", "Context: {cancer}, on treatment."],
       closers=["Posting in case it helps someone.", "Thanks, all.", "Cancer is a full-time admin job.",
                "{emoji}", "Anyone else?", "Hope this helps someone."]),
    "financial_support": Parts([
        "{Charity} offers grants of up to ${price} for [travel to treatment|heating bills during chemo|"
        "childcare on treatment days]. [Applications open until the end of the month|Apply before "
        "{month}|Rolling applications]: {link}",
        "Our [bake sale|quiz night|car boot sale|sponsored swim] raised $2,340 for the [children's oncology "
        "ward|day unit] at {hospital}! Thank you {city} {emoji}",
        "If [you're struggling with bills|money is tight|bills are piling up] during treatment, {charity} "
        "has a free helpline: {helpline}. They helped us with [rent|the energy bill|travel costs].",
        "[Copay assistance|Patient assistance] programmes exist for {drug}, ask your [oncology social "
        "worker|pharmacist|nurse navigator].",
        "Running the {city} [half marathon|10k|marathon] for {charity}, every donation funds [free rides to "
        "chemo|wigs for kids|family rooms]. {link}",
        "Free [wigs|headscarves|chemo care packs] for patients through {charity}, [no questions asked|just "
        "ask your nurse|for anyone in treatment].",
        "{Charity} is looking for volunteer drivers to take patients to appointments in {city}.",
        "We set up a verified fundraiser for {relative}'s treatment costs through the hospital foundation. "
        "[Any share helps 💛|Even a fiver makes a difference.|Sharing helps as much as giving.] {link}",
        "[Reminder that|Reminder:|Did you know?] most hospitals have [financial counsellors|money "
        "advisers|social workers who help with bills]. [Ask before you pay that bill.|They saved us "
        "thousands.|Ask at your next appointment.]",
        "Shaving my head on {weekday} for {charity} in honour of {relative}. [Sponsor me if you can!|Every "
        "pound counts.] {link}",
        "Did you know [you can claim help with prescription costs|some energy companies have grants for "
        "patients|travel to treatment can be reimbursed]? {Charity} [can help you apply|has a guide].",
    ], openers=["Sharing for anyone who needs it.", "Hi all.", "Locals in {city}:",
                "Please read if you're in treatment.", "Useful info:"],
       closers=["Every share helps 💛", "Thank you all!", "Please pass it on.", "{emoji}",
                "You don't have to struggle alone.", "Thank you for your kindness.", "#fundraiser"]),
    "other": Parts([
        "[Cancer season is here|It's officially Cancer season|Cancer season has started] ♋ time to [get "
        "emotional|cry at adverts|be dramatic] and [stay home with snacks|cancel all plans|text my ex]",
        "[This|{City}|{Weekday}] traffic is cancer. [45 minutes to go 3 miles.|Been stuck on the ring road "
        "for an hour.|Why is everyone on the road today.|Every single light is red.][ Late again.| I'm "
        "walking tomorrow.|]",
        "As a Cancer sun [Scorpio|Gemini|Leo|Pisces|Virgo] moon I feel [personally attacked|seen|called "
        "out] by this [horoscope|meme|tweet|post]",
        "The comment section on this [video|post|thread] is [cancer|pure cancer|actual cancer][ lol| ngl|"
        " I'm logging off|]",
        "Watching a documentary about [the history of chemotherapy|Marie Curie|how radiotherapy was "
        "discovered] [last night|tonight|on the train], [fascinating stuff|absolutely gripping|highly "
        "recommend]",
        "[Crab rangoon is|Crab cakes are|Crab sticks are] the only [crab|crustacean] I trust this Cancer "
        "season 🦀",
        "My Cancer horoscope says I'll [find love|come into money|face a big change|meet someone new] this "
        "[week|month|weekend], [we'll see|doubt it|I'm ready]",
        "[The new hospital drama|That medical show|This TV hospital series] is so unrealistic, [nobody gets "
        "scan results in 5 minutes|the surgeon also runs the MRI|no one ever waits for a bed] 😂[ {Relative} "
        "keeps shouting at the telly.|]",
        "Doing a [uni presentation|school project|dissertation|poster] on [oncology nursing careers|the "
        "history of cancer research|radiographer training] [for {month}|next week|], any good resources?",
        "[Windows update|This printer|The office wifi|My laptop] ate my whole [afternoon|morning|lunch "
        "break]. This [OS|thing] is cancer.",
        "The Cancer constellation is hard to spot from {city}, [too much light pollution|way too cloudy|"
        "streetlights everywhere]",
        "[Happy birthday to all my fellow Cancers|Shoutout to the Cancer babies|Cancer birthdays unite] ♋ "
        "[we feel everything|soft shell, strong claws|emotional but iconic][, who's celebrating this "
        "week?|]",
        "Tropic of Cancer [is such a strange book|came up at the pub quiz and nobody knew it|was a question "
        "on the telly tonight][ lol| and I felt so smart|]",
        "{City}'s [parking situation|bus service|one-way system] is honestly cancer[ at this point| these "
        "days|]",
        "My [cat|dog|toddler] is such a Cancer, [cries when I leave the room|sulks all day|needs constant "
        "snacks and reassurance] [lol|😂|]",
        "Quiz night question: which [constellation|star sign] is the crab? {Relative} [said Scorpio|got it "
        "wrong|knew it instantly] 😂",
    ], openers=["Random thought:", "Me today:", "Not me again.", "Rant:", "Okay.", "Real talk:",
                "Confession:", "Update:"],
       closers=["lol", "😂", "smh", "anyway", "send help", "#mood", "ngl", "🙃", "that's it, that's the post",
                "brb"]),
}

#: Background templates: language -> category -> parts.
BACKGROUND: dict[str, dict[str, Parts]] = {"en": _EN, **INTL}


def all_templates() -> Iterator[tuple[str, str]]:
    """Every (language, template) pair here and in `sample_stories`, for checks that each one fills."""
    for lang, by_category in BACKGROUND.items():
        for parts in by_category.values():
            for template in parts.templates():
                yield lang, template
    for lang, by_parent in REPLIES.items():
        for _, parts in by_parent.values():
            for template in parts.templates():
                yield lang, template
    for story in (RUMOUR, DEBUNK):
        for lang, parts in story.items():
            for template in parts.templates():
                yield lang, template
    for lang, templates in SCAM_ADS.items():
        for template in templates:
            yield lang, template
    for _, by_lang in APPROVAL.values():
        for lang, parts in by_lang.items():
            for template in parts.templates():
                yield lang, template
    for parts in PRIVACY_STORY.values():
        for template in parts.templates():
            yield "en", template
