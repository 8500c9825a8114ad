"""Lets PyPy 3.9 import Debian's FastAPI stack (bookworm ships it for CPython 3.11).

Two of Debian's pure-Python modules annotate function parameters with PEP 604 unions (``bytes | bytearray``),
which Python 3.9 evaluates when the ``def`` runs and refuses. Compiling just those modules as if they began
with ``from __future__ import annotations`` keeps the annotations as strings, which nothing evaluates at run
time, so the modules behave as on 3.11. Importing this module is a no-op on 3.10 and later.
"""
import __future__
import importlib.machinery
import sys

# Found by importing starlette, fastapi, uvicorn, aiohttp, redis.asyncio and websockets under PyPy 3.9.
_MODULES_WITH_PEP604_SIGNATURES = frozenset({"starlette.formparsers", "aiohttp.cookiejar"})


class _LazyAnnotationsLoader(importlib.machinery.SourceFileLoader):
    def get_code(self, fullname):
        # Compiled from source each time: a cached .pyc may come from a plain (failing) compile.
        source = self.get_data(self.path)
        return compile(source, self.path, "exec", flags=__future__.annotations.compiler_flag, dont_inherit=True)


class _LazyAnnotationsFinder:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name not in _MODULES_WITH_PEP604_SIGNATURES:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        if spec is not None and isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            spec.loader = _LazyAnnotationsLoader(name, spec.origin)
        return spec


if sys.version_info < (3, 10) and _LazyAnnotationsFinder not in sys.meta_path:
    sys.meta_path.insert(0, _LazyAnnotationsFinder)
