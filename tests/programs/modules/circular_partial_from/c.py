from d import Z
W = 1
