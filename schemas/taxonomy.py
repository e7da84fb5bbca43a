"""The category taxonomy: the ten names of domain.md, a public interface."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """A category a post can carry; the string values are part of the public interface."""

    MIRACLE_CURE = "miracle_cure"
    SCAM_AD = "scam_ad"
    PRIVACY_LEAK = "privacy_leak"
    NEW_THERAPY = "new_therapy"
    PEER_SUPPORT = "peer_support"
    EMOTIONAL_DISTRESS = "emotional_distress"
    AWARENESS = "awareness"
    CARE_ACCESS = "care_access"
    FINANCIAL_SUPPORT = "financial_support"
    OTHER = "other"


CATEGORIES: tuple[str, ...] = tuple(c.value for c in Category)

#: Categories whose spikes (or, for privacy_leak, every single post) are alert-worthy.
ALERT_CATEGORIES: frozenset[str] = frozenset(
    {Category.MIRACLE_CURE, Category.SCAM_AD, Category.PRIVACY_LEAK}
)

#: When a post carries several labels, the primary one is the first of these it has;
#: otherwise the highest-scoring of the rest.
PRIMARY_PRIORITY: tuple[str, ...] = (
    Category.PRIVACY_LEAK.value,
    Category.SCAM_AD.value,
    Category.MIRACLE_CURE.value,
)

DEFINITIONS: dict[str, str] = {
    "miracle_cure": "claims that an unproven or pseudoscientific remedy cures or treats cancer, "
    "or urges skipping proven treatment",
    "scam_ad": "commercial exploitation: selling products or services to patients (herbal capsules, "
    "'DM to order', clinics abroad, fake fundraisers)",
    "privacy_leak": "the post exposes identifiable health information about a specific person",
    "new_therapy": "news or discussion of new legitimate treatments, approvals, trial results, "
    "trial recruitment",
    "peer_support": "patients and carers sharing experience, advice, encouragement",
    "emotional_distress": "fear, hopelessness, grief, scanxiety, sleeplessness",
    "awareness": "screening, prevention and education; debunking misinformation",
    "care_access": "insurance, appointments, telehealth, drug availability, travel for treatment",
    "financial_support": "charities, NGOs, aid programmes, legitimate fundraising",
    "other": "cancer-adjacent chatter that fits none of the above",
}


def choose_primary(labels: list[str], scores: dict[str, float]) -> str:
    """Pick the primary category: privacy_leak > scam_ad > miracle_cure > best-scoring other."""
    for name in PRIMARY_PRIORITY:
        if name in labels:
            return name
    rest = [name for name in labels if name != Category.OTHER.value]
    if not rest:
        return Category.OTHER.value
    return max(rest, key=lambda name: scores.get(name, 0.0))
