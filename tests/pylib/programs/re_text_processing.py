# re: log parsing, sub with callables and templates, split, findall over many lines.
import re

LOG = """\
2024-03-01 12:00:01 INFO  server: started on port 8080
2024-03-01 12:00:05 WARN  db: slow query (1532 ms) on table users
2024-03-01 12:01:17 ERROR api: timeout after 30s for /v1/items?id=42
2024-03-02 08:15:00 INFO  server: 1,024 requests served
2024-03-02 09:00:00 DEBUG cache: hit ratio 0.93
malformed line here
2024-03-02 10:30:45 ERROR db: deadlock detected; retrying (attempt 2)
"""

line_re = re.compile(r'^(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]{8}) (?P<level>[A-Z]+)\s+(?P<source>\w+): (?P<msg>.*)$', re.M)
counts = {}
for m in line_re.finditer(LOG):
    counts[m['level']] = counts.get(m['level'], 0) + 1
    if m['level'] == 'ERROR':
        print(m.groupdict())
print(sorted(counts.items()))
print(len(line_re.findall(LOG)), [d for d, t, l, s, msg in line_re.findall(LOG)][:3])
print(re.findall(r'(\d+)\s*ms', LOG), re.findall(r'\b\d+(?:,\d{3})+\b', LOG))
print(re.findall(r'^(?!\d{4}).*$', LOG, re.M))

# sub with a function: normalise durations to milliseconds.
def to_ms(m):
    value, unit = int(m.group(1)), m.group(2)
    return '%dms' % (value * 1000 if unit == 's' else value)
print(re.sub(r'(\d+)\s*(ms|s)\b', to_ms, 'slow 1532 ms, timeout after 30s, 2 s total'))

# Templates with numbered and named groups.
print(re.sub(r'(\d{4})-(\d\d)-(\d\d)', r'\3/\2/\1', '2024-03-01 and 2024-12-25'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>=\g<k>', 'a=1 b=2'))
print(re.subn(r'\s+', ' ', '  lots   of\t\twhitespace \n here  '))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567890'))
print(re.sub(r'([a-z])([A-Z])', r'\1_\2', 'camelCaseStringHere').lower())
print(re.sub(r'\b(\w)(\w*)\b', lambda m: m.group(1).upper() + m.group(2).lower(), 'hELLO wORLD of rEGEX'))

# split
print(re.split(r'\s*[;,]\s*', 'a , b;c ;d,e'))
print(re.split(r'(\s*[;,]\s*)', 'a , b;c'))
print(re.split(r'\n', LOG.strip())[-1])
print(re.split(r'(?<=[.!?])\s+', 'One. Two! Three? Four.'))
print(re.split(r'\b', 'to be, or'))

# CSV-ish fields with quotes.
field = re.compile(r'\s*(?:"((?:[^"]|"")*)"|([^,]*))\s*(?:,|$)')
def parse_csv(line):
    out = []
    pos = 0
    while pos <= len(line):
        m = field.match(line, pos)
        if m is None or m.end() == pos and pos == len(line) and out:
            break
        quoted, plain = m.groups()
        out.append(quoted.replace('""', '"') if quoted is not None else plain)
        if m.end() == len(line):
            break
        pos = m.end()
    return out
print(parse_csv('name, "Smith, John", 42, "say ""hi"""'))

# Word frequencies.
text = 'the cat and the hat; THE end. The End?'
freq = {}
for w in re.findall(r'[a-z]+', text, re.I):
    freq[w.lower()] = freq.get(w.lower(), 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])))
