"""Prototype sentences per category: the baseline classifier's embedding anchors.

Each prototype is a short, plausible post written for this purpose (not drawn from any data set or
sample stream). Most are English because the default embedding model is English; a few per category
are in Spanish, French, German or Portuguese so that posts in those languages have a same-language
anchor. `privacy_leak` has none: that decision comes from the personal data actually found in a text,
never from resemblance (a post that talks *about* privacy exposes nobody). `other` has none either:
its score is what the other categories leave.

Ids are `<category>/<short-name>`; they surface as `nearest:<id>` evidence, so keep them stable.
"""

from __future__ import annotations

PROTOTYPES: dict[str, dict[str, str]] = {
    "miracle_cure": {
        "miracle_cure/baking-soda": "Baking soda and lemon water melted my tumour away in three weeks, no chemo needed.",
        "miracle_cure/skip-chemo": "Refuse chemotherapy, it is poison. This natural protocol cures every cancer.",
        "miracle_cure/hidden": "The cure for cancer exists and doctors are hiding it so they can keep selling treatment.",
        "miracle_cure/apricot": "Eat bitter apricot kernels every day and the cancer cells will die on their own.",
        "miracle_cure/alkaline": "An alkaline diet starves cancer; tumours cannot survive when your body is alkaline.",
        "miracle_cure/es": "Este té de hierbas cura el cáncer de forma natural, deja la quimioterapia.",
        "miracle_cure/fr": "Ce jus miracle guérit le cancer en un mois, les médecins ne veulent pas que vous le sachiez.",
        "miracle_cure/de": "Dieses Naturheilmittel heilt Krebs vollständig, ganz ohne Chemotherapie.",
        "miracle_cure/pt": "Este chá natural cura o câncer sem quimioterapia, os médicos escondem isso.",
    },
    "scam_ad": {
        "scam_ad/capsules": "Our herbal anti-cancer capsules are 50% off today only. DM to order, fast shipping.",
        "scam_ad/whatsapp": "Message us on WhatsApp to buy the oil that shrinks tumours. Limited stock, order now.",
        "scam_ad/clinic-abroad": "Treatment package at our clinic abroad, all-inclusive, guaranteed results. Book today.",
        "scam_ad/price": "Only $99 per bottle, buy three get one free, worldwide delivery, pay by transfer.",
        "scam_ad/reseller": "Become a distributor of our immune booster and earn money while helping cancer patients.",
        "scam_ad/es": "Cápsulas naturales contra el cáncer, envío gratis, escríbenos por WhatsApp para pedir.",
        "scam_ad/fr": "Commandez nos gélules anticancer, promotion limitée, livraison rapide, écrivez-nous en privé.",
        "scam_ad/pt": "Compre já as cápsulas naturais, frete grátis, chame no WhatsApp, estoque limitado.",
    },
    "new_therapy": {
        "new_therapy/approval": "The FDA has approved a new targeted therapy for advanced lung cancer.",
        "new_therapy/trial-results": "Phase 3 trial results show the new immunotherapy improved overall survival.",
        "new_therapy/recruiting": "We are recruiting patients for a clinical trial of a new drug for ovarian cancer.",
        "new_therapy/car-t": "CAR-T cell therapy is now available for some patients with relapsed lymphoma.",
        "new_therapy/vaccine": "A personalised mRNA cancer vaccine reduced recurrence in an early study.",
        "new_therapy/es": "Aprueban un nuevo tratamiento de inmunoterapia para el cáncer de mama.",
        "new_therapy/fr": "Un nouvel essai clinique montre des résultats prometteurs contre le cancer du poumon.",
        "new_therapy/de": "Neue zielgerichtete Therapie gegen Darmkrebs in der EU zugelassen.",
    },
    "peer_support": {
        "peer_support/tips": "Tip for anyone starting chemo: ginger tea and small meals helped my nausea a lot.",
        "peer_support/sharing": "One year since my mastectomy. Sharing my story in case it helps someone here.",
        "peer_support/encourage": "You are not alone in this, sending strength to everyone in treatment today.",
        "peer_support/wigs": "Does anyone have advice on wigs or scarves after losing hair? What worked for you?",
        "peer_support/carer": "My husband finished radiation last week; this group kept me going as a caregiver.",
        "peer_support/ring-bell": "Rang the bell today! Last round of chemo done, thank you all for your support.",
        "peer_support/es": "Gracias a este grupo por el apoyo, terminé la quimio y quiero animar a las que empiezan.",
        "peer_support/fr": "Je partage mon expérience après ma chimio, courage à toutes celles qui commencent.",
        "peer_support/pt": "Obrigada pelo apoio de vocês, terminei a radioterapia e estou me sentindo melhor.",
    },
    "emotional_distress": {
        "emotional_distress/scanxiety": "Scan tomorrow and I can't sleep, the scanxiety is unbearable.",
        "emotional_distress/hopeless": "I feel hopeless, I don't see the point of another round of treatment.",
        "emotional_distress/fear": "I am terrified the cancer has come back, I cry every night.",
        "emotional_distress/grief": "We lost my mother to cancer yesterday and I don't know how to go on.",
        "emotional_distress/alone": "Nobody understands how lonely and exhausted I feel since the diagnosis.",
        "emotional_distress/es": "Tengo mucho miedo y no puedo dormir desde que me dieron el diagnóstico.",
        "emotional_distress/fr": "J'ai peur, je n'arrive plus à dormir depuis l'annonce de mon cancer.",
        "emotional_distress/de": "Ich habe solche Angst vor den Ergebnissen und kann nicht mehr schlafen.",
    },
    "awareness": {
        "awareness/screening": "Get screened: a mammogram every two years from age 50 saves lives.",
        "awareness/myth": "Myth: sugar feeds cancer. Fact: there is no evidence that sugar makes cancer grow faster.",
        "awareness/debunk": "No, baking soda does not cure cancer. This claim has been debunked many times.",
        "awareness/warning-signs": "Know the warning signs: a lump, unexplained weight loss or a mole that changes.",
        "awareness/prevention": "Quitting smoking and wearing sunscreen lower your risk of cancer.",
        "awareness/fact-check": "Fact check: viral video claiming lemon juice kills tumours is false.",
        "awareness/es": "Hazte la mamografía: la detección precoz del cáncer de mama salva vidas.",
        "awareness/fr": "Dépistage du cancer colorectal : faites le test, c'est simple et gratuit.",
        "awareness/de": "Vorsorge rettet Leben: gehen Sie zur Darmkrebs-Früherkennung.",
    },
    "care_access": {
        "care_access/insurance": "My insurance denied coverage for the scan my oncologist ordered. How do I appeal?",
        "care_access/appointment": "Waiting six weeks for an oncology appointment, is there any way to get seen sooner?",
        "care_access/telehealth": "Telehealth visits with my oncologist saved me hours of travel every month.",
        "care_access/shortage": "The pharmacy says my chemotherapy drug is out of stock again because of a shortage.",
        "care_access/travel": "We have to travel to another city for radiotherapy; where can we stay near the hospital?",
        "care_access/es": "No consigo cita con el oncólogo y el seguro no cubre el tratamiento.",
        "care_access/fr": "Délai de trois mois pour un rendez-vous en oncologie, c'est inacceptable.",
        "care_access/pt": "O plano de saúde negou a cobertura do meu tratamento, como faço para recorrer?",
    },
    "financial_support": {
        "financial_support/charity-grant": "Our charity offers grants to help cancer patients pay rent and bills during treatment.",
        "financial_support/fundraiser": "Please help: we are raising money for my sister's cancer treatment, every share counts.",
        "financial_support/aid-programme": "Apply for the patient assistance programme to get free medication if you cannot afford it.",
        "financial_support/transport": "The foundation covers travel costs for children with cancer and their families.",
        "financial_support/walk": "Join our charity walk this Sunday; all donations fund support for families affected by cancer.",
        "financial_support/es": "La fundación ofrece ayudas económicas a familias de niños con cáncer.",
        "financial_support/fr": "L'association aide financièrement les patients atteints de cancer, faites un don.",
        "financial_support/de": "Spendenaktion für krebskranke Kinder: jeder Euro hilft den Familien.",
    },
}


def prototype_items() -> list[tuple[str, str, str]]:
    """All prototypes as (category, id, text), in a stable order."""
    return [
        (category, proto_id, text)
        for category, items in PROTOTYPES.items()
        for proto_id, text in items.items()
    ]
