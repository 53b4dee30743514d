"""The plate recogniser's alphabet: class 0 is the CTC blank, class i is CHARSET[i - 1]."""

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # plates use no I and no O
DIGITS = "0123456789"
SPECIAL = "警学挂港澳使领"
CHARSET = PROVINCES + LETTERS + DIGITS + SPECIAL
INDEX = {c: i + 1 for i, c in enumerate(CHARSET)}

assert len(PROVINCES) == 31 and len(set(CHARSET)) == len(CHARSET)
