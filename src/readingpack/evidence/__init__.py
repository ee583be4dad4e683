"""The evidence layer: the pack's questions answered as DataFrames and small records, with no
user interface. Widgets render what it returns; exercise checks and lessons call it.

- sources: who published each reference fact, with side and standing (data/reference/)
- comparison: the article's figures beside other sources, with neutral outcomes
"""
