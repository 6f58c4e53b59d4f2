# Both chain kinds in one report: an explicit cause whose own context is shown, a context
# hidden by `from None`, and frames of several functions at each level.
class ConfigError(Exception):
    pass

def parse(text):
    return int(text)

def load(entries):
    try:
        return [parse(e) for e in entries]
    except ValueError as exc:
        raise ConfigError(f'bad entry in {entries!r}') from exc

def lookup(table, key):
    try:
        return table[key]
    except KeyError:
        raise LookupError(key) from None

def main():
    try:
        load(['1', 'two'])
    except ConfigError:
        try:
            lookup({}, 'missing')
        except LookupError as e:
            print('suppressed context:', e.__suppress_context__, e.__cause__)
        {}['k']

main()
