import b
X = 1
print(b.Y)
