import a
Y = a.X
