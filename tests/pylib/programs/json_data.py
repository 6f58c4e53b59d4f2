# json: number/string edge cases and a small report built from JSON lines.
import json

records = '''
{"city": "Oslo", "temps": [-3.5, -1, 0.25, 2], "station": {"id": 17, "ok": true}}
{"city": "Lagos", "temps": [31, 29.75, 33.1], "station": {"id": 4, "ok": false}}
{"city": "Lima", "temps": [], "station": {"id": 99, "ok": null}}
'''
rows = [json.loads(line) for line in records.strip().split('\n')]
for r in rows:
    temps = r['temps']
    avg = sum(temps) / len(temps) if temps else None
    print(f"{r['city']:6} n={len(temps)} avg={avg} ok={r['station']['ok']}")
summary = {r['city']: {'max': max(r['temps'], default=None), 'id': r['station']['id']} for r in rows}
print(json.dumps(summary))
print(json.dumps(summary, indent=1, separators=(',', ': ')))

numbers = [0, -0.0, 1e-7, 1e22, 1.5e300, 2 ** 63, -(2 ** 80), 0.1 + 0.7, 1 / 3, 100.0, 5e-324]
text = json.dumps(numbers)
print(text)
print(json.loads(text) == numbers, [type(x).__name__ for x in json.loads(text)])
strings = ['', 'ascii', 'tab\t', 'nul\x00', 'é', '€', '𝄞', 'mixed "q" \\ /']
enc = json.dumps(strings)
print(enc)
print(json.dumps(strings, ensure_ascii=False))
print(json.loads(enc) == strings)
print(json.dumps({3: 'three', 1.5: 'x', False: 'no', None: 'nil'}, sort_keys=False))
print(json.loads('[1E400, -1E400, 1e-400]'), json.loads('{"big": 18446744073709551616}'))
print(json.dumps([[], {}, [[]], [{}], {'a': []}], indent=2))
