"""The checkout's build, test and benchmark tools: notebook execution and validation, the
navigation cells, the exercise and instructor pages, the HTML edition, the browser test helpers,
the neutral-prose linter and the performance benchmark.

They run from a checkout (`PYTHONPATH=tools python -m packtools.X`, as the Makefile does) and
may import the student runtime, `readingpack`; the runtime never imports them.
"""
