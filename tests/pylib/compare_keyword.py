"""Behaviour of keyword, printed for comparison (see run.sh compare)."""
import keyword
print(keyword.kwlist, keyword.softkwlist, sorted(keyword.__all__))
print([keyword.iskeyword(w) for w in ['if', 'match', 'True', 'print', '_', 'case', 'async']])
print([keyword.issoftkeyword(w) for w in ['if', 'match', '_', 'case', 'type']])
