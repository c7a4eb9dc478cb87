"""Places the lists name in their own way: renames, regions and counties with a seat, US state capitals."""
from __future__ import annotations

# Names as the page printed them -> the place's name (identity stated in the file, or GeoNames name).
_RENAMES = {
    ("GR", "Athen"): "Athens",
    ("DE", "Rottenburg am Neckar"): "Rottenburg",
    ("DE", "Freiburg"): "Freiburg im Breisgau",
    ("DE", "Buchholz"): "Buchholz in der Nordheide",
    ("DE", "Berlin Neukölln"): "Neukölln",
    ("ES", "Pamplona / Iruña"): "Pamplona",
    ("AT", "Spital"): "Spital am Pyhrn",
    ("AT", "Micheldorf"): "Micheldorf in Oberösterreich",
    ("AT", "Haslach"): "Haslach an der Mühl",
    ("AT", "St. Georgen an der Gusen"): "Sankt Georgen an der Gusen",
    ("GB", "London-Greenwich"): "Greenwich",
    ("US", "San Francisco City"): "San Francisco",
    ("US", "Baltimore City"): "Baltimore",
    ("US", "Louisville Metro"): "Louisville",
    ("US", "Washington DC"): "Washington",
    ("US", "Bronx"): "The Bronx",
    ("DE", "Halle a. d. Saale"): "Halle (Saale)",
    ("DE", "Herford (Hanseatic City of Herford)"): "Herford",
    ("GB", "Brighton and Hove"): "Brighton",  # the city of Brighton and Hove: one place with GeoNames' Brighton
    # round 2 (list2_*.csv)
    ("US", "Washington, D.C."): "District of Columbia",  # the District is the City of Washington: one place
    ("US", "Washington County (Oregon)"): "Washington County",
    ("US", "Rhode Island (State Police)"): "Rhode Island",  # a state agency: a fact on the state
    ("US", "Rhode Island (Department of Corrections)"): "Rhode Island",
    ("GB", "Lewisham (London)"): "Lewisham",
    ("GB", "Oxfordshire County Council"): "Oxfordshire",
    ("GB", "London (Greater London Authority)"): "Greater London",
    ("ES", "San Sebastián / Donostia"): "San Sebastián",
    ("SE", "Region Jönköpings län (landsting)"): "Region Jönköpings län",
    ("IT", "Regione Piemonte"): "Piemonte",
    ("DE", "Friedberg (Hessen)"): "Friedberg",  # admin1 Hessen tells it from Friedberg (Bayern)
}
# Region names as a list prints them -> the name `mapdata.geo.admin1` knows (Viken, 2020-2023, was split again).
_ADMIN_AREAS = {
    ("NO", "Viken/Østfold"): "Østfold",
    ("NO", "Viken/Akershus"): "Akershus",
}
# A county that is one government with its city (a consolidated city-county): rows naming the county are the
# city's, one place (a list naming both gets one fact).
_CONSOLIDATED = {
    ("US", "San Francisco County"): "San Francisco",  # the City and County of San Francisco
}
# admin1 for homonyms where the file gives none (the place is named in the file's note or is unmistakable).
_ADMIN1 = {
    ("DE", "Münster"): "Nordrhein-Westfalen",
    ("DE", "Rottenburg"): "Baden-Württemberg",
    ("US", "Ithaca"): "New York",
    ("GB", "Lewisham"): "England",  # the London borough, as the other lists name it
}
# Names that stay ambiguous after reading the file: kept, marked unverified.
_AMBIGUOUS = {
    ("AT", "Feldkirchen"): "two Upper Austrian municipalities (an der Donau, bei Mattighofen)",
    ("AT", "Neuhofen"): "two Upper Austrian municipalities (an der Krems, im Innkreis)",
}
# Places that are not plain municipalities, or need a seat: (country, place) -> (kind, seat or (lat, lon)).
_PLACES = {
    ("DE", "Landkreis Cuxhaven"): ("county", "Cuxhaven"),
    ("DE", "Landkreis Göttingen"): ("county", "Göttingen"),
    ("DE", "Landkreis Helmstedt"): ("county", "Helmstedt"),
    ("DE", "Landkreis Hameln-Pyrmont"): ("county", "Hameln"),
    ("DE", "Landkreis Hildesheim"): ("county", "Hildesheim"),
    ("DE", "Landkreis Holzminden"): ("county", "Holzminden"),
    ("DE", "Landkreis Lüneburg"): ("county", "Lüneburg"),
    ("DE", "Landkreis Wolfenbüttel"): ("county", "Wolfenbüttel"),
    ("DE", "Landkreis Konstanz"): ("county", "Konstanz"),
    ("DE", "Region Hannover"): ("county", "Hannover"),
    ("DE", "Kreis Steinburg"): ("county", "Itzehoe"),
    ("DE", "Ennepe-Ruhr-Kreis"): ("county", "Schwelm"),
    ("DE", "Samtgemeinde Bruchhausen-Vilsen"): ("collective", "Bruchhausen-Vilsen"),
    ("DE", "Samtgemeinde Isenbüttel"): ("collective", "Isenbüttel"),
    ("DE", "Samtgemeinde Neuenkirchen"): ("collective", (52.4167, 7.8333)),  # Landkreis Osnabrück
    ("DE", "Samtgemeinde Thedinghausen"): ("collective", "Thedinghausen"),
    ("DE", "Neukölln"): ("district", "Neukölln"),
    ("DE", "Sylt"): ("", "Westerland"),
    ("FR", "Métropole de Lyon"): ("metropolitan_area", "Lyon"),
    ("FR", "Région Centre-Val de Loire"): ("region", "Orléans"),
    ("FR", "Lyon 1er"): ("district", "Lyon 01"),
    ("SE", "Dalarna"): ("region", "Falun"),
    ("GB", "Greenwich"): ("district", "Greenwich"),
    ("GB", "Barnet"): ("district", "Barnet"),
    ("GB", "Camden"): ("district", "Camden Town"),
    ("GB", "Richmond upon Thames"): ("district", "Twickenham"),
    ("GB", "Wandsworth"): ("district", "Wandsworth"),
    ("GB", "Southwark"): ("district", (51.5033, -0.0790)),
    ("GB", "Lewisham"): ("district", (51.4452, -0.0207)),
    ("BD", "Dhaka North"): ("", "Dhaka"),
    ("US", "Cook County"): ("county", "Chicago"),
    ("US", "Baltimore County"): ("county", "Towson"),
    ("US", "San Diego County"): ("county", "San Diego"),
    ("US", "Salt Lake County"): ("county", "Salt Lake City"),
    ("US", "Montgomery County"): ("county", "Rockville"),
    ("US", "Lucas County"): ("county", "Toledo"),
    # round 2 (list2_*.csv)
    ("DE", "Landkreis Kassel"): ("county", "Kassel"),
    ("DE", "Kreis Unna"): ("county", "Unna"),
    ("DE", "Landkreis Ebersberg"): ("county", "Ebersberg"),
    ("DE", "Main-Taunus-Kreis"): ("county", "Hofheim am Taunus"),
    ("DE", "Werra-Meißner-Kreis"): ("county", "Eschwege"),
    ("DE", "Landkreis Darmstadt-Dieburg"): ("county", "Darmstadt"),
    ("DE", "Kreis Groß-Gerau"): ("county", "Groß-Gerau"),
    ("GB", "Oxfordshire"): ("county", "Oxford"),
    ("GB", "North Devon"): ("district", "Barnstaple"),
    ("GB", "Craven"): ("district", "Skipton"),
    ("GB", "Calderdale"): ("district", "Halifax"),
    ("GB", "Kirklees"): ("district", "Huddersfield"),
    ("GB", "Merton"): ("district", "Morden"),  # GeoNames' 'Merton' is a village of 740
    ("GB", "Greater London"): ("region", "London"),
    ("NL", "Amsterdam Zuidoost"): ("district", "Amsterdam-Zuidoost"),
    ("NL", "Westerveld"): ("", "Diever"),  # gemeenten named apart from their towns: drawn at the town hall's town
    ("NL", "Steenwijkerland"): ("", "Steenwijk"),
    ("NL", "Ooststellingwerf"): ("", "Oosterwolde"),
    ("NL", "Smallingerland"): ("", "Drachten"),
    ("NL", "Stichtse Vecht"): ("", "Maarssen"),
    ("NL", "Utrechtse Heuvelrug"): ("", "Doorn"),
    ("SE", "Region Jönköpings län"): ("region", "Jönköping"),
    ("FR", "Métropole Rouen Normandie"): ("metropolitan_area", "Rouen"),
    ("IT", "Piemonte"): ("region", "Turin"),
    ("DK", "Fanø"): ("island", "Nordby"),
    **{("US", borough): ("district", borough) for borough in
       ("Manhattan", "Brooklyn", "The Bronx", "Queens", "Staten Island", "Van Nuys", "Northridge")},
}
# Counties whose name recurs in other states: (country, admin1, place) -> (kind, seat), as the seats in
# data/curation/places_unverified_north_america.csv where that file has the county.
_SEATS_IN_REGION = {
    ("US", "Texas", "Travis County"): ("county", "Austin"),
    ("US", "Texas", "Dallas County"): ("county", "Dallas"),
    ("US", "Florida", "Miami-Dade County"): ("county", "Miami"),
    ("US", "Florida", "Hillsborough County"): ("county", "Tampa"),
    ("US", "Nevada", "Clark County"): ("county", "Las Vegas"),
    ("US", "Wisconsin", "Milwaukee County"): ("county", "Milwaukee"),
    ("US", "Louisiana", "Orleans Parish"): ("county", "New Orleans"),
    ("US", "New Mexico", "Bernalillo County"): ("county", "Albuquerque"),
    ("US", "New Mexico", "Rio Arriba County"): ("county", "Tierra Amarilla"),
    ("US", "California", "Contra Costa County"): ("county", "Martinez"),
    ("US", "California", "Monterey County"): ("county", "Salinas"),
    ("US", "California", "Riverside County"): ("county", "Riverside"),
    ("US", "California", "Sacramento County"): ("county", "Sacramento"),
    ("US", "California", "Santa Clara County"): ("county", "San Jose"),
    ("US", "California", "Sonoma County"): ("county", "Santa Rosa"),
    ("US", "New Jersey", "Middlesex County"): ("county", "New Brunswick"),
    ("US", "Oregon", "Multnomah County"): ("county", "Portland"),
    ("US", "Oregon", "Washington County"): ("county", "Hillsboro"),
    ("US", "Oregon", "Marion County"): ("county", "Salem"),
    ("US", "Oregon", "Clackamas County"): ("county", "Oregon City"),
    ("US", "Oregon", "Polk County"): ("county", "Dallas"),
    ("US", "Georgia", "DeKalb County"): ("county", "Decatur"),
    ("US", "Ohio", "Lake County"): ("county", "Painesville"),
    ("US", "New York", "Tompkins County"): ("county", "Ithaca"),
    ("US", "Washington", "King County"): ("county", "Seattle"),
}
_US_CAPITALS = {
    "Alabama": "Montgomery", "Alaska": "Juneau", "Arizona": "Phoenix", "Arkansas": "Little Rock",
    "California": "Sacramento", "Colorado": "Denver", "Connecticut": "Hartford", "Delaware": "Dover",
    "District of Columbia": "Washington", "Florida": "Tallahassee", "Georgia": "Atlanta", "Hawaii": "Honolulu",
    "Idaho": "Boise", "Illinois": "Springfield", "Indiana": "Indianapolis", "Iowa": "Des Moines",
    "Kansas": "Topeka", "Kentucky": "Frankfort", "Louisiana": "Baton Rouge", "Maine": "Augusta",
    "Maryland": "Annapolis", "Massachusetts": "Boston", "Michigan": "Lansing", "Minnesota": "Saint Paul",
    "Mississippi": "Jackson", "Missouri": "Jefferson City", "Montana": "Helena", "Nebraska": "Lincoln",
    "Nevada": "Carson City", "New Hampshire": "Concord", "New Jersey": "Trenton", "New Mexico": "Santa Fe",
    "New York": "Albany", "North Carolina": "Raleigh", "North Dakota": "Bismarck", "Ohio": "Columbus",
    "Oklahoma": "Oklahoma City", "Oregon": "Salem", "Pennsylvania": "Harrisburg", "Rhode Island": "Providence",
    "South Carolina": "Columbia", "South Dakota": "Pierre", "Tennessee": "Nashville", "Texas": "Austin",
    "Utah": "Salt Lake City", "Vermont": "Montpelier", "Virginia": "Richmond", "Washington": "Olympia",
    "West Virginia": "Charleston", "Wisconsin": "Madison", "Wyoming": "Cheyenne",
}
_CH_CANTONS = {
    "AG": "Aargau", "AI": "Appenzell Innerrhoden", "AR": "Appenzell Ausserrhoden", "BE": "Bern",
    "BL": "Basel-Landschaft", "BS": "Basel-Stadt", "FR": "Fribourg", "GE": "Genève", "GL": "Glarus",
    "GR": "Graubünden", "JU": "Jura", "LU": "Luzern", "NE": "Neuchâtel", "NW": "Nidwalden", "OW": "Obwalden",
    "SG": "St. Gallen", "SH": "Schaffhausen", "SO": "Solothurn", "SZ": "Schwyz", "TG": "Thurgau",
    "TI": "Ticino", "UR": "Uri", "VD": "Vaud", "VS": "Valais", "ZG": "Zug", "ZH": "Zürich",
}
