"""per_ledger: tables derived from a ledger are computed once per ledger and handed out as copies."""

import gc
import weakref

from readingpack.evidence.mentions import ledger_mentions
from readingpack.evidence.sources import with_sides
from readingpack.ledger import Ledger, load_ledger, per_ledger
from readingpack.paths import PROJECT_ROOT

OWN = PROJECT_ROOT / "data"  # the pack's own article, whichever one READINGPACK_DATA loads
PRACTICE = OWN / "practice" / "rivers_and_roads"


def counting(calls: list):
    @per_ledger
    def claims_of_type(ledger, claim_type: str = "evaluation"):
        calls.append(claim_type)
        claims = ledger.claims
        return claims[claims["claim_type"] == claim_type]

    return claims_of_type


def test_computed_once_per_ledger_and_arguments():
    calls = []
    claims_of_type = counting(calls)
    ledger = load_ledger()
    first = claims_of_type(ledger)
    assert claims_of_type(ledger).equals(first)
    assert claims_of_type(ledger, "evaluation").equals(first)  # the default, named or not
    assert claims_of_type(ledger=ledger, claim_type="evaluation").equals(first)
    assert calls == ["evaluation"]
    claims_of_type(ledger, "reported_statement")
    assert calls == ["evaluation", "reported_statement"]


def test_each_call_gets_its_own_copy():
    ledger = load_ledger()
    facts = with_sides(ledger)
    facts["side"] = "changed"
    assert (with_sides(ledger)["side"] != "changed").all()


def test_another_ledger_gets_its_own_tables():
    practice = Ledger(PRACTICE)
    theirs = ledger_mentions(practice)
    assert set(theirs["alias"]) <= set(practice.actor_aliases["alias"])
    assert set(theirs["alias"]) != set(ledger_mentions(Ledger(OWN))["alias"])


def test_the_cache_keeps_no_ledger_alive():
    ledger = Ledger(PRACTICE)
    counting([])(ledger)
    gone = weakref.ref(ledger)
    del ledger
    gc.collect()
    assert gone() is None
