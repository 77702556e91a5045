# 100,000-deep nesting is handled without recursion: valid is kept,
# unclosed is rejected, and nothing crashes.
python3 -c 'print("[" * 100000 + "]" * 100000)' >valid
python3 -c 'print("[" * 100000)' >open
ll-splitjson valid | wc -c
ll-splitjson open
echo "rc=$?"
