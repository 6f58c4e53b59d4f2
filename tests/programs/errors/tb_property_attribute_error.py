class P:
    @property
    def val(self):
        raise AttributeError("inner problem")
    def valu(self): pass
P().val
