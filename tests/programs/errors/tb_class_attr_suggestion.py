class K:
    value = 1
K.valeu
