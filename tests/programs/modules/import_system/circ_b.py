import circ_a
VALUE = 'b'
