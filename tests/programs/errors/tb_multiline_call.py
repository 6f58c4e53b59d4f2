result = max(
    [],
    key=len,
)
