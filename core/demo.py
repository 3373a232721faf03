"""Shared state for `manage.py demo`.

The demo command builds organisations, teams and people first (organisations/demo.py), then
calls `build(ctx)` in every other project app that has a `demo.py`, in INSTALLED_APPS order.
Each builder must be deterministic (use `ctx.rng` or its own seeded Random), write Dutch
content, use bulk_create for anything that grows with `large`, and may add demo logins.
New users get `password=ctx.password_hash`: hashing once keeps `large` fast (Argon2 is slow).
`region` (PostgreSQL only) is `large` plus the mass that the apps' region.py write with COPY,
driven by core/region.py.
"""

import random
from dataclasses import dataclass, field

SIZES = ("small", "large", "region")
PASSWORD = "leerkring-demo"

# Stable handles on the demo data, for bench pages and tests that need "the" school or login.
MAIN_SCHOOL_SLUG = "de-regenboog"
MAIN_COMMUNITY_SLUG = "leieland"
PROVIDER_SLUG = "leerbrug"
LOGIN_EMAILS = {
    "admin": "admin@leieland.example",
    "leader": "directeur@regenboog.example",
    "coordinating_director": "coordinerend.directeur@leieland.example",
    "coach": "coach@regenboog.example",
    "staff": "leerkracht@regenboog.example",
    "trainer": "trainer@leerbrug.example",
}


@dataclass
class DemoContext:
    size: str
    password: str
    rng: random.Random = field(default_factory=lambda: random.Random(20261125))
    provider: object = None  # Organisation of kind provider
    communities: list = field(default_factory=list)  # Organisation(kind=community)
    schools: list = field(default_factory=list)  # Organisation(kind=school)
    teams_by_school: dict = field(default_factory=dict)  # school.pk -> [Team]
    members_by_school: dict = field(default_factory=dict)  # school.pk -> [Membership]
    leaders_by_school: dict = field(default_factory=dict)  # school.pk -> Membership (leader)
    trainers: list = field(default_factory=list)  # provider memberships with role trainer
    logins: list = field(default_factory=list)  # (description, email) printed at the end
    password_hash: str = ""  # make_password(password), computed once by the command
    users: dict = field(default_factory=dict)  # role key of LOGIN_EMAILS -> User
    timings: list = field(default_factory=list)  # (app label, seconds), printed at the end

    @property
    def is_large(self) -> bool:
        return self.size == "large"

    @property
    def main_school(self):
        """The school the demo logins work in (Basisschool De Regenboog)."""
        return self.schools[0] if self.schools else None

    def add_login(self, description: str, email: str) -> None:
        self.logins.append((description, email))


def split_list(text: str) -> list[str]:
    """'a, b, c' -> ['a', 'b', 'c']: keeps long word lists compact in builders."""
    return [item.strip() for item in text.split(",") if item.strip()]


# Shared vocabulary for every app's builder: Flemish names and school functions.
FIRST_NAMES = split_list(
    "Lotte, Emma, Marie, Louise, Elise, Lien, Sofie, Katrien, An, Els, Inge, Veerle, "
    "Griet, Hanne, Sarah, Laura, Julie, Eva, Ellen, Nele, Tine, Kaat, Leen, Charlotte, "
    "Femke, Lore, Ine, Joke, Heidi, Kristien, Fien, Ilse, Evelien, Liesbeth, Annelies, "
    "Jolien, Margot, Astrid, Marieke, Nathalie, Tom, Pieter, Jan, Bart, Koen, Wim, Dirk, "
    "Geert, Stijn, Jeroen, Thomas, Wouter, Bram, Jonas, Arne, Sander, Tim, Lucas, Kobe, "
    "Joris, Frederik, Steven, Dries, Tijs, Seppe, Ruben, Maarten, Filip, Kris, Hans, "
    "Lieven, Jens, Nick, Ward, Robbe, Elias, Mathias, Gert, Luc, Peter, Yasmina, Samira, "
    "Mehmet, Nadia, Youssef, Aïcha, Ilias"
)
LAST_NAMES = split_list(
    "Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, "
    "De Smet, Van den Broeck, Hermans, Michiels, Aerts, Lambrechts, Vermeulen, "
    "Van de Velde, Declercq, Martens, Verhoeven, Pauwels, Desmet, Smets, Van Damme, "
    "Cools, Vandenberghe, Segers, De Backer, Coppens, Claeys, Verstraete, Stevens, "
    "Hendrickx, Leemans, Bogaerts, Van Dyck, Geerts, Verbeke, Mahieu, Vermeersch, "
    "Vanhove, De Wilde, Baert, Bosmans, Thys, Vervoort, Van Hecke, De Vos, Verlinden, "
    "Wuyts, Moens, Buysse, Callens, D'Hondt, Roels, Lievens, Schepens, Van Acker, "
    "Verschueren, De Meyer, Nuyts, Goris, Sels, Heylen, Van Looy, Dewulf, Vanneste, "
    "Deconinck, Vandewalle, Lauwers, Van Hoof, Boeckx, Verheyen, De Cock, Van Gorp, "
    "El Amrani, Yilmaz, Benali, De Bruyne, Vandecasteele"
)
PRIMARY_FUNCTIONS = ["leerkracht"] * 10 + split_list(
    "turnleerkracht, ICT-coördinator, secretariaatsmedewerker, beleidsmedewerker, "
    "zorgleerkracht, leerkracht levensbeschouwing, kinderverzorger"
)
SECONDARY_FUNCTIONS = split_list(
    "leraar Nederlands, leraar Frans, leraar Engels, leraar wiskunde, leraar wiskunde, "
    "leraar geschiedenis, leraar aardrijkskunde, leraar wetenschappen, "
    "leraar lichamelijke opvoeding, leraar economie, leraar STEM, leraar praktijk, "
    "leerlingbegeleider, opvoeder, ICT-coördinator, secretariaatsmedewerker, "
    "beleidsmedewerker, technisch adviseur"
)
