"""edgepyc's pure-Python implementation of the string module (CPython 3.11).

Covers the constants (ascii_letters, ascii_lowercase, ascii_uppercase, digits,
hexdigits, octdigits, punctuation, printable, whitespace), capwords, Template
(substitute, safe_substitute, get_identifiers, is_valid; a custom `delimiter`) and
Formatter (format, vformat, parse, get_field, get_value, check_unused_args,
format_field, convert_field) with CPython's parsing errors.

CPython builds Template's matcher from a regular expression and Formatter's parser is C
(_string); both are hand-written scanners here that accept the same inputs and raise the
same errors.  A Template subclass that overrides idpattern, braceidpattern, flags or
pattern falls back to the re module with CPython's pattern.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split s into words (by sep, or runs of whitespace), capitalize each and
    join them back with sep (or one space)."""
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


####################################################################
# Template

_ID_START = frozenset('_' + ascii_letters)
_ID_CHAR = frozenset('_' + ascii_letters + digits)
_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_sentinel_dict = {}


class _Match:
    """One placeholder found in a template: exactly one of escaped / named / braced /
    invalid is not None (as the groups of CPython's pattern)."""

    def __init__(self, start, end, escaped, named, braced, invalid):
        self.start = start          # index of the delimiter
        self.end = end
        self.escaped = escaped
        self.named = named
        self.braced = braced
        self.invalid = invalid      # index right after the delimiter, or None


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = None        # re.IGNORECASE in CPython; only consulted by the re fallback

    def __init__(self, template):
        self.template = template

    def _uses_default_pattern(self):
        cls = type(self)
        return (cls.idpattern == _DEFAULT_IDPATTERN and cls.braceidpattern is None
                and cls.flags is None and 'pattern' not in _class_attrs(cls))

    def _matches(self):
        if self._uses_default_pattern():
            return _scan_template(self.template, self.delimiter)
        return _regex_matches(self)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        template = self.template
        out = []
        pos = 0
        for mo in self._matches():
            out.append(template[pos:mo.start])
            pos = mo.end
            named = mo.named if mo.named is not None else mo.braced
            if named is not None:
                out.append('%s' % (mapping[named],))
            elif mo.escaped is not None:
                out.append(self.delimiter)
            else:
                self._invalid(mo.invalid)
        out.append(template[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        template = self.template
        out = []
        pos = 0
        for mo in self._matches():
            out.append(template[pos:mo.start])
            pos = mo.end
            named = mo.named if mo.named is not None else mo.braced
            if named is not None:
                try:
                    out.append('%s' % (mapping[named],))
                except KeyError:
                    out.append(template[mo.start:mo.end])
            elif mo.escaped is not None:
                out.append(self.delimiter)
            else:
                out.append(template[mo.start:mo.end])
        out.append(template[pos:])
        return ''.join(out)

    def is_valid(self):
        for mo in self._matches():
            if mo.invalid is not None:
                return False
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._matches():
            named = mo.named if mo.named is not None else mo.braced
            if named is not None and named not in ids:
                ids.append(named)
        return ids


def _class_attrs(cls):
    names = set()
    for base in cls.__mro__:
        if base is Template:
            break
        names.update(base.__dict__)
    return names


def _scan_template(template, delim):
    n = len(template)
    dlen = len(delim)
    i = 0
    while True:
        j = template.find(delim, i)
        if j < 0:
            return
        k = j + dlen
        if template.startswith(delim, k):
            yield _Match(j, k + dlen, delim, None, None, None)
            i = k + dlen
            continue
        if k < n and template[k] in _ID_START:
            m = k + 1
            while m < n and template[m] in _ID_CHAR:
                m += 1
            yield _Match(j, m, None, template[k:m], None, None)
            i = m
            continue
        if k + 1 < n and template[k] == '{' and template[k + 1] in _ID_START:
            m = k + 2
            while m < n and template[m] in _ID_CHAR:
                m += 1
            if m < n and template[m] == '}':
                yield _Match(j, m + 1, None, None, template[k + 1:m], None)
                i = m + 1
                continue
        yield _Match(j, k, None, None, None, k)
        i = k


def _regex_matches(tmpl):
    # A subclass with its own patterns: build CPython's regular expression.
    import re
    cls = type(tmpl)
    pattern = getattr(cls, 'pattern', None)
    if not isinstance(pattern, re.Pattern):
        if 'pattern' in _class_attrs(cls) and isinstance(pattern, str):
            source = pattern
        else:
            delim = re.escape(cls.delimiter)
            bid = cls.braceidpattern or cls.idpattern
            source = r"""
            %s(?:
              (?P<escaped>%s)  |   # Escape sequence of two delimiters
              (?P<named>%s)       |   # delimiter and a Python identifier
              {(?P<braced>%s)} |   # delimiter and a braced identifier
              (?P<invalid>)           # Other ill-formed delimiter exprs
            )
            """ % (delim, delim, cls.idpattern, bid)
        flags = cls.flags if cls.flags is not None else re.IGNORECASE
        pattern = re.compile(source, flags | re.VERBOSE)
    for mo in pattern.finditer(tmpl.template):
        invalid = mo.start('invalid') if mo.group('invalid') is not None else None
        yield _Match(mo.start(), mo.end(), mo.group('escaped'), mo.group('named'),
                     mo.group('braced'), invalid)


########################################################################
# Formatter

def _parse_format(s):
    """Yield (literal_text, field_name, format_spec, conversion) like CPython's
    _string.formatter_parser (Objects/stringlib/unicode_format.h)."""
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and markup and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[i] == c:
                # An escaped brace: the literal keeps one copy, no field follows.
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        # Parse the field; it runs up to the matching '}'.
        name_start = i
        c = ''
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                continue
            if c == '}' or c == ':' or c == '!':
                break
        field_name = s[name_start:i - 1]
        conversion = None
        format_spec = ''
        if c == '!' or c == ':':
            if c == '!':
                if i >= n:
                    raise ValueError('end of string while looking for conversion specifier')
                conversion = s[i]
                i += 1
                if i < n:
                    c2 = s[i]
                    i += 1
                    if c2 == '}':
                        yield (literal, field_name, '', conversion)
                        continue
                    if c2 != ':':
                        raise ValueError("expected ':' after conversion specifier")
            spec_start = i
            count = 1
            done = False
            while i < n:
                c3 = s[i]
                i += 1
                if c3 == '{':
                    count += 1
                elif c3 == '}':
                    count -= 1
                    if count == 0:
                        format_spec = s[spec_start:i - 1]
                        done = True
                        break
            if not done:
                raise ValueError("unmatched '{' in format spec")
        elif c != '}':
            raise ValueError("expected '}' before end of string")
        yield (literal, field_name, format_spec, conversion)


def _as_index(text):
    if text and text.isdecimal():
        return int(text)
    return text


def _field_name_split(field_name):
    """(first, rest) like _string.formatter_field_name_split: rest yields
    (is_attribute, key) pairs."""
    n = len(field_name)
    i = 0
    while i < n and field_name[i] != '.' and field_name[i] != '[':
        i += 1
    first = _as_index(field_name[:i])
    return first, _field_rest(field_name, i)


def _field_rest(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == '.':
            start = i
            while i < n and s[i] != '.' and s[i] != '[':
                i += 1
            if i == start:
                raise ValueError('Empty attribute in format string')
            yield (True, s[start:i])
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = s[start:i]
            i += 1
            if not key:
                raise ValueError('Empty attribute in format string')
            # What follows ']' is checked when the next part is asked for (lazily, as
            # CPython's iterator does).
            yield (False, _as_index(key))
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                if field_name == '':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index)
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
