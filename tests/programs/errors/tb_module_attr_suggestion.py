import math
math.sqr(4)
