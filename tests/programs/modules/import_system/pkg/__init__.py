print('pkg init', __name__, __package__)
from .a import A_VAL
__all__ = ['A_VAL', 'helper']
def helper(): return 'helper'
_private = 1
