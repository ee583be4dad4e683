"""The neutral style sheet for the pack's own prose, as a check.

Terms that carry a judgement may appear in the pack's prose only inside a quotation or in a
sentence that says who uses them, with a named user as the subject of a reporting verb ("the
author calls it ...", "Azerbaijan's government describes it as ...", "according to the
European Parliament ..."). `loaded_term_problems(text)` lists every other use.
"""

import re

LOADED_TERMS = [
    r"ethnic(?:ally)? cleans\w*",
    r"genocid\w*",
    r"occup(?:ation|ied|ier|y|ying|ant)\w*",
    r"de-occup\w*",
    r"aggress(?:or|ion|ive)\w*",
    r"blockade\w*",
    r"(?:anti|counter)-terror\w*",
    r"liberat(?:ion|ed|e)\w*",
    r"separatis\w*",
    r"settlers?",
    r"Artsakh",
    r"Western Azerbaijan",
    r"territorial claims?",
    r"capitulat\w*",
    r"propaganda",
    r"expansionis\w*",
    r"irredentis\w*",
    r"annex\w*",
    r"armenophob\w*",
    r"coerci(?:ve|on)",
    r"hybrid warfare",
    r"forced displacement",
]
LOADED = re.compile(r"\b(?:" + "|".join(LOADED_TERMS) + r")", re.IGNORECASE)

# Who can be named as the user of a word: the author and her text, governments and their
# officials, courts, international bodies, outlets, the glossary's "used by" column.
USER = (
    r"(?:author|article|text|title|she|he|they|her|his|its|their|bio|government|ministry|"
    r"ministries|president|prime minister|minister|spokes(?:person|man|woman)|officials?|aide|"
    r"defender|court|ICJ|ICRC|UN|UNHCR|experts?|rapporteurs?|parliament|PACE|assembly|council|"
    r"resolutions?|order|statement|decree|Aliyev|Pashinyan|Baku|Yerevan|community|outlets?|"
    r"sources?|reports?|CivilNet|TASS|Interfax|Trend|media|both governments|both sides|"
    r"each side|either side|speakers?|users?|who)"
)
VERB = (
    r"(?:calls?|called|calling|describes?|described|describing|uses?|used|using|says?|said|"
    r"argues?|argued|writes?|wrote|written|reports?|reported|quotes?|quoted|names?|named|"
    r"labels?|labelled|frames?|framed|accuses?|accused|terms?|termed|speaks? of|spoke of|"
    r"refers? to|referred to|presents?|presented|characteri[sz]es?|characteri[sz]ed|denies|"
    r"denied|rejects?|rejected|demands?|demanded|reads?|claims?|claimed|condemns?|condemned|"
    r"mentions?|mentioned|puts? it|prints?|printed)"
)
# A user names who speaks only as the subject of a reporting verb: a possessive ("Aliyev's
# territorial claims", "his claims") names whose the thing is, not who calls it so.
ATTRIBUTION = re.compile(
    rf"\b{USER}\b(?!['’]s\b)[^.;:]{{0,90}}?\b{VERB}\b"
    r"|\baccording to\b|\bin the words of\b|\bas (?:the )?\w+ (?:calls?|puts?) it\b"
    rf"|\b(?:used|called|described|named|labelled|termed) (?:\w+ )?by\b",
    re.IGNORECASE,
)
# "In the article's words, ..." attributes what follows it, or the term just before it
# ("territorial claims, in the author's words"); not a term earlier in the sentence.
WORDS_OF = re.compile(
    rf"\b{USER}['’]s (?:own )?(?:word|words|term|terms|phrase|framing|label|name|vocabulary)\b",
    re.IGNORECASE,
)
MASK = "…"
# Names of documents and publishers are names, not the pack's judgement.
PROPER_NAMES = re.compile(
    r"Convention on the Prevention and Punishment of the Crime of Genocide|armenian-genocide\.org"
    r"|Western Azerbaijan Community"
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»|`[^`]*`|\*\*“[^”]*”\*\*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(*])|\n\s*\n|\n(?=\s*[-*|#>]|\s*\d+\.)")


def _prose_lines(markdown: str) -> str:
    """Drop what is not the pack's own voice: block quotes, code blocks, HTML comments."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.S)
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    return "\n".join(line for line in markdown.splitlines() if not line.lstrip().startswith(">"))


def _attributed(masked: str) -> bool:
    """Whether a sentence, its loaded terms masked, says who uses them."""
    if ATTRIBUTION.search(masked):
        return True
    first_term = masked.find(MASK)
    return any(m.end() <= first_term or re.search(rf"{MASK}\W{{0,4}}(?:in )?(?:the )?$",
                                                  masked[:m.start()])
               for m in WORDS_OF.finditer(masked))


def loaded_term_problems(markdown: str) -> list[str]:
    """Sentences of `markdown` that use a loaded term outside quotes and without attribution.

    The loaded terms are set aside before the attribution is looked for, so that a term never
    attributes itself: the noun in "Aliyev's territorial claims" is not the verb "claims".
    """
    problems = []
    for sentence in SENTENCE_END.split(_prose_lines(markdown)):
        unquoted = PROPER_NAMES.sub("", QUOTED.sub("", " ".join(sentence.split())))
        if LOADED.search(unquoted) and not _attributed(LOADED.sub(MASK, unquoted)):
            problems.append(" ".join(sentence.split()))
    return problems
