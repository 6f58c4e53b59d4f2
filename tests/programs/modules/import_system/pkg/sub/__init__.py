from .. import a
from ..a import A_VAL as V
from . import mod
print('sub init', a.A_VAL, V, mod.X)
