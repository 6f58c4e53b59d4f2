items = [3, 'a']
items.sort()
