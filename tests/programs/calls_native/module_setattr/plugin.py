# A module whose functions read globals it never assigns: the importer sets them.


def setting():
    return LEVEL


def make():
    class Holder:
        level = LEVEL
    return Holder.level


def has_level():
    try:
        return LEVEL
    except NameError as e:
        return str(e)
