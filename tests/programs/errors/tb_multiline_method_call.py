obj = None
obj.method(1,
           2)
