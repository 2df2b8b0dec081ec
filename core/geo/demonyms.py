"""Demonyms ("Libyan", "Egyptians") and the countries they point to."""

from __future__ import annotations

import re

# Demonyms help decide which country a place is in; they are never places themselves.
_DEMONYMS = """
Afghan:AFG Albanian:ALB Algerian:DZA American:USA Angolan:AGO Argentine:ARG Argentinian:ARG
Armenian:ARM Australian:AUS Austrian:AUT Azerbaijani:AZE Azeri:AZE Bahraini:BHR
Bangladeshi:BGD Belarusian:BLR Belgian:BEL Bolivian:BOL Bosnian:BIH Brazilian:BRA British:GBR
Bulgarian:BGR Burkinabe:BFA Burmese:MMR Burundian:BDI Cambodian:KHM Cameroonian:CMR
Canadian:CAN Chadian:TCD Chilean:CHL Chinese:CHN Colombian:COL Congolese:COD Croatian:HRV
Cuban:CUB Cypriot:CYP Czech:CZE Danish:DNK Dutch:NLD Ecuadorian:ECU Egyptian:EGY Emirati:ARE
Eritrean:ERI Estonian:EST Ethiopian:ETH Filipino:PHL Finnish:FIN French:FRA Georgian:GEO
German:DEU Ghanaian:GHA Greek:GRC Guatemalan:GTM Guinean:GIN Haitian:HTI Honduran:HND
Hungarian:HUN Indian:IND Indonesian:IDN Iranian:IRN Iraqi:IRQ Irish:IRL Israeli:ISR
Italian:ITA Ivorian:CIV Japanese:JPN Jordanian:JOR Kazakh:KAZ Kenyan:KEN Korean:KOR
Kosovar:XKX Kuwaiti:KWT Kyrgyz:KGZ Latvian:LVA Lebanese:LBN Liberian:LBR Libyan:LBY
Lithuanian:LTU Malaysian:MYS Malian:MLI Mauritanian:MRT Mexican:MEX Moldovan:MDA
Mongolian:MNG Moroccan:MAR Mozambican:MOZ Nepali:NPL Nepalese:NPL Nicaraguan:NIC
Nigerian:NGA Nigerien:NER Norwegian:NOR Omani:OMN Pakistani:PAK Palestinian:PSE
Panamanian:PAN Peruvian:PER Polish:POL Portuguese:PRT Qatari:QAT Romanian:ROU Russian:RUS
Rwandan:RWA Saudi:SAU Senegalese:SEN Serbian:SRB Serb:SRB Somali:SOM Somalian:SOM
South African:ZAF South Korean:KOR North Korean:PRK South Sudanese:SSD Spanish:ESP
Sri Lankan:LKA Sudanese:SDN Swedish:SWE Swiss:CHE Syrian:SYR Taiwanese:TWN Tajik:TJK
Tanzanian:TZA Thai:THA Tunisian:TUN Turkish:TUR Turkmen:TKM Ugandan:UGA Ukrainian:UKR
Uzbek:UZB Venezuelan:VEN Vietnamese:VNM Yemeni:YEM Zambian:ZMB Zimbabwean:ZWE
"""
DEMONYMS: dict[str, str] = {}
for _pair in re.findall(r"([A-Z][A-Za-z ]*?):([A-Z]{3})", _DEMONYMS):
    DEMONYMS[_pair[0].strip().lower()] = _pair[1]


def country_of_demonym(word: str) -> str | None:
    """ISO alpha-3 country of a demonym ("Libyan", "Egyptians"), or None."""
    key = word.strip().lower()
    if key in DEMONYMS:
        return DEMONYMS[key]
    if key.endswith("s") and key[:-1] in DEMONYMS:
        return DEMONYMS[key[:-1]]
    return None
