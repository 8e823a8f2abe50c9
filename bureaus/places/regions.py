"""
China's provincial-level divisions, as the portal names them.

Bureaus are filed under one of these, so that filters and the province grouping
on the home page never split "Liaoning" from "Liaoning Province". The four
municipalities are provinces in their own right and have no separate
prefecture-level city above their districts.
"""

MUNICIPALITIES = ("Beijing", "Tianjin", "Shanghai", "Chongqing")

PROVINCES = (
    "Anhui",
    "Beijing",
    "Chongqing",
    "Fujian",
    "Gansu",
    "Guangdong",
    "Guangxi",
    "Guizhou",
    "Hainan",
    "Hebei",
    "Heilongjiang",
    "Henan",
    "Hubei",
    "Hunan",
    "Inner Mongolia",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Liaoning",
    "Ningxia",
    "Qinghai",
    "Shaanxi",
    "Shandong",
    "Shanghai",
    "Shanxi",
    "Sichuan",
    "Tianjin",
    "Tibet",
    "Xinjiang",
    "Yunnan",
    "Zhejiang",
)

PROVINCE_CHOICES = [(name, name) for name in PROVINCES]


def is_municipality(province):
    return province in MUNICIPALITIES


def place_line(district, city, province):
    """District, city and province, most specific first, as one line ("Heping District, Shenyang, Liaoning")."""
    return ", ".join(part for part in (district, city, province) if part)
