def compute():
    total_count = 1
    return total_cuont + 1
compute()
