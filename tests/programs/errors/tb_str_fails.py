class Bad(Exception):
    def __str__(self):
        raise TypeError('no str')
raise Bad()
