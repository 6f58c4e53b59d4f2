class Weird:
    def __getitem__(self, k):
        return {}[k]
w = Weird()
print(w['a'])
