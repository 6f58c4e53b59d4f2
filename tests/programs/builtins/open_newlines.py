# Text files: universal newlines and newline='' / '\n' / '\r' / '\r\n' with read(n), readline(), iteration.
P = '/tmp/edgepyc-test-newlines.txt'
state = 5
def rnd():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 20
pieces = ['a', 'bc', '\n', '\r', '\r\n', 'é', '€', '\U0001f600', ' ', 'xyz']
for trial in range(40):
    text = ''.join(pieces[rnd() % len(pieces)] for _ in range(rnd() % 40))
    with open(P, 'w', newline='') as f:
        f.write(text)
    for nl in [None, '', '\n', '\r', '\r\n']:
        with open(P, newline=nl) as f:
            out = []
            while True:
                k = rnd() % 4
                if k == 0:
                    s = f.read(1 + rnd() % 5)
                elif k == 1:
                    s = f.readline()
                elif k == 2:
                    s = f.readline(1 + rnd() % 4)
                else:
                    s = next(f, '')
                if s == '':
                    break
                out.append(s)
        with open(P, newline=nl) as f:
            lines = f.readlines()
        print(trial, repr(nl), out == [x for x in out], ''.join(out) == ''.join(lines), repr(''.join(out)), lines)
with open(P, 'w') as f:
    f.write('one\ntwo\r\nthree')
with open(P, 'rb') as f:
    print(f.read())
with open(P, 'w', newline='\r\n') as f:
    f.write('a\nb\n')
with open(P, 'rb') as f:
    print(f.read())
with open(P, 'w', newline='\r') as f:
    f.write('a\nb\n')
with open(P, 'rb') as f:
    print(f.read())
