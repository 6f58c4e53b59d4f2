# keyword: checking identifiers.
import keyword

for word in ['for', 'match', 'case', 'print', 'True', 'none', 'async', '_']:
    print(word, keyword.iskeyword(word), keyword.issoftkeyword(word))
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
safe = [w if not keyword.iskeyword(w) else w + '_' for w in ['class', 'name', 'from', 'import', 'value']]
print(safe)
