def inner():
    raise ExceptionGroup('many', [ValueError('bad value'), TypeError('bad type'), ExceptionGroup('nested', [KeyError('k')])])
inner()
