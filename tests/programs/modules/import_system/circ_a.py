import circ_b
VALUE = 'a'
def get(): return circ_b.VALUE
