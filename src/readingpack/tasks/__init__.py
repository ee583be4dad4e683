"""The exercise tasks of every lesson: one module per lesson (lesson01.py, ...), each
registering its tasks with readingpack.checks.register. Importing this package registers all."""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
