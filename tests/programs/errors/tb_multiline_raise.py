raise ValueError(
    'multi line raise'
)
