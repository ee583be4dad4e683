"""The neutral style sheet for the pack's own prose, as a check.

Terms that carry one side's judgement may appear in the pack's prose only inside a quotation
or in a sentence that says who uses them ("the author calls it ...", "Azerbaijan's government
describes it as ..."). `loaded_term_problems(text)` lists every other use.
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
    r"Artsakh",
    r"Western Azerbaijan",
    r"capitulat\w*",
    r"propaganda",
    r"expansionis\w*",
    r"irredentis\w*",
    r"annex\w*",
    r"armenophob\w*",
]
LOADED = re.compile(r"\b(?:" + "|".join(LOADED_TERMS) + r")", re.IGNORECASE)

# A sentence that contains one of these says whose word or view it reports.
ATTRIBUTION = re.compile(
    r"\b(?:author|article|according to|calls?|called|describes?|described|terms?|words?|"
    r"uses?|used|says?|said|argues?|argued|claims?|claimed|reports?|reported|writes?|wrote|"
    r"quotes?|quoted|glossary|names?|named|labels?|labelled|frames?|framed|accuses?|"
    r"government|ministry|officials?|side|phrase|vocabulary|loaded|judgement|sources?)\b",
    re.IGNORECASE,
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|`[^`]*`|\*\*“[^”]*”\*\*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(*])|\n\s*\n|\n(?=\s*[-*|#>]|\s*\d+\.)")


def _prose_lines(markdown: str) -> str:
    """Drop what is not the pack's own voice: block quotes, code blocks, HTML comments."""
    markdown = re.sub(r"```.*?```", "", markdown, flags=re.S)
    markdown = re.sub(r"<!--.*?-->", "", markdown, flags=re.S)
    return "\n".join(line for line in markdown.splitlines() if not line.lstrip().startswith(">"))


def loaded_term_problems(markdown: str) -> list[str]:
    """Sentences of `markdown` that use a loaded term outside quotes and without attribution."""
    problems = []
    for sentence in SENTENCE_END.split(_prose_lines(markdown)):
        unquoted = QUOTED.sub("", sentence)
        if LOADED.search(unquoted) and not ATTRIBUTION.search(unquoted):
            problems.append(" ".join(sentence.split()))
    return problems
