"""Văn bản chỉ đạo, điều hành: the register of directive documents (van-ban/)."""
