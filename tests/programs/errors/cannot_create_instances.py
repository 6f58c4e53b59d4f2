    try: print(repr(f()))
    except TypeError as e: print(e)
