"""edgepyc's pure-Python implementation of the textwrap module (CPython 3.11).

Covers TextWrapper (every option: width, initial_indent, subsequent_indent, expand_tabs,
replace_whitespace, fix_sentence_endings, break_long_words, drop_whitespace,
break_on_hyphens, tabsize, max_lines, placeholder) and the functions wrap, fill,
shorten, dedent and indent.

CPython splits text into chunks with a regular expression (TextWrapper.wordsep_re);
_split_words below is a hand-written scanner that produces the same chunks: runs of the
six ASCII whitespace characters, em-dashes ("--" between words), and words that may end
after a hyphen that joins two letters.  The line-filling algorithm is the documented
greedy one, so lines break at the same places.
"""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

# The whitespace textwrap recognises: ASCII only (not the Unicode spaces str.split knows).
_whitespace = '\t\n\x0b\x0c\r '
_WS = frozenset(_whitespace)
_WORD_PUNCT = frozenset('!"\'&.,?')


def _is_word(c):
    # A regular-expression \w character.
    return c.isalnum() or c == '_'


def _is_letter(c):
    # [^\d\W]: a \w character that is not a decimal digit.
    return (c.isalnum() or c == '_') and not c.isdecimal()


def _is_word_punct(c):
    return c in _WORD_PUNCT or c.isalnum() or c == '_'


def _dash_run_then_word(text, q, n):
    """True if text[q:] starts with two or more '-' followed by a \\w character."""
    r = q
    while r < n and text[r] == '-':
        r += 1
    return r - q >= 2 and r < n and _is_word(text[r])


def _split_words(text):
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        c = text[p]
        if c in _WS:
            q = p + 1
            while q < n and text[q] in _WS:
                q += 1
            chunks.append(text[p:q])
            p = q
            continue
        if c == '-' and p > 0 and _is_word_punct(text[p - 1]) and _dash_run_then_word(text, p, n):
            q = p
            while text[q] == '-':
                q += 1
            chunks.append(text[p:q])
            p = q
            continue
        # The shortest word text[p:q] after which one of these holds:
        #   a hyphen joining letters follows (it stays with this word),
        #   whitespace or the end follows,
        #   an em-dash follows a word character.
        q = p + 1
        while True:
            if q >= n or text[q] in _WS:
                break
            if text[q] == '-':
                behind = ((q >= 2 and _is_letter(text[q - 2]) and _is_letter(text[q - 1])) or
                          (q >= 3 and _is_letter(text[q - 3]) and text[q - 2] == '-'
                           and _is_letter(text[q - 1])))
                if (behind and q + 1 < n and _is_letter(text[q + 1]) and q + 2 < n and
                        (_is_letter(text[q + 2]) or
                         (text[q + 2] == '-' and q + 3 < n and _is_letter(text[q + 3])))):
                    q += 1
                    break
                if _is_word_punct(text[q - 1]) and _dash_run_then_word(text, q, n):
                    break
            q += 1
        chunks.append(text[p:q])
        p = q
    return chunks


def _split_simple(text):
    chunks = []
    n = len(text)
    p = 0
    while p < n:
        in_ws = text[p] in _WS
        q = p + 1
        while q < n and (text[q] in _WS) == in_ws:
            q += 1
        chunks.append(text[p:q])
        p = q
    return chunks


def _ends_sentence(chunk):
    # [a-z][.!?]["']? at the end of the chunk.
    if chunk[-1:] in ('"', "'"):
        chunk = chunk[:-1]
    return len(chunk) >= 2 and chunk[-1] in '.!?' and 'a' <= chunk[-2] <= 'z'


class TextWrapper:
    """Wraps and fills paragraphs; the options are attributes set by the
    constructor.  wrap() and fill() are the public methods; the _ methods are the steps
    subclasses may override."""

    unicode_whitespace_trans = dict.fromkeys(map(ord, _whitespace), ord(' '))

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _munge_whitespace(self, text):
        """Expand tabs, then turn every whitespace character into a space."""
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            text = text.translate(self.unicode_whitespace_trans)
        return text

    def _split(self, text):
        """Split text into words, whitespace runs and (with break_on_hyphens) the
        parts of hyphenated words."""
        if self.break_on_hyphens is True:
            chunks = _split_words(text)
        else:
            chunks = _split_simple(text)
        return [c for c in chunks if c]

    def _fix_sentence_endings(self, chunks):
        """Make the single space after a sentence end two spaces."""
        i = 0
        while i < len(chunks) - 1:
            if chunks[i + 1] == " " and _ends_sentence(chunks[i]):
                chunks[i + 1] = "  "
                i += 2
            else:
                i += 1

    def _handle_long_word(self, reversed_chunks, cur_line, cur_len, width):
        """Place (part of) a chunk too long for any line."""
        if width < 1:
            space_left = 1
        else:
            space_left = width - cur_len
        if self.break_long_words:
            end = space_left
            chunk = reversed_chunks[-1]
            if self.break_on_hyphens and len(chunk) > space_left:
                # Prefer breaking after the last hyphen that fits, unless only
                # hyphens precede it.
                hyphen = chunk.rfind('-', 0, space_left)
                if hyphen > 0 and any(c != '-' for c in chunk[:hyphen]):
                    end = hyphen + 1
            cur_line.append(chunk[:end])
            reversed_chunks[-1] = chunk[end:]
        elif not cur_line:
            cur_line.append(reversed_chunks.pop())

    def _wrap_chunks(self, chunks):
        """Fill lines greedily from the chunks; returns the lines."""
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        if self.max_lines is not None:
            if self.max_lines > 1:
                indent = self.subsequent_indent
            else:
                indent = self.initial_indent
            if len(indent) + len(self.placeholder.lstrip()) > self.width:
                raise ValueError("placeholder too large for max width")

        chunks.reverse()
        while chunks:
            cur_line = []
            cur_len = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)

            # Whitespace at the start of a line (but the first) is dropped.
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]

            while chunks:
                n = len(chunks[-1])
                if cur_len + n <= width:
                    cur_line.append(chunks.pop())
                    cur_len += n
                else:
                    break

            if chunks and len(chunks[-1]) > width:
                self._handle_long_word(chunks, cur_line, cur_len, width)
                cur_len = sum(map(len, cur_line))

            if self.drop_whitespace and cur_line and cur_line[-1].strip() == '':
                cur_len -= len(cur_line[-1])
                del cur_line[-1]

            if cur_line:
                if (self.max_lines is None or
                        len(lines) + 1 < self.max_lines or
                        (not chunks or
                         self.drop_whitespace and
                         len(chunks) == 1 and
                         not chunks[0].strip()) and cur_len <= width):
                    lines.append(indent + ''.join(cur_line))
                else:
                    # The last allowed line: end it with the placeholder, dropping
                    # chunks until it fits.
                    while cur_line:
                        if (cur_line[-1].strip() and
                                cur_len + len(self.placeholder) <= width):
                            cur_line.append(self.placeholder)
                            lines.append(indent + ''.join(cur_line))
                            break
                        cur_len -= len(cur_line[-1])
                        del cur_line[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def _split_chunks(self, text):
        text = self._munge_whitespace(text)
        return self._split(text)

    def wrap(self, text):
        """Wrap a single paragraph of text; returns a list of lines without final
        newlines."""
        chunks = self._split_chunks(text)
        if self.fix_sentence_endings:
            self._fix_sentence_endings(chunks)
        return self._wrap_chunks(chunks)

    def fill(self, text):
        """Wrap a single paragraph of text; returns it as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    """Wrap a paragraph into a list of lines of at most width columns (tabs
    expanded, other whitespace made spaces); kwargs are TextWrapper options."""
    w = TextWrapper(width=width, **kwargs)
    return w.wrap(text)


def fill(text, width=70, **kwargs):
    """Wrap a paragraph like wrap() and return it as one string with newlines."""
    w = TextWrapper(width=width, **kwargs)
    return w.fill(text)


def shorten(text, width, **kwargs):
    """Collapse the whitespace of text and truncate it to width columns, ending
    with the placeholder when something was cut:

        >>> shorten('Hello  world!', width=11)
        'Hello [...]'
    """
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))


def dedent(text):
    """Remove the whitespace prefix common to every non-blank line of text; lines
    of only spaces and tabs become empty.  Lines are separated by '\n' only."""
    lines = text.split('\n')
    margin = None
    for i, line in enumerate(lines):
        stripped = line.lstrip(' \t')
        if not stripped:
            if line:
                lines[i] = ''
            continue
        indent = line[:len(line) - len(stripped)]
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            for j, (x, y) in enumerate(zip(margin, indent)):
                if x != y:
                    margin = margin[:j]
                    break
    if margin:
        cut = len(margin)
        for i, line in enumerate(lines):
            if line.startswith(margin):
                lines[i] = line[cut:]
    return '\n'.join(lines)


def indent(text, prefix, predicate=None):
    """Prefix the lines of text for which predicate(line) is true (by default,
    lines that are not only whitespace) with prefix."""
    out = []
    for line in text.splitlines(True):
        if (predicate(line) if predicate is not None else line.strip()):
            out.append(prefix + line)
        else:
            out.append(line)
    return ''.join(out)
