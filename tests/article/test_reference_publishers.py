"""Every reference fact names who stated it and who carried it, and its sides follow section P.

FACTS.md's side column (kept verbatim in facts.csv as `side_as_given`) names the main
publisher(s) of a row and, in brackets, the outlets that carried it. The coded links of
fact_publishers.csv must agree with it, except where the column disagrees with section P's
table of publishers: there section P wins, and the row is listed in CONFLICTS with the reason.
"""

import re

from readingpack.ledger import load_ledger

LEDGER = load_ledger()
FACTS = LEDGER.reference_facts.set_index("id")
LINKS = LEDGER.reference_fact_publishers.merge(LEDGER.reference_publishers, on="publisher_id")
CODES = set(LEDGER.reference_sides["side"])

CONFLICTS = {
    "B3": "the column gives INTL for ACAPS; section P codes ACAPS as REF",
    "E2": "the column gives RU for Vestnik Kavkaza; section P codes it OTHER (private, Russia)",
    "E7": "the column gives AZ for news.az; section P codes news.az as AZ-media",
    "E12": "the column gives AZ for Caliber.az's report; section P codes Caliber.az as AZ-media, "
           "and the documents' publisher, the U.S. Department of State, as OTHER",
    "F1": "the column says 'reported by AM'; section P codes Azat TV as AM-media",
}


def _codes(text: str) -> list[str]:
    return [word for word in re.findall(r"[A-Za-z-]+", text) if word in CODES]


def given_sides(side_as_given: str) -> tuple[set[str], set[str]]:
    """(main codes, codes in brackets) of a side cell such as 'INTL (reported by AM-media); AZ'.

    Parts are separated by ';' or, outside brackets, by ',' ('AZ, AM, OTHER (U.S. government)');
    a part whose words outside brackets name no code ('an NGO (reported by AZ-media)') adds
    only the codes in its brackets.
    """
    main, carried = set(), set()
    for part in re.split(r"[;,](?![^(]*\))", side_as_given):
        outside = re.sub(r"\([^)]*\)", "", part)
        main.update(_codes(outside)[:1])
        for inside in re.findall(r"\(([^)]*)\)", part):
            carried.update(_codes(inside))
    return main, carried


def disagreements(fact_id: str) -> list[str]:
    links = LINKS[LINKS["fact_id"] == fact_id]
    stated = set(links.loc[links["role"] == "stated", "side"])
    carried = set(links.loc[links["role"] != "stated", "side"])
    main, in_brackets = given_sides(FACTS.loc[fact_id, "side_as_given"])
    problems = []
    if main != stated:
        problems.append(f"main sides {sorted(main)} but stated publishers' sides {sorted(stated)}")
    if not in_brackets <= carried:
        problems.append(f"bracketed sides {sorted(in_brackets - carried)} carried by no publisher")
    return problems


def test_the_side_cells_parse():
    assert given_sides("NK (reported by AM-media)") == ({"NK"}, {"AM-media"})
    assert given_sides("INTL (reported by AM-media); AZ") == ({"INTL", "AZ"}, {"AM-media"})
    assert given_sides("unknown: the Western Azerbaijan Community, an NGO (reported by AZ-media)") \
        == ({"unknown"}, {"AZ-media"})
    assert given_sides("INTL (EU parliament: political, non-binding)") == ({"INTL"}, set())
    assert given_sides("AZ, AM, OTHER (U.S. government), INTL") == ({"AZ", "AM", "OTHER", "INTL"}, set())
    assert given_sides("REF (Wikipedia, HRW); OTHER (Global Voices)") == ({"REF", "OTHER"}, set())
    assert all(given_sides(cell)[0] for cell in FACTS["side_as_given"])


def test_every_fact_has_a_stated_publisher():
    stated = set(LINKS.loc[LINKS["role"] == "stated", "fact_id"])
    assert set(FACTS.index) - stated == set()
    assert set(LINKS["fact_id"]) <= set(FACTS.index)


def test_several_stated_publishers_where_the_list_names_several():
    def stated(fact_id):
        links = LINKS[(LINKS["fact_id"] == fact_id) & (LINKS["role"] == "stated")]
        return set(links["publisher_id"])

    assert stated("L5") == {"icj", "az-government", "am-government"}
    assert stated("K4b") == {"am-government", "az-government"}
    k8c = LINKS[LINKS["fact_id"] == "K8c"]
    assert set(zip(k8c["publisher_id"], k8c["role"], strict=True)) == {
        ("am-government", "stated"), ("news-am", "reported"), ("tass", "reported")}


def test_sides_agree_with_the_side_column_or_are_listed_as_conflicts():
    for fact_id in FACTS.index:
        problems = disagreements(fact_id)
        if fact_id in CONFLICTS:
            assert problems, f"{fact_id} no longer conflicts: remove it from CONFLICTS"
        else:
            assert not problems, (fact_id, FACTS.loc[fact_id, "side_as_given"], problems)


def test_publishers_outside_section_p_are_coded_unknown_and_say_so():
    publishers = LEDGER.reference_publishers
    unknown = publishers[publishers["side"] == "unknown"]
    assert (unknown["kind"] == "unknown").all()
    not_in_p = unknown[unknown["publisher_id"] != "nashvernisazh"]
    assert not_in_p["note"].str.contains("section P does not list", case=False).all()


def test_hosts_of_copies_never_state_a_fact():
    hosts = {"docslib", "menafn", "reliefweb", "refworld", "umn-human-rights-library"}
    rows = LINKS[LINKS["publisher_id"].isin(hosts)]
    assert not rows.empty and (rows["role"] == "hosted a copy").all()
