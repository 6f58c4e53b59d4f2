data = [1, 2]
print(data[1:2][5])
