"""edgepyc's pure-Python implementation of the keyword module (CPython 3.11).

Covers the whole public API: kwlist, softkwlist, iskeyword, issoftkeyword.  The lists are
the keywords and soft keywords of the Python 3.11 grammar (Python reference, section
"Lexical analysis: Keywords").
"""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for',
    'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
    'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

iskeyword = frozenset(kwlist).__contains__
issoftkeyword = frozenset(softkwlist).__contains__
