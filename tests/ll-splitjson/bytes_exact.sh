# Strings, escapes, unicode and big numbers are copied byte for byte.
printf '{"s":"\\u00e9\\ud83d\\ude00 \\"q\\" \\\\ \\/","u":"été 😀","n":123456789012345678901234567890,"f":-0.5e-10}\n' >in
ll-splitjson in >out
cmp in out && echo identical
