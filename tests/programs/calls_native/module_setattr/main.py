# Names set on a compiled module from outside (`mod.name = v`) are its globals for its own
# code too (CPython: the module dict); deleting them makes them undefined again.
import plugin

print(plugin.has_level())
plugin.LEVEL = 3
print(plugin.setting(), plugin.make(), plugin.LEVEL)
setattr(plugin, 'LEVEL', 'high')
print(plugin.setting())
del plugin.LEVEL
print(plugin.has_level())
