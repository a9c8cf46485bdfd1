"""The CAMEO event codes this plugin assigns, with their codebook names.

CAMEO (Conflict and Mediation Event Observations, codebook 1.1b3) is the
verb typology behind GDELT and ICEWS; PLOVER maps onto its top-level
families. Only codes factkit's facts can support are listed.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "010": "Make statement",
    "020": "Make an appeal or request",
    "023": "Appeal for material aid",
    "0241": "Appeal for change in leadership",
    "0253": "Appeal for release of persons or property",
    "0254": "Appeal for easing of economic sanctions, boycott, or embargo",
    "0256": "Appeal for de-escalation of military engagement",
    "026": "Appeal to others to meet or negotiate",
    "0354": "Express intent to ease economic sanctions, boycott, or embargo",
    "036": "Express intent to meet or negotiate",
    "040": "Consult",
    "041": "Discuss by telephone",
    "042": "Make a visit",
    "043": "Host a visit",
    "044": "Meet at a third location",
    "046": "Engage in negotiation",
    "057": "Sign formal agreement",
    "085": "Ease economic sanctions, boycott, embargo",
    "100": "Demand",
    "103": "Demand aid, protection, or peacekeeping",
    "1041": "Demand change in leadership",
    "1053": "Demand release of persons or property",
    "1054": "Demand easing of economic sanctions, boycott, or embargo",
    "1056": "Demand de-escalation of military engagement",
    "106": "Demand withdrawal",
    "107": "Demand ceasefire",
    "108": "Demand meeting, negotiation",
    "111": "Criticize or denounce",
    "112": "Accuse",
    "1244": "Refuse to ease economic sanctions, boycott, or embargo",
    "130": "Threaten",
    "1312": "Threaten with sanctions, boycott, embargo",
    "138": "Threaten to use military force",
    "163": "Impose embargo, boycott, or sanctions",
}
