print("recsite")
