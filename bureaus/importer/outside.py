"""
What a page's address says of its bureau's place, for a text that says only 本局, 全县 or "the bureau".

County sites are named for their county: www.pingyao.gov.cn is Pingyao County's. The readers ask
here only when neither the text nor the page's title gives a place, and take the answer only when
the host names exactly one division of the gazetteer, a county-level one, and the text names no
place that contradicts it: a host naming a city (www.dalian.gov.cn), a reading several places share
(heping: two districts and a county) or nothing (www.gov.cn) places nothing. Pure Python, no Django.
"""

from urllib.parse import urlsplit

from bureaus.places import gazetteer

# Host labels that are not places: the web's, and the usual words of government and education sites.
NOT_PLACES = {
    "www", "gov", "edu", "cn", "com", "net", "org", "m", "wap", "en", "jyj", "jy", "jyt", "jw", "jyw", "jtj", "xxgk",
    "zwgk",
}  # fmt: skip
# Endings a county's site may add to its name ("pingyaojy": its education bureau's site).
ENDINGS = ("jytyj", "jyj", "jyw", "jy", "edu", "gov", "xian")


def host(url):
    """The address's host name in lower case ("www.pingyao.gov.cn"), or "" when it has none."""
    url = (url or "").strip()
    try:
        return (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    except ValueError:  # "http://[::1": not an address
        return ""


def host_division(url):
    """The one county-level division the address's host names, or None."""
    found = set()
    for label in host(url).split("."):
        if label in NOT_PLACES or not label.isascii() or len(label) < 2:
            continue
        readings = {label} | {
            label[: -len(end)] for end in ENDINGS if label.endswith(end) and len(label) > len(end) + 1
        }
        for reading in readings - NOT_PLACES:
            divisions = gazetteer.named(reading)
            if any(d.level != "county" for d in divisions):
                return None  # a city's or province's site, or a name that is a city's too (xian: Xi'an)
            found.update(divisions)
    return found.pop() if len(found) == 1 else None


def contradicted(division, named):
    """Whether the divisions a text names (``named``) put its bureau somewhere other than ``division``: a
    province or city that is not above it, or county-level places none of which is it."""
    higher = [d for d in named if d.level != "county"]
    counties = [d for d in named if d.level == "county"]
    return bool(higher and not any(d in (division.city, division.province) for d in higher)) or bool(
        counties and division not in counties
    )
