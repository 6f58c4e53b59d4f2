from c import W
Z = 2
