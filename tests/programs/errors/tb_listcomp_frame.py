items = [1, 2, 3]
result = [10 / (i - 2) for i in items]
