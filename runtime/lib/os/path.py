"""os.path for import systems that load it from this file: the posixpath module's API.

`import os` already registers posixpath as sys.modules['os.path'], so CPython-style
imports never load this file.
"""

from posixpath import *
from posixpath import __all__, _check_arg_types, _get_sep
